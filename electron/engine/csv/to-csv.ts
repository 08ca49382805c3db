import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV that spreadsheets open safely: a BOM so Excel reads Cyrillic as UTF-8, and cells that
 * would start a formula prefixed with an apostrophe (CSV injection).
 */
export function toCsv<T>(columns: readonly { header: string; value: (row: T) => unknown }[], rows: Iterable<T>): string {
  const records: string[][] = [];
  for (const row of rows) records.push(columns.map((c) => cell(c.value(row))));
  return `\uFEFF${stringify(records, { header: true, columns: columns.map((c) => c.header), record_delimiter: '\r\n' })}`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvFilename(prefix: string, now: number): string {
  return `${prefix}-${new Date(now).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.csv`;
}
