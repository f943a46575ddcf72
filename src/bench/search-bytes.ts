/**
 * Bytes a search costs in Chromium, served like a static host (tests/browser helpers): the search page loads, then
 * a query is typed; everything the browser fetches from then until the network is quiet is the query's cost.
 * Two figures for each: as served by the local server (no compression), and as a host with standard gzip would
 * send them: text, JavaScript, JSON, SVG and WebAssembly bodies gzipped (level 6, as nginx and most CDNs do),
 * Pagefind's index, metadata, fragments and its .pagefind WebAssembly as they are (gzip files already).
 */
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../../tests/browser/support/browser';
import { serveSite } from '../../tests/browser/support/server';

/** Bytes of a set of responses, uncompressed and as a gzip-serving host would send them. */
export interface Bytes {
  raw: number;
  gzip: number;
}

export interface SearchCost {
  query: string;
  results: number;
  /** Bytes (headers and bodies) fetched for the query once the search page was loaded. */
  queryBytes: Bytes;
  requests: number;
  /** Bytes of the search page itself before any query (HTML, CSS, scripts). */
  pageBytes: Bytes;
  /** Bytes of the query by file type (extension; "html" for paths without one). */
  byType: Record<string, Bytes>;
  /** Index chunks (pf_index) fetched for the query: more than its words need means prefixes were searched too. */
  indexChunks: number;
}

/** Response types a static host compresses; Pagefind's own files (pf_*, .pagefind) are gzip already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|manifest\+json)|image\/svg)/;

const QUIET_MS = 750;

interface Taken {
  bytes: Bytes;
  requests: number;
  byType: Record<string, Bytes>;
  indexChunks: number;
}

/** Adds up the bytes of the finished requests of `page`; take() returns the sums since the last take(). */
function recordBytes(page: Page): { take(): Promise<Taken> } {
  let pending: Promise<void>[] = [];
  let taken: Taken;
  const reset = () => (taken = { bytes: { raw: 0, gzip: 0 }, requests: 0, byType: {}, indexChunks: 0 });
  reset();
  const measure = async (request: Request) => {
    const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
    const body = response ? await response.body().catch(() => null) : null;
    const type = response?.headers()['content-type'] ?? '';
    const bodyBytes = body?.length ?? sizes.responseBodySize;
    const gzipBytes = body && COMPRESSIBLE.test(type) ? gzipSync(body, { level: 6 }).length : bodyBytes;
    const raw = bodyBytes + sizes.responseHeadersSize;
    const gzip = gzipBytes + sizes.responseHeadersSize;
    const ext = new URL(request.url()).pathname.match(/\.([a-z0-9_]+)$/i)?.[1] ?? 'html';
    const sum = (taken.byType[ext] ??= { raw: 0, gzip: 0 });
    sum.raw += raw;
    sum.gzip += gzip;
    taken.bytes.raw += raw;
    taken.bytes.gzip += gzip;
    taken.requests++;
    if (ext === 'pf_index') taken.indexChunks++;
  };
  page.on('requestfinished', (request: Request) => void pending.push(measure(request)));
  return {
    async take() {
      await Promise.all(pending);
      const result = taken;
      reset();
      pending = [];
      return result;
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
    return {
      query,
      results,
      queryBytes: queryCost.bytes,
      requests: queryCost.requests,
      pageBytes: pageCost.bytes,
      byType: queryCost.byType,
      indexChunks: queryCost.indexChunks,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
