/**
 * Numbers wrapped in narrow value cells. Word and LibreOffice wrap a number too long for its cell ("２６９０" as "２６９"
 * over "０"), and pdftotext, pdfplumber-like readers and the like print the pieces on the next line, with the rest of
 * the row's label or alone. The pieces end some of the row's numbers: they are joined where exactly one way of joining
 * makes the row's total the sum of its six cells (B3); otherwise the row is not read. Never the cut numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** officeCase('shape-office', 24): a Word file made a PDF by LibreOffice 7.4, read by pdftotext -layout and as pdf-lines. */
const LAYOUT = 'tests/fixtures/shapes/pdftotext-layout-libreoffice-wrapped-digits.txt';
const LINES = 'tests/fixtures/shapes/pdf-lines-libreoffice-wrapped-digits.txt';
const RECEIVED = { natural: 2690, commercial: 478, research: 0, nonprofit: 0, legal: 353, otherOrg: 0, total: 3521 };
const HANDLED = { natural: 2493, commercial: 451, research: 0, nonprofit: 0, legal: 353, otherOrg: 0, total: 3297 };

describe('digits wrapped onto the next line', () => {
  it('are joined to the numbers they end when only one join adds up (-layout: the pieces stand under them)', () => {
    const text = readFileSync(LAYOUT, 'utf8');
    expect(text).toMatch(/一、本年新收政府信息公开申 +２６９ +４７８ +０ +０ +３５３ +０ +３５２\n +请数量 +０ +１\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received).toEqual(RECEIVED);
    expect(r.requests.handledTotal).toEqual(HANDLED);
    expect(r.diagnostics.filter((d) => d.code === 'row-digits-wrapped').map((d) => [d.path, d.severity])).toEqual([
      ['requests.received', 'info'],
      ['requests.handledTotal', 'info'],
    ]);
  });

  it('are joined the same way in text whose values stand one space apart', () => {
    const text = readFileSync(LINES, 'utf8');
    expect(text).toContain('（七）总计 ２４９ ４５１ ０ ０ ３５３ ０ ３２９\n３ ７\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received).toEqual(RECEIVED);
    expect(r.requests.handledTotal).toEqual(HANDLED);
  });

  it('leave the row null when no join adds up, never the cut numbers', () => {
    const text = readFileSync(LINES, 'utf8').replace('请数量 ０ １', '请数量 ０ ２');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received.natural).toBeNull();
    expect(r.requests.received.total).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'row-digits-wrapped' && d.path === 'requests.received')?.severity).toBe('warning');
  });
});

describe('a number cut in its cell that is not read as a number ("１,５５" over "６")', () => {
  it('leaves its row null, and the pieces on the next line are no row’s numbers (pdf-lines)', () => {
    /** officeCase('shape-office', 727) read as pdf-lines: 1,556 printed "１,５５" over "６". */
    const text = readFileSync('tests/fixtures/shapes/pdf-lines-libreoffice-cut-number.txt', 'utf8');
    expect(text).toContain('（一）予以公开 １,２６ ０ ２９０ ０ ０ ０ １,５５\n年度办 ６ ６\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.disclosed.total).toBeNull();
    expect(r.requests.disclosed.natural).toBeNull();
  });

  it('leaves its row null when the pieces come after a blank line with the rest of the label (the PDF reader’s text)', () => {
    /** officeCase('shape-office', 403), the pipeline's PDF reader: a row broken across a page, its label wrapped too. */
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-libreoffice-cut-number.txt', 'utf8');
    expect(text).toContain('一、本年新收政府信息公开申\t２,５１\t５８５\t２４６\t\t３２４\t０\t３,６６\n\n请数量\t２\t\t\t\t\t\t７\n');
    const r = parseReport({ text, file: 'a.pdf' });
    expect(r.requests.received.natural).toBeNull();
    expect(r.requests.received.total).toBeNull();
  });
});

describe('a tab row whose first value cell is a number cut in its cell ("２,５０", the PDF reader’s text)', () => {
  it('is not read as a short row: its six other cells are the last six, not the first (officeCase(\'hunt11-office\', 493))', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-libreoffice-cut-first-cell.txt', 'utf8');
    expect(text).toContain('一、本年新收政府信息公开申\t２,５０\t0\t267\t0\t—\t—\t2,772\n');
    const r = parseReport({ text, file: 'a.pdf' });
    // Truly 2,505 | 0 | 267 | 0 | — | — | 2,772; before 1.5.47 read 0 | 267 | 0 | … | 2,772 in the first columns.
    const truth: Record<string, number | null> = { natural: 2505, commercial: 0, research: 267, nonprofit: 0, legal: null, otherOrg: null, total: 2772 };
    for (const [column, value] of Object.entries(r.requests.received)) expect([null, truth[column]], column).toContain(value);
    expect(r.diagnostics.find((d) => d.path === 'requests.received')?.code).toBe('row-short');
  });
});

describe('a row that adds up both as printed and with the wrapped pieces joined', () => {
  it('is not read: "１１７ … １１７" over "２ ２" is 117 or 1,172 (pdf-lines of officeCase 1145: 1,172)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-lines-libreoffice-two-readings.txt', 'utf8');
    expect(text).toContain('三、本 (一)予以公开 １１７ ０ ０ ０ ０ ０ １１７\n年度办 ２ ２\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.disclosed.natural).toBeNull();
    expect(r.requests.disclosed.total).toBeNull();
    expect(r.diagnostics.find((d) => d.code === 'row-digits-wrapped' && d.path === 'requests.disclosed')?.severity).toBe('warning');
  });
});

/**
 * A number wrapped in its cell, one line a piece, its head ending in a thousands group short of three digits (mutool's
 * text of a Word file made a PDF by LibreOffice): the head is one cell of the row, never dropped. Joined with the digits
 * it lacks when they are the next value (past empty lines, a page break and the rest of the row's label), and proved
 * only by the row's total (blank cells as 0); otherwise the cell or the row is null.
 */
describe('a number wrapped in its cell whose first piece reads as no number, one line a piece (mutool)', () => {
  const pieces = readFileSync('tests/fixtures/shapes/mutool-libreoffice-digit-pieces.txt', 'utf8');
  /** officeCase('hunt10-office', 357): "１,６５" / page break / "请数量" / "３" is 1,653; "１,４５" / "" / "０" is 1,450. */
  const overPage = readFileSync('tests/fixtures/shapes/mutool-libreoffice-cut-number.txt', 'utf8');

  it('is joined with the digits it lacks: "１,４９" over "８" is 1,498 (officeCase(\'hunt-office\', 353): read 8 before 1.5.35, null before 1.5.46)', () => {
    expect(pieces).toContain('请数量\n\n１,４９\n\n８\n\n０\n0\n０\n0\n０\n１,４９\n\n８\n');
    const r = parseReport({ text: pieces, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 1498, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1498 });
    // The join is said where the row's cells are shown (quality page, report page).
    const said = r.diagnostics.filter((d) => d.code === 'row-digits-wrapped').map((d) => [d.path, d.severity, d.found]);
    expect(said).toEqual([
      ['requests.received', 'info', 'a number cut in its cell: 1,498、1,498'],
      ['requests.handledTotal', 'info', 'a number cut in its cell: 1,391、1,392'],
    ]);
  });

  it('is joined with digits that start with 0: "１,４" over "０８" is 1,408', () => {
    const text = pieces.replaceAll('１,４９\n\n８\n', '１,４\n\n０８\n');
    expect(text).not.toBe(pieces);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 1408, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1408 });
  });

  it('is joined over a page break and the rest of its row’s label, and is not taken for the row’s last cell', () => {
    expect(overPage).toContain('\n１,６５\n\n\f请数量\n３\n');
    expect(overPage).toContain('\n１,４５\n\n０\n');
    const r = parseReport({ text: overPage, file: 'a.txt' });
    // Before 1.5.46 the head was dropped and the digits it lacked read as the total: 3 and 0.
    expect(r.requests.received).toEqual({ natural: 1650, commercial: null, research: null, nonprofit: 3, legal: null, otherOrg: 0, total: 1653 });
    expect(r.requests.handledTotal).toEqual({ natural: 1446, commercial: 1, research: null, nonprofit: 3, legal: 0, otherOrg: 0, total: 1450 });
  });

  it('leaves the row null when the joined number breaks the row’s total', () => {
    const r = parseReport({ text: overPage.replace('\n１,４５\n\n０\n', '\n１,４５\n\n１\n'), file: 'a.txt' });
    expect(Object.values(r.requests.handledTotal).every((v) => v === null)).toBe(true);
    expect(r.requests.received.total).toBe(1653);
    // A join is said only for a row that was read.
    expect(r.diagnostics.filter((d) => d.code === 'row-digits-wrapped').map((d) => d.path)).toEqual(['requests.received']);
  });

  it('is a cell that reads as no number when the next value is not the digits it lacks', () => {
    const lost = parseReport({ text: overPage.replace('\n１,４５\n\n０\n', '\n１,４５\n\n'), file: 'a.txt' });
    expect(lost.requests.handledTotal).toEqual({ natural: 1446, commercial: 1, research: null, nonprofit: 3, legal: 0, otherOrg: 0, total: null });
    expect(lost.diagnostics.some((d) => d.code === 'cell-unreadable' && d.path === 'requests.handledTotal.total')).toBe(true);
    // Two digits where one is lacking: the row has eight cells, so no reading of the table is proved.
    const extra = parseReport({ text: overPage.replace('\n１,４５\n\n０\n', '\n１,４５\n\n１０\n'), file: 'a.txt' });
    expect(extra.requests.handledTotal.total).toBeNull();
    expect(extra.requests.received.total).toBeNull();
  });
});

describe('a row broken across a page under the table header repeated there, the rest of its label with the pieces', () => {
  /** officeCase('hunt5-office', 272) as the pipeline's PDF reader reads LibreOffice's PDF (tab-separated cells). */
  const text = readFileSync('tests/fixtures/shapes/pdf-reader-libreoffice-row-split-label-rest.txt', 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('joins the pieces to the row above the repeated header where exactly one join keeps B3', () => {
    expect(text).toMatch(/一、本年新收政府信息公开申\t２７８\t433\t０\t75\t０\t０\t3291\n\n（本列数据的勾稽关系为[^\n]*\n[^\n]*\n[^\n]*\n请数量\t３\t/);
    expect(r.requests.received).toEqual({ natural: 2783, commercial: 433, research: 0, nonprofit: 75, legal: 0, otherOrg: 0, total: 3291 });
    expect(r.diagnostics.find((d) => d.path === 'requests.received')?.code).toBe('row-digits-wrapped');
  });

  it('takes no piece past lines that are not the header', () => {
    const other = text.replace(/\n（本列数据的勾稽关系为([^\n]*)\n([^\n]*)\n([^\n]*)\n请数量/, '\n其他文字$1\n$2\n$3\n请数量');
    expect(other).not.toBe(text);
    expect(parseReport({ text: other, file: 'a.txt' }).requests.received.natural).not.toBe(2783);
  });
});

/**
 * officeCase('hunt10-office', 118) read by pdftotext -layout (1,000 Word reports the tests had not seen, `--prefix
 * hunt10`): the next line holds a piece of the vertical group label (四)无法提供 and of the row's own label, which
 * together name the row again ("无法提 不掌握 ０"). The ０ is the last digit of 1,170; read as a second row of the same
 * label it was dropped, and the row read 117 … 1529, its B3 break reported.
 */
describe('a wrapped digit beside the rest of its row’s label and a piece of its group’s label', () => {
  it('is joined to the number it ends when only one join adds up', () => {
    const text = readFileSync('tests/fixtures/shapes/office-layout-label-again-wrapped-digit.txt', 'utf8');
    expect(text).toMatch(/1\.本机关 +１１７ +７９ +0 +280 +0 +0 +1529\n +无法提 +不掌握 +０\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['unavailable.notHeld']).toEqual({ natural: 1170, commercial: 79, research: 0, nonprofit: 280, legal: 0, otherOrg: 0, total: 1529 });
    expect(r.diagnostics.find((d) => d.path === 'requests.unavailable.notHeld')?.code).toBe('row-digits-wrapped');
  });

  it('leaves the row unread when no join adds up', () => {
    const text = readFileSync('tests/fixtures/shapes/office-layout-label-again-wrapped-digit.txt', 'utf8').replace(/( +不掌握 +)０\n/, '$1９\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests['unavailable.notHeld']).every((v) => v === null)).toBe(true);
  });
});
