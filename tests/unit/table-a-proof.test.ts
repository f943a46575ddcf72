/**
 * Table A's proof rules (src/pipeline/parse/table-a.ts): table A has no arithmetic, so a number goes into a cell only
 * when its label stands with it, or when it stands just before or after a lone label and the run lengths between the
 * labels admit that reading only. Anything else leaves the row null with a diagnostic: never a shifted number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { parseReport } from '../../src/pipeline/parse';
import { DiagnosticLog } from '../../src/pipeline/parse/diagnostics';
import { toLines } from '../../src/pipeline/parse/lines';
import { parseTableA } from '../../src/pipeline/parse/table-a';

function read(lines: string[]) {
  const all = toLines(lines);
  const log = new DiagnosticLog('t.txt');
  const result = parseTableA(all, 0, all.length, '2021', log);
  return { ...result, diagnostics: log.items };
}

const ITEM_1 = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
const item = (no: string, header = '本年处理决定数量') => [`第二十条第（${no}）项`, '信息内容', header];

/** 洪泽区 2023 as poppler's default mode prints it: some numbers after their labels, some before. */
const MIXED = [
  ...ITEM_1,
  '规章', '0', '0', '0',
  '行政规范性文件', '0', '5', '5',
  ...item('五').slice(0, 3), '550', '行政许可',
  ...item('六'), '行政处罚', '4119', '行政强制', '195',
  ...item('八', '本年收费金额（单位：万元）'), '7730.28', '行政事业性收费',
];

describe('table A proof rules', () => {
  it('places numbers printed after or before lone labels when the runs between labels admit one reading', () => {
    const { proactive, placement, diagnostics } = read(MIXED);
    expect(proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 0, repealed: 5, inForce: 5 },
      licensing: { decisions: 550 },
      penalties: { decisions: 4119 },
      coercion: { decisions: 195 },
      fees: { amount: 7730.28 },
    });
    expect(placement).toEqual({ method: 'label', byLabel: 10, byArithmetic: 0, unread: 0 });
    expect(diagnostics).toEqual([]);
  });

  it('joins a label cut over two lines', () => {
    const lines = MIXED.flatMap((l) => (l === '行政规范性文件' ? ['行政规范', '性文件'] : [l]));
    expect(read(lines).proactive?.normativeDocs).toEqual({ issued: 0, repealed: 5, inForce: 5 });
  });

  it('joins a label cut over four lines (a narrow label column, one piece per pdf.js item)', () => {
    const lines = MIXED.flatMap((l) => (l === '行政事业性收费' ? ['行政', '事业', '性收', '费'] : [l]));
    expect(read(lines).proactive?.fees).toEqual({ amount: 7730.28 });
    expect(read(lines).diagnostics).toEqual([]);
  });

  it('does not give a label cut over lines cells printed in separate blocks (a blank line between them): their column order is not proved', () => {
    // A cut label stands in a tall cell, whose row's cells poppler's default mode may print one block each, not always
    // in the header's order (政府集中采购's 采购总金额 before its 采购项目数量). A label on one line keeps its reading.
    const blocks = (label: string[]) => MIXED.flatMap((l, i) => (l === '行政规范性文件' ? [...label, '0', '', '5', '', '5'] : MIXED.slice(Math.max(0, i - 3), i).includes('行政规范性文件') ? [] : [l]));
    const cut = read(blocks(['行政规范', '性文件']));
    expect(cut.proactive?.normativeDocs).toEqual({ issued: null, repealed: null, inForce: null });
    expect(cut.diagnostics.find((d) => d.path === 'proactive.normativeDocs')?.code).toBe('table-a-unproved');
    expect(read(blocks(['行政规范性文件'])).proactive?.normativeDocs).toEqual({ issued: 0, repealed: 5, inForce: 5 });
  });

  it('leaves lone labels null when a blank cell printed as nothing makes the runs disagree', () => {
    // 行政处罚's cell printed nothing: 195 could be 行政处罚's (after it) or 行政强制's (before it).
    const lines = [...ITEM_1, '规章 0 0 0', '行政规范性文件 0 5 5', ...item('五'), '行政许可 1', ...item('六'), '行政处罚', '195', '行政强制', ...item('八'), '行政事业性收费 7'];
    const { proactive, diagnostics } = read(lines);
    expect(proactive?.penalties.decisions).toBeNull();
    expect(proactive?.coercion.decisions).toBeNull();
    expect(proactive?.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(proactive?.licensing.decisions).toBe(1);
    expect(proactive?.fees.amount).toBe(7);
    expect(diagnostics.filter((d) => d.code === 'table-a-unproved').map((d) => d.path)).toEqual(['proactive.penalties', 'proactive.coercion']);
  });

  it('keeps a number before an item caption with the label above it: no row’s numbers cross a caption', () => {
    // 行政许可's cell printed nothing; 4119 after the next caption can only be 行政处罚's.
    const lines = [...ITEM_1, '规章 0 0 0', '行政规范性文件 0 5 5', ...item('五'), '行政许可', ...item('六'), '4119', '行政处罚', '195', '行政强制', ...item('八'), '行政事业性收费 7'];
    const { proactive } = read(lines);
    expect(proactive?.licensing.decisions).toBeNull();
    expect(proactive?.penalties.decisions).toBe(4119);
    expect(proactive?.coercion.decisions).toBe(195);
  });

  it('never reads a space row short of cells as its first columns', () => {
    // "规章 5 20": a blank cell printed as nothing; spaces cannot say which.
    const lines = [...ITEM_1, '规章 5 20', '行政规范性文件 0 5 5', ...item('五'), '行政许可 1', ...item('六'), '行政处罚 2', '行政强制 3', ...item('八'), '行政事业性收费 4'];
    const { proactive, diagnostics } = read(lines);
    expect(proactive?.rules).toEqual({ issued: null, repealed: null, inForce: null });
    expect(diagnostics.find((d) => d.path === 'proactive.rules')?.code).toBe('table-a-unproved');
    expect(proactive?.coercion.decisions).toBe(3);
  });

  it('reads a space row wrapped onto the next line', () => {
    const lines = [...ITEM_1, '规章 5 20', '7', '行政规范性文件 0 5 5', ...item('五'), '行政许可 1', ...item('六'), '行政处罚 2', '行政强制 3', ...item('八'), '行政事业性收费 4'];
    expect(read(lines).proactive?.rules).toEqual({ issued: 5, repealed: 20, inForce: 7 });
  });

  it('places no lone label when a row label is missing (its numbers could stand in any run)', () => {
    const lines = MIXED.filter((l) => l !== '行政强制');
    const { proactive, diagnostics } = read(lines);
    expect(proactive?.penalties.decisions).toBeNull();
    expect(proactive?.licensing.decisions).toBeNull();
    expect(diagnostics.some((d) => d.code === 'row-missing' && d.path === 'proactive.coercion')).toBe(true);
    expect(diagnostics.filter((d) => d.code === 'table-a-unproved')).toHaveLength(5);
  });
});

/**
 * pdfCase('hunt45-pdf', 492) read by poppler's default mode (the 2019 template): 行政强制's "-４" printed before "１１８"
 * across a page footer ("行政强制", "-４", "１１８", "８"), which in print order is 上一年项目数量 −4, 本年增/减 118.
 */
describe('a negative count in a column other than 本年增/减', () => {
  it('leaves the row null with a diagnostic: the cells are not in their columns’ order', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-table-a-negative-count-out-of-order.txt', 'utf8');
    expect(text).toMatch(/行政强制\n\n-４\n\n１１８\n\n８\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive2019?.coercion).toEqual({ previousItems: null, change: null, decisions: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.coercion')).toMatchObject({ code: 'table-a-unproved' });
    expect(cellVerdicts(pdfCase('hunt45-pdf', 492).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});

/**
 * pdfCase('hunt55-pdf', 17) read by pdf.js (text items, one a line; the 2019 template): 行政许可's 本年增/减 −3 printed
 * as two items, "-" and "３" (the minus of another font than the digits), its 处理决定数量 left blank and printed as
 * nothing. Read in order: 本年增/减 blank, 处理决定数量 3.
 */
describe('a hyphen alone on its line right before a number alone on the next, beside 本年增/减', () => {
  const FIXTURE = 'tests/fixtures/shapes/pdfjs-items-table-a-minus-apart.txt';

  it('leaves the row null with a diagnostic: the hyphen may be the number’s minus sign', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    expect(text).toContain('\n行政许可\n８０\n-\n３\n其他对外管理服务事项\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive2019?.licensing).toEqual({ previousItems: null, change: null, decisions: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.licensing')?.message).toContain('负号');
    expect(cellVerdicts(pdfCase('hunt55-pdf', 17).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads the row where the minus is printed with its number, the hyphen stands before no number, or shares a line with it', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const licensing = (cells: string) => parseReport({ text: text.replace('\n行政许可\n８０\n-\n３\n', `\n行政许可\n${cells}\n`), file: 'a.txt' }).proactive2019?.licensing;
    expect(licensing('８０\n-３\n５')).toEqual({ previousItems: 80, change: -3, decisions: 5 });
    expect(licensing('８０\n３\n-')).toEqual({ previousItems: 80, change: 3, decisions: null });
    expect(licensing('８０ - ３')).toEqual({ previousItems: 80, change: null, decisions: 3 });
  });
});

/**
 * pdfCase('hunt45-pdf', 207) read by `pdftotext -raw` (the 2019 template, every cell narrow): 行政事业性收费's label cut
 * into 行政 / 事业 / 性收 / 费, then "１０" and "３": 上一年项目数量 103 wrapped in its cell, 本年增/减 blank (pdf.js items and
 * MuPDF print the same). Read in order, 10 and 3.
 */
describe('a number as wide as its row’s narrow label pieces, a number on the next line', () => {
  it('leaves the row null with a diagnostic: the number may have wrapped in its narrow cell', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-raw-table-a-count-wrapped-in-narrow-cell.txt', 'utf8');
    expect(text).toMatch(/\n行政\n事业\n性收\n费\n１０\n３\n第二十条第（九）项\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive2019?.fees).toEqual({ previousItems: null, change: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.fees')).toMatchObject({ code: 'table-a-unproved' });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.fees')?.message).toContain('折到了下一行');
    expect(cellVerdicts(pdfCase('hunt45-pdf', 207).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads the cells when the first number is narrower than the label’s widest piece', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-raw-table-a-count-wrapped-in-narrow-cell.txt', 'utf8');
    const fees = (first: string) => parseReport({ text: text.replace('\n１０\n３\n', `\n${first}\n３\n`), file: 'a.txt' }).proactive2019?.fees;
    expect(fees('１')).toEqual({ previousItems: 1, change: 3 });
    expect(fees('10')).toEqual({ previousItems: 10, change: 3 });
    expect(fees('１０')).toEqual({ previousItems: null, change: null });
  });
});

/**
 * Poppler's default mode prints an amount's decimal point apart from its digits when the point is in another font
 * than the full-width digits: pdfCase('hunt47-pdf', 173), "." on a line of its own inside the table, then "８１" for 8.1;
 * pdfCase('hunt47-pdf', 742), "３３" for 3.3 and its "." after the next section's heading and the page footer. Read
 * as 81 and 33 before.
 */
describe('an amount whose decimal point stands alone on a line of the table’s page', () => {
  const fees = (file: string) => {
    const text = readFileSync(`tests/fixtures/shapes/${file}`, 'utf8');
    return { text, r: parseReport({ text, file: 'a.txt' }) };
  };

  it('is not read when the point is inside the table, among its numbers', () => {
    const { text, r } = fees('pdftotext-table-a-point-apart-in-cell.txt');
    expect(text).toMatch(/\n费\n\n\.\n\n８１\n/);
    expect(r.proactive?.fees.amount).toBeNull();
    expect(cellVerdicts(pdfCase('hunt47-pdf', 173).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('is not read when the point stands after the table on its page, and says why', () => {
    const { text, r } = fees('pdftotext-table-a-point-after-table.txt');
    expect(text).toMatch(/\n行政事业性收费\n\n３３\n\n三、行政机关收到和处理政府信息公开申请情况\n— 127 —\n\n\.\n/);
    expect(r.proactive?.fees.amount).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.fees')?.message).toContain('单独印出的小数点');
    expect(cellVerdicts(pdfCase('hunt47-pdf', 742).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    // Without the lone point the amount is read as printed.
    expect(parseReport({ text: text.replace('— 127 —\n\n.\n', '— 127 —\n\n'), file: 'a.txt' }).proactive?.fees.amount).toBe(33);
  });
});
