/**
 * The chart listings: /charts/ shows the rankings and links to the paginated lists of agency trends
 * (/charts/trends/) and of each report's charts (/charts/reports/), which grow with the corpus.
 */
import { group } from 'd3-array';
import { reportChartId } from './chart-ids';
import { chartCount, sharedCharts } from './registry';
import { REPORT_CHART_SUFFIXES, type ChartHead } from './catalog';
import { reportsNewestFirst } from '../lib/site-data';
import type { ReportSummary } from '../schema/summary';

const REPORT_CHART_LABELS: Record<(typeof REPORT_CHART_SUFFIXES)[number], string> = { handling: '办理结果', applicants: '申请人类型', appeals: '行政复议与诉讼' };

/** A report's charts by id and label, for a listing (drawn only on their own pages). */
export const reportChartLinks = (report: Pick<ReportSummary, 'id'>): { id: string; label: string }[] =>
  REPORT_CHART_SUFFIXES.map((suffix) => ({ id: reportChartId(report.id, suffix), label: REPORT_CHART_LABELS[suffix] }));

export interface ChartIndex {
  total: number;
  /** Ranking charts by year, newest year first. */
  rankings: { year: number; charts: ChartHead[] }[];
  /** Agency trend charts by title. */
  trends: ChartHead[];
  /** The reports whose charts are listed (reportChartLinks), newest first. */
  chartedReports: readonly ReportSummary[];
}

let index: Promise<ChartIndex> | undefined;

async function buildIndex(): Promise<ChartIndex> {
  const charts = sharedCharts();
  const rankings = group(
    charts.filter((c) => c.kind === 'ranking'),
    (c) => c.subject.year as number,
  );
  return {
    total: chartCount(),
    rankings: [...rankings].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, charts: list })),
    trends: charts.filter((c) => c.kind === 'agency-trend').sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')),
    chartedReports: reportsNewestFirst,
  };
}

/** The listings, computed once per build. */
export function chartIndex(): Promise<ChartIndex> {
  index ??= buildIndex();
  return index;
}
