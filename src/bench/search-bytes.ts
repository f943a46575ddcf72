/**
 * Bytes a search costs in Chromium, served like a static host (tests/browser helpers): the search page loads, then
 * a query is typed; everything the browser fetches from then until the network is quiet is the query's cost.
 * The local server does not compress, so these are uncompressed sizes (Pagefind's index and fragments are
 * compressed files already; its JavaScript and WebAssembly would shrink further behind a gzip-serving host).
 */
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../../tests/browser/support/browser';
import { serveSite } from '../../tests/browser/support/server';

export interface SearchCost {
  query: string;
  results: number;
  /** Bytes (headers and bodies) fetched for the query once the search page was loaded. */
  queryBytes: number;
  requests: number;
  /** Bytes of the search page itself before any query (HTML, CSS, scripts). */
  pageBytes: number;
  byType: Record<string, number>;
}

const QUIET_MS = 750;

interface Taken {
  bytes: number;
  requests: number;
  byType: Record<string, number>;
}

/** Adds up the bytes of the finished requests of `page`; take() returns the sums since the last take(). */
function recordBytes(page: Page): { take(): Promise<Taken> } {
  let pending: Promise<void>[] = [];
  let bytes = 0;
  let requests = 0;
  let byType: Record<string, number> = {};
  page.on('requestfinished', (request: Request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const size = sizes.responseBodySize + sizes.responseHeadersSize;
        bytes += size;
        requests++;
        const ext = new URL(request.url()).pathname.match(/\.([a-z0-9_]+)$/i)?.[1] ?? 'html';
        byType[ext] = (byType[ext] ?? 0) + size;
      }),
    );
  });
  return {
    async take() {
      await Promise.all(pending);
      const taken = { bytes, requests, byType };
      bytes = 0;
      requests = 0;
      byType = {};
      pending = [];
      return taken;
    },
  };
}

/** Waits until no request has started or finished for QUIET_MS. */
async function networkQuiet(page: Page): Promise<void> {
  let last = Date.now();
  const touch = () => (last = Date.now());
  page.on('request', touch);
  page.on('requestfinished', touch);
  page.on('requestfailed', touch);
  while (Date.now() - last < QUIET_MS) await page.waitForTimeout(100);
  page.off('request', touch);
  page.off('requestfinished', touch);
  page.off('requestfailed', touch);
}

export async function measureSearch(dist: string, query: string): Promise<SearchCost> {
  const server = await serveSite(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const recorder = recordBytes(page);
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await networkQuiet(page);
    const pageCost = await recorder.take();
    await page.getByLabel('搜索报告全文和机关名称').click();
    await page.keyboard.type(query, { delay: 20 });
    await page.waitForFunction(
      (q) => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        return status.includes(q) && !status.includes('正在搜索');
      },
      query,
      { timeout: 60_000 },
    );
    await networkQuiet(page);
    const queryCost = await recorder.take();
    const results = await page.locator('#search-results > li').count();
    return { query, results, queryBytes: queryCost.bytes, requests: queryCost.requests, pageBytes: pageCost.bytes, byType: queryCost.byType };
  } finally {
    await browser.close();
    await server.close();
  }
}
