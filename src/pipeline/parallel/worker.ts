/** The task a worker thread runs: a batch of files through the cache-aware ingest (see ../cache), in order. */
import { ingestWithCache, type CacheSettings, type FileOutcome } from '../cache';

export interface IngestBatch {
  contentDir: string;
  files: string[];
  cache: CacheSettings | null;
}

export async function ingestBatch({ contentDir, files, cache }: IngestBatch): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await ingestWithCache(contentDir, file, cache));
  return outcomes;
}
