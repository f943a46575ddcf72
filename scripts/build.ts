/**
 * npm run build [-- <astro build options>]
 * npm run build -- --site [--data <dir>] [--out <dir>] [--processes 1|2] [--logs <dir>]
 * npm run build -- --shard <sub-folder> [--content <dir>] [--out <dir>]
 * npm run build -- --merge [--out <dir>] <shard folder> <shard folder> …   (also: npm run merge -- …)
 *
 * Without --shard or --merge: `npm run data`, then the whole site in dist/ (--site: the site alone, from a data
 * folder). A large corpus's site is built by two Astro processes at once, one the reports' pages, the other the rest
 * (README: "Two processes"). A shard is the data step over one sub-folder of the content and a build of its reports'
 * pages alone; the merge puts the shards' data and pages together and builds the rest (README: "Building in shards").
 * Each is an ordinary process: run the shards at once, here or on the machines of a CI matrix, then the merge over
 * their folders.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUILD_PART_ENV } from '../src/lib/build-part';
import { SKIP_INDEX_ENV, indexedText } from '../src/integrations/pagefind';
import { readSummaries } from '../src/lib/report-parts';
import { mergeShardData } from '../src/pipeline/merge';
import { fail } from './cli';
import { assembleShards, mergeSearchIndex, mergeSitemaps, moveAbsent } from './shard-site';

/**
 * Reports from which the site is built by two Astro processes at once (one the report pages, one the rest): each
 * process bundles the project first (about 25 s of CPU), which a small site does not win back.
 */
const TWO_PROCESSES_FROM = 5_000;

const USAGE = `npm run build [-- <astro build options>]
npm run build -- --site [--data <dir>] [--out <dir>] [--processes 1|2] [--logs <dir>]
npm run build -- --shard <sub-folder> [--content <dir>] [--out <dir>]
npm run build -- --merge [--out <dir>] <shard folder>...      (or: npm run merge -- [--out <dir>] <shard folder>...)
  (none)     npm run data, then the site in dist/ as --site builds it (with astro build options: one astro build)
  --shard    the files under <content>/<sub-folder> alone (paths stay relative to --content, default content/):
             data into <out>/data, their report pages (reports, their charts and embeds, sources) into <out>/dist;
             --out defaults to shards/<sub-folder> (a "/" in the name becomes "-")
  --merge    the shards' folders (each an --out of --shard) into one site: data in <out>/data, the aggregate pages
             built from it, every shard's pages beside them, one sitemap, the search index; --out defaults to merged/
  --site     the site alone from --data (default data/) into --out (default dist/), in --processes Astro processes
             (default: 2 from ${TWO_PROCESSES_FROM} reports on a machine of 2 cores or more, else 1); --logs <dir> also
             writes each Astro process's output to <dir>/astro-<part>.log (and the last indexing's line to site-index.log)`;

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

/**
 * Runs a command printing its output line by line (whole lines, so that two at once do not cut each other's), also
 * into `logFile`; rejects when it fails.
 */
async function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string | null): Promise<void> {
  const log = logFile ? createWriteStream(logFile) : null;
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [child.stdout, child.stderr].map((stream, i) =>
    (async () => {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        (i === 0 ? process.stdout : process.stderr).write(`${line}\n`);
        log?.write(`${line}\n`);
      }
    })(),
  );
  const code = await new Promise<number | null>((done, reject) => {
    child.on('error', reject);
    child.on('close', done);
  });
  await Promise.all(lines);
  await new Promise((done) => (log ? log.end(done) : done(undefined)));
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`);
}

/** A new folder of its own under the project's .cache/ (inside the project: see astroInto). */
async function projectTemp(prefix: string): Promise<string> {
  await mkdir(path.join(ROOT, '.cache'), { recursive: true });
  return mkdtemp(path.join(ROOT, '.cache', prefix));
}

/**
 * An `astro build` (`build(dir)`) whose site ends up in `outDir`. Astro puts a build's intermediate files (the modules
 * it renders the pages with) in the out folder when that is inside the project, and in the project's .astro/ when it
 * is not: two such builds at once (tests building throwaway sites, shards) delete each other's modules there
 * ("Cannot find module …/.astro/pages/…"). So a site for a folder outside the project is built in a folder of its
 * own inside it (.cache/astro-out-*) and moved into place after (a rename; copied when on another file system).
 */
async function astroInto(outDir: string, build: (dir: string) => Promise<void>): Promise<void> {
  if (path.resolve(outDir).startsWith(ROOT)) return build(outDir);
  const work = await projectTemp('astro-out-');
  try {
    const built = path.join(work, 'dist');
    await build(built);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(path.dirname(outDir), { recursive: true });
    await rename(built, outDir).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await cp(built, outDir, { recursive: true });
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `astro build` of one part of the site (src/lib/build-part.ts) from `dataDir` into `distDir`, with its own cache. */
function astroBuild(part: 'shard' | 'merge', dataDir: string, outDir: string): Promise<void> {
  const env = { [BUILD_PART_ENV]: part, DATA_DIR: dataDir, ASTRO_CACHE_DIR: path.join(outDir, 'astro-cache') };
  return astroInto(path.join(outDir, 'dist'), (dir) => run(bin('astro'), ['build', '--outDir', dir], env));
}

/** How many Astro processes build the site of `dataDir`: `asked`, else 2 for a large corpus on two cores or more. */
function siteProcesses(dataDir: string, asked: string | undefined): 1 | 2 {
  if (asked !== undefined) {
    if (asked !== '1' && asked !== '2') fail(`--processes: expected 1 or 2, found ${asked}\n\n${USAGE}`);
    return Number(asked) as 1 | 2;
  }
  const { reports } = JSON.parse(readFileSync(path.join(dataDir, 'summary.json'), 'utf8')) as { reports: number };
  return reports >= TWO_PROCESSES_FROM && availableParallelism() >= 2 ? 2 : 1;
}

/**
 * The whole site from `dataDir` into `distDir` by two Astro processes at once, as a shard and a merge of one data
 * folder: the reports' pages (BUILD_PART=shard, which also indexes their search scopes) in a folder inside the project
 * (two builds at once must not both put their intermediate files in the shared .astro/), every other page
 * (BUILD_PART=merge) in `distDir` (built inside the project too when `distDir` is not: astroInto); then the first's
 * files moved beside the second's (moveAbsent), one sitemap, the agencies' search scopes and the runtime, as the
 * merge of shards does (README: "Two processes").
 */
async function buildSiteInTwo(dataDir: string, distDir: string, logDir: string | null): Promise<void> {
  const started = performance.now();
  const lap = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const reportsDir = await projectTemp('site-reports-');
  const reportsSite = path.join(reportsDir, 'dist');
  const logOf = (part: string) => (logDir ? path.join(logDir, `astro-${part}.log`) : null);
  try {
    await rm(distDir, { recursive: true, force: true });
    if (logDir) await mkdir(logDir, { recursive: true });
    const astro = (part: 'shard' | 'merge', outDir: string, cacheDir: string) =>
      runLogged(bin('astro'), ['build', '--outDir', outDir], { [BUILD_PART_ENV]: part, DATA_DIR: dataDir, ASTRO_CACHE_DIR: cacheDir }, logOf(part === 'shard' ? 'reports' : 'site'));
    const mergeCache = process.env.ASTRO_CACHE_DIR ?? path.join(ROOT, 'node_modules', '.astro');
    await Promise.all([astro('shard', reportsSite, path.join(reportsDir, 'astro-cache')), astroInto(distDir, (dir) => astro('merge', dir, mergeCache))]);
    console.log(`[site] both Astro processes done (${lap()})`);
    const moved = await moveAbsent(reportsSite, distDir);
    console.log(`[site] the reports' pages moved beside the other pages (${moved} files and folders) (${lap()})`);
    const urls = await mergeSitemaps(distDir, [reportsSite]);
    console.log(`[site] sitemap of ${urls} pages (${lap()})`);
    if (process.env[SKIP_INDEX_ENV] !== '0') {
      const shardOf = new Map(readSummaries(dataDir).map((r) => [r.id, 0]));
      const { taken, indexed } = await mergeSearchIndex(distDir, dataDir, [reportsSite], { shardOf, dropped: [[]] }, { move: true });
      console.log(`[site] search index: ${taken} scopes found indexed (the reports' by their build, the agencies' by the other), ${indexed.scopes} indexed here (${indexed.largest} pages at most) (${lap()})`);
      const line = `[pagefind] ${indexedText(indexed)}`;
      console.log(line);
      if (logDir) await writeFile(path.join(logDir, 'site-index.log'), `${line}\n`);
    }
    console.log(`[site] built by two processes in ${lap()} → ${distDir}`);
  } finally {
    await rm(reportsDir, { recursive: true, force: true });
  }
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
    console.log(`[merge] search index: ${taken} scope bundles taken (the shards', and the agencies' of the merge's build), ${indexed.scopes} indexed here (${indexed.largest} pages at most) (${lap()})`);
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
if (argv.includes('--site')) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { site: { type: 'boolean' }, data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'dist' }, processes: { type: 'string' }, logs: { type: 'string' } } });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { data, out, processes, logs } = parsed.values;
  const dataDir = path.resolve(data);
  if (siteProcesses(dataDir, processes) === 2) await buildSiteInTwo(dataDir, path.resolve(out), logs ? path.resolve(logs) : null);
  else {
    const log = logs ? path.join(path.resolve(logs), 'astro-site.log') : null;
    await astroInto(path.resolve(out), (dir) => runLogged(bin('astro'), ['build', '--outDir', dir], { DATA_DIR: dataDir }, log));
  }
} else if (!mergeMode && !argv.some((a) => a === '--shard' || a.startsWith('--shard='))) {
  // The whole site, as `npm run build` always was: arguments go to astro build (one process).
  await run(bin('tsx'), ['scripts/data.ts']);
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? 'data');
  if (argv.length === 0 && siteProcesses(dataDir, undefined) === 2) await buildSiteInTwo(dataDir, path.join(ROOT, 'dist'), null);
  else await run(bin('astro'), ['build', ...argv]);
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
