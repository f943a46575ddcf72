/**
 * Key figures and indicators compared across agencies (rankings) and years (trends).
 * The indicators themselves are defined once in src/lib/indicators.ts; this module adds, for charts,
 * which cells each value reads (so rule breaks on those cells flag the plotted value) and why a value is null.
 */
import { INDICATORS, groupRows, sum, type IndicatorKey } from '../lib/indicators';
import { splitCellPath, type AppealGroup, type ReportSummary, type RequestRowKey } from '../schema';
import { NOT_APPLICABLE_LABEL, NULL_LABEL, PERCENT_UNIT } from './format';

export interface MetricValue {
  value: number | null;
  /** Value paths read, e.g. `requests.received.total`. */
  paths: string[];
  /** Label for a null value: 未填报 when a cell read is blank, 不适用 when only a denominator is zero. */
  nullLabel?: string;
}

export interface Metric {
  /** Used in chart ids: `ranking-<year>-<slug>`. */
  slug: string;
  zh: string;
  unit: string;
  /** How the value is obtained, shown in the chart subtitle. */
  definition: string;
  read(report: ReportSummary): MetricValue;
}

const requestPath = (key: string) => `requests.${key}.total`;
const appealPath = (group: AppealGroup, column: string) => `appeals.${group}.${column}`;

/**
 * The number at a value path (`requests.<row key>.<column>`, `appeals.<group>.<column>`); row keys may
 * contain dots (`withheld.stateSecret`), so the table is the first segment and the column the last.
 * Undefined when the path does not exist in this report (a group line the report did not print).
 */
export function valueAt(report: ReportSummary, path: string): number | null | undefined {
  const { table, row: key, column } = splitCellPath(path) ?? { table: '', row: '', column: '' };
  const rows = table === 'requests' ? report.requests : table === 'appeals' ? report.appeals : undefined;
  const row = (rows as Record<string, Record<string, number | null> | undefined> | undefined)?.[key];
  return row?.[column];
}

function countMetric(slug: string, zh: string, definition: string, paths: (r: ReportSummary) => string[]): Metric {
  return {
    slug,
    zh,
    unit: '件',
    definition,
    read: (r) => {
      const p = paths(r);
      // A partial sum would understate: null as soon as one part is blank.
      return { value: sum(p.map((path) => valueAt(r, path) ?? null)), paths: p };
    },
  };
}

/** A table B group's cells as printed: its own line if the report printed one, else its numbered sub-rows. */
function groupPaths(r: ReportSummary, group: 'withheld'): string[] {
  return r.requests[group] ? [requestPath(group)] : groupRows(group).map(requestPath);
}

/** The cells each indicator of src/lib/indicators.ts reads (total column). */
const INDICATOR_PATHS: Record<IndicatorKey, (r: ReportSummary) => string[]> = {
  disclosureRate: () => ['disclosed', 'partlyDisclosed', 'handledTotal'].map(requestPath),
  withholdingRate: (r) => [...groupPaths(r, 'withheld'), requestPath('handledTotal')],
  notHeldShare: () => ['unavailable.notHeld', 'handledTotal'].map(requestPath),
  correctionRate: () => [appealPath('review', 'corrected'), appealPath('review', 'total')],
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const indicatorMetrics: Metric[] = INDICATORS.map((indicator) => ({
  slug: kebab(indicator.key),
  zh: indicator.zh,
  unit: PERCENT_UNIT,
  definition: indicator.definition,
  read: (r: ReportSummary) => {
    const paths = INDICATOR_PATHS[indicator.key](r);
    const ratio = indicator.compute(r);
    if (ratio !== null) return { value: Math.round(ratio * 1000) / 10, paths };
    const blank = paths.some((p) => valueAt(r, p) === null);
    return { value: null, paths, nullLabel: blank ? NULL_LABEL : NOT_APPLICABLE_LABEL };
  },
}));

const requestCount = (key: RequestRowKey) => () => [requestPath(key)];

export const METRICS: Metric[] = [
  countMetric('received', '收到申请数', '本年新收政府信息公开申请数量（总计列）', requestCount('received')),
  countMetric('handled', '办理申请数', '本年度办理结果总计（总计列）', requestCount('handledTotal')),
  countMetric('disclosed', '予以公开数', '办理结果为“予以公开”的申请（总计列）', requestCount('disclosed')),
  countMetric('carried-forward', '结转下年度申请数', '结转下年度继续办理的申请（总计列）', requestCount('carriedForward')),
  countMetric('review', '行政复议案件数', '因政府信息公开被申请行政复议的总计', () => [appealPath('review', 'total')]),
  countMetric('lawsuits', '行政诉讼案件数', '因政府信息公开被提起行政诉讼的总计（未经复议直接起诉 + 复议后起诉）', () => [
    appealPath('suitDirect', 'total'),
    appealPath('suitAfterReview', 'total'),
  ]),
  ...indicatorMetrics,
];

/** The metrics plotted in an agency's trend chart, one panel each. */
export const TREND_METRICS = ['received', 'disclosure-rate'].map((slug) => {
  const metric = METRICS.find((m) => m.slug === slug);
  if (!metric) throw new Error(`unknown trend metric ${slug}`);
  return metric;
});
