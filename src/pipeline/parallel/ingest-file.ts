/** The unit of work of the main thread and of the worker threads: one file through the per-file stage, stored in the cache. */
import { storeOutcome, type FileOutcome, type Miss } from '../cache';
import { reportCsv } from '../write/csv';

/**
 * Parses one file (../ingest.ts: read → parse → enrich → validate → check, then its CSV pieces) and stores the
 * result under its key in `cacheDir`.
 */
export async function ingestAndStore(contentDir: string, { file, key }: Miss, cacheDir: string | null): Promise<FileOutcome> {
  // Loaded on the first file to parse: readers, parser and enrich (pinyin, YAML, HTML parser) cost a rebuild that
  // finds every file in the cache a few hundred milliseconds of start-up for nothing.
  const { ingestFile } = await import('../ingest');
  const ingested = await ingestFile(contentDir, file);
  return storeOutcome(cacheDir, key, ingested, 'report' in ingested ? reportCsv(ingested.report) : null);
}
