/**
 * CSV text for downloads made on the site (per report, per chart, the compare view), UTF-8 with a BOM for
 * spreadsheet programs, records ended by CRLF; every text field passes the formula guard (src/schema/csv-guard.ts).
 *
 * Written here rather than through csv-stringify, with the very bytes csv-stringify writes for these options
 * (`bom`, `record_delimiter: 'windows'`, `quote_record_delimiter`, the guard as `cast.string`): a field is quoted
 * when it holds a quote, a comma or a line break (CR or LF alone too: without `quote_record_delimiter` csv-stringify
 * left them unquoted in CRLF records, splitting the record for a reader), its quotes doubled; numbers print as
 * JavaScript prints them; null and undefined are empty. csv-stringify's per-field option handling took about a
 * third of what the site-files writer computed for a report (BENCHMARKS.md, "Pagefind reads only what it indexes;
 * the site's CSV without csv-stringify"); tests/unit/site-csv.test.ts holds this to csv-stringify and csv-parse over
 * random rows. Imports nothing but the guard, so the compare page's browser script can use it.
 */
import { safeCsvText } from '../schema/csv-guard';
import type { CsvValue } from '../schema/csv';

export type { CsvValue };

const BOM = '\ufeff';
const RECORD_END = '\r\n';
/** What makes csv-stringify quote a field: its quote, its delimiter, a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: text guarded, then quoted when it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `${value}`;
  const text = safeCsvText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record's fields joined, with its line break. */
const csvRecord = (values: readonly CsvValue[]): string => values.map(csvField).join(',') + RECORD_END;

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  let out = BOM;
  for (const row of rows) out += csvRecord(row);
  return out;
}
