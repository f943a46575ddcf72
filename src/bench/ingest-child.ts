/**
 * The per-file stage alone (read → parse → enrich → validate → check, no cache, nothing written), run by the
 * benchmark as a child process so its memory is its own:
 *   tsx src/bench/ingest-child.ts <content dir> <worker threads>
 * Prints one JSON line: { files, reports, wallMs, cpuMs }. Outcomes are counted as they arrive and not kept: at
 * 100,000 files, holding them all (each report with its JSON and CSV pieces) ran the process out of heap.
 */
import { discoverFiles } from '../pipeline/read';
import { ingestFiles } from '../pipeline/parallel';

const [contentDir, workers] = process.argv.slice(2);
const { files } = await discoverFiles(contentDir);
const cpu = process.cpuUsage();
const started = performance.now();
let reports = 0;
await ingestFiles(contentDir, files, {
  cache: null,
  workers: Number(workers),
  collect: false,
  onOutcome: (_, outcome) => {
    if ('report' in outcome.ingested) reports++;
  },
});
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ files: files.length, reports, wallMs, cpuMs: (user + system) / 1000 }));
