/** Runs command-line tools for the generator's shapes: a few processes at a time. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Tool runs at once (each a short process). */
const PARALLEL = 4;

export const run = promisify(execFile);

/** Runs `jobs` at most PARALLEL at a time, results in order. */
export async function inParallel<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      out[k] = await jobs[k]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, jobs.length) }, worker));
  return out;
}
