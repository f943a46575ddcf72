/**
 * Per-file cache of the ingest stage (read → parse → enrich → validate → check), under `<outDir>/.cache/ingest/`.
 * An entry is keyed by the file's path and bytes, its sidecar files and the code fingerprint (./code-version.ts),
 * so an unchanged report is not parsed again. Cross-report steps (duplicates, X1) are not cached: they always re-run.
 * A missing, unreadable or damaged entry is a miss, never an error: the file is parsed and the entry rewritten.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readIfExistsSync } from '../files';
import { ingestFile, type Ingested } from '../ingest';
import { sidecarCandidates } from '../read/sidecar';
import { writeFileAtomic } from '../write/atomic';
import { reportCsv, type ReportCsv } from '../write/csv';

export { codeVersion } from './code-version';

export interface CacheSettings {
  /** Folder of the entries. */
  dir: string;
  /** From codeVersion(): entries written by other code are never read. */
  codeVersion: string;
}

/** One file's result, and whether it was parsed this run or came from the cache. */
export interface FileOutcome {
  ingested: Ingested;
  /** The report's pieces of the CSV downloads; null for a rejected file. */
  csv: ReportCsv | null;
  parsed: boolean;
  /** The cache key, when the cache is on. */
  key: string | null;
}

/** The cache folder inside an output folder. */
export function cacheDirOf(outDir: string): string {
  return path.join(outDir, '.cache', 'ingest');
}

/*
 * Lookups read synchronously: nothing else is waiting on the event loop meanwhile, and for small files a blocking
 * read costs a fraction of the promise API's round trips through the thread pool (open, stat, read, close).
 */

/** The key of a file: everything its ingest result depends on (path, bytes, sidecars, code). */
export function cacheKey(contentDir: string, file: string, codeVersion: string): string {
  const hash = createHash('sha256').update(`${codeVersion}\n${file}\n`);
  const bytes = readFileSync(path.join(contentDir, file));
  hash.update(`${bytes.length}\n`).update(bytes);
  for (const sidecar of sidecarCandidates(file)) {
    const data = readIfExistsSync(path.join(contentDir, sidecar));
    hash.update(data === null ? `\n${sidecar} absent\n` : `\n${sidecar} ${data.length}\n`);
    if (data !== null) hash.update(data);
  }
  return hash.digest('hex');
}

const entryPath = (dir: string, key: string) => path.join(dir, `${key}.json`);

type Entry = Pick<FileOutcome, 'ingested' | 'csv'>;

/*
 * An entry file is the SHA-256 of the rest, a line break, then the JSON of { key, ingested, csv }. The checksum makes
 * a damaged entry (truncated, overwritten, edited by hand) a miss, at a fraction of the cost of validating every
 * cached report with zod again; what passes it is exactly what this code wrote for the key.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CHECKSUM_LENGTH = 64;

/** A cached result, or null when there is none, it is damaged, or it belongs to another key. */
export function readEntry(dir: string, key: string): Entry | null {
  try {
    const text = readFileSync(entryPath(dir, key), 'utf8');
    const body = text.slice(CHECKSUM_LENGTH + 1);
    if (text[CHECKSUM_LENGTH] !== '\n' || text.slice(0, CHECKSUM_LENGTH) !== sha256(body)) return null;
    const entry = JSON.parse(body) as Entry & { key: string };
    return entry.key === key ? { ingested: entry.ingested, csv: entry.csv } : null;
  } catch {
    return null;
  }
}

export function writeEntry(dir: string, key: string, entry: Entry): Promise<void> {
  const body = JSON.stringify({ key, ...entry });
  return writeFileAtomic(entryPath(dir, key), `${sha256(body)}\n${body}`);
}

/** A file to parse, with its cache key when the cache is on. */
export interface Miss {
  file: string;
  key: string | null;
}

/**
 * Parses one file (read → parse → enrich → validate → check, then its CSV pieces) and stores the result under its
 * key in `cacheDir`. The unit of work of the main thread and of the worker threads.
 */
export async function ingestAndStore(contentDir: string, { file, key }: Miss, cacheDir: string | null): Promise<FileOutcome> {
  const ingested = await ingestFile(contentDir, file);
  const entry = { ingested, csv: 'report' in ingested ? reportCsv(ingested.report) : null };
  if (cacheDir && key) await writeEntry(cacheDir, key, entry);
  return { ...entry, parsed: true, key };
}

/** The cached outcome of a file, or the file to parse. Runs on the main thread: a hit costs two small reads. */
export function lookUp(contentDir: string, file: string, cache: CacheSettings | null): FileOutcome | Miss {
  if (!cache) return { file, key: null };
  const key = cacheKey(contentDir, file, cache.codeVersion);
  const hit = readEntry(cache.dir, key);
  return hit ? { ...hit, parsed: false, key } : { file, key };
}

/** Removes entries this run did not use (files changed or removed, older code), so the cache does not grow forever. */
export async function pruneCache(dir: string, used: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => !used.has(n.replace(/\.json$/, ''))).map((n) => rm(path.join(dir, n), { force: true })));
}
