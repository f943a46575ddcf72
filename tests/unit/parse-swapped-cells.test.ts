/**
 * Two cells of a row in reversed order in the text: poppler's -layout orders a line's words by where it puts them,
 * and two close cells of different fonts (ASCII and full-width digits) can come out swapped ("18  ８９" for 89 and 18,
 * pdfCase('hunt4-pdf', 668)). The row total (B3) holds either way; the column sums (B1, B2) break in exactly those two
 * columns. The two cells are null with `row-order-ambiguous`, and no break is reported for an unproved reading.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { swapCandidates } from '../../src/pipeline/parse/column-sums';
import { parseReport } from '../../src/pipeline/parse';
import { checkReport } from '../../src/pipeline/check/rules';
import { REQUEST_ROW_KEYS, type RequestKey, type Requests } from '../../src/schema';

const GENERATED = 'tests/fixtures/shapes/pdftotext-layout-swapped-cells.txt';

/** A consistent table B: every row 0 but the rows given (natural, commercial, … total). */
function table(rows: Partial<Record<RequestKey, number[]>>): Requests {
  const keys = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'] as const;
  const out = Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, Object.fromEntries(keys.map((c) => [c, 0]))])) as unknown as Requests;
  for (const [k, v] of Object.entries(rows)) (out as Record<string, unknown>)[k] = Object.fromEntries(keys.map((c, i) => [c, v![i]]));
  return out;
}

describe('two cells of a row swapped in a space-separated line', () => {
  const text = readFileSync(GENERATED, 'utf8');
  const r = parseReport({ text, file: 'a.txt' });

  it('are null with a diagnostic naming both readings, the row’s other cells read', () => {
    expect(text).toMatch(/一、本年新收政府信息公开申请数量 +18 +８９ +0 +10 14 +０ +１３１/);
    expect(r.requests.received).toEqual({ natural: null, commercial: null, research: 0, nonprofit: 10, legal: 14, otherOrg: 0, total: 131 });
    const d = r.diagnostics.find((x) => x.code === 'row-order-ambiguous');
    expect(d).toMatchObject({ path: 'requests.received', expected: 'B1 in columns natural, commercial', found: 'natural 18, commercial 89' });
    expect(r.placement.requests).toEqual({ method: 'partial', byLabel: 173, byArithmetic: 0, unread: 2 });
  });

  it('leave no B1 break in those columns (the reading that broke it was not proved)', () => {
    const breaks = checkReport({ requests: r.requests, appeals: r.appeals, proactive: r.proactive, template: r.template, proseCounts: r.proseCounts } as Parameters<typeof checkReport>[0]);
    expect(breaks.filter((b) => b.rule === 'B1')).toEqual([]);
  });
});

describe('swapCandidates', () => {
  const all = new Set<RequestKey>(REQUEST_ROW_KEYS);

  it('finds the row whose two cells, changed places, make B1 hold in both columns', () => {
    // received printed 3 5 …, truly 5 3: B1 breaks by −2 in natural and +2 in commercial.
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, all)).toEqual([{ key: 'received', columns: ['natural', 'commercial'], rule: 'B1' }]);
  });

  it('finds an outcome row by B2, the total row (in both rules) once', () => {
    const t = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [3, 5, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, all)).toEqual([{ key: 'disclosed', columns: ['natural', 'commercial'], rule: 'B2' }]);
    const total = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [3, 5, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(total, all)).toEqual([{ key: 'handledTotal', columns: ['natural', 'commercial'], rule: 'B1' }]);
  });

  it('finds a row whose three cells stand rotated', () => {
    // received printed 2 3 5 …, truly 5 2 3: B1 breaks in three columns, and the row in another order holds.
    const t = table({ received: [2, 3, 5, 0, 0, 0, 10], handledTotal: [5, 2, 3, 0, 0, 0, 10], disclosed: [5, 2, 3, 0, 0, 0, 10] });
    expect(swapCandidates(t, all)).toEqual([{ key: 'received', columns: ['natural', 'commercial', 'research'], rule: 'B1' }]);
  });

  it('finds nothing where the breaks do not add up to 0, or the row’s order is shown by its separators', () => {
    const one = table({ received: [5, 3, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [4, 3, 0, 0, 0, 0, 7] });
    expect(swapCandidates(one, all)).toEqual([]);
    const three = table({ received: [3, 5, 1, 0, 0, 0, 9], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(three, all)).toEqual([]);
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    expect(swapCandidates(t, new Set<RequestKey>(REQUEST_ROW_KEYS.filter((k) => k !== 'received')))).toEqual([]);
  });

  it('skips a comparison with a blank cell, as the check stage does', () => {
    const t = table({ received: [3, 5, 0, 0, 0, 0, 8], handledTotal: [5, 3, 0, 0, 0, 0, 8], disclosed: [5, 3, 0, 0, 0, 0, 8] });
    (t.carriedOver as Record<string, number | null>).natural = null;
    expect(swapCandidates(t, all)).toEqual([]);
  });
});
