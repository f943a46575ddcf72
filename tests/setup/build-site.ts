/**
 * Vitest global setup of the `site` project (vitest.config.ts): builds the site from the seed reports
 * ONCE per test run (in two Astro processes, the reports' pages and the rest, as a national corpus is built) and hands its folders to every test file through `inject('siteDist')` and
 * `inject('siteData')`. Set SITE_DIST (and SITE_DATA, default data/) to test an existing build instead;
 * set KEEP_SITE=1 to keep the temporary build for inspection.
 * SITE_SHARDS=<n> (n ≥ 2): the seed files are dealt into n sub-folders, built once as one site and once as n shards
 * merged (tests/setup/site.ts, buildShardedSite), and every site and browser test checks the merged site; the single
 * build is handed over as `inject('singleDist')` for tests/site/shards.test.ts, which checks that the two are the same.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, buildSeeds, buildShardedSite, buildSite, splitSeeds } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site (HTML, assets, pagefind/). */
    siteDist: string;
    /** The data folder the site was built from (downloads/ with the reports' parts, agencies.json, …). */
    siteData: string;
    /** With SITE_SHARDS: how many shards siteDist was merged from (0: siteDist is one build). */
    siteShards: number;
    /** With SITE_SHARDS: one build of the same files, to compare the merged site with (else ''). */
    singleDist: string;
  }
}

/** SITE_SHARDS as a number of shards (0 when unset); anything but a whole number ≥ 2 fails the run. */
function shardCount(): number {
  const value = process.env.SITE_SHARDS;
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new Error(`SITE_SHARDS=${value}: expected a whole number of shards ≥ 2`);
  return n;
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const shards = shardCount();
  project.provide('siteShards', shards);
  project.provide('singleDist', '');
  if (process.env.SITE_DIST) {
    project.provide('siteDist', resolve(process.env.SITE_DIST));
    project.provide('siteData', resolve(PROJECT_ROOT, process.env.SITE_DATA ?? 'data'));
    return undefined;
  }
  if (shards === 0) {
    // In two Astro processes, as `npm run build` builds a national corpus: every site and browser test checks that
    // site (the sub-path build, tests/setup/build-subpath.ts, is one process).
    const build = await buildSeeds('site-build-', {}, 2);
    console.log(`[build-site] seeds built by two Astro processes in ${build.seconds} s → ${build.distDir} (log: ${build.logFile})`);
    project.provide('siteDist', build.distDir);
    project.provide('siteData', build.dataDir);
    return build.remove;
  }
  // The seeds in `shards` sub-folders, built once as one site and once as shards merged.
  const workDir = await mkdtemp(join(PROJECT_ROOT, '.cache', 'site-shards-'));
  const { contentDir, names } = await splitSeeds(workDir, shards);
  const single = await buildSite(join(workDir, 'single'), contentDir);
  console.log(`[build-site] seeds built in ${single.seconds} s → ${single.distDir} (log: ${single.logFile})`);
  const merged = await buildShardedSite(workDir, contentDir, names);
  console.log(`[build-site] seeds built as ${shards} shards at once and merged in ${merged.seconds} s → ${merged.distDir} (log: ${merged.logFile})`);
  project.provide('siteDist', merged.distDir);
  project.provide('siteData', merged.dataDir);
  project.provide('singleDist', single.distDir);
  return async () => {
    if (!process.env.KEEP_SITE) await rm(workDir, { recursive: true, force: true });
  };
}
