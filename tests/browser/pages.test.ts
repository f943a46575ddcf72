/**
 * Every kind of page in Chromium: loads cleanly under the site's Content-Security-Policy, works with
 * the keyboard, and fits a 360 px wide phone screen (only tables may scroll sideways, inside their wrapper).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { watchPage } from './support/browser';
import { sitePages } from './support/pages';
import { PROJECT_ROOT } from '../setup/site';
import { readSiteData, useSite } from './support/site';

const site = useSite();
const PAGES = sitePages(inject('siteDist'), readSiteData(inject('siteData')));

/** Reports CSP violations to the console as errors, whatever the browser itself prints. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) =>
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));`;

async function open(path: string, viewport = { width: 1280, height: 900 }) {
  const page = await site.browser.newPage({ viewport });
  await page.addInitScript(REPORT_CSP_VIOLATIONS);
  const problems = watchPage(page);
  const response = await page.goto(`${site.origin}${path}`, { waitUntil: 'networkidle' });
  return { page, problems, status: response?.status() };
}

/** Presses Tab until the focused element matches the selector; returns how many presses it took, or -1. */
async function tabTo(page: Page, selector: string, limit = 300): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  return -1;
}

describe.each(PAGES)('$name page ($path)', ({ path }) => {
  it('loads with no console error, failed request, CSP violation or dialog', async () => {
    const { page, problems, status } = await open(path);
    expect(status).toBe(200);
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("script-src 'self'");
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
    await page.close();
  });

  it('fits a 360 px wide screen: nothing but scrolling table wrappers is wider than the viewport', async () => {
    const { page } = await open(path, { width: 360, height: 740 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      /** Inside an element that clips or scrolls sideways (a table wrapper): allowed to be wide. */
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
      };
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !clipped(el);
        })
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(360);
    await page.close();
  });
});

describe('keyboard navigation', () => {
  it('reaches the header search box with Tab', async () => {
    const { page } = await open('/');
    expect(await tabTo(page, '#header-search')).toBeGreaterThan(0);
    await page.close();
  });

  it('reaches the compare table’s sort buttons with Tab and sorts with Enter', async () => {
    const { page } = await open('/compare/');
    expect(await tabTo(page, 'table th button')).toBeGreaterThan(0);
    const header = page.locator('th:has(button:focus)');
    const before = await header.getAttribute('aria-sort');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).not.toBe(before);
    await page.close();
  });
});

describe('chart page', () => {
  it('renders its chart; a screenshot is kept in test-results/', async () => {
    const chart = PAGES.find((p) => p.name === 'chart');
    expect(chart, 'the site has no /charts/<id>/ page').toBeDefined();
    const { page } = await open(chart!.path);
    expect(await page.locator('main svg').count()).toBeGreaterThan(0);
    const dir = join(PROJECT_ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'chart-page.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    await page.close();
  });
});
