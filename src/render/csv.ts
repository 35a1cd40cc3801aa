/**
 * CSV fields for spreadsheets, shared by every CSV org writes (`export --format csv`, the matrix
 * CSV). Names come from files anyone may edit, and a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR as a formula (`=HYPERLINK(…)`, `@SUM(…)`, DDE). Such a cell
 * gets a leading apostrophe, which spreadsheets show as text and hide. To keep the round trip
 * through `org import csv` exact, a value that already starts with apostrophes before such a
 * character gets one more, and `restoreFormulaText` takes exactly one away.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The value with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseFormula, for reading a CSV org (or a careful spreadsheet) wrote. */
export function restoreFormulaText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * One field (RFC 4180): formula-neutralised, then quoted when it holds the separator, a quote, a
 * line break or spaces at either end.
 */
export function csvField(value: string, separator = ','): string {
  const safe = neutraliseFormula(value);
  if (safe === '' || (!safe.includes(separator) && !/["\r\n]/.test(safe) && safe.trim() === safe)) return safe;
  return `"${safe.replace(/"/g, '""')}"`;
}
