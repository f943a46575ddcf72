/**
 * The formula guard on every CSV the site publishes: a report whose agency name (a sidecar override) is a spreadsheet
 * formula and whose title (front matter) starts with +, built into a throwaway site next to an ordinary seed. In
 * the wide and long CSV downloads (every year's part), /reports/<id>.csv and every chart CSV, each field holding the payload starts
 * with ' (src/schema/csv-guard.ts), and no field at all starts with = + @ or a tab.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPartsIndex, readReportsJson } from '../../src/lib/report-parts';
import type { Report } from '../../src/schema';
import { PROJECT_ROOT, buildSite, type SiteBuild } from '../setup/site';

const FORMULA_AGENCY = '=HYPERLINK("http://evil.example/","点我")';
const FORMULA_TITLE = '+1+1 年度报告';
const SEEDS = ['000_d416e6364b18408f.txt', '001_97fbb38be466e179.txt'];
/** A field a spreadsheet would run as a formula. Hyphen-minus is left out: the guard also prefixes it, but no field here starts with one. */
const FORMULA_FIELD = /^[=+@\t\r]/;

let work: string;
let build: SiteBuild;
let report: Report;
let agency: string;

async function readCsv(file: string): Promise<string[][]> {
  return parse(await readFile(file, 'utf8'), { bom: true, relaxColumnCount: false }) as string[][];
}

/** The header, then the rows of every part's wide or long CSV (the downloads are split by year). */
async function readPartCsvs(format: 'wide' | 'long'): Promise<string[][]> {
  const out: string[][] = [];
  for (const part of readPartsIndex(build.dataDir).parts) {
    const [header, ...rows] = await readCsv(join(build.dataDir, 'downloads', part.files[format].path));
    if (out.length === 0) out.push(header);
    out.push(...rows);
  }
  return out;
}

function formulaFields(rows: string[][]): string[] {
  return rows.flat().filter((field) => FORMULA_FIELD.test(field));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'csv-formula-'));
  const content = join(work, 'content');
  await mkdir(join(content, 'reports'), { recursive: true });
  const [guarded, plain] = SEEDS;
  const seed = await readFile(join(PROJECT_ROOT, 'content/reports', guarded), 'utf8');
  await writeFile(join(content, 'reports', guarded), `---\ntitle: '${FORMULA_TITLE}'\n---\n${seed}`);
  await writeFile(join(content, 'reports', guarded.replace(/\.txt$/, '.meta.json')), JSON.stringify({ agency: FORMULA_AGENCY }));
  await writeFile(join(content, 'reports', plain), await readFile(join(PROJECT_ROOT, 'content/reports', plain)));
  process.env.CHART_PNG = '0';
  build = await buildSite(join(work, 'site'), content);
  const reports = readReportsJson(build.dataDir) as Report[];
  report = reports.find((r) => r.meta.title === FORMULA_TITLE)!;
  // The name as stored (enrich normalises the brackets to full width), the text the CSVs carry.
  agency = report?.agency.name;
}, 600_000);

afterAll(async () => {
  if (work && !process.env.KEEP_SITE) await rm(work, { recursive: true, force: true });
});

describe('CSV formula guard', () => {
  it('keeps the overrides as the agency name and title in the data (the guard is for CSV only)', () => {
    expect(report).toBeDefined();
    expect(agency.startsWith('=HYPERLINK')).toBe(true);
    expect(agency).toContain('http://evil.example/');
  });

  it('the wide CSV: the agency and title fields start with \'', async () => {
    const [header, ...rows] = await readPartCsvs('wide');
    const row = rows.find((r) => r[header.indexOf('id')] === report.id)!;
    expect(row[header.indexOf('agency')]).toBe(`'${agency}`);
    expect(row[header.indexOf('title')]).toBe(`'${FORMULA_TITLE}`);
    expect(formulaFields(rows)).toEqual([]);
  });

  it('the long CSV: every row of the report names the agency guarded', async () => {
    const [header, ...rows] = await readPartCsvs('long');
    const own = rows.filter((r) => r[header.indexOf('report_id')] === report.id);
    expect(own.length).toBeGreaterThan(50);
    expect(new Set(own.map((r) => r[header.indexOf('agency')]))).toEqual(new Set([`'${agency}`]));
    expect(formulaFields(rows)).toEqual([]);
  });

  it('/reports/<id>.csv: the same guarded rows', async () => {
    const [header, ...rows] = await readCsv(join(build.distDir, 'reports', `${report.id}.csv`));
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r[header.indexOf('agency')]))).toEqual(new Set([`'${agency}`]));
    expect(formulaFields(rows)).toEqual([]);
  });

  it('chart CSVs: the payload appears only guarded, and in at least one chart', async () => {
    const charts = join(build.distDir, 'charts');
    const files = (await readdir(charts)).filter((n) => n.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(3);
    let withPayload = 0;
    for (const name of files) {
      const rows = await readCsv(join(charts, name));
      expect(formulaFields(rows), name).toEqual([]);
      const fields = rows.flat().filter((f) => f.includes('HYPERLINK'));
      if (fields.length > 0) withPayload++;
      for (const field of fields) expect(field.startsWith(`'${agency}`), `${name}: ${field}`).toBe(true);
    }
    expect(withPayload).toBeGreaterThan(0);
  });
});
