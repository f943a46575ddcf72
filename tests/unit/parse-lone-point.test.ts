/**
 * poppler's default mode prints a cell "７.５" whose point comes from another font as "７５" and then "." on a line of
 * its own: where the point goes is unknown, so the number is not read as 75.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { joinLonePoints, toLines } from '../../src/pipeline/parse/lines';

/** A generated report printed by Chromium and read by `pdftotext` (pdfCase('shape-pdf', 1042)): fees 7.5 (万元). */
const GENERATED = 'tests/fixtures/shapes/pdftotext-lone-point.txt';

describe('a decimal point alone on the line after a number', () => {
  it('leaves the number unread instead of reading its digits without the point', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).toMatch(/行政事业性收费\n\n７５\n\n\.\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.some((d) => d.path === 'proactive.fees' || d.path === 'proactive.fees.amount')).toBe(true);
    // The point printed in its place reads as the number.
    expect(parseReport({ text: text.replace('７５\n\n.\n', '７.５\n'), file: 'a.txt' }).proactive?.fees.amount).toBe(7.5);
  });

  it('joins the point to the number’s line only, keeping every other line and its line number', () => {
    const lines = joinLonePoints(toLines(['收费', '', '７５', '', '.', '其他', '.', '3 4', '６４', '.', '７']));
    expect(lines.map((l) => [l.no, l.raw])).toEqual([
      [1, '收费'],
      [2, ''],
      [3, '７５.'],
      [4, ''],
      [6, '其他'],
      [7, '.'],
      [8, '3 4'],
      // A point between two digit groups is a number in pieces ("６４" / "." / "７"), left to the table readers.
      [9, '６４'],
      [10, '.'],
      [11, '７'],
    ]);
  });

  it('leaves the number unread when the point stands before its label (pdfCase(hunt15-pdf, 936): "." at a page head, then 行政事业性收费, then １５ for 1.5)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-point-before-label.txt', 'utf8');
    expect(text).toMatch(/\f\.\n\n行政事业性收费\n\n１５\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.some((d) => d.path === 'proactive.fees' || d.path === 'proactive.fees.amount')).toBe(true);
    const lines = joinLonePoints(toLines(['.', '行政事业性收费', '', '１５', '其他', '.', '一', '二', '三', '４']));
    expect(lines.map((l) => l.raw)).toEqual(['行政事业性收费', '', '１５.', '其他', '.', '一', '二', '三', '４']);
  });

  it('leaves the number unread when the point stands past the next heading (pdfCase(hunt29-pdf, 459): １３ for 1.3, then 三、…, then ".")', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-point-past-next-heading.txt', 'utf8');
    expect(text).toMatch(/行政事业性收费\n\n１３\n\n三、行政机关收到和处理政府信息公开申请情况\n\n\.\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.some((d) => d.path === 'proactive.fees' || d.path === 'proactive.fees.amount')).toBe(true);
    // A number on each side of the point: either may be its own, neither is read. (Three text lines between a number
    // and a point are too many: the point could be any cell's.)
    const lines = joinLonePoints(toLines(['１３', '', '三、行政机关收到', '', '.', '申请人情况', '７', '一', '二', '三', '.']));
    expect(lines.map((l) => l.raw)).toEqual(['１３.', '', '三、行政机关收到', '', '申请人情况', '７.', '一', '二', '三', '.']);
  });
});

/**
 * The point printed past a page's footer (pdfCase('hunt50-pdf', 698), poppler's default mode): "５２" (行政事业性收费's
 * 5.2 万元), "三、行政机关收到…", "— 145 —", ".", "现行有效件数", "242". The footer's digits end the search back from the
 * point, which goes to the 242 after it; before 1.5.107 table A then saw no point apart and read the fee 52.
 */
describe('a decimal point alone past a page footer, given to the number after it', () => {
  it('leaves the fee on its page unread, saying why', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-lone-point-past-footer.txt', 'utf8');
    expect(text).toContain('行政事业性收费\n\n５２\n\n三、行政机关收到和处理政府信息公开申请情况\n— 145 —\n\n.\n\n现行有效件数\n\n242\n');
    const lines = joinLonePoints(toLines(['５２', '', '三、行政机关收到', '— 145 —', '', '.', '现行有效件数', '', '242']));
    expect(lines.map((l) => l.raw)).toEqual(['５２', '', '三、行政机关收到', '— 145 —', '', '现行有效件数', '', '242.']);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.fees')?.message).toContain('单独印出的小数点');
  });
});
