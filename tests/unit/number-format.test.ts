/** The short cuts for small counts (0–999 printed as their digits) print what d3-format (charts) and Intl (pages) print. */
import { format } from 'd3-format';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/charts/format';
import { formatCount } from '../../src/lib/format';

const d3Integer = format(',');
const SAMPLES = [...Array.from({ length: 1001 }, (_, i) => i), -0, -1, -999, 1000, 1234, 12345678];

describe('small counts on charts', () => {
  it("formatValue prints every integer sample as d3's ',' does", () => {
    for (const v of SAMPLES) expect(formatValue(v, '件'), String(v)).toBe(d3Integer(v));
    expect(formatValue(1000, '件')).toBe('1,000');
    expect(formatValue(-3, '件')).toBe('−3');
    expect(formatValue(999.5, '件')).toBe('999.5');
  });
});

describe('counts on pages', () => {
  const intl = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5 });
  it('formatCount prints every sample as Intl zh-CN does, -0 and fractions included', () => {
    for (const v of [...SAMPLES, 0.5, 999.5, 999.99999, 1e21, -1234.5]) expect(formatCount(v), String(v)).toBe(intl.format(v));
    expect(formatCount(-0)).toBe('-0');
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(null)).toBe('—');
  });
});
