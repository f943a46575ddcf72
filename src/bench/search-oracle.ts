/**
 * Recall and precision of the search page, measured by an oracle: phrases of 2–8 characters sampled from the reports'
 * own prose (preamble, six sections, closing lines; within one paragraph or heading); the expected results are the report pages whose prose contains
 * the phrase (after the search's normalisation). Each phrase is searched on /search/ in Chromium with no filter (every
 * scope), "显示更多结果" pressed until every result is shown; recall counts the expected report pages found, precision
 * the results whose built page contains the phrase. Phrases found in more than MAX_EXPECTED reports are drawn again:
 * the page checks at most 200 candidates a query and asks for a more specific word beyond that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReport, readSummaries } from '../lib/report-parts';
import { normalise } from '../lib/search/match';
import { SECTIONS, type Report } from '../schema';
import { launchBrowser } from '../../tests/browser/support/browser';
import { serveSite } from '../../tests/browser/support/server';

/** Phrases with more expected reports than this are drawn again (see the module's comment). */
const MAX_EXPECTED = 40;

export interface OracleResult {
  phrases: number;
  /** Expected report pages, and those of them found. */
  expected: number;
  found: number;
  /** Results shown, and those whose page contains the phrase. */
  shown: number;
  correct: number;
  /** Phrases whose results missed an expected page or showed a wrong one, with what went wrong (at most 10). */
  failures: { phrase: string; missed: string[]; wrong: string[] }[];
  /** Phrases drawn and put back because more than MAX_EXPECTED reports contain them. */
  tooCommon: number;
  ms: number;
}

/**
 * A report's prose, normalised line by line: a line is a paragraph or a heading on the page, and a phrase is drawn
 * from (and expected in) one of them, not across two (`（四）平台建设方面` / `按照政府…` is no phrase of the report).
 */
function prose(r: Report): string {
  const passages = [r.preface?.text ?? '', ...SECTIONS.map((s) => r.sections[s.key]?.text ?? ''), r.closing?.text ?? ''];
  return passages.flatMap((p) => p.split('\n')).map(normalise).join('|');
}

/** A deterministic pseudo-random sequence, so a run names the same phrases every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** The text of a built page, tags removed, normalised: what a correct result must contain. */
function builtPageText(dist: string, href: string): string {
  const parts = href.replace(/[#?].*$/, '').split('/').filter(Boolean);
  const html = readFileSync(path.join(dist, ...parts, 'index.html'), 'utf8');
  return normalise(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));
}

export async function measureSearchOracle(dist: string, dataDir: string, phrases: number, seed = 20240101): Promise<OracleResult> {
  const started = performance.now();
  const texts = readSummaries(dataDir).map((s) => ({ id: s.id, text: prose(readReport(dataDir, s.id)) }));
  const next = random(seed);
  const sample: { phrase: string; expected: string[] }[] = [];
  let tooCommon = 0;
  while (sample.length < phrases && tooCommon < phrases * 20) {
    const { text } = texts[Math.floor(next() * texts.length)];
    const runs = text.match(/\p{Script=Han}{8,}/gu) ?? [];
    if (runs.length === 0) continue;
    const run = runs[Math.floor(next() * runs.length)];
    const length = 2 + Math.floor(next() * 7);
    const start = Math.floor(next() * (run.length - length + 1));
    const phrase = run.slice(start, start + length);
    const expected = texts.filter((t) => t.text.includes(phrase)).map((t) => `/reports/${t.id}/`);
    if (expected.length > MAX_EXPECTED) tooCommon++;
    else if (!sample.some((s) => s.phrase === phrase)) sample.push({ phrase, expected });
  }
  const server = await serveSite(dist);
  const browser = await launchBrowser();
  const result: OracleResult = { phrases: sample.length, expected: 0, found: 0, shown: 0, correct: 0, failures: [], tooCommon, ms: 0 };
  try {
    const page = await browser.newPage();
    for (const { phrase, expected } of sample) {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(phrase)}`);
      const finished = () =>
        page.waitForFunction(
          (q) => {
            const status = document.getElementById('search-status')?.textContent ?? '';
            return status.includes(q) && !status.includes('正在搜索');
          },
          phrase,
          { timeout: 120_000 },
        );
      await finished();
      while (await page.locator('#search-more').isVisible()) {
        const before = await page.locator('#search-results > li').count();
        await page.locator('#search-more').click();
        await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n || document.getElementById('search-more')?.hidden, before);
      }
      const hrefs = await page.$$eval('#search-results > li h2 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      const pages = new Set(hrefs.map((h) => h.replace(/[#?].*$/, '')));
      const missed = expected.filter((url) => !pages.has(url));
      const wrong = [...pages].filter((url) => !builtPageText(dist, url).includes(phrase));
      result.expected += expected.length;
      result.found += expected.length - missed.length;
      result.shown += pages.size;
      result.correct += pages.size - wrong.length;
      if ((missed.length || wrong.length) && result.failures.length < 10) result.failures.push({ phrase, missed, wrong });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
