/**
 * The character pairs that occur most often in the reports, for choosing which pair of a query to send to
 * Pagefind (see `indexQuery` in ./match.ts). Computed at build time from the reports' indexed words: title,
 * preamble, section headings and prose, closing lines. Pagefind downloads a word's whole posting list (every page,
 * every position), so the pairs of the national template's wording (行政, 公开, 申请…) cost the most bytes per query. Counted by
 * occurrences, not by reports: 行政 and 政复 are both in every report (行政复议 is in a heading of the template),
 * but 行政 is there many times more, and its posting list is that much longer.
 */
import { SECTIONS, type Report } from '../../schema';
import { hanPairs } from './match';

/** Reports read: an evenly spaced sample is enough to rank pairs that occur in a large share of reports. */
const SAMPLE_SIZE = 2000;
/** A pair counts as common when it occurs at least once per this many reports on average. */
const REPORTS_PER_OCCURRENCE = 20;
/** At most this many pairs are listed (a few KB on the search page). */
const MAX_PAIRS = 800;

function reportText(report: Report): string {
  const sections = SECTIONS.map((s) => report.sections[s.key]).flatMap((section) => (section ? [section.title, section.text] : []));
  return [report.meta.title, report.agency.name, report.preface?.text ?? '', ...sections, report.closing?.text ?? ''].join('\n');
}

/**
 * Common pairs, the most common first. `read` gives the whole report of an item (the site passes the reports'
 * summaries and reads each sampled report from its file, so the sample never holds more than one report's prose).
 */
export function commonPairs<T>(items: readonly T[], read: (item: T) => Report): string[] {
  const step = Math.max(1, items.length / SAMPLE_SIZE);
  const sample: T[] = [];
  for (let i = 0; i < items.length; i += step) sample.push(items[Math.floor(i)]);
  const occurrences = new Map<string, number>();
  for (const item of sample) {
    for (const pair of hanPairs(reportText(read(item)))) occurrences.set(pair, (occurrences.get(pair) ?? 0) + 1);
  }
  const minOccurrences = Math.max(2, sample.length / REPORTS_PER_OCCURRENCE);
  return [...occurrences]
    .filter(([, count]) => count >= minOccurrences)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_PAIRS)
    .map(([pair]) => pair);
}
