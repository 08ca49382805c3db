import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafeCell } from '../../../shared/domain/csv-cell';

/**
 * CSV that spreadsheets open safely: a BOM so Excel reads Cyrillic as UTF-8, and cells that
 * would start a formula prefixed with an apostrophe (CSV injection).
 */
export function toCsv<T>(columns: readonly { header: string; value: (row: T) => unknown }[], rows: Iterable<T>): string {
  const records: string[][] = [];
  for (const row of rows) records.push(columns.map((c) => spreadsheetSafeCell(c.value(row))));
  return `\uFEFF${stringify(records, { header: true, columns: columns.map((c) => c.header), record_delimiter: '\r\n' })}`;
}

export function csvFilename(prefix: string, now: number): string {
  return `${prefix}-${new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.csv`;
}
