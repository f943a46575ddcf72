/**
 * Entry of the ingest worker threads. The pipeline is TypeScript run by tsx (scripts) or Vite (vitest), and on
 * Node 20 tsx registers its module hooks on the main thread only, so a worker registers them itself before
 * loading the TypeScript task.
 */
import { register } from 'tsx/esm/api';

register();
const { ingestBatch } = await import('./worker.ts');

export default ingestBatch;
