/**
 * MuPDF's text (`mutool draw -F txt`, the text PyMuPDF's `get_text()` gives too): one cell per line, an empty line
 * after each block (a row: its label, then its cells), and a cell that holds only a space (Word's `&nbsp;` in an empty
 * cell) as a line of one space. Such a line is that row's blank cell; anywhere else a line of spaces is an empty line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium, read by mutool (pdfCase('shape-pdf', 45)). */
const MUTOOL = 'tests/fixtures/shapes/mutool-space-cells.txt';

describe('a line of one space in MuPDF text', () => {
  const text = readFileSync(MUTOOL, 'utf8');

  it('is the blank cell of the row whose block it stands in', () => {
    expect(text).toContain('二、上年结转政府信息公开申请数量\n0\n-\n \n1\n0\n0\n1\n\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.carriedOver).toEqual({ natural: 0, commercial: null, research: null, nonprofit: 1, legal: 0, otherOrg: 0, total: 1 });
    expect(r.requests['unavailable.notHeld']).toEqual({ natural: 90, commercial: 6, research: null, nonprofit: 15, legal: null, otherOrg: 1, total: 112 });
    expect(r.requests.handledTotal).toEqual({ natural: 297, commercial: 22, research: null, nonprofit: 39, legal: 0, otherOrg: 3, total: 361 });
    expect(r.requests.carriedForward).toEqual({ natural: 0, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: null, total: 0 });
    expect(r.diagnostics.filter((d) => d.code === 'cell-blank' && d.path === 'requests.carriedOver').length).toBe(1);
  });

  it('is a blank cell in tables A and C too', () => {
    // This report's tables A and C print their blank cells with marks; the same tables with a cell holding a space.
    const spaced = text.replace('规章\n4\n2\n156\n', '规章\n4\n \n156\n').replace('\n0\n4\n-\n8\n12\n4\n5\n0\n7\n16\n0\n', '\n0\n4\n \n8\n12\n4\n5\n0\n7\n16\n \n');
    expect(spaced).not.toBe(text);
    const r = parseReport({ text: spaced, file: 'a.txt' });
    expect(r.proactive?.rules).toEqual({ issued: 4, repealed: null, inForce: 156 });
    expect(r.appeals.review).toEqual({ upheld: 0, corrected: 4, other: null, pending: 8, total: 12 });
    expect(r.appeals.suitDirect).toEqual({ upheld: 4, corrected: 5, other: 0, pending: 7, total: 16 });
    expect(r.appeals.suitAfterReview).toEqual({ upheld: null, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it('is no cell where its block goes on with text after the numbers (a space among a label’s pieces)', () => {
    // The row's block run into the next row's: the space stands among numbers followed by a label, so it proves no
    // cell; the row is then short, and no number of it may land in the wrong cell.
    const joined = text.replace('0\n-\n \n1\n0\n0\n1\n\n三、', '0\n-\n \n1\n0\n0\n1\n三、');
    expect(joined).not.toBe(text);
    const r = parseReport({ text: joined, file: 'a.txt' });
    const truth = { natural: 0, commercial: null, research: null, nonprofit: 1, legal: 0, otherOrg: 0, total: 1 };
    for (const [k, v] of Object.entries(r.requests.carriedOver)) if (v !== null) expect(v).toBe(truth[k as keyof typeof truth]);
    expect(r.requests.carriedOver.research).toBeNull();
  });

  it('is an empty line between paragraphs and in a block of labels', () => {
    const spaced = text.replace('三、\n本年\n', '三、\n \n本年\n');
    expect(spaced).not.toBe(text);
    const a = parseReport({ text, file: 'a.txt' });
    const b = parseReport({ text: spaced, file: 'a.txt' });
    expect(b.requests).toEqual(a.requests);
    const prose = parseReport({ text: '2024年某某局政府信息公开工作年度报告\n \n一、总体情况\n \n123\n \n本机关全年主动公开信息。\n', file: 'p.txt' });
    expect(prose.diagnostics.some((d) => d.code === 'cell-blank')).toBe(false);
  });
});
