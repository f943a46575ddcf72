/**
 * Pipe tables whose blank cells pandoc wrote with Markdown's escape ("\-" for "-", pandoc -t gfm of a Word file), and
 * pipe rows with a cell that reads as no number among their values. Before, "\-" read as text: it ended each row's
 * values, the cells before it were taken for the label, and a row "| 一、… | 25 | 8 | 7 | 0 | \- | \- | 40 |" was read
 * as one number, 40, put in the first column (a wrong cell, officeCase('shape-office', 13)).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { readCell } from '../../src/pipeline/text';

/** officeCase('shape-office', 13) written as a Word file and converted by `pandoc -f docx -t gfm` (pandoc 2.17). */
const GENERATED = 'tests/fixtures/shapes/docx-pandoc-gfm-escaped-blanks.md';

describe('Markdown’s escaped blank marks', () => {
  const text = readFileSync(GENERATED, 'utf8');

  it('read as blank cells, not text', () => {
    expect(readCell('\\-')).toEqual({ kind: 'blank', printed: '\\-' });
    expect(readCell('\\/')).toEqual({ kind: 'blank', printed: '\\/' });
    expect(readCell('\\')).toEqual({ kind: 'blank', printed: '\\' });
    expect(readCell('\\*')).toEqual({ kind: 'text', printed: '\\*' });
  });

  it('leave every row and table C read in full', () => {
    expect(text).toMatch(/\| 一、本年新收政府信息公开申请数量 +\| +\| +\| 25 +\| 8 +\| 7 +\| 0 +\| \\- +\| \\- +\| 40 +\|/);
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests.received).toEqual({ natural: 25, commercial: 8, research: 7, nonprofit: 0, legal: null, otherOrg: null, total: 40 });
    expect(r.requests.carriedOver).toEqual({ natural: null, commercial: 0, research: null, nonprofit: 0, legal: 0, otherOrg: 0, total: null });
    expect(r.appeals.review).toEqual({ upheld: null, corrected: null, other: 0, pending: null, total: 0 });
    expect(r.placement.requests).toEqual({ method: 'label', byLabel: 175, byArithmetic: 0, unread: 0 });
  });
});

describe('a pipe row with a cell that reads as no number among its values', () => {
  const text = readFileSync(GENERATED, 'utf8').replace(/\\-/g, '？');
  const r = parseReport({ text, file: 'a.md' });

  it('is not read: its last cells are not placed in its first columns', () => {
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.requests.handledTotal.natural).toBeNull();
    const d = r.diagnostics.find((x) => x.path === 'requests.received');
    expect(d?.code).toBe('row-short');
    expect(d?.found).toBe('a cell that reads as no number, then 1 cells: 40');
  });

  it('says so for a row whose last cell is the unreadable one (no values read at all)', () => {
    expect(r.requests.carriedOver.commercial).toBeNull();
    expect(r.diagnostics.find((x) => x.path === 'requests.carriedOver')?.found).toBe('a cell that reads as no number, then 0 cells: ');
  });

  it('still reads the rows whose cells are all numbers', () => {
    expect(r.requests['otherHandling.other']).toEqual({ natural: 8, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 9 });
  });

  it('keeps a row whose label cells hold a number when all its value cells follow (“| （三）不予公开 | 1 | 属于国家秘密 | … |”)', () => {
    const row = '| （三）不予公开 | 1 | 属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const split = readFileSync(GENERATED, 'utf8').replace(/\|[^|\n]*\|[^|\n]*\| 1\.属于国家秘密 [^\n]*/, row);
    expect(split).toContain(row);
    expect(parseReport({ text: split, file: 'a.md' }).requests['withheld.stateSecret']).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
  });
});

describe('a pipe row of table A with more cells than columns and empty cells at both ends', () => {
  /** officeCase('hunt5-office', 792) (2019 template) converted by `pandoc -f docx -t gfm`: one table of three value columns. */
  const text = readFileSync('tests/fixtures/shapes/docx-pandoc-gfm-table-a-two-fits.md', 'utf8');
  const r = parseReport({ text, file: 'a.md' });

  it('is not placed: its number fits the first column or the second', () => {
    expect(text).toMatch(/\| 政府集中采购 +\| +\| ８６７４７７元 \| +\|/);
    expect(r.proactive2019?.procurement).toEqual({ procurementItems: null, procurementAmount: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.procurement')?.code).toBe('table-a-unproved');
  });

  it('leaves the rows whose empty cells are at one end only read', () => {
    expect(r.proactive2019?.fees).toEqual({ previousItems: 56, change: 2 });
    expect(r.proactive2019?.licensing).toEqual({ previousItems: 51, change: -4, decisions: 861964 });
  });
});
