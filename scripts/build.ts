/**
 * npm run build [-- <astro build options>]
 * npm run build -- --shard <sub-folder> [--content <dir>] [--out <dir>]
 * npm run build -- --merge [--out <dir>] <shard folder> <shard folder> …   (also: npm run merge -- …)
 *
 * Without --shard or --merge: `npm run data` then `astro build`, the whole site in dist/ (as always). A shard is the
 * data step over one sub-folder of the content and a build of its reports' pages alone; the merge puts the shards'
 * data and pages together and builds the rest (README: "Building in shards"). Each is an ordinary process: run the
 * shards at once, here or on the machines of a CI matrix, then the merge over their folders.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUILD_PART_ENV } from '../src/lib/build-part';
import { SKIP_INDEX_ENV } from '../src/integrations/pagefind';
import { mergeShardData } from '../src/pipeline/merge';
import { fail } from './cli';
import { assembleShards, mergeSearchIndex, mergeSitemaps } from './shard-site';

const USAGE = `npm run build [-- <astro build options>]
npm run build -- --shard <sub-folder> [--content <dir>] [--out <dir>]
npm run build -- --merge [--out <dir>] <shard folder>...      (or: npm run merge -- [--out <dir>] <shard folder>...)
  (none)     npm run data, then astro build: the whole site in dist/
  --shard    the files under <content>/<sub-folder> alone (paths stay relative to --content, default content/):
             data into <out>/data, their report pages (reports, their charts and embeds, sources) into <out>/dist;
             --out defaults to shards/<sub-folder> (a "/" in the name becomes "-")
  --merge    the shards' folders (each an --out of --shard) into one site: data in <out>/data, the aggregate pages
             built from it, every shard's pages beside them, one sitemap, the search index; --out defaults to merged/`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** Runs a command with the terminal's output; rejects when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done() : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`))));
  });
}

/** `astro build` of one part of the site (src/lib/build-part.ts) from `dataDir` into `distDir`, with its own cache. */
function astroBuild(part: 'shard' | 'merge', dataDir: string, outDir: string): Promise<void> {
  const env = { [BUILD_PART_ENV]: part, DATA_DIR: dataDir, ASTRO_CACHE_DIR: path.join(outDir, 'astro-cache') };
  return run(bin('astro'), ['build', '--outDir', path.join(outDir, 'dist')], env);
}

async function buildShard(shard: string, content: string, out: string): Promise<void> {
  const started = performance.now();
  await run(bin('tsx'), ['scripts/data.ts', '--content', content, '--shard', shard, '--out', path.join(out, 'data')]);
  await rm(path.join(out, 'dist'), { recursive: true, force: true });
  await astroBuild('shard', path.resolve(out, 'data'), out);
  console.log(`[shard] ${shard}: built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path.join(out, 'dist')}`);
}

async function merge(shards: string[], out: string): Promise<void> {
  const started = performance.now();
  const lap = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const data = path.resolve(out, 'data');
  const result = await mergeShardData(
    shards.map((s) => path.resolve(s, 'data')),
    data,
  );
  console.log(`[merge] data: ${result.reports} reports, ${result.rejected} files rejected, from ${shards.length} shards (${lap()})`);
  for (const [i, ids] of result.dropped.entries()) {
    if (ids.length) console.warn(`[merge] warning: ${ids.length} report(s) of ${shards[i]} are another shard's agency-year, left out (see /quality/): ${ids.slice(0, 5).join(', ')}`);
  }
  if (result.crossShardX1.length) {
    console.warn(`[merge] warning: ${result.crossShardX1.length} report(s) have X1 breaks across shards, shown on the aggregate pages but not on their report pages (shard by region to keep an agency's years together): ${result.crossShardX1.slice(0, 5).join(', ')}`);
  }
  await rm(path.join(out, 'dist'), { recursive: true, force: true });
  await astroBuild('merge', data, out);
  const site = path.join(out, 'dist');
  const shardSites = shards.map((s) => path.join(s, 'dist'));
  const linked = await assembleShards(site, shardSites, result.dropped);
  const urls = await mergeSitemaps(site, shardSites);
  console.log(`[merge] ${linked} files of the shards linked beside the aggregate pages; sitemap of ${urls} pages (${lap()})`);
  if (process.env[SKIP_INDEX_ENV] === '0') console.warn(`[merge] ${SKIP_INDEX_ENV}=0: no search index was built`);
  else {
    const { taken, indexed } = await mergeSearchIndex(site, data, shardSites, result);
    console.log(`[merge] search index: ${taken} scope bundles of the shards taken, ${indexed.scopes} indexed here (${indexed.largest} pages at most) (${lap()})`);
  }
  console.log(`[merge] done in ${lap()} → ${site}`);
}

/** A failed step ends the run with its message (the step printed its own output), not a stack trace. */
process.on('unhandledRejection', (error) => {
  console.error(`[build] ${(error as Error).message}`);
  process.exit(1);
});

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const mergeMode = process.env.npm_lifecycle_event === 'merge' || argv.includes('--merge');
if (!mergeMode && !argv.some((a) => a === '--shard' || a.startsWith('--shard='))) {
  // The whole site, as `npm run build` always was: any argument goes to astro build.
  await run(bin('tsx'), ['scripts/data.ts']);
  await run(bin('astro'), ['build', ...argv]);
} else {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: mergeMode,
      options: { shard: { type: 'string' }, merge: { type: 'boolean', default: false }, content: { type: 'string', default: 'content' }, out: { type: 'string' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (mergeMode) {
    if (values.shard !== undefined) fail(`--shard and --merge are two steps: build each shard, then merge them\n\n${USAGE}`);
    if (positionals.length === 0) fail(`--merge: name the shards' folders\n\n${USAGE}`);
    await merge(positionals, values.out ?? 'merged');
  } else {
    const shard = values.shard!;
    await buildShard(shard, values.content, values.out ?? path.join('shards', shard.replaceAll('/', '-')));
  }
}
