/**
 * Per-file cache of the ingest stage (read → parse → enrich → validate → check), under `<outDir>/.cache/ingest/`.
 * An entry is keyed by the file's path and bytes, its sidecar files and the code fingerprint (./code-version.ts),
 * so an unchanged report is not parsed again. Cross-report steps (duplicates, X1) are not cached: they always re-run.
 * A missing, unreadable or corrupted entry is a miss, never an error: the file is parsed and the entry rewritten.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Rejected, Report } from '../../schema';
import { ingestFile, type Ingested } from '../ingest';
import { sidecarCandidates } from '../read/sidecar';
import { writeFileAtomic } from '../write/atomic';

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
  parsed: boolean;
  /** The cache key, when the cache is on. */
  key: string | null;
}

/** The cache folder inside an output folder. */
export function cacheDirOf(outDir: string): string {
  return path.join(outDir, '.cache', 'ingest');
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The key of a file: everything its ingest result depends on (path, bytes, sidecars, code). */
export async function cacheKey(contentDir: string, file: string, codeVersion: string): Promise<string> {
  const hash = createHash('sha256').update(`${codeVersion}\n${file}\n`);
  const bytes = await readFile(path.join(contentDir, file));
  hash.update(`${bytes.length}\n`).update(bytes);
  for (const sidecar of sidecarCandidates(file)) {
    const data = await readIfExists(path.join(contentDir, sidecar));
    hash.update(data === null ? `\n${sidecar} absent\n` : `\n${sidecar} ${data.length}\n`);
    if (data !== null) hash.update(data);
  }
  return hash.digest('hex');
}

const entryPath = (dir: string, key: string) => path.join(dir, `${key}.json`);

/** A cached result, or null when there is none or it does not hold a valid Report / Rejected for this key. */
export async function readEntry(dir: string, key: string): Promise<Ingested | null> {
  let entry: { key?: unknown; ingested?: Record<string, unknown> };
  try {
    entry = JSON.parse(await readFile(entryPath(dir, key), 'utf8'));
  } catch {
    return null;
  }
  if (entry?.key !== key || typeof entry.ingested !== 'object' || entry.ingested === null) return null;
  const { ingested } = entry;
  // Validated, but the parsed object itself is returned: the same JSON as a fresh result, field order included.
  if ('report' in ingested && Report.safeParse(ingested.report).success) return ingested as Ingested;
  if ('rejected' in ingested && Rejected.safeParse(ingested.rejected).success) return ingested as Ingested;
  return null;
}

export function writeEntry(dir: string, key: string, ingested: Ingested): Promise<void> {
  return writeFileAtomic(entryPath(dir, key), JSON.stringify({ key, ingested }));
}

/** Ingests one file, through the cache when `cache` is given. The unit of work of the main thread and the workers. */
export async function ingestWithCache(contentDir: string, file: string, cache: CacheSettings | null): Promise<FileOutcome> {
  if (!cache) return { ingested: await ingestFile(contentDir, file), parsed: true, key: null };
  const key = await cacheKey(contentDir, file, cache.codeVersion);
  const hit = await readEntry(cache.dir, key);
  if (hit) return { ingested: hit, parsed: false, key };
  const ingested = await ingestFile(contentDir, file);
  await writeEntry(cache.dir, key, ingested);
  return { ingested, parsed: true, key };
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
