/**
 * The parser on a report's web page as the browser gives its text (src/generator/shapes/browser.ts): the page's
 * textContent (a scraper's text: cells run together, numbers as the page shows them) and its innerText (select all
 * and copy: cells a tab apart). 150 pages in the default layouts and 150 in the web pages' table layouts, read in
 * Chromium (the browser tests'): every cell of tables A, B and C exact or null with a diagnostic, zero wrong, zero
 * silent; the exact/null/wrong table of each shape is printed. `npm run measure-shapes -- --shapes
 * web-text,web-innertext` measures 1,000 (BENCHMARKS.md, README).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDefects, describeMetadata, describeUnnamed, describeUntranslated, measureBrowserShapes, type ShapeMeasure } from '../../src/bench/shapes';
import { BROWSER_SHAPES } from '../../src/generator/shapes/browser';
import { formatTallies, sumTallies } from '../../src/generator/shapes/measure';
import { openPrinter } from '../formats/support/print';

const PAGES = 150;

let measures: { layouts: string; m: ShapeMeasure }[] = [];

beforeAll(async () => {
  const browser = await openPrinter();
  try {
    const read = (html: string) => browser.texts(html);
    const plain = await measureBrowserShapes(PAGES, read, 'browser-web');
    const tables = await measureBrowserShapes(PAGES, read, 'browser-lay-web', { tableLayouts: true });
    measures = [...plain.map((m) => ({ layouts: 'default', m })), ...tables.map((m) => ({ layouts: 'table layouts', m }))];
  } finally {
    await browser.close();
  }
}, 600_000);

afterAll(() => {
  if (measures.length) console.log(`\nbrowser text shapes, ${PAGES} pages each way:\n${formatTallies(measures.map(({ layouts, m }) => [`${m.shape} (${layouts})`, m.tally]))}\n`);
});

describe.each(BROWSER_SHAPES.map((shape) => ({ shape })))('parseReport on the $shape shape', ({ shape }) => {
  it(`${PAGES} pages in the default layouts and ${PAGES} in the table layouts: every cell exact or null with a diagnostic (zero wrong, zero silent), every diagnostic said in Chinese, naming what it expected and what it found`, () => {
    const own = measures.filter(({ m }) => m.shape === shape).map(({ m }) => m);
    expect(own.length).toBe(2);
    expect(sumTallies(own.map((m) => m.tally)).reports).toBe(2 * PAGES);
    for (const m of own) {
      expect(m.tally.wrong + m.tally.silent + m.tally.crashed, describeDefects(m)).toBe(0);
      expect(m.untranslated.count, describeUntranslated(m)).toBe(0);
      expect(m.unnamed.count, describeUnnamed(m)).toBe(0);
      expect(m.metadata.wrong, describeMetadata(m)).toBe(0);
    }
  });

  it('reads most cells exactly', () => {
    const own = sumTallies(measures.filter(({ m }) => m.shape === shape).map(({ m }) => m.tally));
    // Measured at 1,000 pages: textContent 81.4 % (default layouts) and 66.8 % (table layouts), innerText 96.8 and 96.9 %.
    expect(own.exact / own.cells).toBeGreaterThan(shape === 'web-text' ? 0.6 : 0.93);
  });
});
