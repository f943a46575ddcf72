/** The task a worker thread runs: a batch of files parsed and stored in the cache (see ../cache), in order. */
import { ingestAndStore, type FileOutcome, type Miss } from '../cache';

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
