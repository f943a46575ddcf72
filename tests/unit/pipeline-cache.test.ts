import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline';
import { cacheDirOf, cacheKey, codeVersion } from '../../src/pipeline/cache';
import { readDataTree, writeGeneratedCorpus } from './pipeline-corpus';

const SEEDS = path.resolve('content/reports');
/** Seed 004: 伊宁市人民政府 2024; its carriedOver differs from its carriedForward, so a copy dated 2023 breaks X1. */
const YINING = '004_70dbf32ff745fb63.txt';
const GENERATED = 6;

describe('ingest cache', () => {
  let dir: string;
  let content: string;
  let out: string;
  let files: number;
  let first: PipelineResult;
  let firstTree: Map<string, string>;

  const run = (options: { workers?: number; cache?: boolean } = {}) => runPipeline({ contentDir: content, outDir: out, workers: 0, ...options });
  const cacheEntries = async () => (await readdir(cacheDirOf(out))).filter((n) => n.endsWith('.json'));
  /** The cache entry of one content file, found by its key. */
  const entryOf = async (file: string) => path.join(cacheDirOf(out), `${await cacheKey(content, file, await codeVersion())}.json`);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-cache-'));
  });

  beforeEach(async () => {
    content = path.join(dir, 'content');
    out = path.join(dir, 'data');
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
    await writeGeneratedCorpus(content, GENERATED);
    await mkdir(path.join(content, 'yining'));
    await copyFile(path.join(SEEDS, YINING), path.join(content, 'yining', '2024.txt'));
    await writeFile(path.join(content, 'yining', '2023.txt'), `---\nyear: 2023\n---\n${await readFile(path.join(SEEDS, YINING), 'utf8')}`);
    files = GENERATED + 2;
    first = await run();
    firstTree = await readDataTree(out);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses every file on the first run and none on an unchanged second run, with the same output', async () => {
    expect(first.stats).toMatchObject({ parsed: files, cached: 0 });
    expect(await cacheEntries()).toHaveLength(files);
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 0, cached: files });
    expect(second.reports).toEqual(first.reports);
    expect(second.rejected).toEqual(first.rejected);
    expect(await readDataTree(out)).toEqual(firstTree);
  });

  it('re-parses only the file that changed', async () => {
    const changed = 'yining/2024.txt';
    const added = '\n本报告数据截至2024年12月31日。\n';
    await appendFile(path.join(content, changed), added);
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files - 1 });
    const report = second.reports.find((r) => r.source.path === changed)!;
    expect(report.source.bytes).toBe(first.reports.find((r) => r.source.path === changed)!.source.bytes + Buffer.byteLength(added));
    // The old entry of the changed file is dropped: one entry per file.
    expect(await cacheEntries()).toHaveLength(files);
  });

  it('re-parses a file whose sidecar metadata appeared', async () => {
    await writeFile(path.join(content, 'yining', '2024.meta.json'), JSON.stringify({ sourceUrl: 'https://www.yining.gov.cn/report.html' }));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files - 1 });
    expect(second.reports.find((r) => r.source.path === 'yining/2024.txt')!.meta.sourceUrl).toBe('https://www.yining.gov.cn/report.html');
  });

  it('re-runs the cross-report checks: X1 of a cached report follows the removal of the year before', async () => {
    const x1 = (result: PipelineResult) => result.reports.find((r) => r.source.path === 'yining/2024.txt')!.checks.filter((b) => b.rule === 'X1');
    expect(x1(first).length).toBeGreaterThan(0);
    await rm(path.join(content, 'yining', '2023.txt'));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 0, cached: files - 1 });
    expect(x1(second)).toEqual([]);
    expect(second.summary.ruleBreaksByRule.X1).toBe(0);
  });

  it('re-runs the duplicate check: a new copy of a cached report is rejected, the original kept', async () => {
    await copyFile(path.join(content, 'yining', '2024.txt'), path.join(content, 'yining', 'zz-copy.txt'));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files });
    expect(second.rejected.find((r) => r.file === 'yining/zz-copy.txt')!.diagnostics[0].code).toBe('duplicate-report');
    expect(second.reports.some((r) => r.source.path === 'yining/2024.txt')).toBe(true);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => '\u0000\u0001garbage'],
    ['empty', () => ''],
    ['valid JSON of the wrong shape', () => JSON.stringify({ key: 'x', ingested: { report: { id: 1 } } })],
    ['another file’s entry', (text: string, other: string) => other],
    ['a report that breaks the schema', (text: string) => text.replace(/"year":\d+/, '"year":"2024"')],
  ])('ignores a corrupted entry (%s) and re-parses the file', async (_, corrupt) => {
    const entry = await entryOf('yining/2024.txt');
    const other = await readFile(await entryOf('yining/2023.txt'), 'utf8');
    await writeFile(entry, corrupt(await readFile(entry, 'utf8'), other));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files - 1 });
    expect(await readDataTree(out)).toEqual(firstTree);
    // The entry is whole again: the next run parses nothing.
    expect((await run()).stats).toMatchObject({ parsed: 0, cached: files });
  });

  it('neither reads nor writes the cache with cache: false', async () => {
    const before = await cacheEntries();
    await appendFile(path.join(content, 'yining', '2024.txt'), '\n');
    const second = await run({ cache: false });
    expect(second.stats).toMatchObject({ parsed: files, cached: 0 });
    expect(await cacheEntries()).toEqual(before);
  });

  it('is shared by the worker threads', async () => {
    await appendFile(path.join(content, 'yining', '2024.txt'), '\n');
    const second = await run({ workers: 2 });
    expect(second.stats).toEqual({ parsed: 1, cached: files - 1, workers: 2 });
  });
});

describe('cacheKey', () => {
  it('changes with the code fingerprint, the path and the bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-cache-key-'));
    try {
      await writeFile(path.join(dir, 'a.txt'), 'x');
      await writeFile(path.join(dir, 'b.txt'), 'x');
      const a = await cacheKey(dir, 'a.txt', 'v1');
      expect(await cacheKey(dir, 'a.txt', 'v1')).toBe(a);
      expect(await cacheKey(dir, 'a.txt', 'v2')).not.toBe(a);
      expect(await cacheKey(dir, 'b.txt', 'v1')).not.toBe(a);
      await writeFile(path.join(dir, 'a.txt'), 'y');
      expect(await cacheKey(dir, 'a.txt', 'v1')).not.toBe(a);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fingerprints the code as a stable hex string', async () => {
    expect(await codeVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(await codeVersion()).toBe(await codeVersion());
  });
});
