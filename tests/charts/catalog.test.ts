/** The chart catalogue: which charts exist, their ids, rows, flags, null handling, rankings and trends. */
import { describe, expect, it } from 'vitest';
import { RANKING_LIMIT, buildCharts, sharedCharts, type ChartEntry } from '../../src/charts/catalog';
import { METRICS, valueAt } from '../../src/charts/metrics';
import { renderChartSvg } from '../../src/charts/render';
import { REQUEST_ROWS, type Report } from '../../src/schema';
import { makeReport, row } from '../unit/pipeline-helpers';
import { markByKey, marks } from './helpers';

const BUILT_AT = '2025-02-01T00:00:00.000Z';

/** A report of agency `n` for `year`, with `patch` applied to table B rows (total column). */
function agencyReport(n: number, year: number, totals: Partial<Record<string, number | null>> = {}, patch: Partial<Report> = {}): Report {
  const base = makeReport({
    id: `agency-${n}-${year}`,
    agency: { name: `第${n}机关`, slug: `agency-${n}`, level: 'county', region: { province: null, prefecture: null, county: null, code: null } },
    year,
    ...patch,
  });
  for (const [key, total] of Object.entries(totals)) (base.requests as Record<string, { total: number | null }>)[key] = { ...base.requests[key as 'received'], total: total ?? null };
  return base;
}

const byId = (charts: ChartEntry[], id: string) => {
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id}; have ${charts.map((c) => c.id).join(', ')}`);
  return chart;
};

describe('buildCharts', () => {
  it('gives every chart a unique, stable, URL-safe id that reads its parameters', () => {
    const reports = [agencyReport(1, 2023), agencyReport(1, 2024), agencyReport(2, 2024)];
    const charts = buildCharts(reports, BUILT_AT);
    const ids = charts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(ids).toContain('report-agency-1-2024-handling');
    expect(ids).toContain('report-agency-1-2024-applicants');
    expect(ids).toContain('report-agency-1-2024-appeals');
    expect(ids).toContain('agency-agency-1-trend');
    expect(ids).not.toContain('agency-agency-2-trend');
    for (const m of METRICS) expect(ids).toContain(`ranking-2024-${m.slug}`);
    // One report in 2023: nothing to rank.
    expect(ids.some((id) => id.startsWith('ranking-2023-'))).toBe(false);
    expect(buildCharts([...reports].reverse(), BUILT_AT).map((c) => c.id)).toEqual(ids);
    for (const c of charts) expect(c.builtAt).toBe(BUILT_AT);
  });

  it('lists each shared chart by the id, kind, title and subject its drawing has, and draws it the same each time', () => {
    const reports = [agencyReport(1, 2023), agencyReport(1, 2024), agencyReport(2, 2024), agencyReport(3, 2024, { received: 7 })];
    const listed = sharedCharts(reports, BUILT_AT);
    expect(listed.map((c) => c.kind).sort()).toEqual(['agency-trend', ...METRICS.map(() => 'ranking')].sort());
    for (const { draw, ...head } of listed) {
      const drawn = draw();
      expect({ id: drawn.id, kind: drawn.kind, title: drawn.title, subject: drawn.subject }).toEqual(head);
      expect(draw()).toEqual(drawn);
      expect(draw()).not.toBe(drawn);
    }
  });

  it('plots a group printed as one line instead of its empty sub-rows', () => {
    const report = agencyReport(1, 2024);
    report.requests.otherHandling = row([4, 0, 0, 0, 0, 1]);
    for (const def of REQUEST_ROWS) if ('group' in def && def.group === 'otherHandling') report.requests[def.key] = { ...row([0, 0, 0, 0, 0, 0]), total: null };
    const chart = byId(buildCharts([report], BUILT_AT), 'report-agency-1-2024-handling');
    const keys = chart.rows.map((r) => r.key);
    expect(keys).toContain('otherHandling');
    expect(keys.filter((k) => k.startsWith('otherHandling.'))).toEqual([]);
    expect(chart.rows.find((r) => r.key === 'otherHandling')).toMatchObject({ value: 5, label: '其他处理（报告未分项）' });
    expect(keys.indexOf('otherHandling')).toBeLessThan(keys.indexOf('carriedForward'));
  });

  it('keeps a blank cell null (未填报) with the diagnostic as a note', () => {
    const report = agencyReport(1, 2024);
    report.requests.received = { ...report.requests.received, natural: null };
    report.diagnostics = [
      { severity: 'warning', code: 'cell-blank', file: 'a.txt', line: 12, expected: '数字', found: '空', message: '自然人一栏为空', path: 'requests.received' },
    ];
    const chart = byId(buildCharts([report], BUILT_AT), 'report-agency-1-2024-applicants');
    const natural = chart.rows.find((r) => r.key === 'natural');
    expect(natural).toMatchObject({ value: null, flagged: true });
    expect(chart.notes).toEqual(['自然人一栏为空（原文第 12 行）']);
    expect(markByKey(renderChartSvg(chart), 'natural').text).toBe('未填报');
    expect(chart.description).toContain('自然人 未填报');
  });

  it('flags the rows whose cells a rule break names, with the rule in the note', () => {
    const report = agencyReport(1, 2024, {}, {
      checks: [{ rule: 'B1', scope: 'total', expected: 1, found: 2, cells: ['requests.carriedForward.total', 'requests.received.total'], message: '不相等' }],
    });
    const charts = buildCharts([report, agencyReport(2, 2024)], BUILT_AT);
    const handling = byId(charts, 'report-agency-1-2024-handling');
    expect(handling.rows.filter((r) => r.flagged).map((r) => r.key)).toEqual(['carriedForward']);
    expect(handling.notes).toEqual([expect.stringMatching(/^勾稽关系 B1（.+）不符：不相等$/)]);
    const ranking = byId(charts, 'ranking-2024-received');
    expect(ranking.rows.find((r) => r.key === 'agency-1-2024')).toMatchObject({ flagged: true, noteRefs: [1] });
    expect(ranking.rows.find((r) => r.key === 'agency-2-2024')?.flagged).toBe(false);
    expect(ranking.notes[0]).toMatch(/^第1机关：勾稽关系 B1/);
  });
});

describe('rankings', () => {
  it('ranks agencies high to low, missing values last, and links each row to its report', () => {
    const reports = [agencyReport(1, 2024, { received: 5 }), agencyReport(2, 2024, { received: null }), agencyReport(3, 2024, { received: 12 })];
    const chart = byId(buildCharts(reports, BUILT_AT), 'ranking-2024-received');
    expect(chart.rows.map((r) => [r.label, r.value])).toEqual([['第3机关', 12], ['第1机关', 5], ['第2机关', null]]);
    expect(chart.rows.map((r) => r.href)).toEqual(['/reports/agency-3-2024/', '/reports/agency-1-2024/', '/reports/agency-2-2024/']);
    const svg = renderChartSvg(chart);
    expect(marks(svg).map((m) => m.value)).toEqual([12, 5, null]);
    expect(chart.description).toContain('第3机关 12 件');
  });

  it(`shows at most ${RANKING_LIMIT} agencies and says how many there are`, () => {
    const reports = Array.from({ length: RANKING_LIMIT + 7 }, (_, i) => agencyReport(i + 1, 2024, { received: i }));
    const chart = byId(buildCharts(reports, BUILT_AT), 'ranking-2024-received');
    expect(chart.rows).toHaveLength(RANKING_LIMIT);
    expect(chart.rows[0].value).toBe(RANKING_LIMIT + 6);
    expect(chart.subtitle).toContain(`共 ${RANKING_LIMIT + 7} 个机关`);
  });

  it('computes rates in percent; a zero denominator is 不适用, a blank one 未填报', () => {
    const reports = [
      agencyReport(1, 2024, { disclosed: 3, partlyDisclosed: 1, handledTotal: 8 }),
      agencyReport(2, 2024, { disclosed: 0, partlyDisclosed: 0, handledTotal: 0 }),
      agencyReport(3, 2024, { disclosed: 2, partlyDisclosed: 0, handledTotal: null }),
    ];
    const chart = byId(buildCharts(reports, BUILT_AT), 'ranking-2024-disclosure-rate');
    expect(chart.unit).toBe('%');
    expect(chart.rows.map((r) => [r.key, r.value, r.value === null ? r.nullLabel : null])).toEqual([
      ['agency-1-2024', 50, null],
      // Values that cannot be ranked come last, by agency name.
      ['agency-2-2024', null, '不适用'],
      ['agency-3-2024', null, '未填报'],
    ]);
    const svg = renderChartSvg(chart);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(markByKey(svg, 'agency-2-2024').text).toBe('不适用');
  });
});

describe('agency trend', () => {
  it('plots received and the disclosure rate for each year, oldest first', () => {
    const reports = [agencyReport(1, 2024, { received: 30, disclosed: 9, partlyDisclosed: 0, handledTotal: 10 }), agencyReport(1, 2022, { received: 12, disclosed: 1, partlyDisclosed: 1, handledTotal: 4 })];
    const chart = byId(buildCharts(reports, BUILT_AT), 'agency-agency-1-trend');
    expect(chart.layout).toMatchObject({ type: 'trend', xLabels: ['2022', '2024'] });
    expect(chart.rows.map((r) => [r.key, r.value])).toEqual([
      ['received:2022', 12],
      ['received:2024', 30],
      ['disclosure-rate:2022', 50],
      ['disclosure-rate:2024', 90],
    ]);
    expect(chart.source.links.map((l) => l.href)).toEqual(['/reports/agency-1-2022/', '/reports/agency-1-2024/']);
    const svg = renderChartSvg(chart);
    expect(markByKey(svg, 'received:2024', 'vertical').value).toBe(30);
    expect(markByKey(svg, 'disclosure-rate:2022').value).toBe(50);
  });
});

describe('valueAt', () => {
  it('reads value paths, including row keys with dots', () => {
    const report = agencyReport(1, 2024);
    expect(valueAt(report, 'requests.withheld.stateSecret.total')).toBe(report.requests['withheld.stateSecret'].total);
    expect(valueAt(report, 'appeals.review.corrected')).toBe(report.appeals.review.corrected);
    expect(valueAt(report, 'requests.withheld.total')).toBeUndefined();
  });
});
