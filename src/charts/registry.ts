/**
 * Every chart of the site. The charts shared across reports (agency trends, rankings, regions) are listed once per
 * build from the reports' summaries (src/lib/site-data.ts) and drawn when a page or a file asks for one; a report's
 * three charts are drawn from its summary when a page asks for them. A bounded cache keeps the charts drawn last, so
 * the build never holds every chart drawn at once.
 */
import { rendersChart } from '../lib/build-part';
import { builtAt } from '../lib/built-at';
import { recentlyComputed } from '../lib/recent';
import { regions } from '../lib/region-data';
import { reportById, reports } from '../lib/site-data';
import { REPORT_CHART_SUFFIXES, reportCharts as drawReportCharts, reportIdOfChart, sharedCharts as listSharedCharts, type ChartEntry, type SharedChart } from './catalog';
import { reportChartId } from './chart-ids';
import { hasPng } from './png-settings';
import { regionCharts } from './region-catalog';

/** One time for the whole build, printed on every chart (SITE_BUILT_AT: src/lib/built-at.ts). */
export const BUILT_AT = builtAt();

/**
 * The charts drawn last. A chart has a page, an embed, a PNG and its files, and a page may show it (an agency's trend,
 * a region-year's three charts), each rendered route by route a few pages at a time: the routes list a report's or a
 * region's charts one after the other, so a handful is enough. Chart entries are never changed once drawn.
 */
const RECENT_CHARTS = 16;
const recentReportCharts = recentlyComputed<string, ChartEntry[]>(RECENT_CHARTS);
const recentSharedChart = recentlyComputed<SharedChart, ChartEntry>(RECENT_CHARTS);

let shared: SharedChart[] | undefined;
let sharedById: Map<string, SharedChart> | undefined;

/** The charts shared across reports, listed (not drawn): per agency (≥ 2 years), per year and metric, per region and year. */
export function sharedCharts(): SharedChart[] {
  shared ??= [...listSharedCharts(reports, BUILT_AT), ...regionCharts(regions, BUILT_AT)];
  return shared;
}

/** A shared chart drawn (or taken from the charts drawn last). */
const drawShared = (chart: SharedChart): ChartEntry => recentSharedChart(chart, () => chart.draw());

/** The shared charts drawn one at a time, each let go when the next is drawn. */
export function* drawSharedCharts(): Generator<ChartEntry> {
  for (const chart of sharedCharts()) yield drawShared(chart);
}

/** The charts drawn from one report (none for an unknown id). */
export async function reportCharts(reportId: string): Promise<ChartEntry[]> {
  const report = reportById.get(reportId);
  if (!report) return [];
  return recentReportCharts(reportId, () => drawReportCharts(report, BUILT_AT));
}

/** Every chart one at a time: each report's, then the shared ones (each drawn and let go in turn). */
export async function* allCharts(): AsyncGenerator<ChartEntry> {
  for (const report of reports) yield* drawReportCharts(report, BUILT_AT);
  yield* drawSharedCharts();
}

/**
 * One chart by its permalink id, e.g. agencyTrendChartId(slug) for an agency page (see ChartFigure.astro);
 * undefined when there is no such chart (an agency with one year has no trend).
 */
export async function findChart(id: string): Promise<ChartEntry | undefined> {
  sharedById ??= new Map(sharedCharts().map((c) => [c.id, c]));
  const found = sharedById.get(id);
  if (found) return drawShared(found);
  const reportId = reportIdOfChart(id);
  return reportId === null ? undefined : (await reportCharts(reportId)).find((c) => c.id === id);
}

/** A chart that a route renders: found by id (the route's parameter), or the build fails naming it. */
export async function chartOf(id: string | undefined): Promise<ChartEntry> {
  const chart = id === undefined ? undefined : await findChart(id);
  if (!chart) throw new Error(`no chart with the id ${id}`);
  return chart;
}

/** Whether a chart is drawn from one report (its pages belong to that report's shard: src/lib/build-part.ts). */
export const isReportChart = (chart: Pick<ChartEntry, 'kind'>) => chart.kind.startsWith('report-');

/** How many charts the site has: each report's three and the shared ones. */
export const chartCount = (): number => reports.length * REPORT_CHART_SUFFIXES.length + sharedCharts().length;

/**
 * The ids of the charts whose PNG this build renders (the PNG route's pages): a report's three when every chart gets
 * a PNG (CHART_PNG=all) and this build renders report pages, the shared ones that get a PNG when it renders the
 * aggregate pages. Listed from ids alone, without drawing.
 */
export function pngChartIds(): string[] {
  const ids: string[] = [];
  if (rendersChart(true) && hasPng({ kind: 'report-handling' })) for (const report of reports) for (const suffix of REPORT_CHART_SUFFIXES) ids.push(reportChartId(report.id, suffix));
  if (rendersChart(false)) for (const chart of sharedCharts()) if (hasPng(chart)) ids.push(chart.id);
  return ids;
}
