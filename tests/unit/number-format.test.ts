/** The chart counts' short cut (0–999 printed as their digits) prints what d3-format prints. */
import { format } from 'd3-format';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/charts/format';

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
