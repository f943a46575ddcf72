/**
 * The seed site built for https://example.gov.cn/nianbao/ (tests/setup/build-subpath.ts) in Chromium, served only
 * under /nianbao/ (any other path gets the 404 page): every kind of page loads with no failed request, the navigation
 * stays under the base path, search loads Pagefind's bundle and links its results there, and the journalist's walk
 * (a region, its ranking chart, the embed page, the CSV) works as at the root.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { reportUrl } from '../../src/lib/paths';
import { NAV } from '../../src/lib/site';
import { watchPage, type PageProblems } from '../browser/support/browser';
import { journalistWalk } from '../browser/support/journalist';
import { sitePages } from '../browser/support/pages';
import { readSiteData, useSite } from '../browser/support/site';

const site = useSite(inject('subpathDist'), inject('subpathData'), inject('subpathBase'));
const PAGES = sitePages(inject('subpathDist'), readSiteData(inject('subpathData')));
const NO_PROBLEMS: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] };

let opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.map((p) => p.close()));
  opened = [];
});

/** Opens a path of src/lib/paths.ts (which the test imports for the root) under the base path. */
async function open(path: string) {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  opened.push(page);
  const problems = watchPage(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(`${site.origin}${site.base}${path}`, { waitUntil: 'networkidle' });
  return { page, problems, requests, status: response?.status() };
}

describe('under the base path', () => {
  it('is the only place the site answers: the root gets the 404 page, whose links carry the base path', async () => {
    const { page, status } = await open('/');
    expect(status).toBe(200);
    const missing = await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
    expect(missing?.status()).toBe(404);
    const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href.startsWith(`${site.base}/`), href).toBe(true);
  });

  it.each(PAGES)('loads the $name page ($path) with every resource: no failed request or console error', async ({ path }) => {
    const { problems, requests, status } = await open(path);
    expect(status).toBe(200);
    expect(problems).toEqual(NO_PROBLEMS);
    const local = requests.filter((url) => url.startsWith(site.origin));
    expect(local.every((url) => url.startsWith(`${site.origin}${site.base}/`)), local.join('\n')).toBe(true);
  });

  it('navigates the main menu: every item leads to its page under the base path, marked as current', async () => {
    const { page, problems } = await open('/');
    for (const item of NAV) {
      const link = page.locator('.site-nav a', { hasText: item.zh }).first();
      expect(await link.getAttribute('href')).toBe(`${site.base}${item.href}`);
      await link.click();
      await page.waitForURL(`${site.origin}${site.base}${item.href}`);
      // The browser asks for the favicon after the load event: leaving before it arrives aborts it (net::ERR_ABORTED,
      // a failed request of the test, not of the site; CI 2026-12-04 on /nianbao/favicon.svg).
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toContain(item.zh);
    }
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it('searches from the header box: Pagefind loads from the base path and its results link there', async () => {
    const yining = site.data.reports.find((r) => r.agency.name === '伊宁市人民政府' && r.year === 2024);
    expect(yining).toBeDefined();
    const { page, problems, requests } = await open('/');
    await page.locator('#header-search').click();
    await page.keyboard.type('三审五校');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${site.base}/search/\\?q=`));
    await page.waitForFunction(() => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status.includes('“三审五校”') && !status.includes('正在搜索');
    }, undefined, { timeout: 15_000 });
    expect(requests).toContain(`${site.origin}${site.base}/pagefind/pagefind.js`);
    const hrefs = await page.$$eval('#search-results > li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href, href).toMatch(new RegExp(`^${site.base}/(reports|agencies)/[^/]+/(#.*)?$`));
    expect(hrefs[0].startsWith(`${site.base}${reportUrl(yining!.id)}#`)).toBe(true);
    // The result opens the report at the section it names.
    await page.locator('#search-results > li a').first().click();
    await page.waitForURL(`${site.origin}${hrefs[0]}`);
    const anchor = decodeURIComponent(hrefs[0].split('#')[1]);
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
  });

  it('takes the journalist’s walk: a region, its ranking chart, the embed page, the CSV', () => journalistWalk(site));
});
