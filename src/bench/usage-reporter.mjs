/**
 * Preloaded into every Node process of a measured command (NODE_OPTIONS=--import <this file>): at exit, the main
 * thread writes its CPU time (all threads of the process) and peak resident memory (VmHWM) to
 * $BENCH_USAGE_DIR/<pid>.json, so the benchmark can add up processes that spawn processes (astro build, tsx).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.BENCH_USAGE_DIR;

function peakResidentBytes() {
  try {
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return kib ? Number(kib[1]) * 1024 : null;
  } catch {
    return null; // not Linux
  }
}

if (dir && isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    const usage = { pid: process.pid, argv: process.argv.slice(1), cpuMs: (user + system) / 1000, peakRssBytes: peakResidentBytes() };
    try {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(usage));
    } catch {
      // the benchmark's folder is gone: nothing to report to
    }
  });
}
