/**
 * The SQLite download's cost alone: `node --expose-gc --import tsx src/bench/database-write.ts <data dir> <target.sqlite>`
 * reads the reports' parts (downloads/parts.json) and rejected.json (from `npm run data`), writes the database afresh and prints the
 * wall and CPU seconds, the file's bytes and the process's resident memory before and after (BENCHMARKS.md).
 */
import { readFileSync, statSync } from 'node:fs';
import { buildAgencyIndex } from '../pipeline/write/agency-index';
import { writeDatabaseAtomic } from '../pipeline/write/database';
import { readReportsJson } from '../lib/report-parts';
import type { Report } from '../schema';

/** Peak resident memory of this process so far, MiB. */
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const dir = process.argv[2];
const target = process.argv[3];
const reports = readReportsJson(dir) as Report[];
const rejected = JSON.parse(readFileSync(`${dir}/rejected.json`, 'utf8'));
const agencies = buildAgencyIndex(reports);
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss / 2 ** 20;
const hwmBefore = hwm();
const cpu = process.cpuUsage();
const t = performance.now();
await writeDatabaseAtomic(target, { agencies, reports, rejected });
const wall = performance.now() - t;
const c = process.cpuUsage(cpu);
console.log(JSON.stringify({ reports: reports.length, wallS: +(wall / 1000).toFixed(1), cpuS: +((c.user + c.system) / 1e6).toFixed(1), bytes: statSync(target).size, rssBeforeMiB: Math.round(rssBefore), rssAfterMiB: Math.round(process.memoryUsage().rss / 2 ** 20), hwmBeforeMiB: Math.round(hwmBefore), hwmAfterMiB: Math.round(hwm()) }));
