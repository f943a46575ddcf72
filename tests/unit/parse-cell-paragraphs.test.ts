/**
 * One cell a paragraph: lynx dumps a table it cannot lay out as one paragraph per cell, an empty line after each, and
 * an empty cell as one empty line more (webCase('shape-web', 460) dumped by `lynx -dump`). Each row's label is then
 * followed by its seven cells, the empty ones included, and the rows' totals (B3) check them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { webCase } from '../../src/generator/shapes/web';
import { parseReport } from '../../src/pipeline/parse';
import { alignment, toLines } from '../../src/pipeline/parse/lines';

const TEXT = readFileSync('tests/fixtures/shapes/lynx-cell-paragraphs.txt', 'utf8');

describe('cells one a paragraph (lynx)', () => {
  it('reads an extra empty line between two cells as an empty cell', () => {
    expect(TEXT).toMatch(/二、上年结转政府信息公开申请数量\n\n {3}0\n\n\n {3}0\n\n {3}1\n/);
    const r = parseReport({ text: TEXT, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 1449, commercial: 145, research: 0, nonprofit: 0, legal: 63, otherOrg: 0, total: 1657 });
    expect(r.requests.carriedOver).toEqual({ natural: 0, commercial: null, research: 0, nonprofit: 1, legal: 0, otherOrg: 0, total: 1 });
    expect(r.requests.disclosed.total).toBe(1047);
    expect(r.appeals.suitDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: null, total: 0 });
    expect(r.appeals.suitAfterReview.total).toBe(32);
  });

  it('reads nothing of a row whose cells an extra empty line would make eight', () => {
    // The same text with an empty line more after 一、本年新收's label: its run has eight cells, no row of seven.
    const r = parseReport({ text: TEXT.replace('一、本年新收政府信息公开申请数量\n\n', '一、本年新收政府信息公开申请数量\n\n\n'), file: 'a.txt' });
    expect(r.requests.received.natural).toBeNull();
    expect(r.requests.received.total).toBeNull();
  });
});

/**
 * pdftotext's default mode prints a table's labels one after another, then its numbers a column block at a time, with
 * empty lines between blocks: the numbers after the last label of a block of labels (4.无正当理由大量反复申请, then
 * "", "１", "", "0", "0", "", "１") looked like a row's seven cells, one a paragraph, and added up (1 = 1 + 0 + 0):
 * read commercial 1 and nonprofit 0 for 0 and 1 (pdfCase('hunt34-pdf', 130)).
 */
describe('a label right after another label', () => {
  it('takes no cells one a paragraph (pdfCase(hunt34-pdf, 130))', async () => {
    const { cellVerdicts } = await import('../../src/generator/shapes/measure');
    const { pdfCase } = await import('../../src/generator/shapes/pdf');
    const text = readFileSync('tests/fixtures/shapes/pdftotext-labels-then-cell-lines.txt', 'utf8');
    expect(text).toMatch(/3\.要求提供公开出版物\n4\.无正当理由大量反复申请\n\n１\n\n0\n0\n\n１\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['notProcessed.repetitive']).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(cellVerdicts(pdfCase('hunt34-pdf', 130).truth, r, r.diagnostics).filter((v) => v.verdict !== 'exact' && v.verdict !== 'null')).toEqual([]);
  });
});

/**
 * Table layouts (`npm run measure-shapes -- --prefix lay18 --table-layouts`), lynx: a table lynx does not lay out is
 * flowed, each row's values three spaces after its label and four apart, a blank cell printed as nothing. Rows whose
 * labels are as wide line up by chance: 二、上年结转…数量 "０ ０" (its legal and total; the rest blank) stood under the
 * first two values of 一、本年新收…数量, and before 1.5.85 a grid of such rows read natural 0 and commercial 0
 * (webCase('lay18-web', 369): 7 wrong cells; 16 in 10 reports of 1,000).
 */
describe('rows flowed one distance after their labels (lynx)', () => {
  const text = readFileSync('tests/fixtures/shapes/lynx-flowed-rows.txt', 'utf8');

  it('say nothing of a value’s column by where it stands', () => {
    expect(text).toMatch(/\n {3}一、本年新收政府信息公开申请数量 {3}０ {4}０ {4}０ {4}０ {4}０ {4}０ {4}０\n {3}二、上年结转政府信息公开申请数量 {3}０ {4}０\n/);
    // Table B's lines: between its heading and table C's.
    const tableB = (t: string) => toLines(t.slice(t.indexOf('收到和处理政府信息公开申请情况'), t.indexOf('行政复议、行政诉讼情况')).split('\n'));
    const lines = tableB(text);
    expect(alignment(lines, 0, lines.length).unproved).toBe(true);
    const grid = tableB(readFileSync('tests/fixtures/shapes/w3m-stacked-digits.txt', 'utf8'));
    expect(alignment(grid, 0, grid.length)).toEqual({ display: true, unproved: false });
  });

  it('leave short rows null and read the full ones', () => {
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests.carriedOver).every((v) => v === null)).toBe(true);
    expect(r.requests.received).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
    expect(cellVerdicts(webCase('lay18-web', 369, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});

/**
 * Table layouts (`npm run measure-shapes -- --prefix lay27 --table-layouts`), lynx: it ends the tall cell of
 * 三、本年度办理结果 (rowspan 20, tall cells inside it) a row early, so （七）总计 starts where 三 stands and its cells
 * move one column left: 自然人's cell under the label, the rest under 自然人 … 其他. A blank 自然人 cell prints as
 * nothing, and before 1.5.105 "（七）总计 0 0 0 0 0" (商业企业, 社会公益组织, 法律服务机构, 其他, 总计) was read by where
 * its zeros stand: 自然人 and 科研机构 0, truly blank (webCase('lay27-web', 796): 2 wrong cells).
 */
describe('a row of 三、 printed left of its siblings (lynx)', () => {
  const text = readFileSync('tests/fixtures/shapes/lynx-row-outside-tall-cell.txt', 'utf8');

  it('is not placed by where its numbers stand', () => {
    expect(text).toMatch(/\n {3}（七）总计 {31}0 {8}0 {4}0 {6}0 {6}0\n/);
    expect(text).toMatch(/\n {6}（六）其他处理 {26}0 {3}0\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests.handledTotal).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.handledTotal')?.code).toBe('row-short');
    // Its siblings are laid on the grid of the full rows: one with a number in the total's column is read by position
    // (one of zeros with its total blank is not, whatever the text: zerosWithoutTotal).
    expect(r.requests['notProcessed.duplicate']).toEqual({ natural: 0, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
    expect(cellVerdicts(webCase('lay27-web', 796, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});
