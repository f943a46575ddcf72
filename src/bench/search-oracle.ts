/**
 * Recall and precision of the search page, measured by an oracle: phrases of 2–8 characters sampled from the reports'
 * own prose (preamble, six sections, closing lines; within one paragraph or heading); the expected results are the report pages whose prose contains
 * the phrase (after the search's normalisation). Each phrase is searched on /search/ in Chromium with no filter (every
 * scope), "显示更多结果" pressed until every result is shown; recall counts the expected report pages found, precision
 * the results whose built page contains the phrase. Phrases are drawn whatever their frequency (a phrase of the
 * template's wording is in every report, and its results are all listed); `maxExpected` can leave the most common out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReport, readSummaries } from '../lib/report-parts';
import { normalise } from '../lib/search/match';
import { SECTIONS, type Report } from '../schema';
import { launchBrowser } from '../../tests/browser/support/browser';
import { serveSite } from '../../tests/browser/support/server';

/**
 * Presses "显示更多结果" in the page until it is hidden (every candidate checked), each press waiting for the page to
 * answer (a new result, a new status line, or the button hidden). Run in the page, as a string: one round trip for
 * thousands of presses, and no helper of the test's compiler in the function.
 */
const SHOW_EVERY_RESULT = `(async () => {
  const more = document.getElementById('search-more');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  while (!more.hidden) {
    const before = list.children.length;
    const said = status.textContent;
    const answered = new Promise((done) => {
      const observer = new MutationObserver(() => {
        if (list.children.length > before || more.hidden || status.textContent !== said) {
          observer.disconnect();
          done();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    more.click();
    await answered;
  }
})()`;

export interface OracleResult {
  phrases: number;
  /** Expected report pages, and those of them found. */
  expected: number;
  found: number;
  /** Results shown, and those whose page contains the phrase. */
  shown: number;
  correct: number;
  /**
   * Phrases whose results missed an expected page or showed a wrong one (at most 10), with how many and the first
   * few of each.
   */
  failures: { phrase: string; expected: number; missed: number; wrong: number; examples: string[] }[];
  /** Phrases drawn and put back because more than `maxExpected` reports contain them. */
  tooCommon: number;
  /** The most expected report pages of a phrase kept. */
  largest: number;
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
const builtTexts = new Map<string, string>();
function builtPageText(dist: string, href: string): string {
  const known = builtTexts.get(href);
  if (known !== undefined) return known;
  const parts = href.replace(/[#?].*$/, '').split('/').filter(Boolean);
  const html = readFileSync(path.join(dist, ...parts, 'index.html'), 'utf8');
  const text = normalise(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));
  builtTexts.set(href, text);
  return text;
}

export async function measureSearchOracle(
  dist: string,
  dataDir: string,
  phrases: number,
  seed = 20240101,
  maxExpected = Infinity,
): Promise<OracleResult> {
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
    if (expected.length > maxExpected) tooCommon++;
    else if (!sample.some((s) => s.phrase === phrase)) sample.push({ phrase, expected });
  }
  const server = await serveSite(dist);
  const browser = await launchBrowser();
  const result: OracleResult = { phrases: sample.length, expected: 0, found: 0, shown: 0, correct: 0, failures: [], tooCommon, largest: Math.max(0, ...sample.map((s) => s.expected.length)), ms: 0 };
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
      await page.evaluate(SHOW_EVERY_RESULT);
      const hrefs = await page.$$eval('#search-results > li h2 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
      const pages = new Set(hrefs.map((h) => h.replace(/[#?].*$/, '')));
      const missed = expected.filter((url) => !pages.has(url));
      const wrong = [...pages].filter((url) => !builtPageText(dist, url).includes(phrase));
      result.expected += expected.length;
      result.found += expected.length - missed.length;
      result.shown += pages.size;
      result.correct += pages.size - wrong.length;
      if ((missed.length || wrong.length) && result.failures.length < 10) {
        const examples = [...missed.slice(0, 3).map((url) => `missed ${url}`), ...wrong.slice(0, 3).map((url) => `wrong ${url}`)];
        result.failures.push({ phrase, expected: expected.length, missed: missed.length, wrong: wrong.length, examples });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
