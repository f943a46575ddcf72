/**
 * Cells of a row in another order in the text: poppler's -layout orders a line's words by where it puts them, and
 * close cells of different fonts (ASCII and full-width digits) can come out swapped ("18  ８９" for 89 and 18,
 * pdfCase('hunt4-pdf', 668)), for one row or for a run of rows (pdfCase('hunt8-pdf', 916): 自然人 and 商业企业 of
 * seven rows). The row total (B3) holds either way; the column sums (B1, B2) break in exactly those columns. Every row
 * whose cells, swapped alone or with others', make the sums hold is null there with `row-order-ambiguous` (the text
 * does not say which of those readings is the table's), and no break is reported for an unproved reading.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { swapCandidates } from '../../src/pipeline/parse/column-sums';
import { parseReport } from '../../src/pipeline/parse';
import { checkReport } from '../../src/pipeline/check/rules';
import { diagnosticText } from '../../src/lib/diagnostic-text';
import { REQUEST_ROW_KEYS, type RequestKey, type Requests } from '../../src/schema';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';

const GENERATED = 'tests/fixtures/shapes/pdftotext-layout-swapped-cells.txt';
/** pdfCase('hunt8-pdf', 916) read by pdftotext -layout: 自然人 and 商业企业 swapped in the seven rows 予以公开 … 属于三类内部事务信息. */
const SWAPPED_ROWS = 'tests/fixtures/shapes/pdftotext-layout-swapped-rows.txt';
/**
 * pdfCase('hunt8-pdf', 649) read by pdftotext -layout: 内部事务信息's two cells swapped ("1 2" for 2, 1), 过程性信息's
 * blank and 0 too ("- 0" for 0, -), and 行政查询事项's blank first cell run into its label ("8.属于行政查询事项无  -  0 …").
 */
const GLUED_BLANK = 'tests/fixtures/shapes/pdftotext-layout-glued-blank.txt';

/** The cells of a generated report's text that the parser reads wrong, and how many it reads exactly. */
function verdicts(file: string, truth: Parameters<typeof cellVerdicts>[0]) {
  const r = parseReport({ text: readFileSync(file, 'utf8'), file: 'a.txt' });
  const all = cellVerdicts(truth, r, r.diagnostics);
  return { r, wrong: all.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent').map((v) => `${v.path} ${v.expected} ${v.found}`), exact: all.filter((v) => v.verdict === 'exact').length };
}

/** A consistent table B: every row 0 but the rows given (natural, commercial, … total). */
function table(rows: Partial<Record<RequestKey, number[]>>): Requests {
  const keys = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'] as const;
  const out = Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, Object.fromEntries(keys.map((c) => [c, 0]))])) as unknown as Requests;
  for (const [k, v] of Object.entries(rows)) (out as Record<string, unknown>)[k] = Object.fromEntries(keys.map((c, i) => [c, v![i]]));
  return out;
}

describe('two cells of a row swapped in a space-separated line', () => {
  const text = readFileSync(GENERATED, 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('are null with a diagnostic naming both readings, the row’s other cells read; no cell is wrong', () => {
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +18 +８９ +0 +10 14 +０ +１３１/);
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: 0, nonprofit: 10, legal: 14, otherOrg: 0, total: 131 });
    const d = r.diagnostics.find((x) => x.code === 'row-order-ambiguous');
    expect(d).toMatchObject({ path: 'requests.received', expected: 'B1 in columns natural, commercial', found: 'natural 18, commercial 89' });
    const { wrong, exact } = verdicts(GENERATED, pdfCase('hunt4-pdf', 668).truth);
    expect(wrong).toEqual([]);
    // The rows whose two cells, swapped with the received row's or alone, would make B1 and B2 hold are null too.
    expect(r.placement.requests.unread).toBe(175 - r.placement.requests.byLabel);
    expect(exact).toBeGreaterThanOrEqual(170);
  });

  it('leave no B1 break in those columns (the reading that broke it was not proved)', () => {
    const breaks = checkReport({ requests: r.requests, appeals: r.appeals, proactive: r.proactive, template: r.template, proseCounts: r.proseCounts } as Parameters<typeof checkReport>[0]);
    expect(breaks.filter((b) => b.rule === 'B1')).toEqual([]);
  });
});

describe('a run of rows with two columns swapped', () => {
  it('is null in those columns, every other cell read; no cell is wrong and no break reported', () => {
    const text = readFileSync(SWAPPED_ROWS, 'utf8');
    expect(text).toMatch(/\(一\) 予以公开 +０ +84 +— +１０ +0 +0 +94/);
    const { r, wrong, exact } = verdicts(SWAPPED_ROWS, pdfCase('hunt8-pdf', 916).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.disclosed).toEqual({ natural: null, commercial: null, research: null, nonprofit: 10, legal: 0, otherOrg: 0, total: 94 });
    // Since 1.5.79 the run's places say it first: its natural and commercial stand where the rows below put other
    // columns (columns.ts crossedColumns), before the sums' tests would (row-order-ambiguous); 部分公开 is null whole (below).
    const swapped = r.diagnostics.filter((d) => d.code === 'row-order-ambiguous' || d.code === 'column-order-unproved').map((d) => d.path);
    expect(swapped).toEqual(expect.arrayContaining(['requests.disclosed', 'requests.withheld.stateSecret', 'requests.withheld.lawForbids', 'requests.withheld.security', 'requests.withheld.thirdParty', 'requests.withheld.internal']));
    // 158 since 1.5.65: two rows of blanks beside zeros on a page whose rows overlap each other's columns are null too;
    // 156 since 1.5.73: 部分公开's "0 15 6 21" has "０ ０ ０" under the rest of its label, where the template has no row,
    // and its own line no longer proves which of its cells are blank (pdfCase('hunt17-pdf', 332) read a wrong total so).
    // 172 at 1.5.79: the run's other columns read by their places; 144 since 1.5.81: natural and commercial null in
    // every full row of the page (the rows below the run print them at places the run gives the other column).
    expect(exact).toBeGreaterThanOrEqual(144);
    expect(r.requests.partlyDisclosed).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    const breaks = checkReport({ requests: r.requests, appeals: r.appeals, proactive: r.proactive, template: r.template, proseCounts: r.proseCounts } as Parameters<typeof checkReport>[0]);
    expect(breaks.filter((b) => b.rule === 'B2' && /natural|commercial|自然人|商业企业/.test(JSON.stringify(b)))).toEqual([]);
  });
});

describe('a run of rows whose cells stand in another order, the text’s places for the columns shifting between rows', () => {
  const SHIFTED = 'tests/fixtures/shapes/pdftotext-layout-rows-shifted-columns.txt';

  it('is null in the columns whose sums break by amounts adding up to 0, every other cell read; no cell wrong, no break', () => {
    // pdfCase('hunt13-pdf', 334): rows 一 … 2. print 自然人 fourth ("0 323 0   1,224" for 1,224 0 323 0), the rows below
    // in order at other places: read in the text's order, 20 cells were wrong and B1, B2 broke in four columns.
    const text = readFileSync(SHIFTED, 'utf8');
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +0 323 0 +1,224 +0 +0 1,547\n/);
    expect(text).toMatch(/3\.危及“三安全一稳定” +４ +0 3 0 +０ +0 ７\n/);
    const { r, wrong, exact } = verdicts(SHIFTED, pdfCase('hunt13-pdf', 334).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: 0, otherOrg: 0, total: 1547 });
    const said = r.diagnostics.find((d) => d.path === 'requests.received')!;
    expect(said).toMatchObject({ code: 'column-order-unproved' });
    expect(diagnosticText(said)).toMatchObject({
      expected: '按各行数字的文字顺序，规则 B1、B2 在“自然人”、“商业企业”、“科研机构”、“社会公益组织”各列成立',
      found: '“自然人”、“商业企业”、“科研机构”、“社会公益组织”各列的 B1/B2 差额合计为 0，各行数字在文字中的位置前后不一',
    });
    // 82 since 1.5.73 (90 before): on this page of shifting places, rows with two different numbers of different glyphs
    // side by side, each where another row has the other's column, are null whole (swappableGlyphs).
    expect(exact).toBeGreaterThanOrEqual(82);
    const breaks = checkReport({ requests: r.requests, appeals: r.appeals, proactive: r.proactive, template: r.template, proseCounts: r.proseCounts } as Parameters<typeof checkReport>[0]);
    expect(breaks.filter((b) => b.rule === 'B1' || b.rule === 'B2')).toEqual([]);
  });
});

describe('a blank first cell run into its label', () => {
  it('is the row’s first cell, so B2 is checked and the swapped rows above are found', () => {
    const text = readFileSync(GLUED_BLANK, 'utf8');
    expect(text).toMatch(/8\.属于行政查询事项无 +- +0 +0 +无 +- +0/);
    const { r, wrong } = verdicts(GLUED_BLANK, pdfCase('hunt8-pdf', 649).truth);
    // Read as printed for the sums (B2 then finds the swapped rows above), then withdrawn (1.5.65): its blanks stand
    // beside zeros, and the page's rows put values of other columns where its values stand.
    expect(r.requests['withheld.inquiry' as keyof typeof r.requests]).toMatchObject({ research: null, nonprofit: null, total: null });
    expect(r.diagnostics.filter((d) => d.path === 'requests.withheld.inquiry').map((d) => d.code)).toContain('column-order-unproved');
    expect(r.diagnostics.some((d) => d.code === 'row-order-ambiguous')).toBe(true);
    expect(wrong).toEqual([]);
    // 过程性信息 printed "- 0" for 0 and a blank: a swap no sum shows, null once the columns are known to be out of order.
    expect(r.requests['withheld.process' as keyof typeof r.requests]).toMatchObject({ natural: null, commercial: null });
  });
});

describe('a row label printed twice, the second time with the first of its numbers', () => {
  it('is read by the line with numbers: wrapped over lines it must add up (pdfminer, pdfCase(shape-pdf, 388))', () => {
    // "(二) 部分公开 (区分处理的, 只" names the row, then "计这一情形, 不计其他情形) ７３０ ０ ０" names it again with three
    // of its numbers; the next lines' numbers ("０ ０", "０ ０") are other rows'. Read as one wrapped row (730 0 0 0 0 0 0,
    // total 0 ≠ 730) it does not add up, so it is not read; the first hit without numbers had hidden that it was wrapped.
    const { r, wrong } = verdicts('tests/fixtures/shapes/pdfminer-label-twice.txt', pdfCase('shape-pdf', 388).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.partlyDisclosed.total).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'requests.partlyDisclosed')?.code).toBe('row-short');
  });
});

describe('swapCandidates', () => {
  const all = new Set<RequestKey>(REQUEST_ROW_KEYS);

  it('finds every row whose two cells, changed places alone or with others, make B1 and B2 hold in both columns', () => {
    // received printed 3 5 …, truly 5 3: B1 breaks by −2 in natural and +2 in commercial. So does a table whose
    // 处理总计 and 予以公开 rows were both swapped: all three rows may be out of order.
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, all).map((c) => c.key)).toEqual(['received', 'disclosed', 'handledTotal']);
    expect(swapCandidates(t, all)[0]).toEqual({ key: 'received', columns: ['natural', 'commercial'], rule: 'B1' });
    // Where only one reading holds, only its row: 予以公开 is the only outcome row, printed as read and adding up.
    const one = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(one, new Set<RequestKey>(['received', 'handledTotal']))).toEqual([{ key: 'received', columns: ['natural', 'commercial'], rule: 'B1' }]);
  });

  it('finds a run of swapped rows and the rows printed blank and 0 in those columns', () => {
    // 予以公开 and 部分公开 printed 0 4 and 0 2 (truly 4 0 and 2 0), 属于国家秘密 "— 0" (0 and a blank): B2 breaks by
    // −6 in natural and +6 in commercial, and no one row's swap mends it.
    const t = table({ received: [6, 0, 0, 0, 0, 0, 6], handledTotal: [6, 0, 0, 0, 0, 0, 6], disclosed: [0, 4, 0, 0, 0, 0, 4], partlyDisclosed: [0, 2, 0, 0, 0, 0, 2] });
    const printed = structuredClone(t);
    (printed['withheld.stateSecret' as RequestKey] as unknown as Record<string, number | null>).natural = null;
    // 本年新收 and 处理总计 swapped together would mend it too.
    expect(swapCandidates(t, all, printed).map((c) => c.key)).toEqual(['received', 'disclosed', 'partlyDisclosed', 'handledTotal', 'withheld.stateSecret']);
    const inOrder = new Set<RequestKey>(REQUEST_ROW_KEYS.filter((k) => k !== 'received' && k !== 'handledTotal'));
    expect(swapCandidates(t, inOrder, printed).map((c) => c.key)).toEqual(['disclosed', 'partlyDisclosed', 'withheld.stateSecret']);
    // Breaks no set of swaps mends (−6 in natural, +5 in commercial) leave every row as read.
    const uneven = structuredClone(t);
    (uneven.partlyDisclosed as unknown as Record<string, number>).commercial = 1;
    expect(swapCandidates(uneven, all, printed)).toEqual([]);
  });

  it('finds an outcome row by B2, the total row (in both rules) once', () => {
    const t = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [3, 5, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, all)).toEqual([
      { key: 'received', columns: ['natural', 'commercial'], rule: 'B2' },
      { key: 'disclosed', columns: ['natural', 'commercial'], rule: 'B2' },
      { key: 'handledTotal', columns: ['natural', 'commercial'], rule: 'B2' },
    ]);
    const total = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [3, 5, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(total, all).map((c) => c.key)).toEqual(['received', 'disclosed', 'handledTotal']);
    // With 本年新收 and 予以公开 known to be in order, only 处理总计 is left.
    expect(swapCandidates(total, new Set<RequestKey>(['handledTotal']))).toEqual([{ key: 'handledTotal', columns: ['natural', 'commercial'], rule: 'B1' }]);
  });

  it('finds a row whose three cells stand rotated', () => {
    // received printed 2 3 5 …, truly 5 2 3: B1 breaks in three columns, and the row in another order holds.
    const t = table({ received: [2, 3, 5, 0, 0, 0, 10], handledTotal: [5, 2, 3, 0, 0, 0, 10], disclosed: [5, 2, 3, 0, 0, 0, 10] });
    expect(swapCandidates(t, all)).toEqual([{ key: 'received', columns: ['natural', 'commercial', 'research'], rule: 'B1' }]);
  });

  it('finds nothing where the breaks do not add up to 0, or the row’s order is shown by its separators', () => {
    const one = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [4, 3, 0, 0, 0, 0, 7] });
    expect(swapCandidates(one, all)).toEqual([]);
    const three = table({ received: [3, 5, 1, 0, 0, 0, 9], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(three, all)).toEqual([]);
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, new Set<RequestKey>(['received']).size ? new Set<RequestKey>(['disclosed']) : new Set())).toEqual([]);
  });

  it('skips a comparison with a blank cell, as the check stage does', () => {
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    (t.carriedOver as Record<string, number | null>).natural = null;
    expect(swapCandidates(t, all)).toEqual([]);
  });
});

/**
 * pdfCase('hunt44-pdf', 475) read by pdftotext -layout: the rows of 不予公开, 无法提供 and 不予处理 flowed one or two
 * spaces apart left of the columns where 本年新收 and 上年结转 stand spread out, and in the rows of 不予公开 the first
 * four cells reversed ("1.属于国家秘密 0 2 0 2 ０ 0 ４" for 2 0 2 0; pdf.js by position and -raw read 2 0 2 0).
 */
const SQUEEZED_REVERSED = 'tests/fixtures/shapes/pdftotext-layout-squeezed-reversed.txt';
/** pdfCase('shape-pdf', 13) read by pdftotext -layout: "3.其他 111 0 35 … 23 0 169" squeezed too, B1 and B2 holding in every column. */
const SQUEEZED_SUMS_HOLD = 'tests/fixtures/shapes/pdftotext-layout-squeezed-sums-hold.txt';

describe('cells squeezed together beside rows laid out by position', () => {
  it('are not read in print order where the column sums do not prove it: null with a diagnostic, none wrong', () => {
    const text = readFileSync(SQUEEZED_REVERSED, 'utf8');
    expect(text).toMatch(/1\.属于国家秘密 +0 2 0 2 +０ +0 +４/);
    const { r, wrong } = verdicts(SQUEEZED_REVERSED, pdfCase('hunt44-pdf', 475).truth);
    expect(wrong).toEqual([]);
    for (const key of ['withheld.stateSecret', 'withheld.internal', 'notProcessed.duplicate'] as const) expect(Object.values(r.requests[key]).every((v) => v === null), key).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.withheld.stateSecret')).toMatchObject({ code: 'column-order-unproved', found: '7 values in print order: 0 2 0 2 0 0 4, one out of its column' });
    // The rows laid out by position are read.
    expect(r.requests.received).toEqual({ natural: 372, commercial: 0, research: 71, nonprofit: 0, legal: 0, otherOrg: 0, total: 443 });
  });

  it('are read in print order where B1 and B2 hold in their columns', () => {
    expect(readFileSync(SQUEEZED_SUMS_HOLD, 'utf8')).toMatch(/3\.其他 +111 0 35 +0 +23 0 169/);
    const { r, wrong, exact } = verdicts(SQUEEZED_SUMS_HOLD, pdfCase('shape-pdf', 13).truth);
    expect(wrong).toEqual([]);
    expect(exact).toBe(200);
    expect(r.requests['otherHandling.other']).toEqual({ natural: 111, commercial: 0, research: 35, nonprofit: 0, legal: 23, otherOrg: 0, total: 169 });
  });
});
