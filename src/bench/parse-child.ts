/**
 * The stages after reading, alone: parse → enrich → validate → check on text already decoded and held in memory,
 * on the main thread, run as a child process by the benchmark:
 *   tsx src/bench/parse-child.ts <content dir>
 * The files are read first (not timed); then the whole set is processed in rounds until about six CPU-seconds have
 * been spent, and the fastest round counts: the steady state of a long run over a national corpus (the first
 * rounds carry the JIT's warm-up, the others noise from other processes).
 * Prints one JSON line: { files, reports, cpuMs, rounds }.
 */
import { ingestSource } from '../pipeline/ingest';
import { discoverFiles, readSource } from '../pipeline/read';

const [contentDir] = process.argv.slice(2);
const { files } = await discoverFiles(contentDir);
const docs = [];
for (const file of files) docs.push(await readSource(contentDir, file));

let best = Infinity;
let spent = 0;
let rounds = 0;
let reports = 0;
while (rounds < 3 || (spent < 6000 && rounds < 30)) {
  const cpu = process.cpuUsage();
  reports = docs.map(ingestSource).filter((o) => 'report' in o).length;
  const { user, system } = process.cpuUsage(cpu);
  const ms = (user + system) / 1000;
  best = Math.min(best, ms);
  spent += ms;
  rounds++;
}
console.log(JSON.stringify({ files: files.length, reports, cpuMs: best, rounds }));
