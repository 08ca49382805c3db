const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell's text as spreadsheets open it safely, the one rule for the engine's reports and
 * the window's table exports: empty for nothing, JSON for an object, and an apostrophe before
 * text that would start a formula (CSV injection), so a spreadsheet shows it instead of running it.
 */
export function spreadsheetSafeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
