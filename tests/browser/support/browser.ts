/**
 * Chromium for the browser tests, driven by playwright-core: the system's /usr/bin/chromium (CHROMIUM_PATH overrides
 * the path) or the one npm installs (tests/support/chromium.ts); and a watcher that records everything a page should
 * never do.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
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
