import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult, type Progress } from '../../src/pipeline';
import { readPartsIndex, readReportsJson } from '../../src/lib/report-parts';
import { REPORTS_PER_PART, Rejected, Report } from '../../src/schema';

const SEEDS = path.resolve('content/reports');
/** Seed 004: 伊宁市人民政府 2024 (PDF text); seed 000: 伊美区人民政府 2024. */
const YINING = '004_70dbf32ff745fb63.txt';
const YIMEI = '000_d416e6364b18408f.txt';

describe('runPipeline', () => {
  let dir: string;
  let content: string;
  let out: string;
  let result: PipelineResult;
  const progress: Progress[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-run-'));
    content = path.join(dir, 'content');
    out = path.join(dir, 'data');
    const yining = await readFile(path.join(SEEDS, YINING), 'utf8');
    const yimei = await readFile(path.join(SEEDS, YIMEI), 'utf8');
    const files: Record<string, string | Buffer> = {
      'a/yining.txt': yining,
      'b/yining-copy.txt': yining,
      'c/yining-2023.txt': `---\nyear: 2023\n---\n${yining}`,
      'd/garbage.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]),
      'd/empty.md': '',
      'd/scan.tif': '%PDF-1.7',
      'd/notes.txt': '会议纪要\n今天讨论了网站改版。\n',
      'e/gbk.txt': iconv.encode(yimei.replace(/\n/g, '\r\n'), 'gb18030'),
      'e/gbk.meta.json': JSON.stringify({ sourceUrl: 'https://www.yimei.gov.cn/2025/report.html', publishedAt: '2025-01-20' }),
    };
    for (const [file, data] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(content, file)), { recursive: true });
      await writeFile(path.join(content, file), data);
    }
    result = await runPipeline({ contentDir: content, outDir: out, strict: true, onProgress: (p) => progress.push(p) });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rejectedFile = (file: string) => result.rejected.find((r) => r.file === file);
  const reportFrom = (file: string) => result.reports.find((r) => r.source.path === file);

  it('counts files, reports and rejections', () => {
    expect(result.summary).toMatchObject({ files: 8, reports: 3, rejected: 5 });
    expect(result.reports.map((r) => r.source.path).sort()).toEqual(['a/yining.txt', 'c/yining-2023.txt', 'e/gbk.txt']);
    expect(result.rejected.map((r) => r.file).sort()).toEqual(['b/yining-copy.txt', 'd/empty.md', 'd/garbage.txt', 'd/notes.txt', 'd/scan.tif']);
    for (const r of result.reports) Report.parse(r);
    for (const r of result.rejected) Rejected.parse(r);
  });

  it('reports progress once per text file', () => {
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.every((p) => p.total === 7)).toBe(true);
  });

  it('keeps the first of two reports for the same agency and year and names both files', () => {
    const dup = rejectedFile('b/yining-copy.txt')!;
    expect(dup.diagnostics[0]).toMatchObject({ severity: 'error', code: 'duplicate-report', file: 'b/yining-copy.txt' });
    expect(dup.diagnostics[0].found).toContain('a/yining.txt');
    expect(dup.diagnostics[0].found).toContain('b/yining-copy.txt');
  });

  it('rejects binary, empty, unsupported and table-less files with an error or warning saying why', () => {
    expect(rejectedFile('d/garbage.txt')!.diagnostics.map((d) => d.code)).toEqual(['file-binary']);
    expect(rejectedFile('d/empty.md')!.diagnostics.map((d) => d.code)).toEqual(['file-empty']);
    expect(rejectedFile('d/scan.tif')!.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unsupported-format' })]);
    expect(rejectedFile('d/notes.txt')!.diagnostics.some((d) => d.severity === 'error' && d.code === 'table-b-missing')).toBe(true);
  });

  it('uses metadata overrides and records which fields were overridden', () => {
    const y2023 = reportFrom('c/yining-2023.txt')!;
    expect(y2023.year).toBe(2023);
    expect(y2023.id).toBe(`${y2023.agency.slug}-2023`);
    expect(y2023.meta.overridden).toEqual(['year']);
    const gbk = reportFrom('e/gbk.txt')!;
    expect(gbk.source.encoding).toBe('gb18030');
    expect(gbk.meta).toMatchObject({ sourceUrl: 'https://www.yimei.gov.cn/2025/report.html', publishedAt: '2025-01-20' });
    expect(gbk.meta.overridden.sort()).toEqual(['publishedAt', 'sourceUrl']);
    expect(gbk.agency.region).toMatchObject({ province: '黑龙江省', prefecture: '伊春市', county: '伊美区' });
  });

  it('keeps file line numbers after front matter', () => {
    const plain = reportFrom('a/yining.txt')!;
    const fronted = reportFrom('c/yining-2023.txt')!;
    expect(plain.sections.overview?.line).toEqual(expect.any(Number));
    expect(fronted.sections.overview?.line).toBe(plain.sections.overview!.line! + 3);
  });

  it('checks X1 against the same agency’s report for the year before', () => {
    const y2024 = reportFrom('a/yining.txt')!;
    const y2023 = reportFrom('c/yining-2023.txt')!;
    const x1 = y2024.checks.filter((b) => b.rule === 'X1');
    const differing = (['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'] as const).filter(
      (c) => y2024.requests.carriedOver[c] !== null && y2023.requests.carriedForward[c] !== null && y2024.requests.carriedOver[c] !== y2023.requests.carriedForward[c],
    );
    expect(differing.length).toBeGreaterThan(0);
    expect(x1.map((b) => b.scope)).toEqual(differing);
    for (const b of x1) {
      expect(b.expected).toBe(y2023.requests.carriedForward[b.scope as 'total']);
      expect(b.found).toBe(y2024.requests.carriedOver[b.scope as 'total']);
    }
    expect(y2023.checks.filter((b) => b.rule === 'X1')).toEqual([]);
    expect(result.summary.ruleBreaksByRule.X1).toBe(x1.length);
  });

  it('fails a strict run with errors and lists them by file', () => {
    expect(result.ok).toBe(false);
    expect(result.errors.every((d) => d.severity === 'error')).toBe(true);
    expect(result.errors.map((d) => d.file)).toEqual([...result.errors.map((d) => d.file)].sort());
    expect(result.summary.errors).toBe(result.errors.length);
  });

  it('writes each report, the reports by year, agencies.json and the sources', async () => {
    // The collection is written by year (downloads/parts.json), in id order within a year.
    const reports = readReportsJson(out) as Report[];
    const byYearThenId = [...result.reports].sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(reports.map((r) => r.id)).toEqual(byYearThenId.map((r) => r.id));
    // The whole set stays one file in the data folder, in id order (not a download).
    const whole = JSON.parse(await readFile(path.join(out, 'reports.json'), 'utf8')) as Report[];
    expect(whole.map((r) => r.id)).toEqual(result.reports.map((r) => r.id).sort());
    expect(existsSync(path.join(out, 'downloads', 'reports.json'))).toBe(false);
    for (const r of reports) expect(JSON.parse(await readFile(path.join(out, 'reports', `${r.id}.json`), 'utf8')).id).toBe(r.id);
    const rejected = JSON.parse(await readFile(path.join(out, 'rejected.json'), 'utf8')) as Rejected[];
    expect(rejected.map((r) => r.file)).toEqual(['b/yining-copy.txt', 'd/empty.md', 'd/garbage.txt', 'd/notes.txt', 'd/scan.tif']);
    expect(await readFile(path.join(out, 'sources', 'e', 'gbk.txt'))).toEqual(await readFile(path.join(content, 'e', 'gbk.txt')));
    const agencies = JSON.parse(await readFile(path.join(out, 'agencies.json'), 'utf8'));
    expect(agencies.find((a: { name: string }) => a.name === '伊宁市人民政府').years).toEqual([2023, 2024]);
  });
});

describe('runPipeline without strict', () => {
  it('is ok despite errors, and an empty content folder gives an empty data set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-empty-'));
    try {
      await mkdir(path.join(dir, 'content'));
      await writeFile(path.join(dir, 'content', 'x.txt'), '');
      const result = await runPipeline({ contentDir: path.join(dir, 'content'), outDir: path.join(dir, 'data') });
      expect(result.ok).toBe(true);
      expect(result.summary).toMatchObject({ files: 1, reports: 0, rejected: 1, errors: 1 });
      expect(readReportsJson(path.join(dir, 'data'))).toEqual([]);
      expect(readPartsIndex(path.join(dir, 'data'))).toEqual({ reports: 0, reportsPerPart: REPORTS_PER_PART, parts: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
