/**
 * Numbers that a text extraction prints out of their columns' order, found by hunting 1,000 printed reports the tests
 * had not seen (`npm run measure-shapes -- --prefix hunt4`):
 * - pdftotext -layout prints a cell of a tall row a line lower, at its column: "3.其他 10 4 0" over "１ ０ 0 15", the
 *   １ standing before the 0 above it (pdfCase('hunt4-pdf', 128); read in line order the row was 10 4 0 1 0 0 15, B3
 *   holding, research and nonprofit swapped);
 * - poppler's default mode runs down the columns of several item tables of table A: after the caption
 *   第二十条第（八）项 come the header 现行有效件数 of item (一) and its number 16, then 行政事业性收费 (pdfCase('hunt4-pdf',
 *   153): fees read 16, truly 30.068).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { webCase } from '../../src/generator/shapes/web';
import { parseReport } from '../../src/pipeline/parse';
import { alignment, isMarkdownRule, toLines } from '../../src/pipeline/parse/lines';
import { diagnosticText } from '../../src/lib/diagnostic-text';
import { checkC1 } from '../../src/pipeline/check/rules';

describe('a row wrapped onto the next line, a number of that line left of the end of the line above', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-cell-a-line-lower.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('is not read in line order', () => {
    expect(text).toMatch(/3\.其他 +10 +4 +0\n +１ +０ +0 +15\n/);
    expect(r.requests['otherHandling.other']).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.diagnostics.find((d) => d.path === 'requests.otherHandling.other')?.code).toBe('row-short');
  });

  it('leaves a row read whose next line stands right of the line above (its numbers follow in order)', () => {
    const right = text.replace(/\n +１ +０ +0 +15\n/, `\n${' '.repeat(62)}１   ０   0   15\n`);
    expect(right).not.toBe(text);
    expect(parseReport({ text: right, file: 'a.txt' }).requests['otherHandling.other']).toEqual({ natural: 10, commercial: 4, research: 0, nonprofit: 1, legal: 0, otherOrg: 0, total: 15 });
  });
});

describe('table A read down its columns, a header of another item after a caption', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-table-a-header-of-another-item.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('fences that header’s numbers off from the caption’s rows', () => {
    expect(text).toMatch(/第二十条第（八）项\n\n—1—\n\n现行有效件数\n\n16\n\n\f信息内容\n/);
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.fees')?.code).toBe('table-a-unproved');
  });
});

describe('table A read down its columns, another item’s header and number before a row label', () => {
  it('are no number of that label (the reading is not proved)', () => {
    const before = readFileSync('tests/fixtures/shapes/pdftotext-table-a-foreign-number-before-label.txt', 'utf8');
    expect(before).toMatch(/75800\n\n— 79 —\n\n现行有效件数\n\n69\n\n\f行政\n强制\n/);
    const r = parseReport({ text: before, file: 'a.txt' });
    expect(r.proactive?.coercion.decisions).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.coercion')?.code).toBe('table-a-unproved');
    const after = readFileSync('tests/fixtures/shapes/pdftotext-table-a-foreign-number-after-page.txt', 'utf8');
    expect(after).toMatch(/— 31 —\n\n现行有效件数\n\n11\n\n\f行政事业性收费/);
    const fees = parseReport({ text: after, file: 'a.txt' });
    expect(fees.proactive?.fees.amount).toBeNull();
    expect(fees.diagnostics.find((d) => d.path === 'proactive.fees')?.code).toBe('table-a-unproved');
  });
});

/**
 * Table A read down its columns (poppler's default mode): the cell `item`.`cell` is null with `table-a-unproved` as
 * printed, and reads `value` once the text is `fixed` (the same number in the page's flow).
 */
function unprovedAsPrinted(fixture: string, printed: RegExp, item: 'fees' | 'coercion', fixed: (text: string) => string, value: number) {
  const text = readFileSync(`tests/fixtures/shapes/${fixture}`, 'utf8');
  expect(text).toMatch(printed);
  const cellOf = (t: string) => {
    const a = parseReport({ text: t, file: 'a.txt' });
    return { cell: item === 'fees' ? a.proactive?.fees.amount : a.proactive?.coercion.decisions, code: a.diagnostics.find((d) => d.path === `proactive.${item}`)?.code };
  };
  expect(cellOf(text)).toEqual({ cell: null, code: 'table-a-unproved' });
  const after = fixed(text);
  expect(after).not.toBe(text);
  expect(cellOf(after).cell).toBe(value);
}

describe('table A read down its columns, a number out of the page’s flow', () => {
  it('after another item’s header with no number, then the item’s own header, may be the other table’s (pdfCase(hunt16-pdf, 714))', () => {
    // 行政规范性文件's 现行有效件数 25 printed after the fees' header and the page footer, before 行政事业性收费 (blank):
    // read as the fee. Without the other item's header, before the footer, the number is the fee's.
    unprovedAsPrinted(
      'pdftotext-table-a-foreign-header-no-number.txt',
      /第二十条第（八）项\n\n信息内容\n\n现行有效件数\n\n本年收费金额（单位：万元）\n\n— 43 —\n\n２５\n\n\f行政事业性收费\n/,
      'fees',
      (t) => t.replace('信息内容\n\n现行有效件数\n\n本年收费金额（单位：万元）\n\n— 43 —\n\n２５\n\n', '信息内容\n\n本年收费金额（单位：万元）\n\n２５\n\n— 43 —\n\n'),
      25,
    );
  });

  it('after the page footer at the end of a page is no number of the labels around it (pdfCase(hunt17-pdf, 7))', () => {
    // 规章's 142 read as the blank 行政强制's. Printed before the footer, in the page's flow, it is read as before.
    unprovedAsPrinted('pdftotext-table-a-number-after-footer.txt', /行政处罚\n\n— 22 —\n\n142\n\n\f行政强制\n/, 'coercion', (t) => t.replace('— 22 —\n\n142\n\n', '142\n\n— 22 —\n\n'), 142);
  });
});

describe('a row-group label followed by fewer numbers than the columns (poppler’s default mode, column blocks)', () => {
  it('is not the group’s own line (pdfCase(hunt18-pdf, 932): （六）其他处理’s total read 1, the report prints no such line)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-group-label-short-run.txt', 'utf8');
    expect(text).toMatch(/\n（六）其\n他处理\n\n行政机关不再处理其政府信息公\n开申请\n\n0\n1\n1\n\n四、政府信息公开行政复议/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.otherHandling).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.diagnostics.some((d) => d.path === 'requests.otherHandling' && d.severity !== 'info')).toBe(true);
  });
});

describe('short rows of a text whose rows prove neither count of columns (characters or display width)', () => {
  /**
   * webCase('hunt7-web', 916) through `pandoc -t plain`: its totals are mostly blank, so the rows' last values stand
   * in no one column within two either way (3 rows of 7 each way), and positions counted in characters put
   * "（二）部分公开… 0 0 0 0 0" (truly commercial, research, legal, other and total) in the first five columns. Counted
   * by display width three rows end at one column exactly, by characters one: since PARSER_VERSION 1.5.72 that
   * proves display width, and the row is read as the page prints it.
   */
  const text = readFileSync('tests/fixtures/shapes/pandoc-web-positions-unproved.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('are placed by display width where more rows end at one column exactly that way', () => {
    expect(text).toMatch(/（二）部分公开（区分处理的，只计这一情形，不计其他情形） +0 +0 +0 +0 +0\n/);
    expect(r.requests.partlyDisclosed).toEqual({ natural: null, commercial: 0, research: 0, nonprofit: null, legal: 0, otherOrg: 0, total: 0 });
    expect(cellVerdicts(webCase('hunt7-web', 916).truth, r, r.diagnostics).filter((v) => v.verdict !== 'exact' && v.verdict !== 'null')).toEqual([]);
  });

  it('are not placed by where their numbers stand when the rows stand no more together one way than the other', () => {
    // Two rows with wide characters whose last values stand apart counted either way: one row together each way.
    const lines = toLines(['一、本年新收政府信息公开申请数量      1      2      3', '（一）予以公开                          1      2      3'.padEnd(60) + '   4']);
    expect(alignment(lines, 0, lines.length)).toEqual({ display: false, unproved: true });
  });
});

/**
 * Found by hunting 1,000 more printed reports (`npm run measure-shapes -- --prefix hunt10`), poppler's default mode:
 * - a row label with one number on its line, then an empty line and a column's cells one a line ("1.申请人…行政机 0",
 *   "", "0", "0", …; pdfCase('hunt10-pdf', 86)): the zeros were read as the row's wrapped cells (B3 holds for any row
 *   of zeros), truly 0 0 0 1 0 1 2;
 * - a decimal point printed apart from its digits, which poppler printed as two words ("７ ３１１７９", "23", "." for
 *   the 2019 template's procurement row 23 | 7.31179; pdfCase('hunt10-pdf', 871)): read 7 | 31179.
 */
describe('poppler’s default mode: cells one a line after an empty line, a decimal point apart', () => {
  const read = (name: string) => parseReport({ text: readFileSync(`tests/fixtures/shapes/${name}`, 'utf8'), file: name });
  const verdicts = (i: number, r: ReturnType<typeof parseReport>) => cellVerdicts(pdfCase('hunt10-pdf', i).truth, r, r.diagnostics);

  it('does not continue a short row past an empty line', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-default-column-after-empty-line.txt', 'utf8');
    expect(text).toMatch(/1\.申请人无正当理由逾期不补正、行政机 0\n\n0\n0\n0\n/);
    const r = read('pdftotext-default-column-after-empty-line.txt');
    expect(r.requests['otherHandling.noCorrection'].total).toBeNull();
    expect(verdicts(86, r).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads no count of numbers around a number its stray decimal point was joined to', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-default-point-apart.txt', 'utf8');
    expect(text).toMatch(/７ ３１１７９\n\n23\n\n\.\n/);
    const r = read('pdftotext-default-point-apart.txt');
    expect(r.proactive2019?.procurement).toEqual({ procurementItems: null, procurementAmount: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.procurement')?.code).toBe('table-a-unproved');
    expect(verdicts(871, r).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});

/**
 * webCase('hunt10-web', 406) through `pandoc -t plain` (`--prefix hunt10`): each item of the 2019 template's table A a
 * simple table of its own, ruled by runs of hyphens; the rule over a narrow last column is "--", which is also how
 * pandoc writes an en dash, a blank cell. The short row "行政强制 79 [blank] 8" took it as its third cell and read
 * 79 | 8 | blank (the 8 is its third column's).
 */
describe('pandoc’s table rules', () => {
  it('are no cells, even where a column’s rule is two hyphens', () => {
    const text = readFileSync('tests/fixtures/shapes/pandoc-web-table-a-rule-en-dash.txt', 'utf8');
    expect(text).toMatch(/行政强制 +79 +8\n +-{20} -{16} -{11} -{14}\n\n +-{20} -{16} -{11} --\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive2019?.coercion.change).toBeNull();
    expect(r.proactive2019?.coercion.decisions === null || r.proactive2019?.coercion.decisions === 8).toBe(true);
    expect(r.proactive2019?.fees).toEqual({ previousItems: 38, change: -4 });
  });

  it('are told from a row of blank cells written as en dashes', () => {
    expect(isMarkdownRule('  -------------------- ---------------- ----------- --')).toBe(true);
    expect(isMarkdownRule('| --- | :---: |')).toBe(true);
    expect(isMarkdownRule('-- -- -- --')).toBe(false);
  });
});

/**
 * 1,000 printed reports the tests had not seen (`npm run measure-shapes -- --prefix hunt12`), poppler's default mode:
 * - table C's fifteen numbers a line each after its header, whose words are cut where they wrapped (结果维 / 持), in
 *   the order of poppler's text blocks: "２８ ０ ３８ ２７ ０ １４ ０ ０ ０ ０ １７ ８３ ０ ４１ ０" for 28 17 0 38 83 |
 *   0 27 0 14 41 | 0 0 0 0 0 (pdfCase('hunt12-pdf', 388): read in that order, 11 cells wrong and C1 broken in every
 *   group, breaks the report does not have);
 * - table A's fee 0.4 printed as "." after the page footer and "０４" under the row label (pdfCase('hunt12-pdf', 421):
 *   read 4).
 */
describe('table C’s numbers in column blocks with their header words, then a group’s without (pdfminer)', () => {
  // pdfCase('lay22-pdf', 166, undefined, { tableLayouts: true }): the header on one page, the numbers on the next, where
  // the second page's header words of the two litigation groups came boxed with their numbers, column by column, and
  // 行政复议's five numbers (under the first page's header) last. Before 1.5.101 they were read in that order:
  // 0 3 0 0 3 as 行政复议's, C1 holding either way.
  const text = readFileSync('tests/fixtures/shapes/pdfminer-table-c-blocks-then-group.txt', 'utf8');
  const TAIL = '审\n结\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n五、';
  const nulls = { upheld: null, corrected: null, other: null, pending: null, total: null };

  it('are not read in the order of the blocks', () => {
    expect(text).toContain('\f维\n持\n\n0\n\n纠\n正\n\n3\n\n结\n果\n\n0\n\n审\n结\n\n0\n\n3\n\n维\n持\n');
    expect(text).toContain(TAIL);
    const r = parseReport({ text, file: 'a.txt' });
    const wrong = cellVerdicts(pdfCase('lay22-pdf', 166, undefined, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent');
    expect(wrong).toEqual([]);
    expect(r.appeals).toEqual({ review: nulls, suitDirect: nulls, suitAfterReview: nulls });
    const said = r.diagnostics.find((d) => d.path === 'appeals')!;
    expect(said.code).toBe('table-c-unproved');
    expect(diagnosticText(said).found).toBe('表头文字夹在前面组的数字之间，后面组的数字之间却没有：0 3 0 0 3 0 0 0 0 0 0 0 0 0 0');
  });

  it('are read when the group without header words comes first, right after the whole header', () => {
    const first = text.replace('\f维\n持\n', '\f0\n\n0\n\n0\n\n0\n\n0\n\n维\n持\n').replace(TAIL, '审\n结\n\n0\n\n0\n\n五、');
    expect(first).not.toBe(text);
    const r = parseReport({ text: first, file: 'a.txt' });
    expect(r.appeals).toEqual({
      review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      suitDirect: { upheld: 0, corrected: 3, other: 0, pending: 0, total: 3 },
      suitAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
  });
});

describe('table C’s numbers a line each after a header cut where its words wrapped', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-default-table-c-block-order.txt', 'utf8');
  const NUMBERS = '２８\n\n０\n\n３８\n\n２７\n\n０\n\n１４\n\n０\n\n０\n\n０\n\n０\n\n１７\n\n８３\n\n０\n\n４１\n\n０\n';
  const nulls = { upheld: null, corrected: null, other: null, pending: null, total: null };

  it('are not read in the order printed when a group breaks C1 in that order', () => {
    expect(text).toContain(`\n结果维 结果纠\n持\n正\n`);
    expect(text).toContain(`\n总\n计\n\n${NUMBERS}`);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.appeals).toEqual({ review: nulls, suitDirect: nulls, suitAfterReview: nulls });
    const said = r.diagnostics.find((d) => d.path === 'appeals')!;
    expect(said.code).toBe('table-c-unproved');
    expect(diagnosticText(said)).toMatchObject({
      expected: '按表头各列顺序排列的表四 15 个数字',
      found: '表头之后每个数字单独成段，先后由文本抽取工具排定：28 0 38 27 0 14 0 0 0 0 17 83 0 41 0',
    });
    expect(r.placement.appeals).toMatchObject({ byLabel: 0, byArithmetic: 0, unread: 15 });
    // No break is reported for a reading that was not proved.
    expect(checkC1(r)).toEqual([]);
  });

  it('are not read in that order when every group keeps C1 either: the blocks’ order is the extraction tool’s', () => {
    // Before 1.5.103 they were, by arithmetic; but C1 holds with any two of a group's first four cells, or two groups,
    // changed places (pdfCase('lay22-pdf', 770, undefined, { tableLayouts: true }): … | 0 33 23 0 56 | 0 0 0 0 0 printed
    // for … | 0 0 0 0 0 | 33 23 0 0 56).
    const inOrder = '28 17 0 38 83 0 27 0 14 41 0 0 0 1 1'.split(' ').join('\n\n') + '\n';
    const r = parseReport({ text: text.replace(NUMBERS, inOrder), file: 'a.txt' });
    expect(r.appeals).toEqual({ review: nulls, suitDirect: nulls, suitAfterReview: nulls });
    expect(diagnosticText(r.diagnostics.find((d) => d.path === 'appeals')!).found).toBe('表头之后每个数字单独成段，先后由文本抽取工具排定：28 17 0 38 83 0 27 0 14 41 0 0 0 1 1');
    expect(r.placement.appeals).toMatchObject({ method: 'none', unread: 15 });
  });

  it('are read beside whole header words as printed, a break of C1 reported', () => {
    // The same numbers after a header of whole words (a web page's cells a line each): the order is the row's.
    const header = text.slice(text.indexOf('\n结果维 结果纠\n'), text.indexOf(`\n总\n计\n\n${NUMBERS}`) + '\n总\n计\n'.length);
    const whole = text.replace(header, `\n${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].join('\n').repeat(1)}\n`);
    expect(whole).not.toBe(text);
    const r = parseReport({ text: whole, file: 'a.txt' });
    expect(r.appeals.review).toEqual({ upheld: 28, corrected: 0, other: 38, pending: 27, total: 0 });
    expect(r.placement.appeals).toMatchObject({ method: 'label', byLabel: 15 });
    expect(checkC1(r).length).toBe(3);
  });

  it('are read as printed on consecutive lines, one block a row’s cells in order (MuPDF), a break of C1 reported', () => {
    const r = parseReport({ text: text.replace(NUMBERS, NUMBERS.replaceAll('\n\n', '\n')), file: 'a.txt' });
    expect(r.appeals.review).toEqual({ upheld: 28, corrected: 0, other: 38, pending: 27, total: 0 });
    expect(checkC1(r).length).toBe(3);
  });
});

describe('a fee whose decimal point was printed apart, its digits "０４"', () => {
  it('reads as no number, not 4', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-default-point-apart-leading-zero.txt', 'utf8');
    expect(text).toContain('\n本年收费金额（单位：万元）\n\n— 64 —\n\n\f.\n\n行政事业性收费\n\n０４\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
    // Since PARSER_VERSION 1.5.57 the point before the label is joined to the digits after it ("０４."): the row is
    // not proved (table-a-unproved); before, the digits read as no number for their leading zero (cell-unreadable).
    expect(r.diagnostics.find((d) => d.path === 'proactive.fees' || d.path === 'proactive.fees.amount')?.code).toMatch(/^(table-a-unproved|cell-unreadable)$/);
  });

  it('reads a fee printed 0.4 as 0.4', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-default-point-apart-leading-zero.txt', 'utf8').replace('\f.\n\n行政事业性收费\n\n０４\n', '\f\n行政事业性收费\n\n０.４\n');
    expect(parseReport({ text, file: 'a.txt' }).proactive?.fees.amount).toBe(0.4);
  });
});

/**
 * 1,000 printed reports the tests had not seen (`npm run measure-shapes -- --prefix hunt14`):
 * - poppler's default mode, table A of the 2019 template a paragraph a cell: 规范性文件's "４", "３３７", "4" for 4, 4, 337
 *   (pdfCase('hunt14-pdf', 536): cells of two fonts, each its own text block, in poppler's order of blocks);
 * - pdfminer: the labels of 一、, 二、 and (一) 予以公开 printed before all their numbers, 予以公开's on three lines
 *   ("— ０ — ４", "４ —", "—" for 4 — — — 0 — 4: pdfCase('hunt14-pdf', 7), text boxes in pdfminer's order).
 */
describe('a row’s cells as text blocks in the extraction’s order', () => {
  const verdicts = (file: string, truth: Parameters<typeof cellVerdicts>[0]) => {
    const r = parseReport({ text: readFileSync(file, 'utf8'), file: 'a.txt' });
    return { r, wrong: cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent') };
  };

  it('table A: a lone label’s cells a paragraph each in two digit widths are not read in that order (text with pages)', () => {
    const file = 'tests/fixtures/shapes/pdftotext-default-table-a-two-widths.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n规章\n\n４４\n\n４４\n\n92\n\n４\n\n３３７\n\n4\n\n规范性文件\n');
    const { r, wrong } = verdicts(file, pdfCase('hunt14-pdf', 536).truth);
    expect(wrong).toEqual([]);
    expect(r.proactive2019?.normativeDocs).toEqual({ created: null, published: null, totalPublic: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.normativeDocs')?.code).toBe('table-a-unproved');
    // The same cells in one width are read as printed (one font, one order), and so is text without pages (a
    // terminal's dump of a web page keeps the page's order).
    const oneWidth = parseReport({ text: text.replace('\n４\n\n３３７\n\n4\n', '\n4\n\n337\n\n4\n'), file: 'a.txt' });
    expect(oneWidth.proactive2019?.normativeDocs).toEqual({ created: 4, published: 337, totalPublic: 4 });
    const pageless = parseReport({ text: text.replaceAll('\f', ''), file: 'a.txt' });
    expect(pageless.proactive2019?.normativeDocs).toEqual({ created: 4, published: 337, totalPublic: 4 });
  });

  it('table B: a row’s numbers on several lines after all the rows’ labels are not read; a row on one line is', () => {
    const file = 'tests/fixtures/shapes/pdfminer-row-boxes-after-labels.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n０ — ０ ０ ０ — ０\n— ０ — ４\n４ —\n\n—\n');
    const { r, wrong } = verdicts(file, pdfCase('hunt14-pdf', 7).truth);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests.disclosed).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.disclosed' && d.code === 'column-order-unproved')).toBeDefined();
    expect(r.requests.received).toEqual({ natural: 12, commercial: 0, research: 0, nonprofit: null, legal: 0, otherOrg: 5, total: 17 });
    expect(r.requests.carriedOver).toEqual({ natural: 0, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: null, total: 0 });
  });

  it('table B: a row’s numbers on several lines with another row’s numbers between them and its label are not read (pdfCase(lay25-pdf, 438))', () => {
    // 二、上年结转 and （一）予以公开 printed one after the other, then their numbers: 上年结转's on one line, 予以公开's in
    // three boxes, "０ ０ / ０ -", "０", "-", the last two in reversed order (其他 is blank, 总计 0). Before 1.5.101 only
    // numbers after every row label of their gap were taken for boxes, and 其他 read 0 (B3 holds either way).
    const file = 'tests/fixtures/shapes/pdfminer-row-boxes-away-from-label.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n（一）予以公开\n\n１５ / ０ １ - ０ １６\n０ ０ / ０ -\n\n０\n\n-\n');
    const { r, wrong } = verdicts(file, pdfCase('lay25-pdf', 438, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests.disclosed).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.disclosed' && d.code === 'column-order-unproved')).toBeDefined();
    // The row on one line, and the row beside its label, are read.
    expect(r.requests.carriedOver).toEqual({ natural: 15, commercial: null, research: 0, nonprofit: 1, legal: null, otherOrg: 0, total: 16 });
    expect(r.requests.received.total).toBe(464);
  });

  it('table B: a row’s numbers in two boxes right before its label are not read in the boxes’ order (pdfCase(lay34-pdf, 233))', () => {
    // pdfminer printed （六）其他处理's 1 0 0 0 0 0 1 as "0 0 0 0 0 1" then "1", before the label: read in that order,
    // natural 0 and otherOrg 1 (B3 holds either way). Before 1.5.116 only boxes with another row between them and the
    // row's label were refused.
    const file = 'tests/fixtures/shapes/pdfminer-row-boxes-before-label.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('信息 0 0 0 0 0 0 0\n0 0 0 0 0 1\n\n1\n\n（六）其他处理\n');
    const { r, wrong } = verdicts(file, pdfCase('lay34-pdf', 233, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(r.requests.otherHandling).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.diagnostics.find((d) => d.path === 'requests.otherHandling')?.code).toBe('column-order-unproved');
    // The rows after it, each on one line, are read.
    expect(r.requests.handledTotal).toEqual({ natural: 10, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 1, total: 11 });
  });

  it('table B: numbers on the lines after a label printed after later rows’ labels are not read (pdfCase(lay31-pdf, 23))', () => {
    // pdfminer put 1.属于国家秘密 and 3.危及… to 8.属于行政查询事项 in one box, then "2.其他法律行政法规禁止公开   0" and
    // six lines of a number each: 0 0 1 0 0 0 1, other rows' cells, adding up by chance (read research 1, total 1).
    const file = 'tests/fixtures/shapes/pdfminer-label-out-of-order.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n8.属于行政查询事项\n\n  0 \n2.其他法律行政法规禁止公开   0 \n  0 \n  1 \n  0 \n  0 \n  0 \n  1 \n1.本机关不掌握相关政府信息   6 \n');
    const { r, wrong } = verdicts(file, pdfCase('lay31-pdf', 23, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests['withheld.lawForbids']).every((v) => v === null)).toBe(true);
    const unproved = r.diagnostics.find((d) => d.path === 'requests.withheld.lawForbids' && d.code === 'table-b-unproved');
    expect(unproved?.found).toBe("0 0 1 0 0 0 1: numbers on the lines after a label printed after later rows' labels");
    expect(diagnosticText(unproved!).found).toBe('0 0 1 0 0 0 1：印在行标签之后几行的数字，而该标签印在模板中其后各行的标签之后');
  });

  it('table B: a row’s numbers each a block among header words are not read in the blocks’ order (pdfCase(lay27-pdf, 469))', () => {
    // Poppler's default mode: table B's columns as blocks of 22 numbers, then on the next page 结转下年度 with the head
    // of the table: "自然人 商业企业 科研机构", 0, 0, 3 (自然人's 3 third), 社会公益组织, 0, …. Before 1.5.105 the row was read
    // 0 0 3 0 0 0 3 (B3 holding), and its 3 under 科研机构 made B1 choose the order of the column blocks above it:
    // 自然人's block read as 科研机构's, 14 cells wrong.
    const file = 'tests/fixtures/shapes/pdftotext-default-row-headed-apart.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n自然\n人\n\n商业\n企业\n\n科研\n机构\n\n0\n\n0\n\n3\n\n四、结转下年度继续办理\n\n社会\n公益\n组织\n\n0\n');
    const { r, wrong } = verdicts(file, pdfCase('lay27-pdf', 469, undefined, { tableLayouts: true }).truth);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests.carriedForward).every((v) => v === null)).toBe(true);
    // The diagnostic names the cells the reading took for the row (it named nothing before 1.5.117).
    const unproved = r.diagnostics.find((d) => d.path === 'requests.carriedForward');
    expect(unproved?.found).toBe('7 values: 0 0 3 0 0 0 3');
    expect(diagnosticText(unproved!).found).toBe('7 个数值：0 0 3 0 0 0 3');
    expect(r.diagnostics.find((d) => d.path === 'requests.carriedForward')?.message).toContain('与表头的列名交错印出');
    // What every order of the column blocks agrees on is read: each row's total, and the rows of zeros.
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: 25 });
    expect(r.requests.carriedOver).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
  });
});

/**
 * The PDF reader's text of a report printed without table borders (tests/formats/pdf-layouts.test.ts, 'official, no
 * borders', case 150 of 200): its header was not recognised, so its rows are the PDF's words joined by tabs where a gap
 * was wide, a blank cell printed as nothing ("一、本年新收…\t6\t0\t1\t0\t1\t8" for 6 0 1 0 1 — 8). Read left to
 * right, 8 went to 其他 and the total was missing; 192 such cells were wrong in the four borderless layouts at 200
 * reports each (`PDF_LAYOUT_REPORTS=200`), 4 after.
 */
describe('a tab row with fewer cells than the columns', () => {
  it('is not read left to right: null with row-short, its numbers shown', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-unruled-short-tab-rows.txt', 'utf8');
    expect(text).toContain('\n一、本年新收政府信息公开申请数量\t6\t0\t1\t0\t1\t8\n');
    const r = parseReport({ text, file: 'a.pdf' });
    expect(Object.values(r.requests.received).every((v) => v === null)).toBe(true);
    const said = r.diagnostics.find((d) => d.path === 'requests.received')!;
    expect(said.code).toBe('row-short');
    expect(diagnosticText(said).found).toBe('6 个数值：6 0 1 0 1 8');
    // A full tab row is read as printed.
    const full = parseReport({ text: text.replace('申请数量\t6\t0\t1\t0\t1\t8\n', '申请数量\t6\t0\t1\t0\t1\t—\t8\n'), file: 'a.pdf' });
    expect(full.requests.received).toEqual({ natural: 6, commercial: 0, research: 1, nonprofit: 0, legal: 1, otherOrg: null, total: 8 });
  });

  it('in table A is not read left to right either (case 129: 行政规范性文件 "10\t235" for 10 — 235, read 10 235 null)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-unruled-short-tab-row-table-a.txt', 'utf8');
    expect(text).toContain('\n规章\t6\t1\t6\n行政规范性文件\t10\t235\n');
    const r = parseReport({ text, file: 'a.pdf' });
    expect(r.proactive?.rules).toEqual({ issued: 6, repealed: 1, inForce: 6 });
    expect(r.proactive?.normativeDocs).toEqual({ issued: null, repealed: null, inForce: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive.normativeDocs')?.code).toBe('table-a-unproved');
  });
});

describe('a row’s wrapped last digits on the line of the rest of its label, an empty line between (office-reader)', () => {
  it('are joined where exactly one join keeps B3 (officeCase(hunt14-office, 111): 131 … 188 read before, a break)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-libreoffice-wrapped-after-empty-line.txt', 'utf8');
    expect(text).toContain('申\t１３１\t４７\t１３３\t２３４\t１５５\t７\t１８８\n\n请数量\t２\t\t\t\t\t\t８\n');
    const r = parseReport({ text, file: 'a.pdf' });
    expect(r.requests.received).toEqual({ natural: 1312, commercial: 47, research: 133, nonprofit: 234, legal: 155, otherOrg: 7, total: 1888 });
  });
});

describe('rows whose numbers add up with another column as their total (pdfCase(hunt15-pdf, 825), pdftotext -layout)', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-columns-rotated.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });
  const NONE = { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null };

  it('are not read in the text’s order: poppler printed the last four columns before the first three', () => {
    // 部分公开 is 363 27 129 0 69 94 682: read in order, every cell was wrong and B3 broke (129 for 682).
    expect(text).toMatch(/\(二\) 部分公开 \(区分处理的, 只计这一情形, 不计其他情形\) +0 69 94 682 +363 27 129\n/);
    expect(r.requests.partlyDisclosed).toEqual(NONE);
    expect(r.requests['withheld.stateSecret']).toEqual(NONE);
    const said = r.diagnostics.filter((d) => d.code === 'column-order-unproved');
    expect(said.length).toBeGreaterThanOrEqual(20);
    expect(said.find((d) => d.path === 'requests.partlyDisclosed')?.found).toBe('rows adding up with column 4 (nonprofit) as their total');
  });

  it('reads the same rows as printed once each row’s cells stand in the columns’ order', () => {
    // Each line ending in seven values put back in order (the first three printed last): every row adds up as printed.
    const fixed = text.replace(/(\S+) +(\S+) +(\S+) +(\S+) +(\S+) +(\S+) +(\S+)$/gm, (line, ...v) => (/[\u4e00-\u9fff]{2}/.test(v.slice(0, 7).join('')) ? line : [4, 5, 6, 0, 1, 2, 3].map((k) => v[k]).join('  ')));
    expect(fixed).toMatch(/不计其他情形\) +363 +27 +129 +0 +69 +94 +682\n/);
    const f = parseReport({ text: fixed, file: 'a.txt' });
    // The lines put back lose where their values stood: rows printed in two fonts' digits may then stand out of the
    // page's columns, and runs of rows cross the columns of the others (parse-values-out-of-place.test.ts; since
    // 1.5.81 the columns crossed are null on the whole page), but no row adds up with another column as its total.
    // The lines this puts back are not all the table's rows (a row's values over two lines stay as printed), and the
    // bounds of B1 and B2 break in the columns those rows leave out of order (since 1.5.104). Since 1.5.114 the rows
    // put back, their values two spaces apart (the other rows of table B one or two), keep no positions at all (evenlySpaced in
    // lines.ts), and only the bounds name 部分公开's columns.
    const positional = (d: { expected: string }) => d.expected.startsWith('each value where') || d.expected.startsWith('columns ') || d.expected.startsWith('a total that') || d.expected.startsWith('outcomes within');
    expect(f.diagnostics.filter((d) => d.code === 'column-order-unproved' && !positional(d))).toEqual([]);
    expect(f.diagnostics.filter((d) => d.path === 'requests.partlyDisclosed').map((d) => d.expected)).toContainEqual(expect.stringMatching(/^(outcomes within .* )?in columns natural, commercial|^columns natural, commercial/));
  });
});

describe('rows whose first three cells poppler printed in another order, B3 holding (pdfCase(lay26-pdf, 99), pdftotext -layout)', () => {
  const file = 'tests/fixtures/shapes/pdftotext-layout-columns-rotated-bounds.txt';
  const text = readFileSync(file, 'utf8');

  it('are not read where the bounds B1 and B2 set break in two columns, the rules themselves not taken (a cell unread)', () => {
    // 新收 is 271 49 80 0 67 0 467, printed "49 80 271": read so, 处理总计's natural 271 exceeded 新收 49 and 上年结转 1
    // (结转下年度 unread), and 予以公开's research 113 exceeded 处理总计's 80 (some outcome rows unread). Before 1.5.104
    // 12 cells of five rows were wrong, no break reported.
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +49 80 +271 +0 +67 +0 467\n/);
    const r = parseReport({ text, file: 'a.txt' });
    const wrong = cellVerdicts(pdfCase('lay26-pdf', 99, undefined, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent');
    expect(wrong).toEqual([]);
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: null, nonprofit: 0, legal: 67, otherOrg: 0, total: 467 });
    const said = r.diagnostics.find((d) => d.path === 'requests.received' && d.code === 'column-order-unproved')!;
    expect(said.found).toBe('bounds of B1 or B2 broken in columns natural, commercial, research, rows printed at shifting places');
    expect(diagnosticText(said).found).toBe('“自然人”、“商业企业”、“科研机构”各列超出规则 B1 或 B2 所定的上限，各行数字在文字中的位置前后不一');
  });

  it('are read as printed when the bounds hold', () => {
    // The three rows whose cells break the bounds put back in the columns' order: nothing to withdraw.
    const fixed = text.replace(/(一、本年新收政府信息公开申请数量 +)49 80 +271/, '$1271 49    80').replace(/(\(一\) 予以公开 +)21 37 +113/, '$1113 21    37');
    expect(fixed).not.toBe(text);
    const r = parseReport({ text: fixed, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 271, commercial: 49, research: 80, nonprofit: 0, legal: 67, otherOrg: 0, total: 467 });
    expect(r.diagnostics.filter((d) => d.found?.startsWith('bounds of B1 or B2'))).toEqual([]);
  });
});

/** The 2019 template's fees row of a fixture as read, with `printed` (the fixture's lines of it) replaced by `lines`. */
function feesOf(fixture: string, printed: string, lines = printed) {
  const text = readFileSync(`tests/fixtures/shapes/${fixture}`, 'utf8');
  expect(text).toContain(printed);
  const r = parseReport({ text: text.replace(printed, lines), file: 'a.txt' });
  return { fees: r.proactive2019?.fees, code: r.diagnostics.find((d) => d.path === 'proactive2019.fees')?.code };
}
const UNREAD_FEES = { fees: { previousItems: null, change: null }, code: 'table-a-unproved' };

describe('table A (2019 template): a row’s cells out of its order in poppler’s default mode', () => {
  // pdfCase('hunt19-pdf', 81): "/" is 本年增/减’s, printed before the item's header; 9 the previous year’s items.
  const AROUND_HEADER = ['pdftotext-table-a-value-before-own-header.txt', '行政事业性收费\n\n/\n\n上一年项目数量\n\n本年增 减\n\n9\n'] as const;
  // pdfCase('hunt21-pdf', 550): "/" and 114 each a block before the label, for 114 and a blank.
  const BEFORE_LABEL = ['pdftotext-table-a-blank-before-number.txt', '第二十条第（八）项\n信息内容\n\n/\n\n114\n\n行政事业性收费\n'] as const;

  it('is not read when one cell stands before the item’s header, the other after (hunt19-pdf 81)', () => {
    expect(feesOf(...AROUND_HEADER)).toEqual(UNREAD_FEES);
  });

  it('is not read from a blank mark and a number each a block (hunt21-pdf 550): blocks of two kinds of glyphs come in no proved order', () => {
    expect(feesOf(...BEFORE_LABEL)).toEqual(UNREAD_FEES);
    expect(feesOf(...AROUND_HEADER, '行政事业性收费\n\n上一年项目数量\n\n本年增 减\n\n9\n\n/\n')).toEqual(UNREAD_FEES);
  });

  it('reads numbers of one font each a block, after the header or before the label', () => {
    expect(feesOf(...AROUND_HEADER, '行政事业性收费\n\n上一年项目数量\n\n本年增 减\n\n9\n\n2\n').fees).toEqual({ previousItems: 9, change: 2 });
    expect(feesOf(...BEFORE_LABEL, '第二十条第（八）项\n信息内容\n\n114\n\n3\n\n行政事业性收费\n').fees).toEqual({ previousItems: 114, change: 3 });
  });
});
