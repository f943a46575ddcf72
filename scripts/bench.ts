/**
 * npm run bench -- [--sizes 1000,10000] [--n 100000] [--work <dir>] [--no-site] [--no-png | --png all|shared|0] [--site-timeout <min>]
 *                  [--query <text>] [--keep] [--out BENCHMARKS.md] [--skip single-thread,parse,incremental,pdf,oracle] [--corpus <dir>] [--pdfs 100]
 *                  [--parse-reference <dir>]
 * Generates synthetic corpora and measures the pipeline and the site build on them (src/bench/), prints the
 * results and writes them into BENCHMARKS.md (between bench markers named after the sizes and PNG setting, so runs
 * with other settings stay). Not part of `npm test`: it takes minutes (about 20 for 10,000 reports).
 * --n runs one size (e.g. 100000) instead of --sizes; --no-png builds without chart PNGs (CHART_PNG=0), --png shared
 * with PNGs for the national rankings and provinces' charts only (CHART_PNG=shared; default all). --skip leaves measures out (the
 * per-file stage on one thread, the parse-only child, the data step after one changed report, the search oracle of src/bench/search-oracle.ts). --corpus measures a
 * corpus `npm run generate` wrote already instead of generating one (one size). --pdfs sets how many generated
 * reports are printed to PDF for the PDF-input measure (npm run data beside pdftotext -layout on the same files).
 * --parse-reference <dir> measures the parse-only child on another checkout too (e.g. `git worktree add --detach <dir>
 * <commit>` with node_modules copied), three runs per tree alternated, and prints both and their ratio.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { BENCH_STEPS, PROJECT_DIR, runBenchmark, type BenchStep } from '../src/bench';
import { pngMode, type PngMode } from '../src/charts/png-settings';
import { mergeIntoDocument, renderResults } from '../src/bench/markdown';
import { cliArgs, fail } from './cli';

const USAGE = `npm run bench -- [--sizes 1000,10000] [--n 100000] [--work <dir>] [--no-site] [--no-png | --png all|shared|0]
                 [--site-timeout <min>] [--query <text>] [--keep] [--out BENCHMARKS.md]
                 [--skip single-thread,parse,incremental,pdf,oracle] [--corpus <dir>] [--pdfs 100] [--parse-reference <dir>]
Generates synthetic corpora, measures the data step and the site build on them, and writes the figures into
--out (default BENCHMARKS.md). See BENCHMARKS.md for what is measured.`;

const values = cliArgs(
  {
    sizes: { type: 'string', default: '1000,10000' },
    n: { type: 'string' },
    work: { type: 'string', default: path.join(PROJECT_DIR, '.cache', 'bench') },
    'no-site': { type: 'boolean', default: false },
    'no-png': { type: 'boolean', default: false },
    png: { type: 'string', default: 'all' },
    'site-timeout': { type: 'string', default: '30' },
    query: { type: 'string', default: '行政复议' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(PROJECT_DIR, 'BENCHMARKS.md') },
    skip: { type: 'string', default: '' },
    corpus: { type: 'string' },
    pdfs: { type: 'string', default: '100' },
    'parse-reference': { type: 'string' },
  },
  USAGE,
);

const sizes = (values.n ?? values.sizes).split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes / --n: expected whole numbers ≥ 1, found ${values.n ?? values.sizes}`);
const skip = new Set(values.skip ? values.skip.split(',') : []) as Set<BenchStep>;
for (const step of skip) if (!BENCH_STEPS.includes(step)) fail(`--skip: unknown step ${step} (known: ${BENCH_STEPS.join(', ')})`);
if (values.corpus && sizes.length !== 1) fail('--corpus: measures one size (give --n, the number of reports in the corpus)');
const pdfs = Number(values.pdfs);
if (!Number.isInteger(pdfs) || pdfs < 0) fail(`--pdfs: expected a whole number ≥ 0, found ${values.pdfs}`);
const timeoutMinutes = Number(values['site-timeout']);
if (!(timeoutMinutes > 0)) fail(`--site-timeout: expected minutes > 0, found ${values['site-timeout']}`);

let png: PngMode = 'none';
if (!values['no-png']) {
  try {
    png = pngMode({ CHART_PNG: values.png });
  } catch (error) {
    fail(`--png: ${(error as Error).message}`);
  }
}
const info = {
  key: `${sizes.join(',')} ${{ all: 'png', shared: 'png-shared', none: 'no-png' }[png]}`,
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date(),
  loadBefore: loadavg(),
  loadAfter: [] as number[],
  png,
};
const results = await runBenchmark({
  sizes,
  workDir: path.resolve(values.work),
  site: !values['no-site'],
  png,
  siteTimeoutMs: timeoutMinutes * 60_000,
  query: values.query,
  keep: values.keep,
  skip,
  corpus: values.corpus,
  pdfs,
  parseReference: values['parse-reference'] ? path.resolve(values['parse-reference']) : undefined,
  log: (line) => console.error(line),
});
info.loadAfter = loadavg();

const measured = renderResults(results, info);
console.log(measured);
const existing = await readFile(values.out, 'utf8').catch(() => null);
await writeFile(values.out, mergeIntoDocument(existing, info.key, measured));
console.error(`written to ${values.out}`);
