/**
 * The site's CSV writer (src/lib/csv.ts) against csv-stringify, the library it stands in for on the hot path: the
 * same bytes for any rows of text, numbers and blanks, with the options the site used with csv-stringify (BOM, CRLF
 * records, the formula guard on text) and a lone line break quoted (`quote_record_delimiter`: with CRLF records
 * csv-stringify left "a\nb" unquoted, which splits the record for a reader); and read back by csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvValue } from '../../src/lib/csv';
import { CSV_FORMULA_GUARD } from '../../src/schema/csv-guard';

const byLibrary = (rows: CsvValue[][]) =>
  stringify(rows, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, cast: CSV_FORMULA_GUARD });
/** What a reader gets back from a field: the guarded text, a number's digits, a blank as empty. */
const asRead = (v: CsvValue) => (v === null || v === undefined ? '' : typeof v === 'number' ? `${v}` : v.replace(/^[=+\-@\t\r]/, "'$&"));

/** Text from the characters that matter to CSV and to the guard, and Chinese. */
const text = fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'", 'a', '1', '.', '机', '关', '，', '“') });
const value: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.constant(undefined), fc.constant(''));

describe('toCsv', () => {
  it('writes what csv-stringify writes, byte for byte, for any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        expect(toCsv(rows)).toBe(byLibrary(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('is read back by csv-parse field for field', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 12 }), (rows) => {
        expect(parse(toCsv(rows), { bom: true, relaxColumnCount: true })).toEqual(rows.map((row) => row.map(asRead)));
      }),
      { numRuns: 300 },
    );
  });

  it('quotes a field with a quote, a comma or a line break, and guards a formula', () => {
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(toCsv([['id', '机关'], [1, null]])).toBe('\ufeffid,机关\r\n1,\r\n');
  });
});
