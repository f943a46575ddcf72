/**
 * Browser text shapes: a report's web page (the same pages as web.ts: its table layouts, site chrome and all) as the
 * browser itself gives its text, which is what people and scrapers most often take from a page:
 * - `web-text` (`document.body.textContent`: what a scraper's "text of the page" returns): every table cell run
 *   together with the next ("行政处罚9,348行政强制730"), numbers as the page shows them, the page's scripts' text too;
 * - `web-innertext` (`document.body.innerText`: select all and copy): a table row a line, cells a tab apart, a cell
 *   merged over rows once.
 * The browser is the caller's (`read`: Chromium driven by playwright-core in the script); texts are cached under
 * `.cache/browser-texts/`, keyed by the pages: a second run only reads them back.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cachedJson, inBatches } from './tools';
import type { WebCase } from './web';

export const BROWSER_SHAPES = ['web-text', 'web-innertext'] as const;
export type BrowserShape = (typeof BROWSER_SHAPES)[number];

/** One page's texts as the browser gives them. */
export type BrowserTexts = Record<BrowserShape, string>;

const DEFAULT_CACHE_DIR = path.resolve('.cache/browser-texts');

/** The texts of each case's page, read by `read` in cached batches. */
export async function readBrowserShapes(
  cases: WebCase[],
  read: (html: string) => Promise<BrowserTexts>,
  options: { cacheDir?: string } = {},
): Promise<{ c: WebCase; texts: BrowserTexts }[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  return inBatches(cases, (batch) =>
    cachedJson(cacheDir, [JSON.stringify(BROWSER_SHAPES), JSON.stringify(batch.map((c) => c.html))], async () => {
      const texts: BrowserTexts[] = [];
      for (const c of batch) texts.push(await read(c.html));
      return texts;
    }),
  );
}
