/**
 * npx tsx src/bench/shards.ts --corpus <dir> [--shards 4] [--work .cache/bench-shards] [--skip-single]
 *
 * The shard-and-merge build beside one build of the same files (README "Building in shards", BENCHMARKS.md): the
 * corpus's report files (`<corpus>/reports/`, as `npm run generate` writes them) are hard-linked into --shards
 * sub-folders of one content folder, file by file in turn; then, one at a time, `npm run build` over the whole
 * folder, `npm run build -- --shard <s>` for each sub-folder, and `npm run merge` over the shards, each measured
 * (wall time, CPU of its Node processes, peak resident memory of its process tree sampled from /proc and the
 * highest VmHWM of one process). Prints a Markdown table. --resume keeps the split content and skips the one build
 * and the shards already built (a run stopped half-way).
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runChecked, type Measured } from './process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MB = 2 ** 20;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    shards: { type: 'string', default: '4' },
    work: { type: 'string', default: '.cache/bench-shards' },
    'skip-single': { type: 'boolean', default: false },
    resume: { type: 'boolean', default: false },
  },
});
if (!values.corpus) throw new Error('--corpus <dir>: a folder written by npm run generate');
const shardCount = Number(values.shards);
const work = path.resolve(ROOT, values.work);
const content = path.join(work, 'content');

const files = (await readdir(path.join(values.corpus, 'reports'))).sort();
const names = Array.from({ length: shardCount }, (_, i) => `s${i + 1}`);
if (!values.resume) {
  await rm(work, { recursive: true, force: true });
  for (const name of names) await mkdir(path.join(content, name), { recursive: true });
  for (const [i, file] of files.entries()) await link(path.join(values.corpus, 'reports', file), path.join(content, names[i % shardCount], file));
}
const built = (name: string) => values.resume && existsSync(path.join(work, 'shards', name, 'dist', 'index.html'));

const rows: { step: string; m: Measured }[] = [];
const npm = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runChecked('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ASTRO_TELEMETRY_DISABLED: '1', ...env }, logFile: path.join(work, 'bench.log') });
const row = (step: string, m: Measured) => {
  rows.push({ step, m });
  console.log(`${step}: ${(m.wallMs / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, tree peak ${Math.round(m.peakTreeRssBytes / MB)} MB, one process ${Math.round(m.peakProcessRssBytes / MB)} MB`);
};

if (!values['skip-single'] && !values.resume) {
  const single = path.join(work, 'single');
  // One build, as `npm run build` does, into folders of its own.
  row(
    `one build (${files.length} files)`,
    await runChecked('sh', ['-c', `npx tsx scripts/data.ts --content "${content}" --out "${single}/data" && npx astro build --outDir "${single}/dist"`], {
      cwd: ROOT,
      env: { DATA_DIR: path.join(single, 'data'), ASTRO_CACHE_DIR: path.join(single, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      logFile: path.join(work, 'bench.log'),
    }),
  );
}
for (const name of names.filter((n) => !built(n))) {
  row(`shard ${name} (${files.filter((_, i) => names[i % shardCount] === name).length} files)`, await npm(['build', '--', '--shard', name, '--content', content, '--out', path.join(work, 'shards', name)]));
}
row('merge', await npm(['merge', '--', '--out', path.join(work, 'merged'), ...names.map((n) => path.join(work, 'shards', n))]));

console.log('\n| step | wall | CPU | peak of the process tree | peak of one process (VmHWM) |\n|---|---|---|---|---|');
for (const { step, m } of rows) {
  console.log(`| ${step} | ${(m.wallMs / 1000).toFixed(1)} s | ${(m.cpuMs / 1000).toFixed(1)} s | ${Math.round(m.peakTreeRssBytes / MB)} MB | ${Math.round(m.peakProcessRssBytes / MB)} MB |`);
}
