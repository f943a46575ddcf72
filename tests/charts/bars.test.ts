/** The horizontal bar chart as a pure function: geometry, escaping, missing values, degenerate data. */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/charts/bars';
import type { PlotRow } from '../../src/charts/types';
import { lengthPerUnit, markByKey, marks } from './helpers';

const row = (key: string, value: number | null, extra: Partial<PlotRow> = {}): PlotRow => ({ key, label: key, value, flagged: false, noteRefs: [], ...extra });
const draw = (rows: PlotRow[], unit = '件') => barChart(rows, { unit, title: '标题', description: '描述' });
/** resvg parses the SVG as XML: it throws on anything malformed. */
const parses = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng().length > 0;

describe('barChart', () => {
  it('draws one bar per value, its length proportional to the value', () => {
    const svg = draw([row('a', 40), row('b', 10), row('c', 25), row('d', 0)]);
    const all = marks(svg);
    expect(all.map((m) => [m.key, m.value])).toEqual([['a', 40], ['b', 10], ['c', 25], ['d', 0]]);
    const ratios = lengthPerUnit(all);
    expect(ratios).toHaveLength(3);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 2);
    expect(markByKey(svg, 'd').length).toBe(0);
    expect(markByKey(svg, 'a').length).toBeGreaterThan(100);
  });

  it('escapes text from reports: labels, keys and the accessible title', () => {
    const hostile = '<script>alert(1)</script>"&\'';
    const svg = barChart([row('x"><script>', 3, { label: hostile, group: '<b>组</b>' })], { unit: '件', title: hostile, description: hostile });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markByKey(svg, 'x"><script>').value).toBe(3);
    expect(parses(svg)).toBe(true);
  });

  it('drops characters XML cannot hold instead of producing an unparseable file', () => {
    const svg = draw([row('a', 1, { label: 'bad\u0000\u0007label\uFFFF' })]);
    expect(svg).toContain('badlabel');
    expect(parses(svg)).toBe(true);
  });

  it('shows a null value as 未填报, never as a zero bar', () => {
    const svg = draw([row('a', 5), row('missing', null), row('na', null, { nullLabel: '不适用' })]);
    const missing = markByKey(svg, 'missing');
    expect(missing.value).toBeNull();
    expect(missing.tag).toBe('text');
    expect(missing.text).toBe('未填报');
    expect(markByKey(svg, 'na').text).toBe('不适用');
    expect(marks(svg).filter((m) => m.tag === 'rect').map((m) => m.key)).toEqual(['a']);
  });

  it('copes with all-zero, all-null and empty data (no NaN, no division by zero)', () => {
    for (const rows of [[row('a', 0), row('b', 0)], [row('a', null)], []]) {
      const svg = draw(rows);
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(parses(svg)).toBe(true);
    }
    expect(markByKey(draw([row('a', 0), row('b', 0)]), 'a').length).toBe(0);
  });

  it('draws negative values left of zero, still proportional', () => {
    const svg = draw([row('pos', 10), row('neg', -5)]);
    const ratios = lengthPerUnit(marks(svg));
    expect(ratios[1]).toBeCloseTo(ratios[0], 2);
    expect(Number(markByKey(svg, 'neg').attrs.x)).toBeLessThan(Number(markByKey(svg, 'pos').attrs.x));
  });

  it('marks flagged values with the warning marker and their note numbers', () => {
    const svg = draw([row('ok', 2), row('bad', 3, { flagged: true, noteRefs: [1, 2] })]);
    expect(svg.match(/class="flag"/g)).toHaveLength(1);
    expect(svg).toContain('>1,2</text>');
    expect(markByKey(svg, 'bad').attrs.fill).not.toBe(markByKey(svg, 'ok').attrs.fill);
  });

  it('prints group headings once and percentages with a % sign', () => {
    const svg = draw([row('a', 12.5, { group: '组一' }), row('b', 50, { group: '组一' }), row('c', 0, { group: '组二' })], '%');
    expect(svg.match(/class="group"/g)).toHaveLength(2);
    expect(svg).toContain('>12.5%</text>');
    expect(svg).toContain('>50.0%</text>');
  });

  it('is responsive only when asked: fixed pixel size for files, viewBox + width 100% inline', () => {
    const fixed = draw([row('a', 1)]);
    expect(fixed).toMatch(/<svg[^>]* width="640" height="\d+"/);
    const responsive = barChart([row('a', 1)], { unit: '件', title: 't', description: 'd', responsive: true });
    expect(responsive).toMatch(/<svg[^>]* viewBox="0 0 640 \d+"[^>]* width="100%"/);
    expect(responsive).not.toMatch(/<svg[^>]* height=/);
  });
});
