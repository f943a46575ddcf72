import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { buildAgencyIndex, reportCsv, writeDataset, type DatasetSummary } from '../../src/pipeline/write';
import { AgencyIndexEntry, CELL_DEFINITIONS, cellValue, IDENTITY_COLUMNS, longRows, PROACTIVE_COLUMNS, Report, REPORTS_PER_PART, type RuleBreak } from '../../src/schema';
import { makeReport } from './pipeline-helpers';

const readCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });

const summary: DatasetSummary = {
  files: 2,
  reports: 2,
  rejected: 0,
  warnings: 0,
  errors: 0,
  ruleBreaks: 0,
  ruleBreaksByRule: { B1: 0, B2: 0, B3: 0, C1: 0, X1: 0, N1: 0 },
  builtAt: '2025-01-01T00:00:00.000Z',
};

/** Writes `reports` to a fresh folder and returns the CSV downloads, parsed. */
async function writeCsvs(reports: Report[]): Promise<Record<'wide' | 'long' | 'dictionary', Record<string, string>[]>> {
  const out = await mkdtemp(path.join(tmpdir(), 'pipeline-csv-'));
  try {
    await writeDataset({ reports, rejected: [], summary, sources: [] }, { contentDir: out, outDir: out });
    const read = async (name: string) => readCsv(await readFile(path.join(out, 'downloads', name), 'utf8'));
    // Both reports are of 2024: one part.
    return { wide: await read('reports-wide-2024.csv'), long: await read('reports-long-2024.csv'), dictionary: await read('dictionary.csv') };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function twoReports(): Report[] {
  const a = makeReport();
  a.requests['withheld.process'].natural = 7;
  a.requests['otherHandling.other'].legal = null;
  a.appeals.review.corrected = 3;
  const b = makeReport({
    id: 'yi-ning-shi-ren-min-zheng-fu-844b6e-2024',
    agency: { name: '伊宁市人民政府, "市"', slug: 'yi-ning-shi-ren-min-zheng-fu-844b6e', level: 'county', region: { province: '新疆维吾尔自治区', prefecture: '伊犁哈萨克自治州', county: '伊宁市', code: '654002' } },
  });
  b.requests.otherHandling = { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1 };
  return [a, b];
}

describe('CSV downloads', () => {
  const [a, b] = twoReports();
  let csv: Awaited<ReturnType<typeof writeCsvs>>;
  beforeAll(async () => {
    csv = await writeCsvs([b, a]);
  });

  it('wide: has identity columns, then one column per canonical number named by its value path', () => {
    const columns = Object.keys(csv.wide[0]);
    expect(columns.slice(0, IDENTITY_COLUMNS.length)).toEqual(IDENTITY_COLUMNS.map((c) => c.key));
    for (const name of ['requests.withheld.process.natural', 'proactive.fees.amount', 'appeals.review.corrected', 'requests.otherHandling.total', 'proactive2019.procurement.procurementItems'])
      expect(columns).toContain(name);
    expect(columns).toHaveLength(IDENTITY_COLUMNS.length + CELL_DEFINITIONS.length);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('wide: writes values as printed, blanks for nulls and absent rows, and escapes text', () => {
    const rows = csv.wide;
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({
      id: a.id,
      agency: '测试局',
      year: '2024',
      province: '黑龙江省',
      region_code: '230717',
      'requests.withheld.process.natural': '7',
      'requests.otherHandling.other.legal': '',
      'requests.otherHandling.natural': '',
      'appeals.review.corrected': '3',
      'proactive.fees.amount': '18601.47012',
      'proactive2019.rules.created': '',
    });
    expect(rows[1].agency).toBe('伊宁市人民政府, "市"');
    expect(rows[1]['requests.otherHandling.natural']).toBe('1');
  });

  it('long: has one row per cell the report has, blanks kept, absent tables left out', () => {
    const rows = csv.long;
    expect(Object.keys(rows[0])).toEqual(['report_id', 'agency', 'year', 'table', 'row', 'column', 'value']);
    expect(rows.find((r) => r.report_id === a.id && r.row === 'withheld.process' && r.column === 'natural')).toMatchObject({
      table: 'requests',
      value: '7',
    });
    expect(rows.find((r) => r.report_id === a.id && r.row === 'otherHandling.other' && r.column === 'legal')?.value).toBe('');
    expect(rows.some((r) => r.table === 'proactive2019')).toBe(false);
    expect(rows.some((r) => r.report_id === a.id && r.row === 'otherHandling')).toBe(false);
    expect(rows.filter((r) => r.report_id === b.id && r.row === 'otherHandling')).toHaveLength(7);
    // 10 table A numbers + 25 × 7 table B + 15 table C for a report without group lines
    expect(rows.filter((r) => r.report_id === a.id)).toHaveLength(10 + 175 + 15);
  });

  it('dictionary: lists every wide-CSV column with Chinese and English labels, unit and table', () => {
    const rows = csv.dictionary;
    expect(rows.map((r) => r.key)).toEqual(Object.keys(csv.wide[0]));
    const fees = rows.find((r) => r.key === 'proactive.fees.amount')!;
    expect(fees).toMatchObject({ unit: PROACTIVE_COLUMNS.amount.unit, table: '主动公开政府信息情况' });
    expect(fees.label_zh).toContain('行政事业性收费');
    const process = rows.find((r) => r.key === 'requests.withheld.process.natural')!;
    expect(process.label_zh).toBe('（三）不予公开 / 6.属于四类过程性信息 / 自然人');
    expect(process.label_en).toBe('Withheld: process information / Natural persons');
    expect(process.unit).toBe('件');
    expect(rows.every((r) => r.label_zh && r.label_en)).toBe(true);
  });
});

describe('reportCsv', () => {
  it('gives the same bytes as csv-stringify row by row, quotes included', () => {
    const [a, b] = twoReports();
    b.meta.title = '标题，含"引号"\n和换行';
    for (const report of [a, b]) {
      const pieces = reportCsv(report);
      expect(pieces.long).toBe(stringify([...longRows([report])]));
      expect(pieces.wide).toBe(stringify([[...IDENTITY_COLUMNS.map((c) => c.value(report)), ...CELL_DEFINITIONS.map((d) => cellValue(report, d))]]));
    }
    expect(reportCsv(b).long).toContain('"伊宁市人民政府, ""市"""');
  });
});

describe('buildAgencyIndex', () => {
  it('groups reports by slug with years ascending', () => {
    const base = makeReport();
    const y2023 = makeReport({ id: `${base.agency.slug}-2023`, year: 2023 });
    const [, other] = twoReports();
    const index = buildAgencyIndex([base, other, y2023]);
    expect(index.map((e) => e.slug)).toEqual([base.agency.slug, other.agency.slug]);
    expect(index[0]).toMatchObject({ years: [2023, 2024], reportIds: [y2023.id, base.id] });
    for (const e of index) AgencyIndexEntry.parse(e);
  });
});

describe('writeDataset', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the data contract, sorted, copies sources, and prunes files of an earlier run', async () => {
    const content = path.join(dir, 'content');
    const out = path.join(dir, 'data');
    await mkdir(path.join(content, 'sub'), { recursive: true });
    await writeFile(path.join(content, 'sub', 'b.txt'), '原文 B');
    await mkdir(path.join(out, 'reports'), { recursive: true });
    await writeFile(path.join(out, 'reports', 'stale-2020.json'), '{}');
    const [a, b] = twoReports();
    await writeDataset(
      { reports: [b, a], rejected: [{ file: 'x.pdf', diagnostics: [] }], summary, sources: ['sub/b.txt'] },
      { contentDir: content, outDir: out },
    );

    const reports = JSON.parse(await readFile(path.join(out, 'downloads', 'reports-2024.json'), 'utf8'));
    expect(reports.map((r: Report) => r.id)).toEqual([a.id, b.id].sort());
    expect(JSON.parse(await readFile(path.join(out, 'downloads', 'parts.json'), 'utf8'))).toEqual({
      reports: 2,
      reportsPerPart: REPORTS_PER_PART,
      parts: [
        {
          year: 2024,
          part: 1,
          parts: 1,
          reports: 2,
          first: [a.id, b.id].sort()[0],
          last: [a.id, b.id].sort()[1],
          files: {
            json: { path: 'reports-2024.json', bytes: (await stat(path.join(out, 'downloads', 'reports-2024.json'))).size },
            wide: { path: 'reports-wide-2024.csv', bytes: (await stat(path.join(out, 'downloads', 'reports-wide-2024.csv'))).size },
            long: { path: 'reports-long-2024.csv', bytes: (await stat(path.join(out, 'downloads', 'reports-long-2024.csv'))).size },
          },
        },
      ],
    });
    for (const r of reports) Report.parse(r);
    expect((await readdir(path.join(out, 'reports'))).sort()).toEqual([`${a.id}.json`, `${b.id}.json`].sort());
    expect(JSON.parse(await readFile(path.join(out, 'reports', `${a.id}.json`), 'utf8'))).toEqual(JSON.parse(JSON.stringify(a)));
    expect(JSON.parse(await readFile(path.join(out, 'agencies.json'), 'utf8'))).toHaveLength(2);
    expect(JSON.parse(await readFile(path.join(out, 'rejected.json'), 'utf8'))).toEqual([{ file: 'x.pdf', diagnostics: [] }]);
    expect(JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'))).toEqual(summary);
    expect(await readFile(path.join(out, 'sources', 'sub', 'b.txt'), 'utf8')).toBe('原文 B');

    const schema = JSON.parse(await readFile(path.join(out, 'downloads', 'report.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'agency', 'requests', 'appeals', 'checks']));
    // The published schema describes the published data: it accepts the reports written and refuses a text in a cell.
    const validate = new Ajv2020({ allErrors: true }).addFormat('uri', (s: string) => URL.canParse(s)).compile(schema);
    for (const r of reports) expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    const textCell = structuredClone(reports[0]);
    textCell.requests.received.total = '3';
    expect(validate(textCell)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/requests/received/total');

    const downloads = await readdir(path.join(out, 'downloads'));
    expect(downloads.sort()).toEqual([
      'datapackage.json',
      'dictionary.csv',
      'parts.json',
      'report.schema.json',
      'reports-2024.json',
      'reports-long-2024.csv',
      'reports-wide-2024.csv',
      'reports.sqlite',
    ]);
    const everything = await readdir(out, { recursive: true });
    expect(everything.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // SQLite's lock (a folder next to the database while it is open) is gone once written.
    expect(everything.filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('takes the cross-report checks as an overlay: written after a report’s own, never from its per-file pieces', async () => {
    const out = path.join(dir, 'data');
    const [a, b] = twoReports();
    const x1: RuleBreak = { rule: 'X1', scope: 'natural', expected: 4, found: 5, cells: ['requests.carriedOver.natural'], message: '上年结转不符' };
    // Per-file pieces of both reports as the cache would hold them: without the overlay, and marked to tell them apart.
    const pieces = new Map([a, b].map((r) => [r.id, { json: JSON.stringify({ ...r, meta: { ...r.meta, title: `cached ${r.id}` } }), csv: reportCsv(r) }]));
    await writeDataset(
      {
        reports: [a, b],
        crossReportChecks: new Map([[b.id, [x1]]]),
        rejected: [],
        summary,
        sources: [],
        jsonOf: (r) => pieces.get(r.id)!.json,
        csvOf: (r) => ({ wide: pieces.get(r.id)!.csv.wide, long: () => pieces.get(r.id)!.csv.long }),
        inputsOf: { report: (r) => `key-${r.id}`, source: () => undefined },
      },
      { contentDir: dir, outDir: out, manifest: { path: path.join(dir, 'outputs.json'), writerVersion: 'test' } },
    );
    // Both reports are of 2024: one part.
    const all = JSON.parse(await readFile(path.join(out, 'downloads', 'reports-2024.json'), 'utf8')) as Report[];
    const byId = new Map(all.map((r) => [r.id, r]));
    // a has no overlay: its cached JSON is used as it is; b is written from its object, with X1 after its own checks.
    expect(byId.get(a.id)!.meta.title).toBe(`cached ${a.id}`);
    expect(byId.get(b.id)!.meta.title).toBe(b.meta.title);
    expect(byId.get(b.id)!.checks).toEqual([...b.checks, x1]);
    expect(JSON.parse(await readFile(path.join(out, 'reports', `${b.id}.json`), 'utf8')).checks).toEqual([...b.checks, x1]);
    const wide = readCsv(await readFile(path.join(out, 'downloads', 'reports-wide-2024.csv'), 'utf8'));
    expect(wide.find((row) => row.id === b.id)!.rule_breaks).toBe(String(b.checks.length + 1));
    expect(wide.find((row) => row.id === a.id)!.rule_breaks).toBe(String(a.checks.length));
    // The output manifest records b under its per-file key and the overlay's fingerprint, a under its key alone.
    const manifest = await readFile(path.join(dir, 'outputs.json'), 'utf8');
    expect(manifest).toContain(`"inputs":"key-${a.id}"`);
    expect(manifest).toMatch(new RegExp(`"inputs":"key-${b.id} [0-9a-f]{64}"`));
  });
});
