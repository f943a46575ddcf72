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
import { parseReport } from '../../src/pipeline/parse';
import { isMarkdownRule } from '../../src/pipeline/parse/lines';

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

describe('short rows of a text whose rows prove neither count of columns (characters or display width)', () => {
  /**
   * webCase('hunt7-web', 916) through `pandoc -t plain`: its totals are mostly blank, so the rows' last values stand
   * in no one column either way; positions counted in characters put "（二）部分公开… 0 0 0 0 0" (truly commercial,
   * research, legal, other and total) in the first five columns.
   */
  const text = readFileSync('tests/fixtures/shapes/pandoc-web-positions-unproved.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('are not placed by where their numbers stand', () => {
    expect(text).toMatch(/（二）部分公开（区分处理的，只计这一情形，不计其他情形） +0 +0 +0 +0 +0\n/);
    expect(r.requests.partlyDisclosed).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.requests['withheld.stateSecret'].total).toBeNull();
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
