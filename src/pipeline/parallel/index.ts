/**
 * The per-file stage over all files: on the main thread, or spread over a pool of worker threads (piscina).
 * Either way the outcomes come back in the order of `files`, so the output does not depend on which ran.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ingestWithCache, type CacheSettings, type FileOutcome } from '../cache';
import type { IngestBatch } from './worker';

/** Below this many files starting workers (about half a second each) costs more than it saves. */
export const PARALLEL_MIN_FILES = 50;

export interface IngestFilesOptions {
  cache: CacheSettings | null;
  /** Worker threads; 0 runs on the main thread. */
  workers: number;
  /** Called after each file, in completion order. */
  onFile?: (file: string, done: number) => void;
}

/** Worker threads for `fileCount` files: one per core, none for small inputs or a single core. */
export function defaultWorkers(fileCount: number): number {
  const cores = availableParallelism();
  return fileCount < PARALLEL_MIN_FILES || cores < 2 ? 0 : cores;
}

async function onMainThread(contentDir: string, files: readonly string[], options: IngestFilesOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    outcomes.push(await ingestWithCache(contentDir, file, options.cache));
    options.onFile?.(file, outcomes.length);
  }
  return outcomes;
}

/** Files per task: large enough that messages between threads cost little, small enough to keep every worker busy. */
function batchSize(files: number, workers: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(files / (workers * BATCHES_PER_WORKER))));
}
const MAX_BATCH = 32;
const BATCHES_PER_WORKER = 8;

async function onWorkers(contentDir: string, files: readonly string[], options: IngestFilesOptions): Promise<FileOutcome[]> {
  const size = batchSize(files.length, options.workers);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const pool = new Piscina<IngestBatch, FileOutcome[]>({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: options.workers,
    maxThreads: options.workers,
    // A second batch waiting in each worker keeps it busy while the main thread takes the last one's results.
    concurrentTasksPerWorker: 2,
    maxQueue: batches.length,
  });
  let done = 0;
  try {
    const results = await Promise.all(
      batches.map(async (batch) => {
        const outcomes = await pool
          .run({ contentDir, files: batch, cache: options.cache })
          // A worker that died (out of memory on one huge file, say) does not lose its files: the main thread retries
          // them, and fails the way a sequential run would if a file really cannot be read.
          .catch(() => onMainThread(contentDir, batch, { ...options, onFile: undefined }));
        for (const file of batch) options.onFile?.(file, ++done);
        return outcomes;
      }),
    );
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

export function ingestFiles(contentDir: string, files: readonly string[], options: IngestFilesOptions): Promise<FileOutcome[]> {
  return options.workers > 0 ? onWorkers(contentDir, files, options) : onMainThread(contentDir, files, options);
}
