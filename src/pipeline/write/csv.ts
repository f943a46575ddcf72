/**
 * CSV downloads written to data/downloads/: the wide and long CSV of each part of the reports (./parts.ts) and
 * dictionary.csv (columns and rows: src/schema/csv.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { CELL_DEFINITIONS, CSV_FORMULA_GUARD, IDENTITY_COLUMNS, LONG_COLUMNS, WIDE_COLUMNS, cellValue, type CsvValue, type Report } from '../../schema';
import { writeChunksAtomic } from './atomic';

/**
 * Rows per chunk. The rows are arrays already in column order: batches through csv-stringify's synchronous API,
 * without its `columns` option (which maps every row again), are several times faster than its stream row by row.
 */
const ROWS_PER_CHUNK = 2000;

function header(columns: string[]): string {
  return stringify([], { header: true, columns, bom: true });
}

/** Streams rows to a CSV file, UTF-8 with BOM so spreadsheet programs read the Chinese text correctly. */
export function writeCsvAtomic(target: string, columns: string[], rows: Iterable<CsvValue[]>): Promise<void> {
  function* chunks() {
    yield header(columns);
    let batch: CsvValue[][] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === ROWS_PER_CHUNK) {
        yield stringify(batch, { cast: CSV_FORMULA_GUARD });
        batch = [];
      }
    }
    if (batch.length > 0) yield stringify(batch, { cast: CSV_FORMULA_GUARD });
  }
  return writeChunksAtomic(target, chunks());
}

/**
 * The CSV text one report contributes to the downloads: all its long rows, and its wide row. Computed where the
 * report is parsed, on a worker thread, and cached with it: a rebuild does not stringify two million cells again.
 * The wide row holds the report's rule-break count, which the cross-year check (X1) can change after the cache:
 * the row of such a report is computed again when writing. CSV fields are quoted one by one, so the pieces join
 * byte for byte.
 */
export interface ReportCsv {
  long: string;
  wide: string;
}

/** A report's pieces as the caller has them: null when a piece must be computed again; the long one may be read on demand. */
export interface ReportCsvSource {
  wide: string | null;
  long: () => string | Uint8Array | null;
}

/** A row of fields quoted by csv-stringify (text formula-guarded: src/schema/csv-guard.ts), without its line break. */
const fields = (values: CsvValue[]) => stringify([values], { cast: CSV_FORMULA_GUARD }).slice(0, -1);
/** A cell value as csv-stringify writes it: numbers as JavaScript prints them (never quoted), blanks empty. */
const cellText = (value: number | null | undefined) => (value == null ? '' : `${value}`);
/**
 * The cell columns of each long row (table, row, column), quoted once: a report's long rows are then its own
 * quoted identity, these, and a number. The same bytes as csv-stringify row by row (tests/unit/pipeline-write),
 * several times faster on two hundred rows a report.
 */
const LONG_CELL_FIELDS = CELL_DEFINITIONS.map((d) => fields([d.table, d.row, d.column]));

export function reportCsv(report: Report): ReportCsv {
  const identity = fields([report.id, report.agency.name, report.year]);
  let long = '';
  const numbers: string[] = [];
  CELL_DEFINITIONS.forEach((d, i) => {
    const value = cellValue(report, d);
    numbers.push(cellText(value));
    if (value !== undefined) long += `${identity},${LONG_CELL_FIELDS[i]},${cellText(value)}\n`;
  });
  return { long, wide: `${fields(IDENTITY_COLUMNS.map((c) => c.value(report)))},${numbers.join(',')}\n` };
}

/** A wide and a long CSV of `reports`; `csvOf` returns a report's pieces when they were computed already. */
export async function writeReportCsvsAtomic(
  targets: { wide: string; long: string },
  reports: readonly Report[],
  csvOf: (report: Report) => ReportCsvSource | undefined,
): Promise<void> {
  const computed = new Map<Report, ReportCsv>();
  const compute = (r: Report) => computed.get(r) ?? computed.set(r, reportCsv(r)).get(r)!;
  function* wide() {
    yield header(WIDE_COLUMNS);
    for (const r of reports) yield csvOf(r)?.wide ?? compute(r).wide;
  }
  function* long() {
    yield header(LONG_COLUMNS);
    for (const r of reports) {
      yield csvOf(r)?.long() ?? compute(r).long;
      computed.delete(r);
    }
  }
  await writeChunksAtomic(targets.wide, wide());
  await writeChunksAtomic(targets.long, long());
}
