/** The trend chart as a pure function: bars and a line over years, gaps for missing values. */
import { describe, expect, it } from 'vitest';
import { trendChart, type TrendSeries } from '../../src/charts/trend';
import type { PlotRow } from '../../src/charts/types';
import { lengthPerUnit, markByKey, marks } from './helpers';

const point = (key: string, label: string, value: number | null, flagged = false): PlotRow => ({ key, label, value, flagged, noteRefs: flagged ? [1] : [] });
const years = ['2021', '2022', '2023', '2024'];

function draw(received: (number | null)[], rate: (number | null)[]): string {
  const series: TrendSeries[] = [
    { label: '收到申请数（件）', unit: '件', kind: 'bar', points: years.map((y, i) => point(`received:${y}`, y, received[i], y === '2024')) },
    { label: '公开率（%）', unit: '%', kind: 'line', points: years.map((y, i) => point(`rate:${y}`, y, rate[i])) },
  ];
  return trendChart(series, { xLabels: years, title: '<趋势>', description: '描述' });
}

describe('trendChart', () => {
  it('plots every year of every series with its value; bar heights proportional', () => {
    const svg = draw([10, 40, 20, 30], [50, 75.5, 60, 90]);
    const bars = marks(svg, 'vertical').filter((m) => m.tag === 'rect');
    expect(bars.map((m) => m.value)).toEqual([10, 40, 20, 30]);
    const ratios = lengthPerUnit(bars);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 2);
    expect(marks(svg).filter((m) => m.tag === 'circle').map((m) => m.value)).toEqual([50, 75.5, 60, 90]);
    expect(svg).toContain('&lt;趋势&gt;');
  });

  it('places higher rates higher on the chart', () => {
    const svg = draw([1, 1, 1, 1], [50, 75.5, 60, 90]);
    const cy = (key: string) => Number(markByKey(svg, key).attrs.cy);
    expect(cy('rate:2024')).toBeLessThan(cy('rate:2022'));
    expect(cy('rate:2022')).toBeLessThan(cy('rate:2023'));
  });

  it('leaves a gap labelled 未填报 for a missing year instead of a zero', () => {
    const svg = draw([10, null, 20, 30], [50, null, 60, 90]);
    expect(markByKey(svg, 'received:2022').text).toBe('未填报');
    expect(markByKey(svg, 'rate:2022').value).toBeNull();
    // The line is broken in two pieces around the gap.
    const path = svg.match(/<path d="(M[^"]+)" fill="none"/)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(2);
  });

  it('copes with all-zero and all-null series', () => {
    for (const svg of [draw([0, 0, 0, 0], [0, 0, 0, 0]), draw([null, null, null, null], [null, null, null, null])]) {
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('marks a flagged year', () => {
    const svg = draw([10, 40, 20, 30], [50, 75.5, 60, 90]);
    expect(svg.match(/class="flag"/g)).toHaveLength(1);
  });
});
