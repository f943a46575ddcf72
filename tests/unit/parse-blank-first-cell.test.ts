/**
 * A row printed one cell per line whose first cell is the blank mark 无 (pdf.js text items of a PDF table): the 无
 * right after the row's label, with the row's other cells after it, is the row's first cell, not a character of a
 * vertical group label ("（四）" / "无" / "法" / "提供").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium, read as pdf.js text items, one per line (pdfCase('shape-pdf', 2)). */
const GENERATED = 'tests/fixtures/shapes/pdfjs-items-blank-first-cell.txt';

describe('a blank mark as the first cell of a row printed one cell per line', () => {
  const text = readFileSync(GENERATED, 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('is read as the row’s first cell', () => {
    expect(text).toMatch(/2\.\n其他法律行政法规禁止公开\n无\n0\n无\n无\n0\n无\n0\n3\./);
    expect(r.requests['withheld.lawForbids']).toEqual({ natural: null, commercial: 0, research: null, nonprofit: null, legal: 0, otherOrg: null, total: 0 });
    expect(r.requests['withheld.internal']).toEqual({ natural: null, commercial: null, research: 0, nonprofit: null, legal: null, otherOrg: null, total: null });
    expect(r.diagnostics.filter((d) => d.code === 'row-no-values' && d.path?.startsWith('requests.withheld'))).toEqual([]);
  });

  it('is read as the row’s first cell after the rest of a long label wrapped onto the next line', () => {
    expect(text).toMatch(/申请人逾期未按收费通知要求缴纳费用、行政机关不再\n处理其政府信息公开申请\n无\n无\n0\n/);
    expect(r.requests['otherHandling.feeUnpaid']).toEqual({ natural: null, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: null, total: null });
  });

  it('leaves the rows that start with a number as they were', () => {
    const numbered = text.replace('其他法律行政法规禁止公开\n无\n', '其他法律行政法规禁止公开\n0\n');
    expect(parseReport({ text: numbered, file: 'a.txt' }).requests['withheld.lawForbids']).toEqual({ natural: 0, commercial: 0, research: null, nonprofit: null, legal: 0, otherOrg: null, total: 0 });
  });
});
