/**
 * The built site of this test run (tests/setup/build-site.ts), served on 127.0.0.1, with one Chromium
 * per test file, and the data it was built from (expected values come from there, never hard-coded ids).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { AgencyIndexEntry, Report } from '../../../src/schema';
import { readReportsJson } from '../../../src/lib/report-parts';
import { launchBrowser } from './browser';
import { serveSite } from './server';

export interface SiteData {
  reports: Report[];
  agencies: AgencyIndexEntry[];
}

export interface SiteSession {
  origin: string;
  /** The base path the site was built for, without its trailing slash: '' at the root, '/nianbao' under a sub-path. */
  base: string;
  dist: string;
  /** The data folder the site was built from (downloads/parts.json and the parts, sources/, …). */
  dataDir: string;
  data: SiteData;
  browser: Browser;
}

export function readSiteData(dataDir: string): SiteData {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
  // In id order, as the single reports.json was before the split by year.
  const reports = (readReportsJson(dataDir) as Report[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { reports, agencies: read('agencies.json') };
}

/** Whether the built site has a page at this path (e.g. "/compare/"). */
export function hasPage(dist: string, path: string): boolean {
  return existsSync(join(dist, ...path.split('/').filter(Boolean), 'index.html'));
}

/**
 * Serves the site (under its base path, e.g. `/nianbao/`) and launches Chromium for the calling test file; the
 * returned object is filled in beforeAll.
 */
export function useSite(dist = inject('siteDist'), dataDir = inject('siteData'), base = '/'): SiteSession {
  const session = { dist, dataDir, base: base.replace(/\/+$/, '') } as SiteSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await serveSite(dist, base);
    session.origin = server.origin;
    session.data = readSiteData(dataDir);
    session.browser = await launchBrowser();
    close = server.close;
  });
  afterAll(async () => {
    await session.browser?.close();
    await close?.();
  });
  return session;
}
