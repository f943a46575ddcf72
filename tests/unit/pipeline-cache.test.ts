import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline';
import { cacheDirOf, cacheKey, codeVersion } from '../../src/pipeline/cache';
import { fingerprintedModules } from '../../src/pipeline/cache/code-version';
import { readPartsIndex } from '../../src/lib/report-parts';
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
  const entryOf = async (file: string) => path.join(cacheDirOf(out), `${cacheKey(content, file, await codeVersion())}.json`);

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

  /** Modification times of the per-report and source files of the data folder. */
  async function mtimes(): Promise<Map<string, number>> {
    const times = new Map<string, number>();
    for (const sub of ['reports', 'sources']) {
      for (const entry of await readdir(path.join(out, sub), { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (entry.isFile()) times.set(path.relative(out, file), (await stat(file)).mtimeMs);
      }
    }
    return times;
  }

  it('re-parses only the file that changed, and rewrites only its report and source files', async () => {
    const changed = 'yining/2024.txt';
    const added = '\n本报告数据截至2024年12月31日。\n';
    const before = await mtimes();
    await appendFile(path.join(content, changed), added);
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files - 1 });
    const report = second.reports.find((r) => r.source.path === changed)!;
    const after = await mtimes();
    expect([...after.keys()].filter((f) => after.get(f) !== before.get(f)).sort()).toEqual([`reports/${report.id}.json`, 'sources/yining/2024.txt']);
    expect(report.source.bytes).toBe(first.reports.find((r) => r.source.path === changed)!.source.bytes + Buffer.byteLength(added));
    // The old entry of the changed file is dropped: one entry per file.
    expect(await cacheEntries()).toHaveLength(files);
    // The year's part of the collection is the new one.
    const part = readPartsIndex(out).parts.find((p) => p.year === report.year)!;
    const collection = await readFile(path.join(out, 'downloads', part.files.json.path), 'utf8');
    expect(collection).toContain(`"bytes":${report.source.bytes}`);
  });

  it('does not parse a touched file whose bytes did not change', async () => {
    const touched = path.join(content, 'yining', '2024.txt');
    const later = new Date(Date.now() + 60_000);
    await utimes(touched, later, later);
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 0, cached: files });
    expect(await readDataTree(out)).toEqual(firstTree);
  });

  it('restores a report or source file removed from the data folder, and rewrites one edited there', async () => {
    const report = first.reports.find((r) => r.source.path === 'yining/2024.txt')!;
    await rm(path.join(out, 'sources', 'yining', '2024.txt'));
    await writeFile(path.join(out, 'reports', `${report.id}.json`), '{}\n');
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 0, cached: files });
    expect(await readDataTree(out)).toEqual(firstTree);
  });

  it('computes the long CSV piece of a cached report again when it is damaged or missing in its cache entry', async () => {
    // An entry is a checksum line, a header line, the report's JSON line, then the long piece to the end of the file.
    const lines = async (file: string) => (await readFile(await entryOf(file), 'utf8')).split('\n');
    const damaged = await lines('yining/2024.txt');
    const piece = damaged.slice(3).join('\n');
    expect(piece).toMatch(/,\d+\n/);
    await writeFile(await entryOf('yining/2024.txt'), [...damaged.slice(0, 3), piece.replace(/,(\d+)\n/, ',9$1\n')].join('\n'));
    const cut = await lines('yining/2023.txt');
    await writeFile(await entryOf('yining/2023.txt'), cut.slice(0, 3).join('\n'));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 0, cached: files });
    expect(await readDataTree(out)).toEqual(firstTree);
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
    // The report's own file and its rows of the downloads follow too, though its cache entry did not change.
    const id = second.reports.find((r) => r.source.path === 'yining/2024.txt')!.id;
    const written = JSON.parse(await readFile(path.join(out, 'reports', `${id}.json`), 'utf8')) as PipelineResult['reports'][number];
    expect(written.checks).toEqual(second.reports.find((r) => r.id === id)!.checks);
    const part = readPartsIndex(out).parts.find((p) => p.year === written.year)!;
    const wide = parse(await readFile(path.join(out, 'downloads', part.files.wide.path), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(wide.find((row) => row.id === id)!.rule_breaks).toBe(String(written.checks.length));
    expect(JSON.parse(await readFile(path.join(out, 'downloads', part.files.json.path), 'utf8')).find((r: { id: string }) => r.id === id).checks).toEqual(written.checks);
  });

  it('re-runs the duplicate check: a new copy of a cached report is rejected, the original kept', async () => {
    await copyFile(path.join(content, 'yining', '2024.txt'), path.join(content, 'yining', 'zz-copy.txt'));
    const second = await run();
    expect(second.stats).toMatchObject({ parsed: 1, cached: files });
    expect(second.rejected.find((r) => r.file === 'yining/zz-copy.txt')!.diagnostics[0].code).toBe('duplicate-report');
    expect(second.reports.some((r) => r.source.path === 'yining/2024.txt')).toBe(true);
  });

  /** An entry is `<sha256 of the next two lines>\n<header JSON>\n<report JSON>` and a report's long CSV piece after a line break. */
  const body = (entry: string) => entry.slice(entry.indexOf('\n') + 1);
  /** The middle of the report's JSON line. */
  const midJson = (entry: string) => {
    const start = entry.indexOf('\n', entry.indexOf('\n') + 1) + 1;
    return start + Math.floor((entry.indexOf('\n', start) - start) / 2);
  };
  it.each([
    ['truncated', (entry: string) => entry.slice(0, midJson(entry))],
    ['binary garbage', () => '\u0000\u0001garbage'],
    ['empty', () => ''],
    ['its JSON without the checksum line', (entry: string) => body(entry)],
    ['edited: a number changed', (entry: string) => entry.replace(/"year":\d+/, '"year":"2024"')],
    ['another entry’s checksum over this JSON', (entry: string, other: string) => `${other.slice(0, other.indexOf('\n'))}\n${body(entry)}`],
    ['another file’s whole entry (intact, but for another key)', (_: string, other: string) => other],
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
    expect(second.stats).toMatchObject({ parsed: 1, cached: files - 1, workers: 2 });
  });
});

describe('cacheKey', () => {
  it('changes with the code fingerprint, the path and the bytes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-cache-key-'));
    try {
      await writeFile(path.join(dir, 'a.txt'), 'x');
      await writeFile(path.join(dir, 'b.txt'), 'x');
      const a = cacheKey(dir, 'a.txt', 'v1');
      expect(cacheKey(dir, 'a.txt', 'v1')).toBe(a);
      expect(cacheKey(dir, 'a.txt', 'v2')).not.toBe(a);
      expect(cacheKey(dir, 'b.txt', 'v1')).not.toBe(a);
      await writeFile(path.join(dir, 'a.txt'), 'y');
      expect(cacheKey(dir, 'a.txt', 'v1')).not.toBe(a);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fingerprints the code as a stable hex string', async () => {
    expect(await codeVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(await codeVersion()).toBe(await codeVersion());
  });

  it('fingerprints the modules the ingest reaches, and not the writers or the site', async () => {
    const modules = await fingerprintedModules();
    for (const reached of ['src/pipeline/ingest.ts', 'src/pipeline/parse/table-b.ts', 'src/pipeline/check/rules.ts', 'src/pipeline/enrich/region.ts', 'src/pipeline/read/decode.ts', 'src/schema/report.ts'])
      expect(modules).toContain(reached);
    for (const unreached of ['src/pipeline/index.ts', 'src/pipeline/write/index.ts', 'src/pipeline/cache/index.ts'])
      expect(modules).not.toContain(unreached);
  });
});
