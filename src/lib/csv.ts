/**
 * CSV text for downloads made on the site (per report, per chart, the compare view), UTF-8 with a BOM for
 * spreadsheet programs; every text field passes the formula guard (src/schema/csv-guard.ts).
 */
// The browser build works in Node too; the compare page's script makes its CSV in the browser.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { CSV_FORMULA_GUARD } from '../schema/csv-guard';

export type CsvValue = string | number | null | undefined;

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as CsvValue[][], { bom: true, record_delimiter: 'windows', cast: CSV_FORMULA_GUARD });
}
