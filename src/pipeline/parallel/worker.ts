/** The task a worker thread runs: a batch of files parsed and stored in the cache (see ../cache), in order. */
import type { Report } from '../../schema';
import type { FileOutcome, Miss } from '../cache';
import type { Ingested } from '../ingest';
import { ingestAndStore } from './ingest-file';

export interface IngestBatch {
  contentDir: string;
  cacheDir: string | null;
  misses: Miss[];
}

/**
 * An outcome as a worker sends it back: a report travels as its compact JSON bytes (`reportJson`, one copy of a
 * few kilobytes), not as the object graph the structured clone walks, which cost the worker more than a third of
 * what parsing the file did; the main thread parses the JSON (see fromMessage), as it does for a cache hit.
 */
export interface OutcomeMessage extends Omit<FileOutcome, 'ingested' | 'reportJson'> {
  /** Null for a report: it is in reportJson. */
  ingested: Ingested | null;
  reportJson: Uint8Array | null;
}

const encoder = new TextEncoder();

function toMessage(outcome: FileOutcome): OutcomeMessage {
  if (!('report' in outcome.ingested)) return outcome;
  return { ...outcome, ingested: null, reportJson: outcome.reportJson ?? encoder.encode(JSON.stringify(outcome.ingested.report)) };
}

/** The outcome a worker sent (see OutcomeMessage), with its report parsed again. */
export function fromMessage(message: OutcomeMessage): FileOutcome {
  if (message.ingested !== null) return { ...message, ingested: message.ingested };
  const json = message.reportJson!;
  const report = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as Report;
  return { ...message, ingested: { report }, reportJson: json };
}

export async function ingestBatch({ contentDir, cacheDir, misses }: IngestBatch): Promise<OutcomeMessage[]> {
  const outcomes: OutcomeMessage[] = [];
  for (const miss of misses) outcomes.push(toMessage(await ingestAndStore(contentDir, miss, cacheDir)));
  return outcomes;
}
