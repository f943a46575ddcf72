/**
 * The site's summaries (src/pipeline/write/summaries.ts, src/schema/summary.ts): one file per download part, the
 * same reports in the same order without their prose, listed in summaries.json; files of parts a later run no
 * longer writes are removed. The site reads them back with readSummaries, and one whole report with readReport.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { readReport, readSummaries } from '../../src/lib/report-parts';
import { splitIntoParts } from '../../src/pipeline/write';
import { writeSummaries } from '../../src/pipeline/write/summaries';
import { ReportSummary, SUMMARY_DIR, toSummary, type Report, type SummaryIndex } from '../../src/schema';
import { makeReport } from './pipeline-helpers';

function corpus(): Report[] {
  const of = (n: number, year: number) => makeReport({ id: `ji-guan-${n}-abcdef-${year}`, year });
  const reports = [of(1, 2022), of(2, 2022), of(3, 2022), of(1, 2023)];
  reports[1].requests.received.total = 42;
  reports[1].sections.overview = { title: '一、总体情况', line: 3, text: '本机关全年主动公开政府信息。' };
  return reports;
}

describe('toSummary', () => {
  it('keeps every number, check and diagnostic and drops the prose', () => {
    const report = corpus()[1];
    const summary = toSummary(report);
    expect(Object.keys(summary)).not.toContain('sections');
    expect(Object.keys(summary)).not.toContain('preface');
    expect(Object.keys(summary)).not.toContain('closing');
    expect(Object.keys(summary)).not.toContain('proseCounts');
    expect(summary.requests.received.total).toBe(42);
    expect(summary.requests).toEqual(report.requests);
    expect(summary.checks).toEqual(report.checks);
    expect(summary.diagnostics).toEqual(report.diagnostics);
  });
});

describe('writeSummaries', () => {
  let dataDir: string;
  let index: SummaryIndex;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pipeline-summaries-'));
    const dir = path.join(dataDir, SUMMARY_DIR);
    // An earlier run wrote 2021; a later one has no report of 2021.
    await writeSummaries(dir, splitIntoParts([makeReport({ id: 'a-abcdef-2021', year: 2021 })]));
    index = await writeSummaries(dir, splitIntoParts(corpus(), 2));
    await mkdir(path.join(dataDir, 'reports'));
    for (const r of corpus()) await writeFile(path.join(dataDir, 'reports', `${r.id}.json`), JSON.stringify(r));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('writes one file per part and lists them with their reports', async () => {
    expect(index).toEqual({
      reports: 4,
      parts: [
        { year: 2022, path: 'summaries-2022-1.json', reports: 2 },
        { year: 2022, path: 'summaries-2022-2.json', reports: 1 },
        { year: 2023, path: 'summaries-2023.json', reports: 1 },
      ],
    });
    expect((await readdir(path.join(dataDir, SUMMARY_DIR))).sort()).toEqual(['summaries-2022-1.json', 'summaries-2022-2.json', 'summaries-2023.json', 'summaries.json']);
  });

  it('reads back the reports without prose, validated, in the parts’ order', () => {
    const read = readSummaries(dataDir);
    expect(read.map((r) => r.id)).toEqual(['ji-guan-1-abcdef-2022', 'ji-guan-2-abcdef-2022', 'ji-guan-3-abcdef-2022', 'ji-guan-1-abcdef-2023']);
    expect(read[1].requests.received.total).toBe(42);
    expect('sections' in read[1]).toBe(false);
  });

  it('reads back what zod makes of the files (the parsed JSON is kept, zod only checks it), and refuses a file zod refuses', async () => {
    const dir = path.join(dataDir, SUMMARY_DIR);
    const zodOf = index.parts.flatMap((part) => z.array(ReportSummary).parse(JSON.parse(readFileSync(path.join(dir, part.path), 'utf8'))));
    expect(readSummaries(dataDir)).toEqual(zodOf);
    const bad = await mkdtemp(path.join(tmpdir(), 'pipeline-summaries-bad-'));
    try {
      const badIndex = await writeSummaries(path.join(bad, SUMMARY_DIR), splitIntoParts(corpus()));
      const file = path.join(bad, SUMMARY_DIR, badIndex.parts[0].path);
      const list = JSON.parse(readFileSync(file, 'utf8')) as { requests: { received: { total: unknown } } }[];
      list[0].requests.received.total = 'forty-two';
      await writeFile(file, JSON.stringify(list));
      expect(() => readSummaries(bad)).toThrow(/does not match its schema.*\[0\]\.requests\.received\.total/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('reads one whole report, prose included, and refuses an id that is not a report id', () => {
    expect(readReport(dataDir, 'ji-guan-2-abcdef-2022').sections.overview?.text).toBe('本机关全年主动公开政府信息。');
    expect(() => readReport(dataDir, '../summaries')).toThrow();
  });
});
