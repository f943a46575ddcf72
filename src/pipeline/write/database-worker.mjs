/**
 * Entry of the database thread (./database-thread.ts). The pipeline is TypeScript run by tsx (scripts) or Vite
 * (vitest), and on Node 20 tsx registers its module hooks on the main thread only, so the thread registers them
 * itself before loading the TypeScript task (as ../parallel/worker-entry.mjs does).
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { writeDatabaseTask } = await import('./database-task.ts');
// The reports' packs come as a message once the main thread has made them (./database-thread.ts), possibly before now.
const [reports] = await once(parentPort, 'message');
await writeDatabaseTask({ ...workerData, reports });
