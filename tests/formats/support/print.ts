/**
 * Prints HTML pages to PDF with Debian's Chromium driven by playwright-core: one browser for many pages, so a batch
 * of reports costs one browser start (CHROMIUM_PATH overrides the path, as for the browser tests).
 */
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Printer {
  pdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openPrinter(): Promise<Printer> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  return {
    async pdf(html) {
      const page = await context.newPage();
      try {
        // The pages are self-contained (no network); the fonts are the system's Noto CJK.
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
