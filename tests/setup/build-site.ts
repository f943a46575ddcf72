/**
 * Vitest global setup of the `site` project (vitest.config.ts): builds the site from the seed reports
 * ONCE per test run and hands its folders to every test file through `inject('siteDist')` and
 * `inject('siteData')`. Set SITE_DIST (and SITE_DATA, default data/) to test an existing build instead;
 * set KEEP_SITE=1 to keep the temporary build for inspection.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, buildSeeds } from './site';

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
  const build = await buildSeeds('site-build-');
  console.log(`[build-site] seeds built in ${build.seconds} s → ${build.distDir} (log: ${build.logFile})`);
  project.provide('siteDist', build.distDir);
  project.provide('siteData', build.dataDir);
  return build.remove;
}
