/**
 * Every chart of the site. The charts shared across reports (agency trends, rankings, regions) are built once per
 * build from the reports' summaries (src/lib/site-data.ts) and cached at module level; a report's three charts are
 * drawn from its summary when a page asks for them, so the build never holds every report's charts at once.
 */
import { rendersChart } from '../lib/build-part';
import { builtAt } from '../lib/built-at';
import { regions } from '../lib/region-data';
import { reportById, reports } from '../lib/site-data';
import { REPORT_CHART_SUFFIXES, buildSharedCharts, reportCharts as drawReportCharts, reportIdOfChart, type ChartEntry } from './catalog';
import { reportChartId } from './chart-ids';
import { buildRegionCharts } from './region-catalog';

/** One time for the whole build, printed on every chart (SITE_BUILT_AT: src/lib/built-at.ts). */
export const BUILT_AT = builtAt();

let shared: Promise<ChartEntry[]> | undefined;
let sharedById: Promise<Map<string, ChartEntry>> | undefined;

/** The charts shared across reports: per agency (≥ 2 years), per year and metric, per region and year. */
export function getSharedCharts(): Promise<ChartEntry[]> {
  shared ??= Promise.resolve().then(() => [...buildSharedCharts(reports, BUILT_AT), ...buildRegionCharts(regions, BUILT_AT)]);
  return shared;
}

/**
 * The charts of the reports drawn last. A report's three charts each have a page, an embed and a PNG route, rendered
 * route by route, a few pages at a time: each of those pages asked for its report's charts, so each report's charts
 * were drawn three times per route. A handful of reports is enough (the routes list a report's charts one after the
 * other), and a bounded cache never holds every report's charts. Chart entries are never changed once built.
 */
const recentReportCharts = new Map<string, ChartEntry[]>();
const RECENT_REPORTS = 8;

/** The charts drawn from one report (none for an unknown id). */
export async function reportCharts(reportId: string): Promise<ChartEntry[]> {
  const cached = recentReportCharts.get(reportId);
  if (cached) return cached;
  const report = reportById.get(reportId);
  if (!report) return [];
  const charts = drawReportCharts(report, BUILT_AT);
  recentReportCharts.set(reportId, charts);
  if (recentReportCharts.size > RECENT_REPORTS) recentReportCharts.delete(recentReportCharts.keys().next().value!);
  return charts;
}

/** Every chart one at a time: each report's, then the shared ones (each report's drawn and let go in turn). */
export async function* allCharts(): AsyncGenerator<ChartEntry> {
  for (const report of reports) yield* drawReportCharts(report, BUILT_AT);
  yield* await getSharedCharts();
}

/**
 * One chart by its permalink id, e.g. agencyTrendChartId(slug) for an agency page (see ChartFigure.astro);
 * undefined when there is no such chart (an agency with one year has no trend).
 */
export async function findChart(id: string): Promise<ChartEntry | undefined> {
  sharedById ??= getSharedCharts().then((all) => new Map(all.map((c) => [c.id, c])));
  const found = (await sharedById).get(id);
  if (found) return found;
  const reportId = reportIdOfChart(id);
  return reportId === null ? undefined : (await reportCharts(reportId)).find((c) => c.id === id);
}

/** A chart that a route renders: found by id (the route's parameter), or the build fails naming it. */
export async function chartOf(id: string | undefined): Promise<ChartEntry> {
  const chart = id === undefined ? undefined : await findChart(id);
  if (!chart) throw new Error(`no chart with the id ${id}`);
  return chart;
}

/** What chart routes need to list a chart without drawing it: its id, kind and subject. */
export type ChartRef = Pick<ChartEntry, 'id' | 'kind' | 'subject'>;

let refs: Promise<ChartRef[]> | undefined;
let paths: Promise<{ params: { id: string } }[]> | undefined;

/** Every chart's reference: each report's three (from its id alone), then the shared charts. Computed once. */
export function chartRefs(): Promise<ChartRef[]> {
  refs ??= listChartRefs();
  return refs;
}

async function listChartRefs(): Promise<ChartRef[]> {
  const kinds = { handling: 'report-handling', applicants: 'report-applicants', appeals: 'report-appeals' } as const;
  const ofReports = reports.flatMap((r) =>
    REPORT_CHART_SUFFIXES.map((suffix): ChartRef => ({ id: reportChartId(r.id, suffix), kind: kinds[suffix], subject: { reportId: r.id, agencySlug: r.agency.slug, year: r.year } })),
  );
  const ofShared = (await getSharedCharts()).map(({ id, kind, subject }) => ({ id, kind, subject }));
  return [...ofReports, ...ofShared];
}

/** Whether a chart is drawn from one report (its pages belong to that report's shard: src/lib/build-part.ts). */
export const isReportChart = (chart: Pick<ChartRef, 'kind'>) => chart.kind.startsWith('report-');

/** The charts whose pages this build renders: every chart, or a shard's report charts, or the merge's shared ones. */
export async function renderedChartRefs(): Promise<ChartRef[]> {
  return (await chartRefs()).filter((c) => rendersChart(isReportChart(c)));
}

/** getStaticPaths for every chart route: the id only; the page looks its chart up when it renders (chartOf). */
export function chartPaths(): Promise<{ params: { id: string } }[]> {
  paths ??= renderedChartRefs().then((all) => all.map((c) => ({ params: { id: c.id } })));
  return paths;
}
