/**
 * Rows printed with fewer numbers than columns (blank cells printed as nothing: pdftotext -raw, -layout without
 * usable positions): each row's total (B3) admits several readings, but the whole table's arithmetic (B1 and B2 per
 * column, blank cells as 0) may admit one combination only; then its cells are proved. A cell that stays 0-or-blank,
 * or differs between the combinations that add up, stays null. A table whose own sums do not add up places nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium, read by pdftotext -raw (pdfCase('shape-pdf', 197)). */
const GENERATED = 'tests/fixtures/shapes/pdftotext-raw-short-rows.txt';
/** Another, read as pdf.js text items, one per line, each row's numbers after its label (pdfCase('shape-pdf', 67)). */
const ITEMS = 'tests/fixtures/shapes/pdfjs-items-short-rows.txt';

describe('short rows placed by the whole table’s arithmetic', () => {
  const text = readFileSync(GENERATED, 'utf8');

  it('places the rows whose readings only one combination of B1, B2 and B3 keeps', () => {
    expect(text).toContain('一、本年新收政府信息公开申请数量 245 1 24 1 0 271\n');
    expect(text).toContain('（七）总计 245 1 23 1 1 271\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 245, commercial: 1, research: null, nonprofit: 24, legal: 1, otherOrg: 0, total: 271 });
    expect(r.requests.handledTotal).toEqual({ natural: 245, commercial: 1, research: null, nonprofit: 23, legal: 1, otherOrg: 1, total: 271 });
    expect(r.requests.disclosed).toEqual({ natural: 134, commercial: null, research: null, nonprofit: 13, legal: 1, otherOrg: 1, total: 149 });
    expect(r.requests['otherHandling.other']).toEqual({ natural: 26, commercial: null, research: null, nonprofit: 6, legal: null, otherOrg: null, total: 32 });
    expect(r.diagnostics.filter((d) => d.code === 'row-short' && d.path === 'requests.received').map((d) => d.severity)).toEqual(['info']);
  });

  it('reads a row whose numbers come on the line after its wrapped label as that row’s', () => {
    expect(text).toContain('（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n23 1 / 0 24\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests.partlyDisclosed).toEqual({ natural: 23, commercial: null, research: null, nonprofit: 1, legal: null, otherOrg: 0, total: 24 });
  });

  it('leaves a cell that is 0 in one reading and blank in another null', () => {
    const r = parseReport({ text, file: 'a.txt' });
    // 二、上年结转 “/ 0 / 0 1 1”: the 1 is 其他 and the total; which of the middle cells the two 0s are is not proved.
    expect(r.requests.carriedOver).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: 1, total: 1 });
  });

  it('places nothing by the columns when the table’s own sums do not add up', () => {
    const broken = text.replace('（七）总计 245 1 23 1 1 271', '（七）总计 245 1 22 1 1 270');
    const r = parseReport({ text: broken, file: 'a.txt' });
    expect(r.requests.received.natural).toBeNull();
    expect(r.requests.disclosed.natural).toBeNull();
    expect(r.requests.received.total).toBe(271);
  });

  it('places short rows read one number per line after their labels the same way', () => {
    const items = readFileSync(ITEMS, 'utf8');
    expect(items).toContain('一、本年新收政府信息公开申请数量\n17\n3\n4\n24\n二、');
    const r = parseReport({ text: items, file: 'a.txt' });
    expect(r.requests.received).toEqual({ natural: 17, commercial: null, research: 3, nonprofit: null, legal: 4, otherOrg: null, total: 24 });
    expect(r.requests.disclosed).toEqual({ natural: 8, commercial: 0, research: 2, nonprofit: 0, legal: 1, otherOrg: null, total: 11 });
    expect(r.requests['unavailable.notHeld']).toEqual({ natural: 3, commercial: 0, research: 1, nonprofit: null, legal: 1, otherOrg: 0, total: 5 });
  });
});
