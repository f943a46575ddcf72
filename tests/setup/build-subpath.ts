/**
 * Vitest global setup of the `subpath` project (vitest.config.ts): builds the seed reports ONCE per test run as a
 * site published under a sub-path, BASE_PATH=/nianbao/ with SITE_URL=https://example.gov.cn, i.e. at
 * https://example.gov.cn/nianbao/, and hands it to the tests of tests/subpath/ through `inject('subpathDist')`,
 * `inject('subpathData')` and `inject('subpathBase')`. Set SUBPATH_DIST (and SUBPATH_DATA) to test an existing
 * build made with those two variables; KEEP_SITE=1 keeps the temporary build.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, buildSeeds } from './site';

/** The address the sub-path build is made for. */
export const SUBPATH_SITE_URL = 'https://example.gov.cn';
export const SUBPATH_BASE = '/nianbao/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built for SUBPATH_SITE_URL + SUBPATH_BASE. */
    subpathDist: string;
    /** The data folder it was built from. */
    subpathData: string;
    /** Its base path, with a slash at both ends. */
    subpathBase: string;
    /** Its SITE_URL. */
    subpathSiteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide('subpathBase', SUBPATH_BASE);
  project.provide('subpathSiteUrl', SUBPATH_SITE_URL);
  if (process.env.SUBPATH_DIST) {
    project.provide('subpathDist', resolve(process.env.SUBPATH_DIST));
    project.provide('subpathData', resolve(PROJECT_ROOT, process.env.SUBPATH_DATA ?? 'data'));
    return undefined;
  }
  const build = await buildSeeds('subpath-build-', { BASE_PATH: SUBPATH_BASE, SITE_URL: SUBPATH_SITE_URL });
  console.log(`[build-subpath] seeds built for ${SUBPATH_SITE_URL}${SUBPATH_BASE} in ${build.seconds} s → ${build.distDir} (log: ${build.logFile})`);
  project.provide('subpathDist', build.distDir);
  project.provide('subpathData', build.dataDir);
  return build.remove;
}
