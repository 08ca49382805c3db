import { spreadsheetSafeCell } from '../../../shared/domain/csv-cell';

// RFC 4180: a field with a quote, a comma or a line break is quoted, its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: unknown): string {
  const text = spreadsheetSafeCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table the window already shows, as CSV text (download.ts adds the BOM). */
export function tableToCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
