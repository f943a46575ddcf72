/**
 * downloads/reports.sqlite, read back with the library that wrote it (node-sqlite3-wasm): on the seeds and on a
 * generated corpus over several provinces and years, its rows are the JSON parts', agencies.json's and rejected.json's
 * — counted and compared value by value from the JSON files, not from the writer's own lists — and its foreign keys hold.
 */
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generator';
import { runPipeline } from '../../src/pipeline';
import { readReportsJson } from '../../src/lib/report-parts';
import { DOWNLOAD_FILES, type AgencyIndexEntry, type Rejected, type Report } from '../../src/schema';
import { copySeeds, GENERATED_PROVINCES, GENERATED_YEARS, writeRegionalCorpus } from './database-corpus';

const { Database } = sqlite;
type Db = InstanceType<typeof Database>;

/** The tables of numbers in a report's JSON: every leaf under them is one cell. */
const CELL_TABLES = ['proactive', 'proactive2019', 'requests', 'appeals'] as const;

/** Every cell a report's JSON holds, as `table.row.column` → value, walking the JSON itself. */
function jsonCells(report: Report): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  for (const table of CELL_TABLES) {
    const rows = report[table] as Record<string, Record<string, number | null> | undefined> | null;
    for (const [row, columns] of Object.entries(rows ?? {})) {
      for (const [column, value] of Object.entries(columns ?? {})) cells.set(`${table}\u0000${row}\u0000${column}`, value);
    }
  }
  return cells;
}

interface Built {
  dir: string;
  db: Db;
  reports: Report[];
  agencies: AgencyIndexEntry[];
  rejected: Rejected[];
}

/** Content, and optionally a change to it made after a first run with the cache (the database is then updated in place). */
interface Corpus {
  make: (contentDir: string) => Promise<unknown>;
  change?: (contentDir: string) => Promise<unknown>;
}

async function build({ make, change }: Corpus): Promise<Built> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-db-'));
  await make(path.join(dir, 'content'));
  const out = path.join(dir, 'data');
  await runPipeline({ contentDir: path.join(dir, 'content'), outDir: out, cache: change !== undefined, workers: 0 });
  if (change) {
    await change(path.join(dir, 'content'));
    await runPipeline({ contentDir: path.join(dir, 'content'), outDir: out, cache: true, workers: 0 });
  }
  const json = async <T,>(file: string): Promise<T> => JSON.parse(await readFile(path.join(out, file), 'utf8')) as T;
  return {
    dir,
    db: new Database(path.join(out, 'downloads', DOWNLOAD_FILES.database), { readOnly: true, fileMustExist: true }),
    reports: readReportsJson(out) as Report[],
    agencies: await json<AgencyIndexEntry[]>('agencies.json'),
    rejected: await json<Rejected[]>('rejected.json'),
  };
}

const count = (db: Db, table: string) => db.get(`SELECT count(*) AS n FROM ${table}`)!.n;

/** The assertions shared by both corpora. */
function describeDatabase(name: string, corpus: Corpus, extra?: (b: () => Built) => void) {
  describe(name, () => {
    let built: Built;
    beforeAll(async () => {
      built = await build(corpus);
    });
    afterAll(async () => {
      built?.db.close();
      if (built) await rm(built.dir, { recursive: true, force: true });
    });

    it('has one row per report and per agency, with the JSON files’ fields', () => {
      const { db, reports, agencies } = built;
      expect(count(db, 'reports')).toBe(reports.length);
      expect(count(db, 'agencies')).toBe(agencies.length);
      const rows = new Map(db.all('SELECT * FROM reports').map((r) => [r.id, r]));
      for (const r of reports) {
        expect(rows.get(r.id)).toMatchObject({
          agency_slug: r.agency.slug,
          agency: r.agency.name,
          year: r.year,
          template: r.template,
          title: r.meta.title,
          source_url: r.meta.sourceUrl,
          published_at: r.meta.publishedAt,
          source_path: r.source.path,
          source_sha256: r.source.sha256,
          rule_breaks: r.checks.length,
        });
      }
      const agencyRows = new Map(db.all('SELECT * FROM agencies').map((a) => [a.slug, a]));
      for (const a of agencies) {
        expect(agencyRows.get(a.slug)).toEqual({
          slug: a.slug,
          name: a.name,
          level: a.level,
          province: a.region.province,
          prefecture: a.region.prefecture,
          county: a.region.county,
          region_code: a.region.code,
        });
      }
    });

    it('holds every cell of tables A, B and C of every report, blank ones as NULL, and nothing else', () => {
      const { db, reports } = built;
      const expected = reports.map((r) => [r.id, jsonCells(r)] as const);
      expect(count(db, 'cells')).toBe(expected.reduce((n, [, cells]) => n + cells.size, 0));
      const found = new Map<string, Map<string, unknown>>();
      for (const row of db.all('SELECT report_id, "table", "row", "column", value, key FROM cells_long')) {
        const id = row.report_id as string;
        if (!found.has(id)) found.set(id, new Map());
        found.get(id)!.set(`${row.table}\u0000${row.row}\u0000${row.column}`, row.value);
        // The key is the wide CSV's column name: table.row.column.
        expect(row.key).toBe(`${row.table}.${row.row}.${row.column}`);
      }
      for (const [id, cells] of expected) expect(found.get(id)).toEqual(cells);
      expect(expected.some(([, cells]) => [...cells.values()].some((v) => v !== null && v > 0))).toBe(true);
    });

    it('lists every rule break (X1 included) and every diagnostic, of reports and of rejected files', () => {
      const { db, reports, rejected } = built;
      const checks = db.all('SELECT * FROM checks ORDER BY report_id, rowid');
      const expectedChecks = [...reports]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .flatMap((r) => r.checks.map((c) => ({ report_id: r.id, ...c, cells: JSON.stringify(c.cells) })));
      expect(checks).toEqual(expectedChecks);

      const diagnostics = db.all('SELECT * FROM diagnostics ORDER BY rowid');
      const expectedDiagnostics = [
        ...reports.flatMap((r) => r.diagnostics.map((d) => ({ report_id: r.id, ...d }))),
        ...rejected.flatMap((f) => f.diagnostics.map((d) => ({ report_id: null, ...d }))),
      ].map((d) => ({ path: null, ...d }));
      expect(diagnostics).toHaveLength(expectedDiagnostics.length);
      expect(new Set(diagnostics.map((d) => JSON.stringify(Object.entries(d).sort())))).toEqual(
        new Set(expectedDiagnostics.map((d) => JSON.stringify(Object.entries(d).sort()))),
      );
    });

    it('holds every section’s prose', () => {
      const { db, reports } = built;
      const sections = reports.flatMap((r) =>
        Object.entries(r.sections).flatMap(([section, s]) => (s ? [{ report_id: r.id, section, title: s.title, line: s.line, text: s.text }] : [])),
      );
      expect(count(db, 'sections')).toBe(sections.length);
      const rows = db.all('SELECT report_id, section, title, line, text FROM sections');
      expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(new Set(sections.map((s) => JSON.stringify(s))));
    });

    it('declares foreign keys that hold, and indexes', () => {
      const { db } = built;
      expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
      expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const references = (table: string) => db.all(`PRAGMA foreign_key_list(${table})`).map((f) => `${f.from}→${f.table}.${f.to}`).sort();
      expect(references('reports')).toEqual(['agency_slug→agencies.slug']);
      expect(references('cells')).toEqual(['cell→dictionary.cell', 'report_no→reports.report_no']);
      for (const table of ['checks', 'diagnostics', 'sections']) expect(references(table)).toEqual(['report_id→reports.id']);
      const indexes = db.all("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['reports_by_agency', 'cells_by_cell', 'checks_by_report', 'diagnostics_by_report']));
      // The index answers a question across reports: the plan searches it rather than scanning the table.
      const plan = db.all("EXPLAIN QUERY PLAN SELECT sum(value) FROM cells JOIN dictionary USING (cell) WHERE key = 'requests.received.total'");
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/cells_by_cell/);
    });

    extra?.(() => built);
  });
}

describeDatabase('SQLite download: the seeds', { make: copySeeds }, (get) => {
  it('has the seeds’ numbers: five reports, Yining’s received total and its B1 breaks', () => {
    const { db, reports } = get();
    const yining = reports.find((r) => r.agency.name === '伊宁市人民政府')!;
    const received = db.get("SELECT value FROM cells_long WHERE report_id = ? AND key = 'requests.received.total'", [yining.id]);
    expect(received!.value).toBe(yining.requests.received.total);
    expect(db.all("SELECT scope FROM checks WHERE report_id = ? AND rule = 'B1' ORDER BY scope", [yining.id]).map((c) => c.scope)).toEqual(
      yining.checks.filter((c) => c.rule === 'B1').map((c) => c.scope).sort(),
    );
    const fees = reports.flatMap((r) => (r.proactive?.fees.amount != null ? [r.proactive.fees.amount] : []));
    expect(db.all("SELECT value FROM cells_long WHERE key = 'proactive.fees.amount' AND value IS NOT NULL").map((r) => r.value).sort()).toEqual(
      fees.sort(),
    );
  });
});

describeDatabase('SQLite download: a generated corpus over provinces and years', { make: writeRegionalCorpus }, (get) => {
  it('spans the provinces and years, and lists the X1 break of the agency whose carried-over row was changed', () => {
    const { db, reports } = get();
    const provinces = db.all('SELECT DISTINCT a.province FROM reports r JOIN agencies a ON a.slug = r.agency_slug').map((r) => r.province);
    expect(provinces.length).toBeGreaterThanOrEqual(GENERATED_PROVINCES);
    expect(db.all('SELECT DISTINCT year FROM reports ORDER BY year').map((r) => r.year)).toEqual(GENERATED_YEARS);
    const x1 = reports.flatMap((r) => r.checks.filter((c) => c.rule === 'X1').map((c) => `${r.id} ${c.scope}`));
    expect(x1.length).toBeGreaterThan(0);
    expect(db.all("SELECT report_id, scope FROM checks WHERE rule = 'X1'").map((c) => `${c.report_id} ${c.scope}`).sort()).toEqual(x1.sort());
    // Region totals straight from the database equal the sums over the reports' JSON.
    for (const year of GENERATED_YEARS) {
      const byProvince = db.all(
        `SELECT a.province, sum(c.value) AS received FROM cells_long c JOIN reports r ON r.id = c.report_id JOIN agencies a ON a.slug = r.agency_slug
         WHERE c.key = 'requests.received.total' AND c.year = ? GROUP BY a.province`,
        [year],
      );
      for (const { province, received } of byProvince) {
        const sum = reports
          .filter((r) => r.year === year && r.agency.region.province === province)
          .reduce((s, r) => s + (r.requests.received.total ?? 0), 0);
        expect(received ?? 0).toBe(sum);
      }
    }
  });

  it('keeps the rejected files’ diagnostics without a report', () => {
    const { db } = get();
    const files = db.all('SELECT DISTINCT file FROM diagnostics WHERE report_id IS NULL ORDER BY file').map((r) => r.file);
    expect(files).toEqual(['reports/table.xls', 'reports/unreadable.txt']);
  });
});

/** A count no generated report has. */
const EDITED_COUNT = 987654;

/** The second run's change: one report removed, one edited (a received count, so B1 and B3 now break), one added, one rejected file gone. */
async function changeCorpus(contentDir: string): Promise<void> {
  const dir = path.join(contentDir, 'reports');
  const files = (await readdir(dir)).filter((f) => /^\d+-\d{4}\.md$/.test(f)).sort();
  await rm(path.join(dir, files[0]));
  const edited = path.join(dir, files[1]);
  const text = await readFile(edited, 'utf8');
  await writeFile(edited, text.replace(/(本年新收[^\n]*?\t)(\d+)/, (_, label: string) => `${label}${EDITED_COUNT}`));
  await rename(path.join(dir, 'unreadable.txt'), path.join(dir, 'unreadable.bak'));
  await writeFile(path.join(dir, 'added.md'), generateReport('db-added', { year: 2024, layout: 'tsv' }).text);
}

describeDatabase('SQLite download: updated in place after reports changed, left and arrived', { make: writeRegionalCorpus, change: changeCorpus }, (get) => {
  it('was updated in place (same file), and an unchanged run leaves it alone', async () => {
    const { db, dir, reports } = get();
    const file = path.join(dir, 'data', 'downloads', DOWNLOAD_FILES.database);
    // The edited number arrived.
    expect(db.all('SELECT key FROM cells_long WHERE value = ?', [EDITED_COUNT])).toEqual([{ key: 'requests.received.natural' }]);
    expect(reports.filter((r) => r.requests.received.natural === EDITED_COUNT)).toHaveLength(1);
    // Report numbers continue after the first run's: the rows were added to the file, not written anew.
    expect(Number(db.get('SELECT max(report_no) AS n FROM reports')!.n)).toBeGreaterThan(reports.length);
    const before = await stat(file);
    await runPipeline({ contentDir: path.join(dir, 'content'), outDir: path.join(dir, 'data'), cache: true, workers: 0 });
    const after = await stat(file);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });

  it('a change to one report alone (agencies and rejected files as they were) updates just that report', async () => {
    const { dir } = get();
    const content = path.join(dir, 'content', 'reports');
    const file = (await readdir(content)).filter((f) => /^\d+-\d{4}\.md$/.test(f)).sort()[2];
    const text = await readFile(path.join(content, file), 'utf8');
    await writeFile(path.join(content, file), text.replace(/(本年新收[^\n]*?\t)(\d+)/, (_, label: string) => `${label}${EDITED_COUNT + 1}`));
    const out = path.join(dir, 'data');
    await runPipeline({ contentDir: path.join(dir, 'content'), outDir: out, cache: true, workers: 0 });
    const reports = readReportsJson(out) as Report[];
    const agencies = JSON.parse(await readFile(path.join(out, 'agencies.json'), 'utf8')) as AgencyIndexEntry[];
    const db = new Database(path.join(out, 'downloads', DOWNLOAD_FILES.database), { readOnly: true, fileMustExist: true });
    try {
      expect(db.all('SELECT key FROM cells_long WHERE value = ?', [EDITED_COUNT + 1])).toEqual([{ key: 'requests.received.natural' }]);
      expect(count(db, 'reports')).toBe(reports.length);
      expect(count(db, 'agencies')).toBe(agencies.length);
      expect(count(db, 'cells')).toBe(reports.reduce((n, r) => n + jsonCells(r).size, 0));
      expect(count(db, 'checks')).toBe(reports.reduce((n, r) => n + r.checks.length, 0));
      expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
