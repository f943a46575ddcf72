/**
 * The per-file stage over all files. Cached results are looked up on the main thread; the files left to parse
 * are parsed there too when they are few, else spread over a pool of worker threads (piscina). Either way the
 * outcomes come back in the order of `files`, so the output does not depend on where a file was parsed.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { lookUp, type CacheSettings, type FileOutcome, type Miss } from '../cache';
import { ingestAndStore } from './ingest-file';
import { fromMessage, type IngestBatch, type OutcomeMessage } from './worker';

/** Below this many files to parse, starting workers (about a second each) costs more than it saves. */
export const PARALLEL_MIN_FILES = 50;
/** The worker threads' entry module. */
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url).href;
/** Files per task: large enough that messages between threads cost little, small enough to keep every worker busy. */
const MAX_BATCH = 32;
const BATCHES_PER_WORKER = 8;

export interface IngestFilesOptions {
  cache: CacheSettings | null;
  /** Worker threads for the files to parse; 0 parses on the main thread; default defaultWorkers(files to parse). */
  workers?: number;
  /** Called after each file, in completion order. */
  onFile?: (file: string, done: number) => void;
  /** The worker threads' entry module (tests put one that fails in its place); default ./worker-entry.mjs. */
  workerEntry?: string;
  /**
   * Called with each file's outcome, in completion order. With `collect: false` the outcomes are not kept (the
   * result's list is empty): a caller that only counts or streams them holds one batch at a time, not the corpus.
   */
  onOutcome?: (file: string, outcome: FileOutcome) => void;
  collect?: boolean;
}

/** A task a worker thread failed: its files were parsed again on the main thread. */
export interface WorkerFailure {
  files: string[];
  /** Why the worker failed, as it said (an exception's message, "… out of memory", a worker exit). */
  reason: string;
}

export interface IngestedFiles {
  /** In the order of the files; empty with `collect: false`. */
  outcomes: FileOutcome[];
  /** Worker threads used (0: all on the main thread). */
  workers: number;
  /** Tasks a worker failed, in the order of `files`; their files' outcomes come from the main thread. */
  workerFailures: WorkerFailure[];
}

/** Worker threads for `toParse` files: one per core, none for a few files or a single core. */
export function defaultWorkers(toParse: number): number {
  const cores = availableParallelism();
  return toParse < PARALLEL_MIN_FILES || cores < 2 ? 0 : cores;
}

type Done = (miss: Miss, outcome: FileOutcome) => void;

async function onMainThread(contentDir: string, misses: readonly Miss[], cacheDir: string | null, done: Done): Promise<void> {
  for (const miss of misses) done(miss, await ingestAndStore(contentDir, miss, cacheDir));
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'no reason given';

async function onWorkers(
  contentDir: string,
  misses: readonly Miss[],
  cacheDir: string | null,
  workers: number,
  entry: string,
  done: Done,
): Promise<WorkerFailure[]> {
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(misses.length / (workers * BATCHES_PER_WORKER))));
  const batches: Miss[][] = [];
  for (let i = 0; i < misses.length; i += size) batches.push(misses.slice(i, i + size));
  const pool = new Piscina<IngestBatch, OutcomeMessage[]>({
    filename: entry,
    minThreads: workers,
    maxThreads: workers,
    // A second batch waiting in each worker keeps it busy while the main thread takes the last one's results.
    concurrentTasksPerWorker: 2,
    maxQueue: batches.length,
  });
  const failed: (WorkerFailure | null)[] = batches.map(() => null);
  try {
    await Promise.all(
      batches.map(async (batch, b) => {
        try {
          const outcomes = await pool.run({ contentDir, cacheDir, misses: batch });
          batch.forEach((miss, i) => done(miss, fromMessage(outcomes[i])));
        } catch (error) {
          // A worker that died (out of memory on one huge file, say) does not lose its files: the main thread parses
          // them again, and fails the way a run without workers would if a file really cannot be read. Why the
          // worker failed is returned, for the run's output (scripts/data.ts prints it).
          failed[b] = { files: batch.map((m) => m.file), reason: reasonOf(error) };
          await onMainThread(contentDir, batch, cacheDir, done);
        }
      }),
    );
    return failed.filter((f): f is WorkerFailure => f !== null);
  } finally {
    await pool.destroy();
  }
}

export async function ingestFiles(contentDir: string, files: readonly string[], options: IngestFilesOptions): Promise<IngestedFiles> {
  const collect = options.collect ?? true;
  const outcomes: FileOutcome[] = collect ? new Array(files.length) : [];
  const index = new Map(files.map((file, i) => [file, i]));
  let count = 0;
  const done: Done = (miss, outcome) => {
    if (outcome.hashed) {
      // The file states a worker hashed for the key, recorded by the main thread's FileHashes (saved with the run).
      options.cache?.hashes?.adopt(outcome.hashed);
      delete outcome.hashed;
    }
    if (collect) outcomes[index.get(miss.file)!] = outcome;
    options.onOutcome?.(miss.file, outcome);
    options.onFile?.(miss.file, ++count);
  };
  const misses: Miss[] = [];
  for (const file of files) {
    const found = lookUp(contentDir, file, options.cache);
    if ('ingested' in found) done({ file, key: found.key }, found);
    else misses.push(found);
  }
  const workers = options.workers ?? defaultWorkers(misses.length);
  const cacheDir = options.cache?.dir ?? null;
  let workerFailures: WorkerFailure[] = [];
  if (workers > 0 && misses.length > 0) {
    workerFailures = await onWorkers(contentDir, misses, cacheDir, workers, options.workerEntry ?? WORKER_ENTRY, done);
  } else await onMainThread(contentDir, misses, cacheDir, done);
  return { outcomes, workers: misses.length > 0 ? workers : 0, workerFailures };
}
