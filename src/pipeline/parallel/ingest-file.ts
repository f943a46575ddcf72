/** The unit of work of the main thread and of the worker threads: one file through the per-file stage, stored in the cache. */
import { keyAndLookUp, storeOutcome, type FileOutcome, type Miss } from '../cache';
import { reportCsv } from '../write/csv';

/**
 * The ingest module, loaded on the first file to parse: readers, parser and enrich (pinyin, YAML, HTML parser) cost a
 * rebuild that finds every file in the cache a few hundred milliseconds of start-up for nothing. Imported once per
 * thread: under tsx every dynamic import goes through its resolve hook on the loader thread (about 1 ms of CPU a file).
 */
let ingestModule: Promise<typeof import('../ingest')> | undefined;

/**
 * Parses one file (../ingest.ts: read → parse → enrich → validate → check, then its CSV pieces) and stores the
 * result under its key in `cacheDir`. A miss without a key (new or changed since the last run, see Miss) is read and
 * hashed here first: its key may still find a cached result (a file touched, its bytes unchanged).
 */
export async function ingestAndStore(contentDir: string, miss: Miss, cacheDir: string | null): Promise<FileOutcome> {
  const { ingestFile } = await (ingestModule ??= import('../ingest'));
  if (miss.codeVersion !== undefined && cacheDir) {
    const { key, read, hashed, hit } = keyAndLookUp(contentDir, miss.file, miss.codeVersion, cacheDir);
    if (hit) return hit;
    const ingested = await ingestFile(contentDir, miss.file, read ?? undefined);
    const outcome = await storeOutcome(cacheDir, key, ingested, 'report' in ingested ? reportCsv(ingested.report) : null);
    return { ...outcome, hashed };
  }
  const ingested = await ingestFile(contentDir, miss.file);
  return storeOutcome(cacheDir, miss.key, ingested, 'report' in ingested ? reportCsv(ingested.report) : null);
}
