/**
 * The chart listings: /charts/ shows the rankings and links to the paginated lists of agency trends
 * (/charts/trends/) and of each report's charts (/charts/reports/), which grow with the corpus.
 */
import { getCharts } from '../charts/registry';
import type { ChartEntry, ChartKind } from '../charts/catalog';
import { reportsNewestFirst } from './site-data';
import type { Report } from '../schema/report';

export const TRENDS_URL = '/charts/trends/';
export const REPORT_CHARTS_URL = '/charts/reports/';

const REPORT_CHART_LABELS: Partial<Record<ChartKind, string>> = { 'report-handling': '办理结果', 'report-applicants': '申请人类型', 'report-appeals': '行政复议与诉讼' };

export interface ReportChartLine {
  report: Report;
  charts: { chart: ChartEntry; label: string }[];
}

export interface ChartIndex {
  total: number;
  /** Ranking charts by year, newest year first. */
  rankings: { year: number; charts: ChartEntry[] }[];
  /** Agency trend charts by title. */
  trends: ChartEntry[];
  /** Each report's charts, newest report first. */
  reportLines: ReportChartLine[];
}

let index: Promise<ChartIndex> | undefined;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(charts: ChartEntry[]): ChartIndex {
  const rankingsByYear = new Map<number, ChartEntry[]>();
  const byReport = new Map<string, { chart: ChartEntry; label: string }[]>();
  const trends: ChartEntry[] = [];
  for (const chart of charts) {
    if (chart.kind === 'ranking') {
      push(rankingsByYear, chart.subject.year as number, chart);
    } else if (chart.kind === 'agency-trend') trends.push(chart);
    const label = REPORT_CHART_LABELS[chart.kind];
    const reportId = chart.subject.reportId;
    if (label && reportId) push(byReport, reportId, { chart, label });
  }
  return {
    total: charts.length,
    rankings: [...rankingsByYear].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, charts: list })),
    trends: trends.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    reportLines: reportsNewestFirst.map((report) => ({ report, charts: byReport.get(report.id) ?? [] })),
  };
}

/** The listings, computed once per build. */
export function chartIndex(): Promise<ChartIndex> {
  index ??= getCharts().then(buildIndex);
  return index;
}
