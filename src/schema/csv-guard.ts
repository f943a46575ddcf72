/**
 * The formula guard of every CSV the site publishes (data/downloads/, /reports/<id>.csv, chart and compare CSVs):
 * spreadsheets run a cell starting with = + - @ (or a tab or carriage return) as a formula, and report text is
 * untrusted, so such text gets a leading '. Numbers are never touched. Imports nothing, so the compare page's
 * browser script can use it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const safeCsvText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** csv-stringify's `cast` option that applies the guard to every string field. */
export const CSV_FORMULA_GUARD = { string: (text: string) => safeCsvText(text) } as const;
