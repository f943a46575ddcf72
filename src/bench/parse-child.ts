/**
 * The stages after reading, alone: parse → enrich → validate → check on decoded text, on the main thread, run as a
 * child process by the benchmark:
 *   tsx src/bench/parse-child.ts <content dir> [<project dir>]
 * <project dir> is another checkout of this project (with its node_modules): its pipeline is measured instead, by
 * this same harness, to compare two commits alike (`npm run bench -- --parse-reference <dir>`).
 * Files are read and decoded in chunks (not timed) and each chunk is processed (timed), so the heap holds one chunk
 * of text at a time, as the pipeline's workers do; holding a whole 10,000-file corpus would make garbage collection
 * the measure. The fastest pass counts (the steady state of a long run: the first pass carries the JIT's warm-up,
 * the others noise from other processes). Passes repeat until WARM_FILES files have been processed after the first
 * (two passes at least): V8 tiers code up by how often it runs, so a budget in files puts two builds at the same point
 * of their warm-up, where a budget in CPU time gave the slower one fewer passes, its fastest earlier in its warm-up.
 * Prints one JSON line: { files, reports, cpuMs, rounds }.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ingest from '../pipeline/ingest';
import type * as Read from '../pipeline/read';

const CHUNK = 200;
const WARM_FILES = 5000;
const MAX_ROUNDS = 30;
const [contentDir, projectDir] = process.argv.slice(2);
const pipelineDir = projectDir ? pathToFileURL(path.join(path.resolve(projectDir), 'src', 'pipeline', path.sep)) : new URL('../pipeline/', import.meta.url);
const { ingestSource } = (await import(new URL('ingest.ts', pipelineDir).href)) as typeof Ingest;
const { discoverFiles, readSource } = (await import(new URL('read/index.ts', pipelineDir).href)) as typeof Read;
const { files } = await discoverFiles(contentDir);

/** One pass over the corpus: CPU time of the processing only, and how many files became reports. */
async function pass(): Promise<{ cpuMs: number; reports: number }> {
  let cpuMs = 0;
  let reports = 0;
  for (let i = 0; i < files.length; i += CHUNK) {
    const docs: Read.SourceDocument[] = [];
    for (const file of files.slice(i, i + CHUNK)) docs.push(await readSource(contentDir, file));
    const cpu = process.cpuUsage();
    for (const doc of docs) if ('report' in ingestSource(doc)) reports++;
    const { user, system } = process.cpuUsage(cpu);
    cpuMs += (user + system) / 1000;
  }
  return { cpuMs, reports };
}

let best = Infinity;
let rounds = 0;
let reports = 0;
while (rounds < 2 || ((rounds - 1) * files.length < WARM_FILES && rounds < MAX_ROUNDS)) {
  const result = await pass();
  best = Math.min(best, result.cpuMs);
  reports = result.reports;
  rounds++;
}
console.log(JSON.stringify({ files: files.length, reports, cpuMs: best, rounds }));
