/**
 * Builds a site the way `npm run build` does, but into folders of the caller's choosing:
 * `npm run data -- --content … --out <data>` then `npm run build -- --site --data <data> --out <dist>` in one Astro
 * process, or in two at once as a national corpus is built (`processes`: README "Two processes").
 * Used by the global setup (one shared build of the seeds per test run) and by tests that need a
 * throwaway site built from their own content (tests/browser/hostile-input.test.ts).
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SiteBuild {
  /** The data contract folder written by the pipeline. */
  dataDir: string;
  /** The built site. */
  distDir: string;
  /** Everything both commands printed. */
  logFile: string;
  seconds: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => log.push(chunk.toString());
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) return done();
      fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${log.join('').slice(-4000)}`));
    });
  });
}

/**
 * Runs the ingest pipeline over `contentDir` and builds the site from its output, all under `workDir`; `env` adds
 * to the build's environment (BASE_PATH and SITE_URL for a site published under a sub-path).
 * Rejects (with the end of the log) when either step fails.
 */
export async function buildSite(workDir: string, contentDir = join(PROJECT_ROOT, 'content'), env: NodeJS.ProcessEnv = {}, processes: 1 | 2 = 1): Promise<SiteBuild> {
  const started = performance.now();
  const dataDir = join(workDir, 'data');
  const distDir = join(workDir, 'dist');
  const logFile = join(workDir, 'build.log');
  await mkdir(workDir, { recursive: true });
  const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);
  const log: string[] = [];
  try {
    await run(bin('tsx'), ['scripts/data.ts', '--content', contentDir, '--out', dataDir], {}, log);
    // Own cache dir: Astro's cache must not be shared with other builds running at the same time.
    // At the root of its host unless `env` says otherwise, whatever the calling shell's BASE_PATH.
    const astroEnv = { BASE_PATH: '', ...env, DATA_DIR: dataDir, ASTRO_CACHE_DIR: join(workDir, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    await run(bin('tsx'), ['scripts/build.ts', '--site', '--data', dataDir, '--out', distDir, '--processes', String(processes)], astroEnv, log);
  } finally {
    await writeFile(logFile, log.join(''));
  }
  return { dataDir, distDir, logFile, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * The seeds built once for a test project's global setup, in a new folder `.cache/<prefix>XXXXXX` inside the project
 * (for an outDir outside the working directory Astro puts its intermediate server build in the shared .astro/
 * folder, where builds running at the same time collide), with `remove` to call when the run ends (a no-op with
 * KEEP_SITE=1, which keeps the build for inspection).
 */
export async function buildSeeds(prefix: string, env: NodeJS.ProcessEnv = {}, processes: 1 | 2 = 1): Promise<SiteBuild & { remove(): Promise<void> }> {
  await mkdir(join(PROJECT_ROOT, '.cache'), { recursive: true });
  const workDir = await mkdtemp(join(PROJECT_ROOT, '.cache', prefix));
  const build = await buildSite(workDir, undefined, env, processes);
  const remove = async () => {
    if (!process.env.KEEP_SITE) await rm(workDir, { recursive: true, force: true });
  };
  return { ...build, remove };
}

/**
 * The seed files dealt in turn into `shards` sub-folders (s1, s2 …) of `<workDir>/content`: the content of a sharded
 * build, and of the one build it is compared with. Returns the content folder and the sub-folders' names.
 */
export async function splitSeeds(workDir: string, shards: number): Promise<{ contentDir: string; names: string[] }> {
  const contentDir = join(workDir, 'content');
  const names = Array.from({ length: shards }, (_, i) => `s${i + 1}`);
  const seeds = (await readdir(join(PROJECT_ROOT, 'content', 'reports'))).sort();
  for (const name of names) await mkdir(join(contentDir, name), { recursive: true });
  for (const [i, file] of seeds.entries()) await copyFile(join(PROJECT_ROOT, 'content', 'reports', file), join(contentDir, names[i % shards], file));
  return { contentDir, names };
}

/**
 * The sub-folders `names` of `contentDir` built as shards and merged (README: "Building in shards"), the way a CI
 * matrix would: `npm run build -- --shard <s>` for each, all at once as separate processes, then `npm run merge`
 * over them, all under `workDir`. The result is the merged site and data folder, like a single build's.
 */
export async function buildShardedSite(workDir: string, contentDir: string, names: string[], env: NodeJS.ProcessEnv = {}): Promise<SiteBuild> {
  const started = performance.now();
  const logFile = join(workDir, 'build.log');
  const logs = names.map((): string[] => []);
  const mergeLog: string[] = [];
  const buildEnv = { BASE_PATH: '', ASTRO_TELEMETRY_DISABLED: '1', ...env };
  const bin = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const shardDir = (name: string) => join(workDir, 'shards', name);
  try {
    await Promise.all(names.map((name, i) => run(bin, ['scripts/build.ts', '--shard', name, '--content', contentDir, '--out', shardDir(name)], buildEnv, logs[i])));
    await run(bin, ['scripts/build.ts', '--merge', '--out', join(workDir, 'merged'), ...names.map(shardDir)], buildEnv, mergeLog);
  } finally {
    await writeFile(logFile, [...logs.flat(), ...mergeLog].join(''));
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { dataDir: join(workDir, 'merged', 'data'), distDir: join(workDir, 'merged', 'dist'), logFile, seconds };
}
