import { stringify } from 'csv-stringify/sync';

// The same rule as the engine's reports (electron/engine/csv/to-csv.ts): a cell that would
// start a formula gets an apostrophe, so a spreadsheet shows it instead of running it.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A table the window already shows, as CSV text (download.ts adds the BOM). */
export function tableToCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return FORMULA_START.test(text) ? `'${text}` : text;
  };
  return stringify(
    rows.map((row) => row.map(cell)),
    { header: true, columns: [...headers], record_delimiter: '\r\n' },
  );
}
