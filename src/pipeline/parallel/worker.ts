/** The task a worker thread runs: a batch of files parsed and stored in the cache (see ../cache), in order. */
import type { FileOutcome, Miss } from '../cache';
import { ingestAndStore } from './ingest-file';

export interface IngestBatch {
  contentDir: string;
  cacheDir: string | null;
  misses: Miss[];
}

export async function ingestBatch({ contentDir, cacheDir, misses }: IngestBatch): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const miss of misses) outcomes.push(await ingestAndStore(contentDir, miss, cacheDir));
  return outcomes;
}
