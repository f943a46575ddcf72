/**
 * The benchmark behind `npm run bench` (scripts/bench.ts): for each corpus size, generate synthetic reports
 * (scripts/generate.ts), then measure the per-file stage, the data step (full and after one changed report) and
 * the site build (astro build + Pagefind), and weigh the built site and one search in Chromium.
 * Every step runs as a child process, so memory and CPU are the step's own.
 */
import { appendFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineAstroLogs, parseAstroLog, type AstroBuildLog } from './astro-log';
import { weighDownloads, type DownloadsWeight } from './downloads';
import { runChecked, runMeasured, type Measured } from './process';
import { pdfInputRun, type PdfInputRun } from './pdf-input';
import { measureAgencyLookup, measureSearch, type AgencyLookupCost, type SearchCost } from './search-bytes';
import { measureSearchOracle, type OracleResult } from './search-oracle';
import { measureSite, type SiteWeight } from './site-weight';
import type { PngMode } from '../charts/png-settings';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => path.join(PROJECT_DIR, 'node_modules', '.bin', name);

export interface BenchOptions {
  sizes: number[];
  /** Folder for corpora, data and builds (one sub-folder per size). */
  workDir: string;
  site: boolean;
  /** Which chart PNGs the site build renders (CHART_PNG, src/charts/png-settings.ts); the build's default is all. */
  png: PngMode;
  siteTimeoutMs: number;
  query: string;
  /** Keep the generated files afterwards. */
  keep: boolean;
  /**
   * Measures left out (`--skip`): the per-file stage on one thread, the parse-only child, the data step after one
   * changed report. At 100,000 reports on a shared machine they cost most of the run's hour.
   */
  skip: ReadonlySet<BenchStep>;
  /** A corpus `npm run generate` wrote already (its folder, with reports/): used instead of generating one. */
  corpus?: string;
  /** PDFs printed for the PDF-input measure (`npm run data` beside `pdftotext -layout`), once per run. */
  pdfs: number;
  /**
   * Another checkout of the project (with node_modules) whose parse → check stage is measured beside this one's by the
   * same harness, runs alternated so that both meet the same load (`--parse-reference`).
   */
  parseReference?: string;
  log: (line: string) => void;
}

export const BENCH_STEPS = ['single-thread', 'parse', 'incremental', 'pdf', 'oracle'] as const;
/** Phrases the search oracle draws (./search-oracle.ts). */
const ORACLE_PHRASES = 30;
export type BenchStep = (typeof BENCH_STEPS)[number];

export interface IngestRun {
  workers: number;
  files: number;
  reports: number;
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
}

/** parse → enrich → validate → check on decoded text in memory, one thread (src/bench/parse-child.ts). */
export interface ParseRun {
  files: number;
  reports: number;
  /** CPU time of the fastest round over all files. */
  cpuMs: number;
  rounds: number;
  /** With `parseReference`: the fastest round of each tree over PARSE_RUNS runs alternated (cpuMs is this tree's). */
  reference?: { dir: string; cpuMs: number; runs: number };
}

/** Runs of the parse child per tree when a reference tree is compared, alternated. */
const PARSE_RUNS = 3;

export interface DataRun {
  measured: Measured;
  /** Stage times the data step printed (discover, ingest, crossReport, write), in ms. */
  stages: Record<string, number>;
}

export interface SiteRun {
  build: Measured;
  log: AstroBuildLog;
  weight: SiteWeight | null;
  search: SearchCost | { error: string } | null;
  agencyLookup?: AgencyLookupCost | { error: string };
  /** Recall and precision of the search page by an oracle (./search-oracle.ts); absent when skipped. */
  oracle?: OracleResult | { error: string };
}

export interface SizeResult {
  n: number;
  generateMs: number;
  ingest: IngestRun[];
  parse: ParseRun | null;
  dataFull: DataRun;
  /** The full data step's output, weighed (./downloads.ts). */
  downloads: DownloadsWeight;
  dataIncremental: DataRun | null;
  site: SiteRun | null;
  /** PDF input beside pdftotext (./pdf-input.ts), measured once a run: on the last size's result. */
  pdfInput?: PdfInputRun | { skipped: string };
}

/** "time: discover 0.0 s, ingest 44.2 s, …" from scripts/data.ts. */
function dataStages(output: string): Record<string, number> {
  const line = /^time:\s+(.*)$/m.exec(output)?.[1] ?? '';
  return Object.fromEntries([...line.matchAll(/(\w+) ([\d.]+) s/g)].map(([, stage, s]) => [stage, Number(s) * 1000]));
}

async function ingestRun(contentDir: string, workers: number, options: BenchOptions): Promise<IngestRun> {
  const measured = await runChecked(bin('tsx'), ['src/bench/ingest-child.ts', contentDir, String(workers)], { cwd: PROJECT_DIR });
  const line = measured.output.trim().split('\n').filter((l) => l.startsWith('{')).pop()!;
  const result = JSON.parse(line) as Omit<IngestRun, 'workers' | 'peakRssBytes'>;
  options.log(`  per-file stage, ${workers || 'no'} worker threads: ${result.files} files in ${(result.wallMs / 1000).toFixed(1)} s`);
  return { ...result, workers, peakRssBytes: measured.peakProcessRssBytes };
}

/** One run of src/bench/parse-child.ts, on this tree's pipeline or on `projectDir`'s. */
async function parseChild(contentDir: string, projectDir?: string): Promise<ParseRun> {
  const measured = await runChecked(bin('tsx'), ['src/bench/parse-child.ts', contentDir, ...(projectDir ? [projectDir] : [])], { cwd: PROJECT_DIR });
  const line = measured.output.trim().split('\n').filter((l) => l.startsWith('{')).pop()!;
  return JSON.parse(line) as ParseRun;
}

async function parseRun(contentDir: string, options: BenchOptions): Promise<ParseRun> {
  const ref = options.parseReference;
  let result = await parseChild(contentDir);
  if (ref) {
    let refMs = Infinity;
    for (let run = 0; run < PARSE_RUNS; run++) {
      refMs = Math.min(refMs, (await parseChild(contentDir, ref)).cpuMs);
      if (run > 0) {
        const own = await parseChild(contentDir);
        if (own.cpuMs < result.cpuMs) result = own;
      }
    }
    result = { ...result, reference: { dir: ref, cpuMs: refMs, runs: PARSE_RUNS } };
  }
  const perSecond = (ms: number) => Math.round(result.files / (ms / 1000));
  options.log(`  parse → enrich → validate → check, decoded text: ${perSecond(result.cpuMs)} files per CPU-second`);
  if (result.reference)
    options.log(`  the same in ${ref}: ${perSecond(result.reference.cpuMs)} files per CPU-second (this tree ${(result.cpuMs / result.reference.cpuMs).toFixed(2)} × its CPU time, fastest of ${PARSE_RUNS} runs each, alternated)`);
  return result;
}

async function dataRun(contentDir: string, dataDir: string, logFile: string): Promise<DataRun> {
  const measured = await runChecked(bin('tsx'), ['scripts/data.ts', '--content', contentDir, '--out', dataDir], { cwd: PROJECT_DIR, logFile });
  return { measured, stages: dataStages(measured.output) };
}

/** Appends a line to the first report file, as an agency republishing a corrected report would. */
async function changeOneReport(contentDir: string): Promise<string> {
  const first = (await readdir(contentDir)).filter((f) => /\.(txt|md)$/.test(f)).sort()[0];
  await appendFile(path.join(contentDir, first), '\n（本报告于发布后更正一处文字。）\n');
  return first;
}

/** The agency in the middle of the data's agency list by name: the one the bench looks up by part of its name. */
async function middleAgency(dataDir: string): Promise<string> {
  const names = (JSON.parse(await readFile(path.join(dataDir, 'agencies.json'), 'utf8')) as { name: string }[]).map((a) => a.name).sort();
  return names[Math.floor(names.length / 2)];
}

async function siteRun(dataDir: string, dir: string, options: BenchOptions): Promise<SiteRun> {
  const dist = path.join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    DATA_DIR: dataDir,
    ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    CHART_PNG: options.png,
  };
  // As `npm run build` builds the site (one Astro process, or two at once for a large corpus), each process's log
  // apart so that its per-page times can be read.
  const logs = path.join(dir, 'site-logs');
  await rm(logs, { recursive: true, force: true });
  const build = await runMeasured(bin('tsx'), ['scripts/build.ts', '--site', '--data', dataDir, '--out', dist, '--logs', logs], {
    cwd: PROJECT_DIR,
    env,
    logFile: path.join(dir, 'site-build.log'),
    timeoutMs: options.siteTimeoutMs,
  });
  const logFiles = (await readdir(logs).catch(() => [])).filter((f) => f.endsWith('.log'));
  const log = combineAstroLogs(await Promise.all(logFiles.map(async (f) => parseAstroLog(await readFile(path.join(logs, f), 'utf8')))));
  if (build.exitCode !== 0) {
    options.log(`  site build ${build.timedOut ? 'stopped after the time limit' : `failed (exit ${build.exitCode})`}: ${log.renderedPages} pages rendered`);
    return { build, log, weight: null, search: null };
  }
  options.log(`  site build: ${(build.wallMs / 1000).toFixed(0)} s; weighing the site and searching in Chromium`);
  const weight = measureSite(dist);
  const failed = (error: Error) => ({ error: error.message.split('\n')[0] });
  const search = await measureSearch(dist, options.query).catch(failed);
  const agencyLookup = await middleAgency(dataDir)
    .then((agency) => measureAgencyLookup(dist, agency))
    .catch(failed);
  if (options.skip.has('oracle')) return { build, log, weight, search, agencyLookup };
  options.log(`  search oracle: ${ORACLE_PHRASES} phrases of the reports' prose searched in Chromium`);
  const oracle = await measureSearchOracle(dist, dataDir, ORACLE_PHRASES).catch(failed);
  return { build, log, weight, search, agencyLookup, oracle };
}

async function benchSize(n: number, options: BenchOptions): Promise<SizeResult> {
  const dir = path.join(options.workDir, String(n));
  const corpus = options.corpus ? path.resolve(options.corpus) : path.join(dir, 'corpus');
  const contentDir = path.join(corpus, 'reports');
  const dataDir = path.join(dir, 'data');
  await mkdir(dir, { recursive: true });
  const logFile = path.join(dir, 'data.log');

  let generateMs = 0;
  if (options.corpus) options.log(`${n} reports: the corpus in ${corpus}`);
  else {
    options.log(`${n} reports: generating`);
    generateMs = (await runChecked(bin('tsx'), ['scripts/generate.ts', '--n', String(n), '--out', corpus], { cwd: PROJECT_DIR })).wallMs;
  }

  const ingest = [await ingestRun(contentDir, availableParallelism(), options)];
  if (!options.skip.has('single-thread')) ingest.push(await ingestRun(contentDir, 0, options));
  const parse = options.skip.has('parse') ? null : await parseRun(contentDir, options);

  await rm(dataDir, { recursive: true, force: true });
  const dataFull = await dataRun(contentDir, dataDir, logFile);
  options.log(`  data step, full: ${(dataFull.measured.wallMs / 1000).toFixed(1)} s`);
  const downloads = weighDownloads(dataDir);
  let dataIncremental: DataRun | null = null;
  if (!options.skip.has('incremental')) {
    const changed = await changeOneReport(contentDir);
    dataIncremental = await dataRun(contentDir, dataDir, logFile);
    options.log(`  data step after changing ${changed}: ${(dataIncremental.measured.wallMs / 1000).toFixed(1)} s`);
  }

  const site = options.site ? await siteRun(dataDir, dir, options) : null;
  if (!options.keep) await rm(dir, { recursive: true, force: true });
  return { n, generateMs, ingest, parse, dataFull, downloads, dataIncremental, site };
}

export async function runBenchmark(options: BenchOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const n of options.sizes) results.push(await benchSize(n, options));
  if (!options.skip.has('pdf') && options.pdfs > 0) {
    options.log(`PDF input: ${options.pdfs} PDFs`);
    results[results.length - 1].pdfInput = await pdfInputRun(options.workDir, options.pdfs, PROJECT_DIR, options.log);
  }
  return results;
}
