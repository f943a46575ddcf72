/**
 * Prints HTML pages to PDF with Chromium driven by playwright-core, the same browser as the browser tests
 * (tests/support/chromium.ts: the system's or npm's): one browser for many pages, so a batch of reports costs one
 * browser start.
 */
import type { Browser, Page } from 'playwright-core';
import type { BrowserTexts } from '../../../src/generator/shapes/browser';
import { launchChromium } from '../../support/chromium';

const LOAD_TIMEOUT_MS = 600_000;

export interface Printer {
  pdf(html: string): Promise<Buffer>;
  /** The page's text as the browser gives it: textContent (a scraper's) and innerText (select all and copy). */
  texts(html: string): Promise<BrowserTexts>;
  close(): Promise<void>;
}

export async function openPrinter(): Promise<Printer> {
  const browser: Browser = await launchChromium();
  const context = await browser.newContext({ javaScriptEnabled: false });
  let textPage: Page | undefined;
  return {
    async pdf(html) {
      const page = await context.newPage();
      try {
        // The pages are self-contained (no network); the fonts are the system's Noto CJK, else npm's Noto Sans SC.
        // A batch of 50 reports takes about 5 s alone; on a loaded machine playwright's default 30 s was not enough
        // (a hunt under nice 19 beside other work timed out laying one out).
        await page.setContent(html, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
        return await page.pdf({ preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    async texts(html) {
      // One page for every call: a page's text needs no fresh page, and opening one costs more than reading it.
      textPage ??= await context.newPage();
      await textPage.setContent(html, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const [text, inner] = await textPage.evaluate(() => [document.body.textContent ?? '', document.body.innerText]);
      return { 'web-text': text, 'web-innertext': inner };
    },
    close: () => browser.close(),
  };
}
