/**
 * Text laid out by a terminal (`w3m -dump` of a report's web page at 80 columns). Two things differ from pdftotext
 * -layout: columns are counted by display width (a Chinese or full-width character is two columns), and a number too
 * wide for its column stands one digit a line, centred on its row: 153 prints "１" above the row's line, "５" on it
 * and "３" below. Which row each line of digits belongs to is proved by the rows' totals (B3), or the rows stay null.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { webCase } from '../../src/generator/shapes/web';
import { parseReport } from '../../src/pipeline/parse';
import { alignment, displayOffsets, toLines } from '../../src/pipeline/parse/lines';
import { readStackedRows, type StackLine } from '../../src/pipeline/parse/stacked-digits';
import { readCell } from '../../src/pipeline/text';

const fixture = (name: string) => readFileSync(`tests/fixtures/shapes/${name}`, 'utf8');
const row = (...values: number[]) => ({ natural: values[0], commercial: values[1], research: values[2], nonprofit: values[3], legal: values[4], otherOrg: values[5], total: values[6] });
const wrapped = (r: ReturnType<typeof parseReport>) => r.diagnostics.filter((d) => d.code === 'row-digits-wrapped').map((d) => [d.path, d.severity]);

describe('columns by display width', () => {
  it('counts a wide character as two columns', () => {
    expect(displayOffsets('一、本年 1  ２ 3', [5, 6, 8, 9, 10, 11])).toEqual([9, 10, 12, 14, 15, 16]);
  });

  it('tells a terminal’s dump (w3m) from pdftotext -layout text by where rows end', () => {
    const w3m = toLines(fixture('w3m-stacked-digits.txt').split('\n'));
    expect(alignment(w3m, 0, w3m.length).display).toBe(true);
    const layout = toLines(fixture('pdftotext-layout-libreoffice-wrapped-digits.txt').replace(/\f/g, '').split('\n'));
    expect(alignment(layout, 0, layout.length).display).toBe(false);
  });

  it('counts by characters where most rows end at one column exactly, though display places crowd within two (pdfCase(hunt25-pdf, 572))', () => {
    // Totals at 78 (nine rows) and 74 (six) by characters; by display width the rows' labels scatter them over 82–99,
    // ten of them within two columns of 91: "within two" alone chose display width, and a row of four values printed
    // at the commercial, nonprofit, legal and otherOrg places was read a column right (research and total 0).
    const text = fixture('pdftotext-layout-display-width-outvoted.txt');
    expect(text).toMatch(/\n +5\.要求行政机关确认或重新出具已获 {11}０ {13}０ {3}０ {3}０\n/);
    const layout = toLines(text.replace(/\f/g, '').split('\n'));
    expect(alignment(layout, 0, layout.length).display).toBe(false);
    const r = parseReport({ text, file: 'a.txt' });
    // Read by characters, its four zeros stand at 商业企业, 社会公益组织, 法律服务机构 and 其他, its total blank; since
    // 1.5.107 zeros without a total are not placed by their positions alone in text counted so (zerosWithoutTotal):
    // every shift of them keeps the row's total. A row with a number in the total's column is placed.
    expect(r.requests['notProcessed.confirmation']).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.diagnostics.find((d) => d.path === 'requests.notProcessed.confirmation')?.code).toBe('row-short');
  });
});

describe('digits stacked in narrow cells (webCase(\'shape-web\', i) dumped by w3m)', () => {
  it('joins the digits above and below a row when only one way adds up in every row (case 45)', () => {
    const text = fixture('w3m-stacked-digits.txt');
    expect(text).toMatch(/ +１ +３ +１\n +\(一\) 予以公开 +５ +0 +７ +0 +０ +０ ９\n +３ +０\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received).toEqual(row(264, 0, 67, 0, 0, 0, 331));
    expect(r.requests.disclosed).toEqual(row(153, 0, 37, 0, 0, 0, 190));
    expect(r.requests.partlyDisclosed).toEqual(row(33, 0, 8, 1, 0, 0, 42));
    expect(wrapped(r)).toContainEqual(['requests.disclosed', 'info']);
  });

  it('leaves rows null when the digits between them add up either way, and reads those that every way reads alike (case 94)', () => {
    // Every row's natural person column equals its total: "８ ８" between 4.保护第三方 (２ … ２) and 5.属于三类内部 (４ … ４) ends
    // 28 or starts 84 and both rows add up either way.
    const r = parseReport({ text: fixture('w3m-stacked-digits-ambiguous.txt'), file: 'a.txt' });
    expect(r.requests.received).toEqual(row(230, 0, 0, 0, 0, 0, 230));
    // The rest of the label on the digits' line puts them in that row's band.
    expect(r.requests.partlyDisclosed).toEqual(row(48, 0, 0, 0, 0, 0, 48));
    // The label's first line holds the top digits, its second the rest of the row.
    expect(r.requests['otherHandling.noCorrection']).toEqual(row(25, 0, 0, 0, 0, 0, 25));
    expect(r.requests['withheld.process'].natural).toBeNull();
    expect(r.requests.handledTotal.total).toBeNull();
    expect(wrapped(r)).toContainEqual(['requests.handledTotal', 'warning']);
  });

  it('joins a number with a thousands separator stacked over three lines ("１," / "２３" / "８", case 888)', () => {
    const r = parseReport({ text: fixture('w3m-stacked-thousands.txt'), file: 'a.txt' });
    expect(r.requests.received.natural).toBe(1238);
    expect(r.requests.received.total).toBe(1238);
    expect(r.requests.handledTotal).toEqual({ ...row(1198, 0, 1, 1, 0, 0, 1200), legal: null, otherOrg: null });
  });
});

describe('more stacks (webCase(\'hunt-web\', i) dumped by w3m: cases once read wrong)', () => {
  it('joins top pieces that are not numbers themselves ("１,０" over "１０" is 1,010; 1571: 10 and 312 before)', () => {
    const text = fixture('w3m-stacked-thousands-2.txt');
    expect(text).toMatch(/\n +１,０ +１,\n +\(一\) 予以公开 +１０ +62 +80 +0 +160 +\/ +３１\n +２\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.disclosed).toEqual({ natural: 1010, commercial: 62, research: 80, nonprofit: 0, legal: 160, otherOrg: null, total: 1312 });
  });

  it('tells display width by where rows start or end within two columns (1304: rows a blank line apart, 19 and 23 before)', () => {
    const r = parseReport({ text: fixture('w3m-rows-apart.txt'), file: 'a.txt' });
    expect(r.requests.carriedOver).toEqual(row(198, 0, 0, 0, 32, 0, 230));
  });

  it('reads a row whose label wraps, its cells on the label’s second line and its numbers’ top pieces on the first (hunt13-web 888: total 1 before)', () => {
    const text = fixture('w3m-stacked-digits-label-wrapped.txt');
    expect(text).toMatch(/\n +1\.本机关不掌握相关政府 １ +１\n +信息 +６ +０ +\/ +— +２２ +\/ +８\n三、本年度 （四）无 +３ +５\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['unavailable.notHeld']).toEqual({ ...row(163, 0, 0, 0, 22, 0, 185), research: null, nonprofit: null, otherOrg: null });
    expect(r.requests['unavailable.mustCreate']).toEqual({ ...row(42, 0, 0, 0, 8, 0, 50), nonprofit: null });
    expect(wrapped(r)).toContainEqual(['requests.unavailable.notHeld', 'info']);
  });

  it('takes a 无 spaced off its group label’s other characters for label text, not a cell among the pieces (webCase(lay15-web, 102), table layouts: 13 and 15 read 1 and 1 before)', () => {
    const text = fixture('w3m-stacked-digits-beside-group-label.txt');
    expect(text).toMatch(/\n +1\.本机关不掌握相关政府信息 +１ １ ０ １ ０ ０ １\n三、本年度 \(四\) 无 +３ +５\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['unavailable.notHeld']).toEqual(row(13, 1, 0, 1, 0, 0, 15));
    expect(wrapped(r)).toContainEqual(['requests.unavailable.notHeld', 'info']);
  });

  it('does not read a row whose label’s first line holds its numbers’ top pieces, unread as numbers (webCase(lay16-web, 187), table layouts: 43 and 66 for 2,243 and 2,266 before)', () => {
    const text = fixture('w3m-top-pieces-in-label-line.txt');
    expect(text).toMatch(/\n一、本年新收政 +２,２ +１ ２,２\n府信息公开申请 +４３ +０ +０ +０ +１３ +０ ６６\n数量\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests.received).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'table-b-unproved' && d.found.includes('43 0 0 0 13 0 66'))).toBe(true);
  });

  it('does not read a row whose label’s first line holds a cut number’s head, from the seven cells of its label’s next line (webCase(lay20-web, 265), table layouts: natural 28 for 1,328 before, B3 broken)', () => {
    const text = fixture('w3m-cut-head-in-label-line-full-row.txt');
    expect(text).toMatch(/\n +1\.本机关不掌 +１,３\n +握相关政府信 +２８ +\/ +151 +１ +1 +\/ +1,481\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests['unavailable.notHeld']).every((v) => v === null)).toBe(true);
    const truth = webCase('lay20-web', 265, { tableLayouts: true }).truth;
    expect(cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads no group row from numbers on its label’s line when its sub-rows are printed (webCase(lay20-web, 550), table layouts: 不予公开 7 and 7, 5.属于三类内部事务信息’s numbers, before)', () => {
    const text = fixture('w3m-group-line-numbers-over-sub-row.txt');
    expect(text).toMatch(/\n +\(三\)[ \u00a0]*\n +不予\n +公开[ \u00a0]+７[ \u00a0]+７/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.withheld).toBeUndefined();
    const truth = webCase('lay20-web', 550, { tableLayouts: true }).truth;
    expect(cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads no row from the seven cells of its label’s second line past the stacked tops of the line above, when that second line prints fewer than seven (webCase(lay20-web, 638), table layouts: natural 1 and total 1 for 13 and 13 before)', () => {
    const text = fixture('w3m-stacked-pieces-over-short-row.txt');
    expect(text).toMatch(/\n +其他 +2\.申请人逾期未按收费通知要求[ \u00a0]+１[ \u00a0]+０[ \u00a0]+１[ \u00a0]*\n +处理 +缴纳费用、行政机关不再处理其[ \u00a0]*３[ \u00a0]+\/[ \u00a0]+\/[ \u00a0]+—[ \u00a0]+０[ \u00a0]+３/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests['otherHandling.feeUnpaid']).every((v) => v === null)).toBe(true);
    expect(wrapped(r)).toContainEqual(['requests.otherHandling.feeUnpaid', 'warning']);
    const truth = webCase('lay20-web', 638, { tableLayouts: true }).truth;
    expect(cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('joins the last row’s lower digits printed beside the rest of its label (webCase(lay16-web, 70), table layouts: total 3 for 35 before, B3 broken)', () => {
    const text = fixture('w3m-stacked-below-label-rest.txt');
    expect(text).toMatch(/\n四、结转下年度 +35 +０ +0 +０ +０ +0 +３\n继续办理 +５\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.carriedForward).toEqual(row(35, 0, 0, 0, 0, 0, 35));
    expect(wrapped(r)).toContainEqual(['requests.carriedForward', 'info']);
  });

  it('joins the pieces around a row whose label’s rest stands beside a piece of 三、本年度办理结果 (webCase(hunt22-web, 517): total 1 for 116 before)', () => {
    const text = fixture('w3m-label-rest-beside-section-piece.txt');
    expect(text).toMatch(/\n三、本年度 +1\.本机关不掌握相关政府 １ +１\n办理结果 +信息 +０ +０ +０ +８ +０ +０ １\n +８ +６\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['unavailable.notHeld']).toEqual(row(108, 0, 0, 8, 0, 0, 116));
    expect(wrapped(r)).toContainEqual(['requests.unavailable.notHeld', 'info']);
  });

  it('does not give a row’s lower digits to the row below when the row’s line ends in thousands heads (webCase(hunt23-web, 832): 6165 for 65 and 4977 for 77 before)', () => {
    const text = fixture('w3m-thousands-heads-on-row-line.txt');
    expect(text).toMatch(/\n一、本年新收政府信息公开申请数量 +１,１ +０ +０ +０ +０ +０ １,１\n +６１ +６１\n二、上年结转政府信息公开申请数量 +６５ +１ /);
    const r = parseReport({ text, file: 'a.txt' });
    // 1,161 and 1,149 (１,１ over ６１ and ４９) are not read; the rows below them may own those digits, so they are not read either.
    const none = { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null };
    for (const key of ['received', 'carriedOver', 'handledTotal', 'carriedForward'] as const) expect(r.requests[key], key).toEqual(none);
    expect(r.diagnostics.filter((d) => d.code === 'row-digits-wrapped').map((d) => d.path)).toEqual(expect.arrayContaining(['requests.carriedOver', 'requests.carriedForward']));
  });

  it('joins table C’s stacked digits under their numbers ("５" over "４" is 54, 222: fifteen numbers in header order before)', () => {
    const r = parseReport({ text: fixture('w3m-table-c-stacked.txt'), file: 'a.txt' });
    expect(r.appeals.review).toEqual({ upheld: 15, corrected: 19, other: 20, pending: null, total: 54 });
  });
});

describe('readStackedRows', () => {
  const cells = (...printed: string[]) => printed.map(readCell);
  /** A row line with its seven cells four columns apart, from column 40. */
  const rowLine = (id: number, ...printed: string[]): StackLine => ({ kind: 'row', id, cells: cells(...printed), spans: printed.flatMap((_, k) => [40 + 4 * k, 41 + 4 * k]) });
  const pieces = (id: number, at: Record<number, string>, up = false, down = false): StackLine => ({
    kind: 'pieces',
    id,
    pieces: cells(...Object.values(at)),
    spans: Object.keys(at).flatMap((k) => [40 + 4 * Number(k), 41 + 4 * Number(k)]),
    up,
    down,
  });
  const text: StackLine = { kind: 'other', values: false };

  it('gives a line of pieces to the one row it makes add up', () => {
    const out = readStackedRows([text, rowLine(1, '1', '0', '0', '0', '0', '0', '1'), pieces(2, { 0: '3', 6: '3' }), rowLine(3, '5', '0', '0', '0', '0', '0', '7'), text]);
    // Above row 3 the pieces make 35 … 37 (no); below row 1 they make 13 … 13.
    expect(out.joined.get(1)?.cells.map((t) => t.printed)).toEqual(['13', '0', '0', '0', '0', '0', '13']);
    expect(out.joined.has(3)).toBe(false);
    expect(out.unread.size).toBe(0);
    expect([...out.consumed]).toEqual([2]);
  });

  it('reads neither row when the pieces make both add up', () => {
    const out = readStackedRows([text, rowLine(1, '1', '0', '0', '0', '0', '0', '1'), pieces(2, { 0: '3', 6: '3' }), rowLine(3, '5', '0', '0', '0', '0', '0', '5'), text]);
    expect([...out.unread.keys()]).toEqual([1, 3]);
    expect(out.joined.size).toBe(0);
  });

  it('never continues a 0 and never starts a number with 0', () => {
    // Below row 1 the pieces would make 00 … 10; above row 3, 05 … 05: neither is a number as printed.
    const out = readStackedRows([text, rowLine(1, '0', '0', '0', '0', '0', '0', '1'), pieces(2, { 0: '0', 6: '0' }), rowLine(3, '5', '0', '0', '0', '0', '0', '5'), text]);
    expect([...out.unread.keys()]).toEqual([1, 3]);
  });

  it('keeps a line with the rest of a row’s label in that row', () => {
    const out = readStackedRows([text, rowLine(1, '1', '0', '0', '0', '0', '0', '1'), pieces(2, { 0: '3', 6: '3' }, true), rowLine(3, '5', '0', '0', '0', '0', '0', '5'), text]);
    expect(out.joined.get(1)?.cells[6].printed).toBe('13');
    expect(out.unread.size).toBe(0);
  });

  it('keeps a line with the start of a row’s label in that row, and takes the line its cells stand on with it', () => {
    // Both rows add up with the pieces: 13 … 13 below row 1, 35 … 35 above row 3. The line holds row 3's label.
    const lines = [text, rowLine(1, '1', '0', '0', '0', '0', '0', '1'), pieces(2, { 0: '3', 6: '3' }, false, true), { ...rowLine(3, '5', '0', '0', '0', '0', '0', '5'), from: 4 }, text];
    const out = readStackedRows(lines);
    expect(out.joined.get(3)?.cells.map((t) => t.printed)).toEqual(['35', '0', '0', '0', '0', '0', '35']);
    expect(out.joined.has(1)).toBe(false);
    expect([...out.consumed].sort()).toEqual([2, 4]);
  });

  it('reads neither a row nor its neighbour when the pieces between them may be a short row’s (blank cells printed as nothing)', () => {
    // hunt-web 200: 一、本年新收 prints five cells ("１ — — ０ １"), 19 stacked "１" over "９": the "９" line could end
    // its numbers, unchecked, as well as start the next row's 91.
    const short: StackLine = { kind: 'row', id: 1, cells: cells('1', '—', '—', '0', '1'), spans: [40, 41, 48, 49, 52, 53, 60, 61, 64, 65] };
    const out = readStackedRows([text, short, pieces(2, { 0: '9', 6: '9' }), rowLine(3, '1', '0', '0', '0', '0', '0', '1'), text]);
    expect(out.joined.size).toBe(0);
    expect([...out.unread.keys()]).toEqual([1, 3]);
  });

  it('leaves alone rows that no line of pieces touches', () => {
    const out = readStackedRows([text, rowLine(1, '1', '0', '0', '0', '0', '0', '9'), rowLine(2, '5', '0', '0', '0', '0', '0', '5'), text]);
    expect(out.joined.size + out.unread.size + out.consumed.size).toBe(0);
  });
});

/**
 * Table layouts (`npm run measure-shapes -- --prefix lay18 --table-layouts`), w3m: 5.要求行政机关确认或重新出具已获取信息
 * prints 11 0 1 0 0 0 12 with its label over three lines, the top digits of 11 and 12 on the first ("5.要求行政机 １ １")
 * and the row's cells on the second, whose label text "关确认或重新出" matches the row's label as well
 * (webCase('lay18-web', 861)). Before 1.5.85 the row was read from its first line alone, two numbers, and its total
 * taken as 1, the one cell every short reading agreed on.
 */
describe('top pieces on a label’s first line whose next line matches the same label', () => {
  it('joins the pieces with the cells of the next line by the row’s total', () => {
    const text = fixture('w3m-top-pieces-label-rest-matches.txt');
    expect(text).toMatch(/\n +5\.要求行政机 +１ +１\n +关确认或重新出 １ +０ +１ +０ +０ +０ ２\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['notProcessed.confirmation']).toEqual(row(11, 0, 1, 0, 0, 0, 12));
    expect(wrapped(r)).toContainEqual(['requests.notProcessed.confirmation', 'info']);
    expect(cellVerdicts(webCase('lay18-web', 861, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});
