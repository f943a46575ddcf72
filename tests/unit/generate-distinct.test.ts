/**
 * `npm run generate` makes n distinct agency-years for n files (src/generator/distinct.ts): the pipeline keeps one
 * report per agency and year, so a repeat would be a rejected duplicate instead of a report. With the default
 * seed and layouts, seeds 1-117 and 1-185 draw the same agency-year (黑龙江省市场监督管理局 2024): 200 files
 * would have given 199 reports.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport, type Truth } from '../../src/generator';
import type { AgencyTruth } from '../../src/generator/agency';
import { agencyYearKey, DistinctAgencyYears } from '../../src/generator/distinct';
import { runPipeline } from '../../src/pipeline';

const run = promisify(execFile);
const N = 200;

interface TruthLine {
  file: string;
  seed: string;
  truth: Truth;
}

describe('generated corpus: one report per agency and year', () => {
  let dir: string;
  let lines: TruthLine[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'generate-distinct-'));
    await run('npx', ['tsx', 'scripts/generate.ts', '--n', String(N), '--out', dir], { timeout: 120_000 });
    lines = (await readFile(path.join(dir, 'truth.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as TruthLine);
  }, 150_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes n files whose agency-years are all different', async () => {
    expect(await readdir(path.join(dir, 'reports'))).toHaveLength(N);
    expect(lines).toHaveLength(N);
    expect(new Set(lines.map((l) => agencyYearKey(l.truth))).size).toBe(N);
  });

  it('draws another agency only for the seed that repeated one, keeping its year', () => {
    // As its seed draws it, 1-185 repeats 1-117.
    const first = generateReport('1-117', { layout: 'pdf-text' }).truth;
    const drawn = generateReport('1-185', { layout: 'pdf-text' }).truth;
    expect(agencyYearKey(drawn)).toBe(agencyYearKey(first));
    expect(agencyYearKey(drawn)).toBe(`黑龙江省市场监督管理局\u00002024`);
    const byseed = new Map(lines.map((l) => [l.seed, l.truth]));
    expect(byseed.get('1-117')!.agencyName).toBe('黑龙江省市场监督管理局');
    expect(byseed.get('1-185')!.agencyName).not.toBe('黑龙江省市场监督管理局');
    expect(byseed.get('1-185')!.year).toBe(2024);
    expect(byseed.get('1-185')!.template).toBe(drawn.template);
  });

  it('gives the pipeline n reports and no duplicate', async () => {
    const result = await runPipeline({ contentDir: path.join(dir, 'reports'), outDir: path.join(dir, 'data'), cache: false, workers: 0 });
    const duplicates = result.rejected.filter((r) => r.diagnostics.some((d) => d.code === 'duplicate-report'));
    expect(duplicates).toEqual([]);
    expect(result.summary.reports).toBe(N - result.rejected.length);
    expect(new Set(result.reports.map((r) => r.id)).size).toBe(result.reports.length);
  }, 120_000);
});

describe('DistinctAgencyYears', () => {
  it('returns the report as drawn while its agency-year is new, and another agency when it is not', () => {
    const seen = new DistinctAgencyYears();
    const make = (seed: string) => (agency: AgencyTruth | undefined) => generateReport(seed, { layout: 'pipe', agency });
    const a = seen.take('x', make('same'));
    expect(a.text).toBe(generateReport('same', { layout: 'pipe' }).text);
    const b = seen.take('x', make('same'));
    expect(b.truth.year).toBe(a.truth.year);
    expect(b.truth.agencyName).not.toBe(a.truth.agencyName);
    expect(seen.size).toBe(2);
  });
});
