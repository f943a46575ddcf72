/**
 * downloads/reports.sqlite: the whole data set as one SQLite database (agencies, reports, every cell of tables A, B
 * and C in long form, rule breaks, diagnostics, prose sections and the dictionary), with foreign keys and indexes,
 * for Datasette, DuckDB, pandas or the sqlite3 shell.
 *
 * Written with node-sqlite3-wasm: SQLite compiled to WebAssembly with a virtual file system on Node's fs, so the
 * database is written to disk page by page (nothing native to compile or download, and the memory it takes is the
 * page cache, not the corpus). Reports are inserted one after the other as they are iterated; each report's cells,
 * checks, diagnostics and sections go in with one statement each, as a JSON array read by SQLite's json_each.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { CELL_DEFINITIONS, cellValue, type AgencyIndexEntry, type Rejected, type Report } from '../../schema';
import { replaceAtomically } from './atomic';

/** A CommonJS module: its exports come as one object under Node's ES module loader. */
const { Database } = sqlite;
type Db = InstanceType<typeof Database>;


/** SQLite's page cache while writing, in KiB (negative: a size, not a page count): bounded whatever the corpus. */
const CACHE_KIB = 64 * 1024;

/**
 * The tables. Column names follow the CSV downloads (`id`, `agency_slug`, `year`, `report_id`, `table`, `row`,
 * `column`, `value`) and the report JSON (`checks`, `diagnostics`, `sections`); `key` is a value path of
 * dictionary.csv and of the wide CSV's columns. `cells` has about two hundred rows a report, so it refers to its
 * report and its dictionary entry by small integers (`report_no`, `cell`: numbers of this file only, not stable
 * across builds) instead of repeating two long strings in every row: a tenth of the size. The view `cells_long`
 * gives every cell with the long CSV's columns and the key.
 */
const SCHEMA = `
CREATE TABLE agencies (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  province TEXT,
  prefecture TEXT,
  county TEXT,
  region_code TEXT
);
CREATE TABLE reports (
  report_no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  agency_slug TEXT NOT NULL REFERENCES agencies(slug),
  agency TEXT NOT NULL,
  year INTEGER NOT NULL,
  template TEXT NOT NULL,
  title TEXT NOT NULL,
  source_url TEXT,
  published_at TEXT,
  source_path TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_bytes INTEGER NOT NULL,
  source_encoding TEXT NOT NULL,
  source_layout TEXT NOT NULL,
  source_reader TEXT NOT NULL,
  parser_version TEXT NOT NULL,
  rule_breaks INTEGER NOT NULL
);
CREATE TABLE dictionary (
  cell INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  "table" TEXT NOT NULL,
  "row" TEXT NOT NULL,
  "column" TEXT NOT NULL,
  table_zh TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  unit TEXT NOT NULL
);
CREATE TABLE cells (
  report_no INTEGER NOT NULL REFERENCES reports(report_no),
  cell INTEGER NOT NULL REFERENCES dictionary(cell),
  value NUMERIC,
  PRIMARY KEY (report_no, cell)
) WITHOUT ROWID;
CREATE TABLE checks (
  report_id TEXT NOT NULL REFERENCES reports(id),
  rule TEXT NOT NULL,
  scope TEXT NOT NULL,
  expected NUMERIC NOT NULL,
  found NUMERIC NOT NULL,
  cells TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE TABLE diagnostics (
  report_id TEXT REFERENCES reports(id),
  file TEXT NOT NULL,
  severity TEXT NOT NULL,
  code TEXT NOT NULL,
  line INTEGER,
  expected TEXT NOT NULL,
  found TEXT NOT NULL,
  message TEXT NOT NULL,
  path TEXT
);
CREATE TABLE sections (
  report_id TEXT NOT NULL REFERENCES reports(id),
  section TEXT NOT NULL,
  title TEXT NOT NULL,
  line INTEGER,
  text TEXT NOT NULL,
  PRIMARY KEY (report_id, section)
) WITHOUT ROWID;
`;

/**
 * This SQLite build enforces foreign keys by default. The writer fills tables in its own order (reports before the
 * agencies they name; agencies replaced wholesale on an update): checks off while writing, and the tests run
 * `PRAGMA foreign_key_check` on the result. Whoever opens the file gets the default of their own SQLite.
 */
const NO_KEY_CHECKS = 'PRAGMA foreign_keys = OFF;';

/** Rows of each index that ANALYZE samples. */
const ANALYSIS_ROWS = 1000;

/** Created after the rows are in (faster than keeping them up to date row by row). */
const INDEXES = `
CREATE INDEX reports_by_agency ON reports(agency_slug, year);
CREATE INDEX reports_by_year ON reports(year);
CREATE INDEX agencies_by_region ON agencies(province, prefecture, county);
CREATE INDEX cells_by_cell ON cells(cell, value);
CREATE INDEX checks_by_report ON checks(report_id);
CREATE INDEX checks_by_rule ON checks(rule);
CREATE INDEX diagnostics_by_report ON diagnostics(report_id);
CREATE INDEX diagnostics_by_file ON diagnostics(file);
CREATE INDEX diagnostics_by_code ON diagnostics(code);
`;

/** The long CSV's columns, as a view: every cell with its report's agency and year and its table, row and column. */
const VIEWS = `
CREATE VIEW cells_long AS
  SELECT r.id AS report_id, r.agency, r.year, d."table", d."row", d."column", c.value, d.key, d.label_zh, d.label_en, d.unit
  FROM cells c JOIN reports r ON r.report_no = c.report_no JOIN dictionary d ON d.cell = c.cell;
`;

/*
 * The JSON arrays below are bound as UTF-8 bytes (a blob) and read as text (CAST … AS TEXT: the same bytes): the
 * SQLite binding encodes a string to UTF-8 in a JavaScript loop, a character at a time, which for the reports' prose
 * cost more than Buffer.from does natively (see utf8).
 */
const INSERT_REPORT = `INSERT INTO reports VALUES (${Array.from({ length: 18 }, () => '?').join(', ')})`;
/** ?2 is the JSON array of every cell of the dictionary in order (cell number = position + 1), `false` where the report has none. */
const INSERT_CELLS = `INSERT INTO cells SELECT ?1, j.key + 1, j.value FROM json_each(CAST(?2 AS TEXT)) j WHERE j.type <> 'false'`;
const INSERT_CHECKS = `INSERT INTO checks SELECT ?1, j.value ->> 'rule', j.value ->> 'scope', j.value ->> 'expected',
  j.value ->> 'found', j.value -> 'cells', j.value ->> 'message' FROM json_each(CAST(?2 AS TEXT)) j`;
const INSERT_DIAGNOSTICS = `INSERT INTO diagnostics SELECT ?1, j.value ->> 'file', j.value ->> 'severity', j.value ->> 'code',
  j.value ->> 'line', j.value ->> 'expected', j.value ->> 'found', j.value ->> 'message', j.value ->> 'path' FROM json_each(CAST(?2 AS TEXT)) j`;
const INSERT_SECTIONS = `INSERT INTO sections SELECT ?1, j.key, j.value ->> 'title', j.value ->> 'line', j.value ->> 'text'
  FROM json_each(CAST(?2 AS TEXT)) j WHERE j.type = 'object'`;

/** The dictionary's cell numbers: the position in CELL_DEFINITIONS, from 1 (as INSERT_CELLS numbers them). */
const cellNo = (index: number) => index + 1;

/**
 * A report's cells for INSERT_CELLS: a number, null for a blank cell, false for a cell of a table or row the report
 * does not have (left out, as in the long CSV). One array a report: SQLite reads it far faster than a statement a cell.
 */
function cellsJson(report: Report): string {
  return `[${CELL_DEFINITIONS.map((d) => {
    const value = cellValue(report, d);
    // Cells are finite numbers (the schema refuses others): their JavaScript text is their JSON.
    return value === undefined ? 'false' : `${value}`;
  }).join(',')}]`;
}

/** The reports table's columns after report_no, in order (positional: binding by name costs a look-up a value). */
function reportRow(r: Report): ReportRowValue[] {
  const { meta, source } = r;
  return [
    r.id, r.agency.slug, r.agency.name, r.year, r.template, meta.title, meta.sourceUrl, meta.publishedAt,
    source.path, source.sha256, source.format, source.bytes, source.encoding, source.layout, source.reader,
    r.parserVersion, r.checks.length,
  ];
}

type ReportRowValue = string | number | null;

/**
 * What the database holds of a report: its row (but its number, given when inserted) and the JSON arrays of its
 * cells, rule breaks (null: none), diagnostics (null: none) and sections, as text or as UTF-8 bytes. Made where the
 * report is an object (reportRecord), so the database thread receives these and never parses a report
 * (./database-task.ts): decoding and parsing the reports, mostly prose and diagnostics, took 0.6 s of its 5 s CPU at
 * 10,000 reports (BENCHMARKS.md, "The data step's write stage").
 */
export interface ReportRecord {
  row: ReportRowValue[];
  cells: string | Uint8Array;
  checks: string | Uint8Array | null;
  diagnostics: string | Uint8Array | null;
  sections: string | Uint8Array;
}

export function reportRecord(r: Report): ReportRecord {
  return {
    row: reportRow(r),
    cells: cellsJson(r),
    checks: r.checks.length > 0 ? JSON.stringify(r.checks) : null,
    diagnostics: r.diagnostics.length > 0 ? JSON.stringify(r.diagnostics) : null,
    sections: JSON.stringify(r.sections),
  };
}

function* recordsOf(reports: Iterable<Report>): Generator<ReportRecord> {
  for (const r of reports) yield reportRecord(r);
}

export interface DatabaseInput {
  agencies: readonly AgencyIndexEntry[];
  /** Sorted by id; iterated once when the file is written anew. */
  reports: Iterable<Report>;
  rejected: readonly Rejected[];
  /** What a report's rows are made from (its fingerprint in the output manifest); undefined when unknown. */
  inputsOf?: (report: Report) => string | undefined;
}

/** The output manifest's part the database uses (./manifest.ts). */
export interface DatabaseManifest {
  recordedInputs(file: string): string | null;
  record(file: string, inputs: string): void;
}

/** What the database was made from: each report's fingerprint, and one of the agencies and rejected files. */
interface DatabaseInputs {
  reports: Record<string, string>;
  others: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Brings `file` up to date with `input`. With a manifest and every report's fingerprint known, a database written
 * by an earlier run is updated in place: the rows of reports that changed or left are deleted, those of new and
 * changed reports inserted, agencies and rejected files' diagnostics replaced (one transaction: a failure leaves the
 * file as it was). Otherwise, or when the file is not the one recorded, it is written anew.
 * Returns what it did.
 */
export async function updateDatabase(file: string, input: DatabaseInput & { reports: readonly Report[] }, manifest?: DatabaseManifest): Promise<'unchanged' | 'updated' | 'written'> {
  const plan = planDatabase(file, input, manifest);
  if (plan.action === 'update') updateInPlace(file, input, plan.previous, plan.current, plan.othersChanged);
  else if (plan.action === 'write') await writeDatabaseAtomic(file, input);
  plan.record?.();
  return plan.action === 'write' ? 'written' : plan.action === 'update' ? 'updated' : 'unchanged';
}

/**
 * What updateDatabase does to bring `file` up to date (see there), decided without touching the database: leave it,
 * update it in place (the reports whose fingerprints differ) or write it anew; `record` notes what it was made from
 * in the manifest, once done.
 */
export type DatabasePlan =
  | { action: 'unchanged' | 'write'; record?: () => void }
  | { action: 'update'; previous: Record<string, string>; current: Record<string, string>; othersChanged: boolean; record: () => void };

export function planDatabase(file: string, input: Omit<DatabaseInput, 'reports'> & { reports: readonly Report[] }, manifest?: DatabaseManifest): DatabasePlan {
  const fingerprints = input.inputsOf ? input.reports.map((r) => [r.id, input.inputsOf!(r)] as const) : null;
  if (!manifest || !fingerprints || fingerprints.some(([, f]) => f === undefined)) return { action: 'write' };
  const inputs: DatabaseInputs = {
    reports: Object.fromEntries(fingerprints) as Record<string, string>,
    others: sha256(JSON.stringify([input.agencies, input.rejected])),
  };
  const text = JSON.stringify(inputs);
  const recorded = manifest.recordedInputs(file);
  const record = () => manifest.record(file, text);
  if (recorded === text) return { action: 'unchanged', record };
  if (recorded === null) return { action: 'write', record };
  const previous = JSON.parse(recorded) as DatabaseInputs;
  return { action: 'update', previous: previous.reports, current: inputs.reports, othersChanged: previous.others !== inputs.others, record };
}

/** The database's content with the reports as their records (in id order), as the database thread gets it. */
export type DatabaseRecords = Pick<DatabaseInput, 'agencies' | 'rejected'> & { records: Iterable<ReportRecord> };

/** Writes the database to `file` (a temporary file renamed over it when complete). */
export function writeDatabaseAtomic(file: string, { reports, ...input }: DatabaseInput): Promise<void> {
  return writeRecordsAtomic(file, { ...input, records: recordsOf(reports) });
}

/** writeDatabaseAtomic with the reports' records at hand. */
export async function writeRecordsAtomic(file: string, input: DatabaseRecords): Promise<void> {
  // SQLite reports a missing folder as a failure to open, not as ENOENT: make sure it is there.
  await mkdir(path.dirname(file), { recursive: true });
  return replaceAtomically(file, async (temp) => {
    writeDatabase(temp, input);
    // SQLite creates the file readable by its owner only; it is a download like the others.
    await chmod(temp, 0o644);
  });
}

type Statements = ReturnType<typeof prepareInserts>;

function prepareInserts(db: Db) {
  const insert = (sql: string) => db.prepare(sql);
  return {
    agency: insert('INSERT INTO agencies VALUES (?, ?, ?, ?, ?, ?, ?)'),
    dictionary: insert('INSERT INTO dictionary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    report: insert(INSERT_REPORT),
    cells: insert(INSERT_CELLS),
    checks: insert(INSERT_CHECKS),
    diagnostics: insert(INSERT_DIAGNOSTICS),
    sections: insert(INSERT_SECTIONS),
  };
}

/** Runs `use` with the insert statements, finalising them after (node-sqlite3-wasm does not collect them). */
function withInserts(db: Db, use: (statements: Statements) => void): void {
  const statements = prepareInserts(db);
  try {
    use(statements);
  } finally {
    for (const s of Object.values(statements)) s.finalize();
  }
}

/** A JSON array for one of the INSERT statements above: its UTF-8 bytes. */
const utf8 = (json: string | Uint8Array) => (typeof json === 'string' ? Buffer.from(json) : json);

function insertReport(statements: Statements, { row, cells, checks, diagnostics, sections }: ReportRecord, reportNo: number): void {
  const id = row[0];
  statements.report.run([reportNo, ...row]);
  statements.cells.run([reportNo, utf8(cells)]);
  if (checks !== null) statements.checks.run([id, utf8(checks)]);
  if (diagnostics !== null) statements.diagnostics.run([id, utf8(diagnostics)]);
  statements.sections.run([id, utf8(sections)]);
}

function insertAgenciesAndRejected(statements: Statements, { agencies, rejected }: Pick<DatabaseInput, 'agencies' | 'rejected'>): void {
  for (const a of agencies) {
    const { province, prefecture, county, code } = a.region;
    statements.agency.run([a.slug, a.name, a.level, province, prefecture, county, code]);
  }
  for (const f of rejected) statements.diagnostics.run([null, utf8(JSON.stringify(f.diagnostics))]);
}

function writeDatabase(file: string, input: DatabaseRecords): void {
  const db = new Database(file);
  try {
    // A fresh file written once: no journal or syncs needed (a failed write leaves only the temporary file, removed).
    db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -${CACHE_KIB}; ${NO_KEY_CHECKS}`);
    db.exec(SCHEMA);
    db.exec('BEGIN');
    withInserts(db, (statements) => {
      CELL_DEFINITIONS.forEach((d, i) =>
        statements.dictionary.run([cellNo(i), d.path, d.table, d.row, d.column, d.tableZh, d.zh, d.en, d.unit]),
      );
      let reportNo = 0;
      for (const record of input.records) insertReport(statements, record, ++reportNo);
      insertAgenciesAndRejected(statements, input);
    });
    db.exec('COMMIT');
    db.exec(INDEXES);
    db.exec(VIEWS);
    // Statistics for the query planner of whoever opens the file (sampled: a full pass would cost as much as the indexes).
    db.exec(`PRAGMA analysis_limit = ${ANALYSIS_ROWS}; ANALYZE`);
  } finally {
    db.close();
  }
}

/**
 * The in-place update of updateDatabase, in one transaction (SQLite's rollback journal makes it all or nothing);
 * agencies and rejected files' diagnostics are replaced only when they changed.
 */
export function updateInPlace(
  file: string,
  input: DatabaseInput,
  previous: Record<string, string>,
  current: Record<string, string>,
  othersChanged: boolean,
): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.exec(`PRAGMA synchronous = OFF; PRAGMA cache_size = -${CACHE_KIB}; ${NO_KEY_CHECKS}`);
    db.exec('BEGIN');
    const stale = Object.keys(previous).filter((id) => current[id] !== previous[id]);
    const deletes = [
      'DELETE FROM cells WHERE report_no = (SELECT report_no FROM reports WHERE id = ?1)',
      ...['checks', 'diagnostics', 'sections'].map((table) => `DELETE FROM ${table} WHERE report_id = ?1`),
      'DELETE FROM reports WHERE id = ?1',
    ].map((sql) => db.prepare(sql));
    try {
      for (const id of stale) for (const d of deletes) d.run([id]);
    } finally {
      for (const d of deletes) d.finalize();
    }
    if (othersChanged) db.exec('DELETE FROM agencies; DELETE FROM diagnostics WHERE report_id IS NULL');
    let reportNo = Number(db.get('SELECT coalesce(max(report_no), 0) AS n FROM reports')!.n);
    withInserts(db, (statements) => {
      for (const r of input.reports) if (previous[r.id] !== current[r.id]) insertReport(statements, reportRecord(r), ++reportNo);
      if (othersChanged) insertAgenciesAndRejected(statements, input);
    });
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}
