/**
 * Readings whose order nothing in the text proves, found by the hunt over the generator's table layouts (lay22, all 30
 * shapes at 1,000 reports: 66 wrong cells in five shapes before parser 1.5.99). Each case below read a row in print
 * order, or by positions, where the text's order is the extraction tool's: every one must be the table's or null.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { webCase } from '../../src/generator/shapes/web';
import { parseReport } from '../../src/pipeline/parse';
import { checkReport } from '../../src/pipeline/check/rules';
import type { Truth } from '../../src/generator/types';
import { generateShaped, shapeTruthOptions } from '../../src/generator/shapes';
import { swapRows } from '../../src/generator/shapes/adversarial';

const fixture = (name: string) => readFileSync(`tests/fixtures/shapes/${name}`, 'utf8');
const row = (...values: (number | null)[]) => ({ natural: values[0], commercial: values[1], research: values[2], nonprofit: values[3], legal: values[4], otherOrg: values[5], total: values[6] });
const NULL_ROW = row(null, null, null, null, null, null, null);

/** The fixture parsed, its cells read wrong or left null without a diagnostic, and how many it reads exactly. */
function read(name: string, truth: Truth) {
  const r = parseReport({ text: fixture(name), file: 'a.txt' });
  const verdicts = cellVerdicts(truth, r, r.diagnostics);
  return { r, wrong: verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent').map((v) => `${v.path} ${v.expected} ${v.found}`), exact: verdicts.filter((v) => v.verdict === 'exact').length };
}

/**
 * A cell-lines text with two rows in each other's place (the adversarial test's swapRows, `seed` and `i` its case):
 * its `excerpt` printed, no cell wrong, `rows` null, and table B, one gap, unread for its labels' order. Returns the parse
 * and how many cells it reads exactly.
 */
function expectSwapUnread(name: string, seed: string, i: number, excerpt: string, rows: (keyof Truth['requests'])[], unread: number) {
  expect(fixture(name)).toContain(excerpt);
  const truth = generateShaped(seed, 'cell-lines', shapeTruthOptions(i), { requests: swapRows }).truth;
  const { r, wrong, exact } = read(name, truth);
  expect(wrong).toEqual([]);
  for (const key of rows) expect(r.requests[key]).toEqual(NULL_ROW);
  expect(r.diagnostics.some((d) => d.code === 'table-b-unproved' && d.message.includes('顺序与模板不符'))).toBe(true);
  expect(r.placement.requests).toEqual({ method: 'none', byLabel: 0, byArithmetic: 0, unread });
  return { r, exact };
}

describe('a terminal’s dump (w3m) of numbers stacked in narrow cells', () => {
  it('joins lines with one digit in every column to the row they stack on, when only that reading adds up (webCase(lay22-web, 840))', () => {
    // "２ ４ ６ ２ ５ ６ ４" over "一、本年新收… ２ ３ ３ ０ ７ ５ ７" over "７ ９ ７ １ ３ ３ ７" over "５ … ８": every number of the row
    // four digits tall. Before 1.5.99 the full lines of digits were taken for rows without labels and the row read 2 3 3 0 7 5 7.
    const text = fixture('w3m-every-column-stacked.txt');
    expect(text).toMatch(/\n +２ +４ +６ +２ +５ +６ +４\n一、本年新收政府信息公开申请数量 +２ +３ +３ +０ +７ +５ +７\n/);
    const { r, wrong } = read('w3m-every-column-stacked.txt', webCase('lay22-web', 840, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.received).toEqual(row(2275, 439, 637, 201, 573, 653, 4778));
    expect(r.diagnostics.find((d) => d.path === 'requests.received')).toMatchObject({ code: 'row-digits-wrapped', severity: 'info' });
  });

  it('does not give a group label’s last piece the stacked digits beside it (webCase(lay22-web, 903))', () => {
    // "（三）" / "不予公" / "开 １ ２" over "5.属于三类内部事务信息 ５ ０ １ ７ ０ ０ ３": the 1 and 2 are the tops of 15 and 23.
    // Before 1.5.99 the joined label named the group, the digits were its own, and the row read 5 … 3.
    const text = fixture('w3m-group-label-piece-on-pieces.txt');
    expect(text).toMatch(/\n +开\s+１\s+２\s*\n +5\.属于三类内部事务信息\s+５\s+０\s+１\s+７\s+０\s+０\s+３/);
    const { r, wrong } = read('w3m-group-label-piece-on-pieces.txt', webCase('lay22-web', 903, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests['withheld.internal']).toEqual(row(15, 0, 1, 7, 0, 0, 23));
  });
});

describe('pdftotext -layout rows whose print order is not their columns’', () => {
  it('a run of rows printing two columns each where other rows of the page print the other: null in those columns (pdfCase(lay22-pdf, 231))', () => {
    // "(二) 部分公开 … ０ 779 0 78 ０ 164 １０２１" for natural 779, commercial 0: the ０ at 46, where the rows below print
    // commercial, 779 at 58, where the rows above print natural. B3 holds either way, and the run's rows agree.
    const text = fixture('pdftotext-layout-run-across-two-grids.txt');
    expect(text).toMatch(/不计其他情形\) +０ +779 +0 78 ０ 164 １０２１\n/);
    const { r, wrong } = read('pdftotext-layout-run-across-two-grids.txt', pdfCase('lay22-pdf', 231, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    for (const key of ['partlyDisclosed', 'withheld.stateSecret', 'withheld.lawForbids', 'withheld.security', 'withheld.thirdParty'] as const) {
      expect([r.requests[key].natural, r.requests[key].commercial], key).toEqual([null, null]);
      expect(r.diagnostics.filter((d) => d.path === `requests.${key}`).map((d) => d.code), key).toContain('column-order-unproved');
    }
    // Their other columns stand where every row of the page prints them.
    expect(r.requests.partlyDisclosed).toEqual(row(null, null, 0, 78, 0, 164, 1021));
    // Rows that print their columns where the page's other rows do are read.
    expect(r.requests.received).toEqual(row(1935, 0, 0, 222, 0, 384, 2541));
  });

  it('a row in ASCII and full-width digits whose total is not the sum of its cells as printed: null, no break reported (pdfCase(lay22-pdf, 335))', () => {
    // "19 ３ 27 0 ５ 0 0" for 19 3 0 5 0 0 27: the total printed after commercial.
    const text = fixture('pdftotext-layout-total-moved-mixed-glyphs.txt');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +19 ３ 27 +0 +５ +0 +0\n/);
    const { r, wrong } = read('pdftotext-layout-total-moved-mixed-glyphs.txt', pdfCase('lay22-pdf', 335, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.received).toEqual(NULL_ROW);
    expect(r.diagnostics.filter((d) => d.path === 'requests.received').map((d) => [d.code, d.found])).toContainEqual(['column-order-unproved', '7 values in print order: 19 3 27 0 5 0 0, in two kinds of digits, not adding up']);
    expect(checkReport(r).filter((b) => b.cells.some((c) => c.startsWith('requests.received.')))).toEqual([]);
  });

  it('short rows are not placed by a grid that numbers a place of the page as another column than another run’s grid (pdfCase(lay22-pdf, 996))', () => {
    // "165 39 16 0 220" over "72 26 1 12 111": 72 three characters right of 165 made a seventh block, and 16 at 79 was
    // read as legal's where the rows below print nonprofit at 79–80.
    const text = fixture('pdftotext-layout-grids-disagree.txt');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +165 39 +16 +0 220\n/);
    const { r, wrong, exact } = read('pdftotext-layout-grids-disagree.txt', pdfCase('lay22-pdf', 996, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.received.legal).toBeNull();
    expect(r.requests.received.nonprofit).toBeNull();
    expect(exact).toBeGreaterThan(100);
  });

  it('numbers beside a group label cut short are no later row’s when a row between is not printed (pdfCase(lay23-pdf, 979))', () => {
    // "(六) 其他处 ４１７ - - ０ - ９５ ５１２" over "理", then "(七) 总计 ,": (六)其他处理 printed as one row, its label cut
    // where it wrapped; before 1.5.100 the numbers were read as (七)总计's, the row printed next.
    const text = fixture('pdftotext-layout-group-label-cut.txt');
    expect(text).toMatch(/\(六\) 其他处 +４１７ +- +- +０ +- +９５ +５１２\n +理\n +\(七\) 总计/);
    const { r, wrong } = read('pdftotext-layout-group-label-cut.txt', pdfCase('lay23-pdf', 979, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.handledTotal).toEqual(NULL_ROW);
    expect(r.diagnostics.filter((d) => d.code === 'table-b-unproved').map((d) => d.message).join('\n')).toContain('(六)其他处');
  });
});

describe('a row label wrapped onto two lines, its numbers after it, printed before the row the template puts first', () => {
  it('stands with its numbers: the two rows in each other’s place are not read in the template’s order (third-swap-2260)', () => {
    // A cell a line: "5.要求行政机关确认或" / "重新出具已获取信息" / 0 0 0 0 0 0 - / 予处 / "4.无正当理由大量反复" / "申请" /
    // 0 0 0 - 0 0 -: 4 and 5 printed in each other's place, each label with its seven numbers after it. Each piece of
    // 5's label is a hit of the row, and before 1.5.106 only the first counted as its label, with no number beside it:
    // 5 did not stand, and the rows were read in the template's order, 4 taking 5's numbers (a blank read 0).
    // Every number of the table stands on a line of its own, so the table is one gap, read in the template's order or
    // not at all: table B is unread (174 of its 175 cells were read right before, one wrong), tables A and C are read.
    const excerpt = '\n5.要求行政机关确认或\n重新出具已获取信息\n0\n0\n0\n0\n0\n0\n-\n予处\n4.无正当理由大量反复\n申请\n0\n0\n0\n-\n0\n0\n-\n';
    const { r, exact } = expectSwapUnread('cell-lines-wrapped-label-rows-swapped.txt', 'third-swap-2260', 2260, excerpt, ['notProcessed.repetitive', 'notProcessed.confirmation'], 175);
    expect(r.placement.appeals.method).toBe('label');
    expect(exact).toBe(63); // every cell of tables A and C
  });
});

describe('a group printed as one row, in the place of the row after it', () => {
  it('counts its label in the order of the labels among the numbers: the two rows are not read in the template’s order (ah60-swap-cl-1238)', () => {
    // A cell a line, (六)其他处理 printed as one row of its own (no sub-row), each of the last rows' numbers before its
    // label: 19 7 0 1 3 0 30 / "(七) 总计" / 0 1 0 1 2 0 4 / "(六) 其他处理" / 四、结转下年度继续办理. Both labels stand among the
    // gap's numbers, in each other's order. Before 1.5.123 a group's label never counted there (a label over sub-rows
    // is centred among them), so the rows were read in the template's order: handledTotal took 0 1 0 1 2 0 4 and
    // otherHandling 19 … 30, 8 wrong cells whose only sign was a B1 and a B2 break.
    // The whole table is one gap (no number on a label's line): unread, tables A and C read.
    const excerpt = '\n理\n\n19\n\n7\n0\n1\n3\n\n0\n30\n\n(七) 总计\n\n0\n\n1\n0\n1\n2\n0\n\n4\n\n(六) 其他处理\n\n四、结转下年度继续办理\n';
    const { exact } = expectSwapUnread('cell-lines-group-line-rows-swapped.txt', 'ah60-swap-cl-1238', 1238, excerpt, ['handledTotal', 'otherHandling'], 161);
    expect(exact).toBe(25);
  });

  it('does not keep a reading in the template’s order that B1 and B2 contradict and the two rows exchanged satisfy', () => {
    // The same text with the two labels put back in the template's order, each still after the other row's numbers:
    // no label order shows the exchange, and the gap read in order gave handledTotal 0 1 0 1 2 0 4 and otherHandling
    // 19 … 30 (before 1.5.124: 8 wrong cells, a B1 and a B2 break reported as the agency's). Exchanged, the two rows make
    // B1 and B2 hold in every column: the order is not proved, both rows are null, every other row is read.
    const text = fixture('cell-lines-group-line-rows-swapped.txt').replace('\n(七) 总计\n', '\n(六)\n').replace('\n(六) 其他处理\n', '\n(七) 总计\n').replace('\n(六)\n', '\n(六) 其他处理\n');
    expect(text).toContain('\n30\n\n(六) 其他处理\n\n0\n\n1\n0\n1\n2\n0\n\n4\n\n(七) 总计\n\n四、结转下年度继续办理\n');
    const truth = generateShaped('ah60-swap-cl-1238', 'cell-lines', shapeTruthOptions(1238), { requests: swapRows }).truth;
    const r = parseReport({ text, file: 'a.txt' });
    const verdicts = cellVerdicts(truth, r, r.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(r.requests.handledTotal).toEqual(NULL_ROW);
    expect(r.requests.otherHandling).toEqual(NULL_ROW);
    expect(r.diagnostics.filter((d) => d.code === 'table-b-ambiguous').map((d) => d.path)).toEqual(['requests.otherHandling', 'requests.handledTotal']);
    expect(checkReport(r).filter((b) => b.rule === 'B1' || b.rule === 'B2')).toEqual([]);
    expect(r.placement.requests).toEqual({ method: 'partial', byLabel: 0, byArithmetic: 147, unread: 14 });
  });
});

describe('two row labels in reversed order around the numbers of exactly their two rows', () => {
  it('does not read the rows in the template’s order (ah61-swap-cl-33)', () => {
    // A cell a line: "5.属于三类内部事务信息", a page footer, 14 numbers ("- / - 0 - 0 0" then "0 0 / 0 0 / /"), then
    // "4.保护第三方合法权益": the two rows in each other's place. Whether a label's numbers follow it or precede it, the
    // reading in the template's order (4 first) contradicts both; and two outcome rows exchanged keep every sum, so the
    // arithmetic cannot tell. Before 1.5.125 the labels' order was not checked in a table read as one gap (poppler's
    // default mode prints labels beside numbers out of order: the real 洪泽区 2023, read as before), and 4 took
    // "- / - 0 - 0 0": 5 cells 0 where the report printed a blank mark.
    const excerpt = '\n5.属于三类内部事务信息\n- 2 -\n -\n/\n-\n0\n-\n0\n0\n\n0\n0\n/\n0\n0\n/\n/\n4.保护第三方合法权益\n';
    expectSwapUnread('cell-lines-labels-reversed-around-rows.txt', 'ah61-swap-cl-33', 33, excerpt, ['withheld.thirdParty', 'withheld.internal'], 161);
  });
});
