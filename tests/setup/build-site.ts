/**
 * Vitest global setup of the `site` project (vitest.config.ts): builds the site from the seed reports
 * ONCE per test run and hands its folders to every test file through `inject('siteDist')` and
 * `inject('siteData')`. Set SITE_DIST (and SITE_DATA, default data/) to test an existing build instead;
 * set KEEP_SITE=1 to keep the temporary build for inspection.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, buildSite } from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site (HTML, assets, pagefind/). */
    siteDist: string;
    /** The data folder the site was built from (downloads/ with the reports' parts, agencies.json, …). */
    siteData: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SITE_DIST) {
    project.provide('siteDist', resolve(process.env.SITE_DIST));
    project.provide('siteData', resolve(PROJECT_ROOT, process.env.SITE_DATA ?? 'data'));
    return undefined;
  }
  // Inside the project: for an outDir outside the working directory Astro puts its intermediate server build in the
  // shared .astro/ folder, where builds running at the same time (other test files, other checkouts' tools) collide.
  await mkdir(join(PROJECT_ROOT, '.cache'), { recursive: true });
  const workDir = await mkdtemp(join(PROJECT_ROOT, '.cache', 'site-build-'));
  const build = await buildSite(workDir);
  console.log(`[build-site] seeds built in ${build.seconds} s → ${build.distDir} (log: ${build.logFile})`);
  project.provide('siteDist', build.distDir);
  project.provide('siteData', build.dataDir);
  return async () => {
    if (!process.env.KEEP_SITE) await rm(workDir, { recursive: true, force: true });
  };
}
