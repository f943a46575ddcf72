/**
 * Label columns a few characters wide (a Word table converted to PDF by LibreOffice, read by pdftotext -layout): a row's
 * numbers stand on the line of its label's first piece, and the first sub-row of a group shares that line with the
 * first piece of the group's label — "（四）    1.本机    3 2 1 0 0 0 6", then "无法提    关不掌", "供    握相关" …
 * The group's numeral and the ordinal name the sub-row when the words after the ordinal begin its own label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** generatedCase('lo', 2) as a Word file, made a PDF by LibreOffice 7.4, read by `pdftotext -layout`. */
const TEXT = 'tests/fixtures/shapes/pdftotext-layout-libreoffice-narrow-labels.txt';

describe('a group’s first sub-row cut short beside the group label’s first piece', () => {
  const text = readFileSync(TEXT, 'utf8');

  it('is read as that sub-row', () => {
    expect(text).toMatch(/^ +（四） +1\.本机 +3 +2 +1 +0 +0 +0 +6$/m);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['withheld.stateSecret']).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
    expect(r.requests['unavailable.notHeld']).toEqual({ natural: 3, commercial: 2, research: 1, nonprofit: 0, legal: 0, otherOrg: 0, total: 6 });
    expect(r.diagnostics.filter((d) => d.code === 'row-missing' && d.path?.startsWith('requests'))).toEqual([]);
  });

  it('is not named when the words after the ordinal are another row’s', () => {
    const other = text.replace(/（四）( +)1\.本机/, '（四）$11.属于');
    expect(other).not.toBe(text);
    const r = parseReport({ text: other, file: 'a.txt' });
    expect(r.requests['unavailable.notHeld'].total).toBeNull();
  });
});

describe('an ordinal with a label cut short', () => {
  /** officeCase('shape-office', 171) read by mutool: （三）不予公开 printed as one row, its numbers one per line. */
  const text = readFileSync('tests/fixtures/shapes/mutool-libreoffice-group-line.txt', 'utf8');

  it('names the next sub-row only when its words are that row’s: "1.本机" after （三）不予公开 is not 1.属于国家秘密', () => {
    expect(text).toContain('(三) 不予公开\n201\n15\n0\n0\n56\n22\n294\n\n(四) 无\n法提供\n\n1.本机\n关不掌\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.withheld).toEqual({ natural: 201, commercial: 15, research: 0, nonprofit: 0, legal: 56, otherOrg: 22, total: 294 });
    expect(r.requests['withheld.stateSecret'].natural).toBeNull();
    expect(r.requests['unavailable.notHeld']).toEqual({ natural: 607, commercial: 21, research: 0, nonprofit: 0, legal: 174, otherOrg: 104, total: 906 });
  });

  it('needs the row’s first character: "1.申请" after （五）不予处理 printed as one line is not 1.信访举报投诉类申请', () => {
    /** officeCase('shape-office', 465) read by mutool. */
    const other = readFileSync('tests/fixtures/shapes/mutool-libreoffice-group-line-2.txt', 'utf8');
    expect(other).toContain('（五）不予处理\n1\n0\n0\n0\n1\n0\n2\n\n（六）\n其他处\n\n1.申请\n');
    const r = parseReport({ text: other, file: 'a.txt' });
    expect(r.requests.notProcessed).toEqual({ natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 1, otherOrg: 0, total: 2 });
    expect(r.requests['notProcessed.complaint'].total).toBeNull();
  });
});

describe('columns by position across a page break (pdftotext -layout lays out each page on its own)', () => {
  it('are not matched: a lone number on the next page is not placed by the previous page’s columns', () => {
    /** officeCase('shape-office', 662) read by pdftotext -layout: "2.重复 … 0" (the 0 is 社会公益组织's) opens a page. */
    const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-libreoffice-page-columns.txt', 'utf8');
    expect(text).toMatch(/\f +理 +诉类申\n +请\n +2\.重复 +0\n/);
    const r = parseReport({ text, file: 'a.txt' });
    // Before, the 0 stood where the previous page's 总计 column was, and was read as the total.
    expect(r.requests['notProcessed.duplicate'].total).toBeNull();
    // The rows of the previous page are still placed by their own page's columns.
    expect(r.requests['unavailable.mustCreate']).toEqual({ natural: 3, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: 0, total: 3 });
  });
});

describe('a group’s whole label before its first sub-row’s cut label', () => {
  it('names the sub-row, not the group line: "(六)其他处理 1.申请人无正" (the PDF reader’s text of officeCase 1541)', () => {
    const text = readFileSync('tests/fixtures/shapes/pdf-reader-libreoffice-group-and-subrow.txt', 'utf8');
    expect(text).toContain('\t(六)其他处理\t1.申请人无正\t');
    const r = parseReport({ text, file: 'a.pdf' });
    expect(r.requests['otherHandling.noCorrection']).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
    expect(r.requests.otherHandling).toBeUndefined();
  });
});
