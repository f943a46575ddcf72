/** Derived indicators (src/lib/indicators.ts): definitions, missing parts and zero denominators. */
import { describe, expect, it } from 'vitest';
import { APPLICANT_KEYS, REQUEST_ROW_KEYS, type Report, type RequestRow, type Requests } from '../../src/schema';
import { disclosureRate, groupValue, ratio, sum, withholdingRate, notHeldShare, correctionRate } from '../../src/lib/indicators';

const row = (total: number | null): RequestRow => Object.fromEntries(APPLICANT_KEYS.map((k) => [k, k === 'total' ? total : 0])) as RequestRow;
function requests(totals: Partial<Record<keyof Requests, number | null>>): Requests {
  const base = Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, row(0)])) as Requests;
  for (const [k, v] of Object.entries(totals)) (base as Record<string, RequestRow>)[k] = row(v);
  return base;
}
const report = (r: Requests, review = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }) =>
  ({ requests: r, appeals: { review } }) as unknown as Report;

describe('ratio and sum', () => {
  it('return null instead of NaN or Infinity', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(sum([1, null, 2])).toBeNull();
    expect(sum([1, 2])).toBe(3);
  });
});

describe('indicators', () => {
  it('disclosure rate counts full and partial disclosure over handled', () => {
    expect(disclosureRate(report(requests({ disclosed: 13, partlyDisclosed: 1, handledTotal: 21 })))).toBeCloseTo(14 / 21);
    expect(disclosureRate(report(requests({ disclosed: 0, handledTotal: 0 })))).toBeNull();
  });

  it('withholding rate sums the withheld sub-rows, or uses the group line when the report printed one', () => {
    expect(withholdingRate(report(requests({ 'withheld.internal': 2, 'withheld.process': 1, handledTotal: 10 })))).toBeCloseTo(0.3);
    const grouped = requests({ 'withheld.internal': null, handledTotal: 10 });
    expect(groupValue(grouped, 'withheld')).toBeNull();
    grouped.withheld = row(4);
    expect(withholdingRate(report(grouped))).toBeCloseTo(0.4);
  });

  it('not-held share and reconsideration correction rate', () => {
    expect(notHeldShare(report(requests({ 'unavailable.notHeld': 2, handledTotal: 21 })))).toBeCloseTo(2 / 21);
    expect(correctionRate(report(requests({}), { upheld: 0, corrected: 3, other: 0, pending: 0, total: 3 }))).toBe(1);
    expect(correctionRate(report(requests({})))).toBeNull();
  });
});
