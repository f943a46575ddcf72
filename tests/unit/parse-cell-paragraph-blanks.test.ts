/**
 * LibreOffice's text export of a Word table prints each cell a paragraph, an empty cell as an empty line
 * (officeCase('shape-office', 46) converted with `soffice --convert-to txt`). A row's seven lines right after its label
 * are its cells when the next line with text after them is no cell and its total (a number above 0) is the sum of
 * its cells with empty ones as 0; table C's fifteen alike, each group keeping C1. Elsewhere an empty line parts rows or
 * paragraphs (a page break in one-cell-a-line text), and the row's cells may go on after it: then nothing is joined.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

const GENERATED = 'tests/fixtures/shapes/docx-soffice-text-empty-cells.txt';

describe('cells printed one a paragraph, an empty cell as an empty line', () => {
  const text = readFileSync(GENERATED, 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('read table B’s rows with their blank cells where the total proves the lines', () => {
    expect(text).toMatch(/一、本年新收政府信息公开申请数量\n139\n\n29\n4\n37\n0\n209\n/);
    expect(r.requests.received).toEqual({ natural: 139, commercial: null, research: 29, nonprofit: 4, legal: 37, otherOrg: 0, total: 209 });
    expect(r.requests.disclosed).toEqual({ natural: 75, commercial: null, research: 12, nonprofit: 3, legal: 17, otherOrg: null, total: 107 });
  });

  it('read table C’s fifteen cells, each group keeping C1', () => {
    expect(r.appeals).toEqual({
      review: { upheld: 0, corrected: 2, other: 0, pending: 2, total: 4 },
      suitDirect: { upheld: 0, corrected: null, other: 10, pending: 0, total: 10 },
      suitAfterReview: { upheld: 0, corrected: 8, other: null, pending: 8, total: 16 },
    });
  });

  it('leave a row of zeros unread (it adds up in any order)', () => {
    expect(text).toMatch(/1\.属于国家秘密\n0\n0\n0\n\n0\n0\n\n/);
    expect(r.requests['withheld.stateSecret'].natural).toBeNull();
  });

  it('join nothing where a cell follows the seven lines past an empty line or a page footer', () => {
    const goesOn = text.replace('一、本年新收政府信息公开申请数量\n139\n\n29\n4\n37\n0\n209\n', '一、本年新收政府信息公开申请数量\n139\n\n29\n4\n37\n0\n209\n\n— 2 —\n209\n');
    expect(goesOn).not.toBe(text);
    const read = parseReport({ text: goesOn, file: 'a.txt' }).requests.received;
    expect(read.research === 29 && read.total === 209 && read.commercial === null).toBe(false);
  });
});

/**
 * 1,000 more reports (`--prefix hunt42`), pdftotext's default mode: table B on one page, its blocks parted by empty
 * lines, and after 1.申请人无正当理由逾期不补正、行政机关不再 the numbers of the row below ("" "１" "０" "" "０" "" "１": natural 1,
 * nonprofit 0, legal 0, total 1 of 2.申请人逾期未按收费…, whose label pdftotext put on the next page). Seven lines, one of
 * them empty, adding up: read as the row's cells (commercial 1, legal 0, total 1 for 0, blank and 0) before 1.5.86,
 * because the table's own lines had no page break. Text with a page break anywhere is no text export (1.5.86), nor is
 * a row whose label ends otherwise than the template's, cut where it wrapped (1.5.87: text copied without pages).
 */
describe('lines that look like cells one a paragraph in text with pages', () => {
  it('are not read as a row’s cells (pdfCase(hunt42-pdf, 484))', async () => {
    const { cellVerdicts } = await import('../../src/generator/shapes/measure');
    const { pdfCase } = await import('../../src/generator/shapes/pdf');
    const text = readFileSync('tests/fixtures/shapes/pdftotext-row-after-label-one-page.txt', 'utf8');
    expect(text).toMatch(/\n1\.申请人无正当理由逾期不补正、行政机关不再\n\n１\n０\n\n０\n\n１\n\n3\.其他\n/);
    expect(text).toContain('\f');
    // As printed, and as copied from a PDF viewer: no page breaks, no page footers (then the label cut where it
    // wrapped still tells it from a text export's, which prints a cell's label whole).
    const copied = text.replace(/\f/g, '').replace(/^— \d+ —$/gm, '');
    expect(copied).not.toMatch(/\f|—\s*\d+\s*—/);
    for (const t of [text, copied]) {
      const r = parseReport({ text: t, file: 'a.txt' });
      expect(Object.values(r.requests['otherHandling.noCorrection']).every((v) => v === null)).toBe(true);
      expect(cellVerdicts(pdfCase('hunt42-pdf', 484).truth, r, r.diagnostics).filter((v) => v.verdict !== 'exact' && v.verdict !== 'null')).toEqual([]);
    }
  });
});
