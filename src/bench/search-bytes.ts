/**
 * Bytes a search costs in Chromium, served like a static host (tests/browser helpers): the search page loads, then
 * a query is typed; everything the browser fetches from then until the network is quiet is the query's cost.
 * Two figures for each: as served by the local server (no compression), and as a host with standard gzip would
 * send them: text, JavaScript, JSON, SVG and WebAssembly bodies gzipped (level 6, as nginx and most CDNs do),
 * Pagefind's index, metadata, fragments and its .pagefind WebAssembly as they are (gzip files already).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { PAGEFIND_DIR, SCOPES_MANIFEST, firstChoosableScope, type SearchScope } from '../lib/search/scopes';
import { launchBrowser } from '../../tests/browser/support/browser';
import { serveSite } from '../../tests/browser/support/server';

/** Bytes of a set of responses, uncompressed and as a gzip-serving host would send them. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** A query's timing on the page's own clock, and what it fetched until its first results showed. */
export interface SearchTiming {
  /** Milliseconds from the search starting (after the typing pause) to the first result on screen; null if none. */
  firstMs: number | null;
  /** Milliseconds from the search starting to its end (every scope searched, the status line final). */
  doneMs: number;
  /** Bytes of the requests finished before the first result showed (all of them when there is none). */
  untilFirst: Bytes;
}

export interface SearchCost {
  query: string;
  results: number;
  /** Scopes (Pagefind bundles) the query covered: every scope, since no year or province was chosen. */
  scopes: number;
  /** Bytes (headers and bodies) fetched for the query once the search page was loaded: every scope. */
  queryBytes: Bytes;
  timing: SearchTiming;
  /**
   * The same query in the default scope alone (the first of every scope: the newest year's largest), with that year
   * and the scope's first province chosen in the filters.
   */
  oneScope: { scope: string; results: number; bytes: Bytes; timing: SearchTiming; byType: Record<string, Bytes> } | null;
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
  /** Files of the agency name index (/search/agencies/). */
  nameIndex: Bytes;
  /** Each request's bytes by URL. */
  byUrl: Map<string, Bytes>;
}

/** Adds up the bytes of the finished requests of `page`; take() returns the sums since the last take(). */
function recordBytes(page: Page): { take(): Promise<Taken> } {
  let pending: Promise<void>[] = [];
  let taken: Taken;
  const reset = () =>
    (taken = {
      bytes: { raw: 0, gzip: 0 },
      requests: 0,
      byType: {},
      indexChunks: 0,
      nameIndex: { raw: 0, gzip: 0 },
      byUrl: new Map(),
    });
  reset();
  const measure = async (request: Request) => {
    const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
    const body = response ? await response.body().catch(() => null) : null;
    const type = response?.headers()['content-type'] ?? '';
    const bodyBytes = body?.length ?? sizes.responseBodySize;
    const gzipBytes = body && COMPRESSIBLE.test(type) ? gzipSync(body, { level: 6 }).length : bodyBytes;
    const raw = bodyBytes + sizes.responseHeadersSize;
    const gzip = gzipBytes + sizes.responseHeadersSize;
    const { pathname } = new URL(request.url());
    const ext = pathname.match(/\.([a-z0-9_]+)$/i)?.[1] ?? 'html';
    if (pathname.includes('/search/agencies/')) {
      taken.nameIndex.raw += raw;
      taken.nameIndex.gzip += gzip;
    }
    taken.byUrl.set(request.url(), { raw, gzip });
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

/** Opens the search page of the built site in Chromium, lets it load, and hands it over with its bytes so far. */
async function onSearchPage<T>(
  dist: string,
  measure: (page: Page, recorder: ReturnType<typeof recordBytes>, pageCost: Taken) => Promise<T>,
): Promise<T> {
  const server = await serveSite(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const recorder = recordBytes(page);
    await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
    await networkQuiet(page);
    return await measure(page, recorder, await recorder.take());
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes of the requests in `taken` that had finished by `time` on the page's clock (resource timing entries). */
async function bytesUntil(page: Page, taken: Taken, time: number): Promise<Bytes> {
  const before = await page.evaluate(
    (until) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).responseEnd <= until)
        .map((e) => e.name),
    time,
  );
  const sum: Bytes = { raw: 0, gzip: 0 };
  for (const url of before) {
    const bytes = taken.byUrl.get(url);
    if (!bytes) continue;
    sum.raw += bytes.raw;
    sum.gzip += bytes.gzip;
  }
  return sum;
}

/** Finding an agency by part of its name: what the page fetched until the agency finder listed it, and when. */
export interface AgencyLookupCost {
  query: string;
  /** The agency the query was taken from, and whether the finder listed it. */
  agency: string;
  listed: boolean;
  /** Agencies the finder listed (at most 8 shown, the heading counts them all). */
  heading: string;
  /** Every request finished from the first key press until the list showed (the full-text search runs too). */
  untilListed: Bytes;
  /** Of those, the name index's own files (manifest and bucket). */
  nameIndex: Bytes;
  /** Milliseconds from the last character typed to the list on screen (the page waits 400 ms for typing to rest). */
  ms: number;
}

/**
 * Types part of an agency's name (its first four characters) into the search page and waits for the agency finder
 * (src/client/agency-finder.ts) to list it. Times and the requests counted come from the page's own clock (an
 * observer of the list, the resource timing entries), so a slow test driver does not move them.
 */
export async function measureAgencyLookup(dist: string, agency: string): Promise<AgencyLookupCost> {
  const query = [...agency].slice(0, 4).join('');
  return onSearchPage(dist, async (page, recorder) => {
    await page.evaluate(() => {
      const clock = window as unknown as { lastInput?: number; shown?: number };
      const section = document.getElementById('search-agencies')!;
      document.getElementById('search-query')!.addEventListener('input', () => (clock.lastInput = performance.now()));
      new MutationObserver(() => {
        if (!section.hidden) clock.shown ??= performance.now();
      }).observe(section, { attributes: true });
    });
    await page.getByLabel('搜索报告全文和机关名称').click();
    await page.keyboard.type(query, { delay: 20 });
    type Clock = { lastInput?: number; shown?: number };
    await page.waitForFunction(() => (window as unknown as Clock).shown !== undefined, undefined, { timeout: 60_000 });
    const clock = (await page.evaluate(() => ({ ...(window as unknown as Clock) }))) as Required<Clock>;
    await networkQuiet(page);
    const taken = await recorder.take();
    const untilListed = await bytesUntil(page, taken, clock.shown);
    const listed = await page.$$eval(
      '#search-agencies li a',
      (links, name) => links.some((a) => a.textContent === name),
      agency,
    );
    const heading = (await page.textContent('#search-agencies h2')) ?? '';
    return {
      query,
      agency,
      listed,
      heading,
      untilListed,
      nameIndex: taken.nameIndex,
      ms: clock.shown - clock.lastInput,
    };
  });
}

/**
 * Types `query` into the loaded search page (with `choice` set in the filters first, without searching) and waits for
 * the search to end; the page's clock times it (an observer of the status line and the result list).
 */
async function typeAndTime(page: Page, recorder: ReturnType<typeof recordBytes>, query: string, choice: Record<string, string> = {}) {
  await page.evaluate((values) => {
    for (const [key, value] of Object.entries(values)) {
      const select = document.querySelector<HTMLSelectElement>(`select[data-search-filter="${key}"]`);
      if (select) select.value = value;
    }
    const clock = window as unknown as { started?: number; first?: number };
    const status = document.getElementById('search-status')!;
    const list = document.getElementById('search-results')!;
    new MutationObserver(() => {
      if (status.textContent?.startsWith('正在搜索')) clock.started ??= performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => {
      if (list.children.length > 0) clock.first ??= performance.now();
    }).observe(list, { childList: true });
  }, choice);
  await page.getByLabel('搜索报告全文和机关名称').click();
  await page.keyboard.type(query, { delay: 20 });
  await page.waitForFunction(
    (q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status.includes(q) && !status.includes('正在搜索');
    },
    query,
    { timeout: 120_000 },
  );
  const done = await page.evaluate(() => performance.now());
  await networkQuiet(page);
  const taken = await recorder.take();
  type Clock = { started?: number; first?: number };
  const clock = (await page.evaluate(() => ({ ...(window as unknown as Clock) }))) as Clock;
  const started = clock.started ?? done;
  const untilFirst = await bytesUntil(page, taken, clock.first ?? Infinity);
  const timing: SearchTiming = { firstMs: clock.first === undefined ? null : clock.first - started, doneMs: done - started, untilFirst };
  const results = await page.locator('#search-results > li').count();
  return { taken, timing, results };
}

export async function measureSearch(dist: string, query: string): Promise<SearchCost> {
  const every = await onSearchPage(dist, async (page, recorder, pageCost) => {
    const manifest = JSON.parse(readFileSync(path.join(dist, PAGEFIND_DIR, SCOPES_MANIFEST), 'utf8')) as SearchScope[];
    const { taken, timing, results } = await typeAndTime(page, recorder, query);
    return {
      manifest,
      cost: {
        query,
        results,
        scopes: manifest.length,
        queryBytes: taken.bytes,
        timing,
        requests: taken.requests,
        pageBytes: pageCost.bytes,
        byType: taken.byType,
        indexChunks: taken.indexChunks,
      },
    };
  });
  const first = firstChoosableScope(every.manifest);
  if (!first) return { ...every.cost, oneScope: null };
  const oneScope = await onSearchPage(dist, async (page, recorder) => {
    const { taken, timing, results } = await typeAndTime(page, recorder, query, first.choice);
    return { scope: first.scope.id, results, bytes: taken.bytes, timing, byType: taken.byType };
  });
  return { ...every.cost, oneScope };
}
