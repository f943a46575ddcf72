/**
 * Runs a command for the benchmark and measures it: wall time, CPU time of every Node process it starts (via
 * usage-reporter.mjs), the peak resident memory of its whole process tree (sampled from /proc), and its output.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTreeRss } from './proc';

const REPORTER = fileURLToPath(new URL('./usage-reporter.mjs', import.meta.url));
const SAMPLE_EVERY_MS = 200;

export interface Measured {
  wallMs: number;
  /** CPU time (user + system) of all Node processes of the command, all their threads. */
  cpuMs: number;
  /** Highest resident memory of the command's process tree at any sample. */
  peakTreeRssBytes: number;
  /** Highest VmHWM of a single Node process of the command. */
  peakProcessRssBytes: number;
  exitCode: number | null;
  timedOut: boolean;
  /** Everything the command printed. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Also append the output here. */
  logFile?: string;
  /** Stop the command (its whole process group) after this long. */
  timeoutMs?: number;
}

interface Usage {
  cpuMs: number;
  peakRssBytes: number | null;
}

async function readUsages(dir: string): Promise<Usage[]> {
  const usages: Usage[] = [];
  for (const name of await readdir(dir)) {
    try {
      usages.push(JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Usage);
    } catch {
      // a process killed mid-write reports nothing
    }
  }
  return usages;
}

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<Measured> {
  const usageDir = await mkdtemp(path.join(tmpdir(), 'bench-usage-'));
  const env = {
    ...process.env,
    ...options.env,
    BENCH_USAGE_DIR: usageDir,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, options.env?.NODE_OPTIONS, `--import=${REPORTER}`].filter(Boolean).join(' '),
  };
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : null;
  const chunks: string[] = [];
  const started = performance.now();
  // Its own process group, so that a timeout stops the command and everything it started.
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const collect = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    log?.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let peakTreeRssBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakTreeRssBytes = Math.max(peakTreeRssBytes, processTreeRss(child.pid));
  }, SAMPLE_EVERY_MS);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      }, options.timeoutMs)
    : null;

  try {
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = performance.now() - started;
    const usages = await readUsages(usageDir);
    return {
      wallMs,
      cpuMs: usages.reduce((sum, u) => sum + u.cpuMs, 0),
      peakTreeRssBytes,
      peakProcessRssBytes: Math.max(0, ...usages.map((u) => u.peakRssBytes ?? 0)),
      exitCode,
      timedOut,
      output: chunks.join(''),
    };
  } finally {
    clearInterval(sampler);
    if (timer) clearTimeout(timer);
    log?.end();
    await rm(usageDir, { recursive: true, force: true });
  }
}

/** runMeasured, failing with the end of the output when the command does not succeed. */
export async function runChecked(command: string, args: string[], options: RunOptions): Promise<Measured> {
  const measured = await runMeasured(command, args, options);
  if (measured.exitCode !== 0 && !measured.timedOut) {
    throw new Error(`${command} ${args.join(' ')} exited with ${measured.exitCode}:\n${measured.output.slice(-3000)}`);
  }
  return measured;
}
