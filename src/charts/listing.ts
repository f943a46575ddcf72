/**
 * The chart listings: /charts/ shows the rankings and links to the paginated lists of agency trends
 * (/charts/trends/) and of each report's charts (/charts/reports/), which grow with the corpus.
 */
import { group } from 'd3-array';
import { chartsByReport, getCharts } from './registry';
import type { ChartEntry, ChartKind } from './catalog';
import { reportsNewestFirst } from '../lib/site-data';
import type { Report } from '../schema/report';

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

async function buildIndex(): Promise<ChartIndex> {
  const charts = await getCharts();
  const byReport = await chartsByReport();
  const rankings = group(
    charts.filter((c) => c.kind === 'ranking'),
    (c) => c.subject.year as number,
  );
  return {
    total: charts.length,
    rankings: [...rankings].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, charts: list })),
    trends: charts.filter((c) => c.kind === 'agency-trend').sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    reportLines: reportsNewestFirst.map((report) => ({
      report,
      charts: (byReport.get(report.id) ?? []).flatMap((chart) => {
        const label = REPORT_CHART_LABELS[chart.kind];
        return label ? [{ chart, label }] : [];
      }),
    })),
  };
}

/** The listings, computed once per build. */
export function chartIndex(): Promise<ChartIndex> {
  index ??= buildIndex();
  return index;
}
