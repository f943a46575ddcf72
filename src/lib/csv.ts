/** CSV text for downloads made on the site (per chart, the compare view), UTF-8 with a BOM for spreadsheet programs. */
// The browser build works in Node too; the compare page's script makes its CSV in the browser.
import { stringify } from 'csv-stringify/browser/esm/sync';

export type CsvValue = string | number | null | undefined;

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as CsvValue[][], { bom: true, record_delimiter: 'windows' });
}

/** Spreadsheets run cells starting with these as formulas; text from reports is untrusted, so it is quoted with '. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const safeCsvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
