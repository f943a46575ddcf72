/**
 * Per-file cache of the ingest stage (read → parse → enrich → validate → check, ../ingest.ts), under
 * `<outDir>/.cache/ingest/`: a store only; ../parallel/ingest-file.ts runs the stage and stores its result here.
 * An entry is keyed by the file's path and bytes, its sidecar files and the code fingerprint (./code-version.ts),
 * so an unchanged report is not parsed again; the bytes' hashes come from ./file-state.ts, so an unchanged file is
 * not even read. Cross-report steps (duplicates, X1) are not cached: they always re-run.
 * A missing, unreadable or damaged entry is a miss, never an error: the file is parsed and the entry rewritten.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readIfExistsSync, writeAll } from '../files';
import type { Ingested } from '../ingest';
import { sidecarCandidates } from '../read/sidecar-names';
import type { ReportCsv } from '../write/csv';
import { FileHashes, type HashedFile } from './file-state';

export { codeVersion, writerVersion } from './code-version';
export { FileHashes, fileHashesPath, type HashedFile } from './file-state';

export interface CacheSettings {
  /** Folder of the entries. */
  dir: string;
  /** From codeVersion(): entries written by other code are never read. */
  codeVersion: string;
  /** Content hashes by file state (./file-state.ts); without it every file is read and hashed. */
  hashes?: FileHashes;
}

/**
 * A report's CSV pieces (see reportCsv) as the cache holds them: the long piece, a tenth of a megabyte for some
 * reports and most of an entry's size, ends the entry's file and is read only when the long CSV is written, straight
 * into it (see readLongPiece).
 */
export interface StoredCsv {
  wide: string;
  /** The long piece, or null when it is in the cache folder under the outcome's key. */
  long: string | null;
  longSha256: string;
}

/** One file's result, and whether it was parsed this run or came from the cache. */
export interface FileOutcome {
  ingested: Ingested;
  /** The report's pieces of the CSV downloads; null for a rejected file. */
  csv: StoredCsv | null;
  /**
   * The report's compact JSON (UTF-8) as the cache holds it, so the reports' JSON parts need not serialise it again: bytes,
   * outside the JavaScript heap, not a string the garbage collector scans. Null without the cache or for a rejected file.
   */
  reportJson: Uint8Array | null;
  parsed: boolean;
  /** The cache key, when the cache is on. */
  key: string | null;
  /**
   * Files read and hashed where the key was computed (a worker thread: see Miss.codeVersion), for the main thread's
   * FileHashes; absent when the main thread computed the key.
   */
  hashed?: HashedFile[];
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
export function cacheKey(contentDir: string, file: string, codeVersion: string, hashes: FileHashes = FileHashes.none()): string {
  const hash = createHash('sha256').update(`${codeVersion}\n${file}\n${hashes.hashOf(path.join(contentDir, file)) ?? 'absent'}\n`);
  for (const sidecar of sidecarCandidates(file)) hash.update(`${sidecar} ${hashes.hashOf(path.join(contentDir, sidecar)) ?? 'absent'}\n`);
  return hash.digest('hex');
}

const entryPath = (dir: string, key: string) => path.join(dir, `${key}.json`);

type Entry = Pick<FileOutcome, 'ingested' | 'csv'>;

/*
 * An entry file is one line of the SHA-256 of the next two, a line of the JSON of { key, csv, report } (report:
 * whether the file became a report), a line of the JSON of the report or of the rejected entry (compact JSON has no
 * line breaks), then a report's long CSV piece to the end of the file (checked apart, by csv.longSha256, when it is
 * read: see readLongPiece). One file per entry: at 10,000 files a second file for the long piece cost the workers
 * 10,000 more files to create. The checksum makes a damaged entry (truncated, overwritten, edited by hand) a miss, at
 * a fraction of the cost of validating every cached report with zod again; what passes it is exactly what this code
 * wrote for the key.
 */
const sha256 = (...data: Uint8Array[]) => data.reduce((hash, d) => hash.update(d), createHash('sha256')).digest('hex');
const CHECKSUM_LENGTH = 64;
const NEWLINE = 0x0a;
const NEWLINE_BYTES = Buffer.from('\n');

interface EntryHeader {
  key: string;
  csv: StoredCsv | null;
  report: boolean;
}

/** Where an entry's parts end: its header's line break, its JSON's (or the file's end), or null when it is damaged. */
function entryBounds(bytes: Buffer): { header: number; json: number } | null {
  if (bytes[CHECKSUM_LENGTH] !== NEWLINE) return null;
  const header = bytes.indexOf(NEWLINE, CHECKSUM_LENGTH + 1);
  if (header < 0) return null;
  const json = bytes.indexOf(NEWLINE, header + 1);
  return { header, json: json < 0 ? bytes.length : json };
}

/** A cached result, or null when there is none, it is damaged, or it belongs to another key. */
function readEntry(dir: string, key: string): (Entry & Pick<FileOutcome, 'reportJson'>) | null {
  try {
    // Most look-ups of a fresh run miss: asking first costs a fifth of a failed open's exception (10,000: 57-95 → 8-19 ms).
    const bytes = readIfExistsSync(entryPath(dir, key));
    if (!bytes) return null;
    const bounds = entryBounds(bytes);
    if (!bounds || bytes.toString('latin1', 0, CHECKSUM_LENGTH) !== sha256(bytes.subarray(CHECKSUM_LENGTH + 1, bounds.json))) return null;
    const header = JSON.parse(bytes.toString('utf8', CHECKSUM_LENGTH + 1, bounds.header)) as EntryHeader;
    if (header.key !== key) return null;
    const json = bytes.subarray(bounds.header + 1, bounds.json);
    const parsed: unknown = JSON.parse(json.toString('utf8'));
    const ingested = (header.report ? { report: parsed } : { rejected: parsed }) as Ingested;
    return { ingested, csv: header.csv, reportJson: header.report ? json : null };
  } catch {
    return null;
  }
}

/**
 * Writes `chunks` to `file`, creating its folder when missing. Not through a temporary file: a half-written entry
 * fails its checksum (or its long piece's) and is a miss, and two writers of one key write the same bytes. Blocking,
 * like the reads: on the worker threads a promise's round trip through the thread pool costs more than the write.
 */
function writeCacheFile(file: string, chunks: Uint8Array[]): void {
  const write = () => {
    const fd = openSync(file, 'w');
    try {
      writeAll(fd, chunks);
    } finally {
      closeSync(fd);
    }
  };
  try {
    write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    write();
  }
}

/** Writes the entry; returns the compact JSON (UTF-8) of the report (or of the rejected entry) it holds. */
function writeEntry(dir: string, key: string, { ingested, csv }: Entry, long: Buffer | null): Buffer {
  const header: EntryHeader = { key, csv: csv && { ...csv, long: null }, report: 'report' in ingested };
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
  const json = Buffer.from(JSON.stringify('report' in ingested ? ingested.report : ingested.rejected));
  const checksum = Buffer.from(`${sha256(headerLine, json)}\n`, 'latin1');
  writeCacheFile(entryPath(dir, key), long ? [checksum, headerLine, json, NEWLINE_BYTES, long] : [checksum, headerLine, json]);
  return json;
}

/** The long CSV piece of a cached report, null when it is missing or damaged (the caller computes it again). */
export function readLongPiece(dir: string, key: string, expectedSha256: string): Buffer | null {
  try {
    const bytes = readFileSync(entryPath(dir, key));
    const bounds = entryBounds(bytes);
    const piece = bounds && bounds.json < bytes.length ? bytes.subarray(bounds.json + 1) : null;
    return piece && sha256(piece) === expectedSha256 ? piece : null;
  } catch {
    return null;
  }
}

/**
 * A file to parse, with its cache key when the cache is on. A file whose key needs its bytes hashed (new, or changed
 * since the last run) has `codeVersion` instead of a key: the key is computed where the file is read for parsing (a
 * worker thread), so it is read and hashed once, off the main thread, and may still turn out to be a hit there.
 */
export interface Miss {
  file: string;
  key: string | null;
  codeVersion?: string;
}

/**
 * Stores a file's fresh result (and its CSV pieces, null for a rejected file) under its key in `cacheDir` (no cache:
 * null) and returns it as an outcome parsed this run.
 */
export async function storeOutcome(cacheDir: string | null, key: string | null, ingested: Ingested, pieces: ReportCsv | null): Promise<FileOutcome> {
  const long = pieces && Buffer.from(pieces.long);
  const csv = pieces && { ...pieces, longSha256: sha256(long!) };
  if (!cacheDir || !key) return { ingested, csv, reportJson: null, parsed: true, key };
  const json = writeEntry(cacheDir, key, { ingested, csv }, long);
  // The long piece stays in the cache folder: not sent between threads, read once when the long CSV is written.
  // The report's JSON, serialised for the entry, comes along as bytes: the per-year download parts need not serialise it again.
  return { ingested, csv: csv && { ...csv, long: null }, reportJson: 'report' in ingested ? json : null, parsed: true, key };
}

/**
 * The cached outcome of a file, or the file to parse. Runs on the main thread: a hit costs four stats (file and
 * sidecar candidates) and one small read. A file that would have to be read to know its key is a Miss with the
 * code version (see Miss): keyAndLookUp computes its key where it is parsed.
 */
export function lookUp(contentDir: string, file: string, cache: CacheSettings | null): FileOutcome | Miss {
  if (!cache) return { file, key: null };
  if (cache.hashes && cache.hashes.knownHashOf(path.join(contentDir, file)) === undefined) return { file, key: null, codeVersion: cache.codeVersion };
  const key = cacheKey(contentDir, file, cache.codeVersion, cache.hashes);
  const hit = readEntry(cache.dir, key);
  return hit ? { ...hit, parsed: false, key } : { file, key };
}

/**
 * For a Miss with a code version, where the file is parsed: reads and hashes the file (and its sidecars) for its
 * key, then looks the key up (a touched file with the same bytes is a hit). Returns the key, the bytes read, what was
 * hashed (for the main thread's FileHashes), and the cached outcome when there is one.
 */
export function keyAndLookUp(
  contentDir: string,
  file: string,
  codeVersion: string,
  cacheDir: string,
): { key: string; read: { bytes: Buffer; sha256: string } | null; hashed: HashedFile[]; hit: FileOutcome | null } {
  const hashes = FileHashes.none();
  const read = hashes.read(path.join(contentDir, file));
  const key = cacheKey(contentDir, file, codeVersion, hashes);
  const hashed = hashes.hashedThisRun();
  const entry = readEntry(cacheDir, key);
  return { key, read, hashed, hit: entry && { ...entry, parsed: false, key, hashed } };
}

/** Removes entries this run did not use (files changed or removed, older code), so the cache does not grow forever. */
export async function pruneCache(dir: string, used: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  // `<key>.json` (and `<key>.csv` of earlier versions); a temporary file left by an interrupted run starts with a dot and is never used.
  await Promise.all(names.filter((n) => !used.has(n.split('.')[0])).map((n) => rm(path.join(dir, n), { force: true })));
}
