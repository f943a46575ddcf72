/**
 * Every chart of the site, built once per build from the site's data (src/lib/site-data.ts reads the data
 * files once) and cached at module level, so chart pages and file endpoints share one computation.
 */
import { group } from 'd3-array';
import { regions } from '../lib/region-data';
import { reports } from '../lib/site-data';
import { buildCharts, type ChartEntry } from './catalog';
import { buildRegionCharts } from './region-catalog';

/** One time for the whole build, printed on every chart. */
export const BUILT_AT = new Date().toISOString();

let charts: Promise<ChartEntry[]> | undefined;
let byId: Promise<Map<string, ChartEntry>> | undefined;

/** All charts: per report, per agency (≥ 2 years), per year and metric, per region and year. */
export function getCharts(): Promise<ChartEntry[]> {
  charts ??= Promise.resolve().then(() => [...buildCharts(reports, BUILT_AT), ...buildRegionCharts(regions, BUILT_AT)]);
  return charts;
}

/**
 * One chart by its permalink id, e.g. agencyTrendChartId(slug) for an agency page (see ChartFigure.astro);
 * undefined when there is no such chart (an agency with one year has no trend).
 */
export async function findChart(id: string): Promise<ChartEntry | undefined> {
  byId ??= getCharts().then((all) => new Map(all.map((c) => [c.id, c])));
  return (await byId).get(id);
}

let byReport: Promise<Map<string, ChartEntry[]>> | undefined;

/** Each report's charts by report id, grouped once (filtering every chart per report page is quadratic). */
export function chartsByReport(): Promise<Map<string, ChartEntry[]>> {
  byReport ??= getCharts().then((all) =>
    group(
      all.filter((c) => c.kind.startsWith('report-') && c.subject.reportId),
      (c) => c.subject.reportId as string,
    ),
  );
  return byReport;
}

/** The charts drawn from one report. */
export async function reportCharts(reportId: string): Promise<ChartEntry[]> {
  return (await chartsByReport()).get(reportId) ?? [];
}

/** getStaticPaths for every chart route: the id as parameter, the chart as prop. */
export async function chartPaths(): Promise<{ params: { id: string }; props: { chart: ChartEntry } }[]> {
  return (await getCharts()).map((chart) => ({ params: { id: chart.id }, props: { chart } }));
}
