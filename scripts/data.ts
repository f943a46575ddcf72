/**
 * npm run data -- [--content <dir>] [--shard <sub-folder>] [--out <dir>] [--strict] [--no-cache] [--workers <n>]
 * Builds data/ (the portal's JSON collections and downloads) from the report files in content/.
 * Unchanged files are not parsed again, nor read when their size, times and inode are as recorded, and unchanged
 * per-report and source files are not rewritten (cache in <out>/.cache/; --no-cache ignores it); --workers 0 runs on
 * one thread.
 */
import { RULE_IDS, type Diagnostic } from '../src/schema';
import { runPipeline, type Progress } from '../src/pipeline';
import { cliArgs, fail } from './cli';

const USAGE = `npm run data -- [--content <dir>] [--shard <sub-folder>] [--out <dir>] [--strict] [--no-cache] [--workers <n>]
Reads the report files in --content (default content/) and writes the portal's data to --out (default data/).
  --shard      only the files under this sub-folder of --content (one shard; README "Building in shards")
  --strict     exit with code 1 when a file could not be parsed or a report has errors
  --no-cache   parse every file again, ignoring <out>/.cache/
  --workers    worker threads for parsing (default: one per core; 0 = main thread only)`;

const values = cliArgs(
  {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'data' },
    shard: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
  USAGE,
);

const PROGRESS_EVERY_FILES = 200;
const PROGRESS_EVERY_MS = 1000;
let lastPrinted = Date.now();

function progress({ done, total }: Progress): void {
  const now = Date.now();
  if (done % PROGRESS_EVERY_FILES === 0 || now - lastPrinted >= PROGRESS_EVERY_MS || done === total) {
    process.stderr.write(`read ${done}/${total} files\n`);
    lastPrinted = now;
  }
}

function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line ?? '-'}: ${d.message} (expected ${d.expected}, found ${d.found})`;
}

if (values.shard !== undefined && (values.shard === '' || values.shard.split(/[\\/]/).some((s) => s === '' || s === '.' || s === '..'))) {
  fail(`--shard: expected a sub-folder of --content such as reports or 2024/beijing, found ${values.shard}`);
}
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) fail(`--workers: expected a whole number ≥ 0, found ${values.workers}`);

const result = await runPipeline({
  contentDir: values.content,
  outDir: values.out,
  strict: values.strict,
  onProgress: progress,
  cache: !values['no-cache'],
  workers,
  shard: values.shard,
});
const s = result.summary;
const { parsed, cached, hashed, workers: threads, ms } = result.stats;
console.log(`files read:     ${s.files} (${parsed} parsed, ${cached} from cache, ${threads ? `${threads} worker threads` : 'main thread'}; ${hashed} hashed)`);
console.log(`reports parsed: ${s.reports}`);
console.log(`rejected:       ${s.rejected}`);
console.log(`warnings:       ${s.warnings}`);
console.log(`errors:         ${s.errors}`);
console.log(`rule breaks:    ${s.ruleBreaks} (${RULE_IDS.map((id) => `${id} ${s.ruleBreaksByRule[id]}`).join(', ')})`);
console.log(`written to:     ${values.out}`);
for (const { files, reason } of result.stats.workerFailures) {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, … (${files.length - 3} more)` : '');
  console.warn(`warning: a worker thread failed (${reason}); its ${files.length} file(s) were parsed again on the main thread: ${shown}`);
}
console.log(`time:           ${Object.entries(ms).map(([stage, t]) => `${stage} ${(t / 1000).toFixed(1)} s`).join(', ')}`);
if (result.errors.length > 0) {
  console.log('\nerrors:');
  for (const d of result.errors) console.log(`  ${formatDiagnostic(d)}`);
}
if (!result.ok) {
  console.error(`\n--strict: ${result.errors.length} error(s)`);
  process.exitCode = 1;
}
