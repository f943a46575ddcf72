/**
 * Every chart of the site, built from the reports as plain data (no Astro imports, so tests can call it):
 * per report (handling, applicants, appeals), per agency with ≥ 2 years (trend), and per year and metric (ranking).
 * A chart entry holds exactly the numbers it plots; SVG, PNG, CSV and data tables are all rendered from it.
 */
import { agencyTrendChartId, reportChartId } from './chart-ids';
import { group } from 'd3-array';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICANT_PARTS, REQUEST_GROUPS, REQUEST_ROWS, type ReportSummary, type RequestKey } from '../schema';
import { reportUrl } from '../lib/paths';
import { describeNotes, describeRows, sentences } from './describe';
import { formatWithUnit, PERCENT_UNIT } from './format';
import { METRICS, TREND_METRICS, type Metric, type MetricValue } from './metrics';
import { NoteCollector, notesForPaths } from './notes';
import { plainLabel } from './text';
import type { PlotRow } from './types';

export type ChartKind = 'report-handling' | 'report-applicants' | 'report-appeals' | 'agency-trend' | 'ranking' | 'region-ranking' | 'region-distribution';

export interface ChartRow extends PlotRow {
  unit: string;
  /** Page of the report the value comes from (ranking rows), else null. */
  href: string | null;
  /** Value paths in the report the number was read from. */
  paths: string[];
}

export interface ChartSource {
  /** "数据来源：…" as one line, for SVG/PNG/CSV. */
  text: string;
  /** The reports cited, linked on the site. Empty when there are too many to list (rankings link per row). */
  links: { label: string; href: string }[];
}

/** How the rows are drawn: one bar chart, or stacked trend panels (one per row group). */
export type ChartLayout =
  | { type: 'bars' }
  | { type: 'trend'; xLabels: string[]; series: { group: string; unit: string; kind: 'bar' | 'line' }[] };

export interface ChartEntry {
  /** Stable permalink id that reads its parameters, e.g. `report-yining-2024-handling`. */
  id: string;
  kind: ChartKind;
  title: string;
  subtitle: string;
  unit: string;
  source: ChartSource;
  notes: string[];
  rows: ChartRow[];
  /** Generated text description (alt text). */
  description: string;
  /** ISO time of the build that produced the chart. */
  builtAt: string;
  layout: ChartLayout;
  /** What the chart is about (the parameters its id reads), for pages that look charts up. */
  subject: { reportId?: string; agencySlug?: string; year?: number; metric?: string; /** Region path (slugs joined by /). */ region?: string };
}

/**
 * A chart shared across reports (agency trend, ranking, region chart), listed by what names it and drawn when a page or
 * a file needs it (draw): a build lists every shared chart but never holds them all drawn (their rows were a quarter of
 * the site build's data at 20,000 reports, BENCHMARKS.md). Each call draws the chart anew, the same for the same data.
 */
export interface SharedChart extends Pick<ChartEntry, 'id' | 'kind' | 'title' | 'subject'> {
  draw: () => ChartEntry;
}

/** What names a chart: the part of its entry a listing shows without drawing it. */
export type ChartHead = Omit<SharedChart, 'draw'>;

/** Rankings show at most this many agencies so that the chart stays readable for a large corpus. */
export const RANKING_LIMIT = 50;

const reportName = (r: ReportSummary) => `${r.agency.name} ${r.year} 年政府信息公开工作年度报告`;
const COUNT_UNIT = '件';

function reportSource(reports: ReportSummary[]): ChartSource {
  const links = reports.map((r) => ({ label: reportName(r), href: reportUrl(r.id) }));
  return { text: `数据来源：${links.map((l) => l.label).join('、')}`, links };
}

/** A row of one report's cell(s), flagged with the notes that concern those cells. */
export function reportRow(
  report: ReportSummary,
  collector: NoteCollector,
  row: { key: string; label: string; group?: string | null; unit: string; href?: string | null; notePrefix?: string } & MetricValue,
): ChartRow {
  const noteRefs = notesForPaths(report, row.paths).map((n) => collector.add(`${row.notePrefix ?? ''}${n}`));
  return {
    key: row.key,
    label: row.label,
    group: row.group ?? null,
    value: row.value,
    nullLabel: row.nullLabel,
    unit: row.unit,
    flagged: noteRefs.length > 0,
    noteRefs,
    href: row.href ?? null,
    paths: row.paths,
  };
}

function requestCell(report: ReportSummary, key: RequestKey, collector: NoteCollector, label: string, group: string | null): ChartRow {
  const value = report.requests[key]?.total ?? null;
  return reportRow(report, collector, { key, label, group, unit: COUNT_UNIT, value, paths: [`requests.${key}.total`] });
}

/** Outcome rows of table B (total column), a group's own line replacing its sub-rows when the report printed one, then carried forward. */
function handlingRows(report: ReportSummary, collector: NoteCollector): ChartRow[] {
  const rows: ChartRow[] = [];
  const printedAsLine = new Set(REQUEST_GROUPS.filter((g) => report.requests[g.key] !== undefined).map((g) => g.key));
  for (const def of REQUEST_ROWS) {
    if (!def.outcome) continue;
    const groupDef = 'group' in def ? REQUEST_GROUPS.find((g) => g.key === def.group) : undefined;
    if (groupDef && printedAsLine.has(groupDef.key)) {
      // Emit the group line once, in place of its first sub-row; never spread it over the sub-rows.
      if (!rows.some((r) => r.key === groupDef.key)) rows.push(requestCell(report, groupDef.key, collector, `${plainLabel(groupDef.zh)}（报告未分项）`, null));
      continue;
    }
    rows.push(requestCell(report, def.key, collector, plainLabel(def.zh), groupDef ? plainLabel(groupDef.zh) : null));
  }
  const carried = REQUEST_ROWS.find((r) => r.key === 'carriedForward');
  if (carried) rows.push(requestCell(report, carried.key, collector, plainLabel(carried.zh), null));
  return rows;
}

const ORG_GROUP = '法人或其他组织';

function applicantRows(report: ReportSummary, collector: NoteCollector): ChartRow[] {
  return APPLICANT_PARTS.map((key) => {
    const col = APPLICANT_COLUMNS.find((c) => c.key === key);
    return reportRow(report, collector, {
      key,
      label: col?.zh ?? key,
      group: key === 'natural' ? null : ORG_GROUP,
      unit: COUNT_UNIT,
      value: report.requests.received[key],
      paths: [`requests.received.${key}`],
    });
  });
}

function appealRows(report: ReportSummary, collector: NoteCollector): ChartRow[] {
  return APPEAL_GROUPS.flatMap((g) =>
    APPEAL_COLUMNS.map((c) =>
      reportRow(report, collector, {
        key: `${g.key}.${c.key}`,
        label: c.zh,
        group: g.zh,
        unit: COUNT_UNIT,
        value: report.appeals[g.key][c.key],
        paths: [`appeals.${g.key}.${c.key}`],
      }),
    ),
  );
}

function describeAppeals(rows: ChartRow[]): string {
  return APPEAL_GROUPS.map((g) => {
    const groupRows = rows.filter((r) => r.group === g.zh);
    const total = groupRows.find((r) => r.key === `${g.key}.total`);
    const parts = groupRows.filter((r) => r !== total);
    return `${g.zh}总计 ${formatWithUnit(total?.value ?? null, COUNT_UNIT)}（${describeRows(parts)}）`;
  }).join('；');
}

function reportEntries(report: ReportSummary, builtAt: string): ChartEntry[] {
  const who = `${report.agency.name} ${report.year} 年`;
  const received = `${who}收到政府信息公开申请 ${formatWithUnit(report.requests.received.total, COUNT_UNIT)}`;
  const source = reportSource([report]);
  const specs: { suffix: string; kind: ChartKind; title: string; subtitle: string; build: (c: NoteCollector) => ChartRow[]; describe: (rows: ChartRow[]) => string }[] = [
    {
      suffix: 'handling',
      kind: 'report-handling',
      title: `${who}政府信息公开申请办理结果`,
      subtitle: '本年度办理结果及结转下年度继续办理的申请（全部申请人合计），单位：件',
      build: (c) => handlingRows(report, c),
      describe: (rows) => `${received}，${describeRows(rows)}`,
    },
    {
      suffix: 'applicants',
      kind: 'report-applicants',
      title: `${who}政府信息公开申请人类型`,
      subtitle: '本年新收政府信息公开申请数量，按申请人类型，单位：件',
      build: (c) => applicantRows(report, c),
      describe: (rows) => `${received}，按申请人类型：${describeRows(rows)}`,
    },
    {
      suffix: 'appeals',
      kind: 'report-appeals',
      title: `${who}政府信息公开行政复议、行政诉讼情况`,
      subtitle: '因政府信息公开工作被申请行政复议、提起行政诉讼的案件，按结果，单位：件',
      build: (c) => appealRows(report, c),
      describe: (rows) => `${who}${describeAppeals(rows)}`,
    },
  ];
  return specs.map((spec) => {
    const collector = new NoteCollector();
    const rows = spec.build(collector);
    return {
      id: reportChartId(report.id, spec.suffix),
      kind: spec.kind,
      title: spec.title,
      subtitle: spec.subtitle,
      unit: COUNT_UNIT,
      source,
      notes: collector.notes,
      rows,
      description: sentences(spec.describe(rows), describeNotes(collector.notes)),
      builtAt,
      layout: { type: 'bars' },
      subject: { reportId: report.id, agencySlug: report.agency.slug, year: report.year },
    };
  });
}

const seriesLabel = (m: Metric) => `${m.zh}（${m.unit === PERCENT_UNIT ? '%' : m.unit}）`;

function trendHead(reports: ReportSummary[]): ChartHead {
  const agency = reports[reports.length - 1].agency;
  return { id: agencyTrendChartId(agency.slug), kind: 'agency-trend', title: `${agency.name}历年政府信息公开申请情况`, subject: { agencySlug: agency.slug } };
}

function trendEntry(head: ChartHead, reports: ReportSummary[], builtAt: string): ChartEntry {
  const agency = reports[reports.length - 1].agency;
  const years = reports.map((r) => String(r.year));
  const collector = new NoteCollector();
  const rows = TREND_METRICS.flatMap((m) =>
    reports.map((r) =>
      reportRow(r, collector, { key: `${m.slug}:${r.year}`, label: String(r.year), group: seriesLabel(m), unit: m.unit, href: reportUrl(r.id), notePrefix: `${r.year} 年：`, ...m.read(r) }),
    ),
  );
  const describe = TREND_METRICS.map((m) => {
    const series = rows.filter((r) => r.group === seriesLabel(m));
    return `${m.zh}：${series.map((r) => `${r.label} 年 ${formatWithUnit(r.value, r.unit, r.nullLabel)}`).join('，')}`;
  }).join('；');
  const span = `${years[0]}—${years[years.length - 1]} 年`;
  return {
    ...head,
    subtitle: `${span}；${TREND_METRICS.map((m) => `${m.zh}：${m.definition}`).join('；')}`,
    unit: TREND_METRICS.map((m) => m.unit).join('；'),
    source: reportSource(reports),
    notes: collector.notes,
    rows,
    description: sentences(`${agency.name} ${span}${describe}`, describeNotes(collector.notes)),
    builtAt,
    layout: {
      type: 'trend',
      xLabels: years,
      series: TREND_METRICS.map((m) => ({ group: seriesLabel(m), unit: m.unit, kind: m.unit === PERCENT_UNIT ? 'line' : 'bar' })),
    },
  };
}

/** Highest first; missing and not-applicable values last; ties by agency name for a stable order. */
export function compareRanked(a: { value: number | null; name: string }, b: { value: number | null; name: string }): number {
  if (a.value === null || b.value === null) return a.value === b.value ? a.name.localeCompare(b.name, 'zh') : a.value === null ? 1 : -1;
  return b.value - a.value || a.name.localeCompare(b.name, 'zh');
}

const rankingHead = (year: number, metric: Metric): ChartHead => ({ id: `ranking-${year}-${metric.slug}`, kind: 'ranking', title: `${year} 年各机关${metric.zh}`, subject: { year, metric: metric.slug } });

function rankingEntry(head: ChartHead, year: number, reports: ReportSummary[], metric: Metric, builtAt: string): ChartEntry {
  const ranked = reports
    .map((report) => ({ report, name: report.agency.name, ...metric.read(report) }))
    .sort(compareRanked)
    .slice(0, RANKING_LIMIT);
  const collector = new NoteCollector();
  const rows = ranked.map(({ report, name, ...value }) =>
    reportRow(report, collector, { key: report.id, label: name, unit: metric.unit, href: reportUrl(report.id), notePrefix: `${name}：`, ...value }),
  );
  const shown = ranked.length < reports.length ? `，显示前 ${ranked.length} 个（共 ${reports.length} 个机关）` : `，共 ${reports.length} 个机关`;
  const top = rows.filter((r) => r.value !== null).slice(0, 5);
  return {
    ...head,
    subtitle: `${metric.definition}，单位：${metric.unit}；由高到低排列${shown}`,
    unit: metric.unit,
    source: { text: `数据来源：${reports.length} 个机关 ${year} 年政府信息公开工作年度报告`, links: [] },
    notes: collector.notes,
    rows,
    description: sentences(
      `${year} 年 ${reports.length} 个机关的${metric.zh}`,
      top.length ? `由高到低：${describeRows(top)}` : '',
      rows.length > top.length ? `其余见数据表` : '',
      describeNotes(collector.notes),
    ),
    builtAt,
    layout: { type: 'bars' },
  };
}

/** Rankings need at least this many reports in a year to compare anything. */
const MIN_RANKED_REPORTS = 2;

/** The chart ids of one report (`report-<report id>-<suffix>`), in the order reportCharts gives its charts. */
export const REPORT_CHART_SUFFIXES = ['handling', 'applicants', 'appeals'] as const;
const REPORT_CHART_ID = new RegExp(`^report-(.+)-(${REPORT_CHART_SUFFIXES.join('|')})$`);

/** The report id a report chart's id names, or null for a chart of another kind. */
export function reportIdOfChart(chartId: string): string | null {
  return REPORT_CHART_ID.exec(chartId)?.[1] ?? null;
}

/** The three charts drawn from one report (handling, applicants, appeals). Pure. */
export function reportCharts(report: ReportSummary, builtAt: string): ChartEntry[] {
  return reportEntries(report, builtAt);
}

/** The charts shared across reports: agency trends (≥ 2 years) and rankings per year and metric, listed, not drawn. Pure. */
export function sharedCharts(reports: readonly ReportSummary[], builtAt: string): SharedChart[] {
  const sorted = [...reports].sort((a, b) => a.id.localeCompare(b.id));
  const charts: SharedChart[] = [];
  for (const [, agencyReports] of group(sorted, (r) => r.agency.slug)) {
    // One report per year (the first by id if an agency has two for the same year).
    const byYear = [...group(agencyReports, (r) => r.year).values()].map((rs) => rs[0]).sort((a, b) => a.year - b.year);
    if (byYear.length < 2) continue;
    const head = trendHead(byYear);
    charts.push({ ...head, draw: () => trendEntry(head, byYear, builtAt) });
  }

  const years = [...group(sorted, (r) => r.year)].sort(([a], [b]) => a - b);
  for (const [year, yearReports] of years) {
    if (yearReports.length < MIN_RANKED_REPORTS) continue;
    for (const metric of METRICS) {
      const head = rankingHead(year, metric);
      charts.push({ ...head, draw: () => rankingEntry(head, year, yearReports, metric, builtAt) });
    }
  }
  return charts;
}

/** The charts shared across reports, drawn. Pure. */
export const buildSharedCharts = (reports: readonly ReportSummary[], builtAt: string): ChartEntry[] => sharedCharts(reports, builtAt).map((c) => c.draw());

/** All charts for a set of reports: each report's, then the shared ones. Pure: the same reports and time give the same charts. */
export function buildCharts(reports: readonly ReportSummary[], builtAt: string): ChartEntry[] {
  const sorted = [...reports].sort((a, b) => a.id.localeCompare(b.id));
  return [...sorted.flatMap((r) => reportEntries(r, builtAt)), ...buildSharedCharts(sorted, builtAt)];
}
