import { copyFile, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline';
import { RACY_MS } from '../../src/pipeline/cache/file-state';
import { defaultWorkers, ingestFiles, PARALLEL_MIN_FILES } from '../../src/pipeline/parallel';
import { readDataTree, writeGeneratedCorpus } from './pipeline-corpus';

const GENERATED = 200;

describe('ingest on worker threads', () => {
  let dir: string;
  let content: string;
  let sequential: PipelineResult;
  let parallel: PipelineResult;
  const progress: number[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-parallel-'));
    content = path.join(dir, 'content');
    const files = await writeGeneratedCorpus(content, GENERATED);
    // A duplicate (which copy wins depends on path order, not on which thread finished first) and files that fail.
    await copyFile(path.join(content, files[0]), path.join(content, 'reports', 'zz-copy.txt'));
    await writeFile(path.join(content, 'reports', 'empty.md'), '');
    await writeFile(path.join(content, 'reports', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    sequential = await runPipeline({ contentDir: content, outDir: path.join(dir, 'sequential'), workers: 0, cache: false });
    parallel = await runPipeline({
      contentDir: content,
      outDir: path.join(dir, 'parallel'),
      workers: 2,
      cache: false,
      onProgress: (p) => progress.push(p.done),
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ran each way it claims to', () => {
    expect(sequential.stats).toMatchObject({ parsed: GENERATED + 3, cached: 0, workers: 0 });
    expect(parallel.stats).toMatchObject({ parsed: GENERATED + 3, cached: 0, workers: 2, workerFailures: [] });
    // Not a degenerate corpus: most files become reports, some are rejected, one as a duplicate.
    expect(sequential.reports.length).toBeGreaterThan(GENERATED / 2);
    expect(sequential.rejected.map((r) => r.file)).toEqual(expect.arrayContaining(['reports/zz-copy.txt', 'reports/empty.md', 'reports/binary.txt']));
  });

  it('returns the same reports, rejections and summary', () => {
    expect(parallel.reports).toEqual(sequential.reports);
    expect(parallel.rejected).toEqual(sequential.rejected);
    expect(parallel.errors).toEqual(sequential.errors);
    expect({ ...parallel.summary, builtAt: '' }).toEqual({ ...sequential.summary, builtAt: '' });
  });

  it('writes byte-identical data folders', async () => {
    const a = await readDataTree(path.join(dir, 'sequential'));
    const b = await readDataTree(path.join(dir, 'parallel'));
    expect(a.size).toBeGreaterThan(GENERATED);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a.keys()].filter((k) => a.get(k) !== b.get(k));
    expect(differing).toEqual([]);
  });

  it('reports progress for every file', () => {
    expect(progress).toEqual(Array.from({ length: GENERATED + 3 }, (_, i) => i + 1));
  });
});

describe('ingest on worker threads with the cache', () => {
  it('parses on workers, then starts none when every file comes from the cache', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-parallel-cache-'));
    try {
      const content = path.join(dir, 'content');
      await writeGeneratedCorpus(content, PARALLEL_MIN_FILES);
      // Files changed less than RACY_MS before a run are hashed again by the next one (src/pipeline/cache/file-state.ts),
      // on the workers since their keys are computed where files are parsed: let them settle first.
      await sleep(RACY_MS + 100);
      const first = await runPipeline({ contentDir: content, outDir: path.join(dir, 'data') });
      expect(first.stats).toMatchObject({ parsed: PARALLEL_MIN_FILES, cached: 0, workers: defaultWorkers(PARALLEL_MIN_FILES) });
      const second = await runPipeline({ contentDir: content, outDir: path.join(dir, 'data') });
      expect(second.stats).toMatchObject({ parsed: 0, cached: PARALLEL_MIN_FILES, workers: 0 });
      expect(second.reports).toEqual(first.reports);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hashes files written just before the last run again, on the workers, and still takes them from the cache', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-parallel-racy-'));
    try {
      const content = path.join(dir, 'content');
      const files = await writeGeneratedCorpus(content, PARALLEL_MIN_FILES);
      // Touched now, so every one changed within RACY_MS of the first run's start, however long writing them took.
      const now = new Date();
      await Promise.all(files.map((file) => utimes(path.join(content, file), now, now)));
      const first = await runPipeline({ contentDir: content, outDir: path.join(dir, 'data') });
      const second = await runPipeline({ contentDir: content, outDir: path.join(dir, 'data') });
      expect(second.stats).toMatchObject({ parsed: 0, cached: PARALLEL_MIN_FILES, workers: defaultWorkers(PARALLEL_MIN_FILES) });
      expect(second.reports).toEqual(first.reports);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a worker that fails', () => {
  it('says why, and its files are parsed again on the main thread to the same outcomes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-worker-failure-'));
    try {
      const content = path.join(dir, 'content');
      const files = (await writeGeneratedCorpus(content, 12)).sort();
      const onMain = await ingestFiles(content, files, { cache: null, workers: 0 });
      const failingEntry = pathToFileURL(path.resolve('tests/fixtures/workers/failing-worker.mjs')).href;
      const failing = await ingestFiles(content, files, { cache: null, workers: 2, workerEntry: failingEntry });
      expect(onMain.workerFailures).toEqual([]);
      expect(failing.workers).toBe(2);
      expect(failing.workerFailures.length).toBeGreaterThan(0);
      expect(failing.workerFailures.flatMap((f) => f.files).sort()).toEqual(files);
      expect(new Set(failing.workerFailures.map((f) => f.reason))).toEqual(new Set(['simulated worker failure: JavaScript heap out of memory']));
      expect(failing.outcomes.map((o) => o.ingested)).toEqual(onMain.outcomes.map((o) => o.ingested));
      expect(failing.outcomes.filter((o) => 'report' in o.ingested).length).toBeGreaterThan(6);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('defaultWorkers', () => {
  it('keeps small inputs such as the seeds on the main thread and uses every core for large ones', () => {
    expect(defaultWorkers(5)).toBe(0);
    expect(defaultWorkers(PARALLEL_MIN_FILES - 1)).toBe(0);
    const cores = availableParallelism();
    expect(defaultWorkers(PARALLEL_MIN_FILES)).toBe(cores >= 2 ? cores : 0);
  });
});
