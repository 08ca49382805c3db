// The same rule as the engine's reports (electron/engine/csv/to-csv.ts): a cell that would
// start a formula gets an apostrophe, so a spreadsheet shows it instead of running it.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: a field with a quote, a comma or a line break is quoted, its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table the window already shows, as CSV text (download.ts adds the BOM). */
export function tableToCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
