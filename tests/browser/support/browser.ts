/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (CHROMIUM_PATH
 * overrides the path), and a watcher that records everything a page should never do.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Problems seen on a page: console errors (CSP violations land here), uncaught exceptions, failed or 4xx/5xx requests, dialogs. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  dialogs: string[];
}

/** Starts recording a page's problems; dialogs are dismissed (and recorded) so a test never hangs on one. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] };
  page.on('console', (message) => {
    // The location names the resource of "Failed to load resource" errors, which the text leaves out.
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url || 'page'})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
