/**
 * The per-file stage alone (read → parse → enrich → validate → check, no cache, nothing written), run by the
 * benchmark as a child process so its memory is its own:
 *   tsx src/bench/ingest-child.ts <content dir> <worker threads>
 * Prints one JSON line: { files, reports, wallMs, cpuMs }.
 */
import { discoverFiles } from '../pipeline/read';
import { ingestFiles } from '../pipeline/parallel';

const [contentDir, workers] = process.argv.slice(2);
const { files } = await discoverFiles(contentDir);
const cpu = process.cpuUsage();
const started = performance.now();
const { outcomes } = await ingestFiles(contentDir, files, { cache: null, workers: Number(workers) });
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
const reports = outcomes.filter((o) => 'report' in o.ingested).length;
console.log(JSON.stringify({ files: files.length, reports, wallMs, cpuMs: (user + system) / 1000 }));
