/**
 * Derived indicators, defined once for every page, endpoint and chart.
 * Every function returns null instead of NaN/Infinity: when a part is missing (a blank cell) or a denominator is zero.
 */
import { APPLICANT_PARTS, REQUEST_ROWS, type ApplicantColumn, type RequestGroup, type RequestRowKey } from '../schema/keys';
import type { Requests } from '../schema/report';
import type { ReportSummary } from '../schema/summary';

export type Value = number | null;

/** a / b, or null when either is missing or b is zero. */
export function ratio(numerator: Value, denominator: Value): Value {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** The sum of the parts, or null when any part is missing (a blank cell is unknown, not zero). */
export function sum(values: readonly Value[]): Value {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** The numbered sub-rows of a row group of table B, e.g. withheld → withheld.stateSecret … withheld.inquiry. */
export function groupRows(group: RequestGroup): RequestRowKey[] {
  return REQUEST_ROWS.filter((r) => 'group' in r && r.group === group).map((r) => r.key);
}

/**
 * A row group's value in one column: the group's own line when the report printed the group as one line
 * (see FORMAT.md, "Variant"), otherwise the sum of its numbered sub-rows.
 */
export function groupValue(requests: Requests, group: RequestGroup, column: ApplicantColumn = 'total'): Value {
  const line = requests[group];
  if (line) return line[column];
  return sum(groupRows(group).map((key) => requests[key][column]));
}

/** Share of handled requests disclosed in full or in part: (disclosed + partlyDisclosed) / handledTotal. */
export function disclosureRate(report: ReportSummary, column: ApplicantColumn = 'total'): Value {
  const r = report.requests;
  return ratio(sum([r.disclosed[column], r.partlyDisclosed[column]]), r.handledTotal[column]);
}

/** Share of handled requests withheld (不予公开): the withheld group / handledTotal. */
export function withholdingRate(report: ReportSummary, column: ApplicantColumn = 'total'): Value {
  return ratio(groupValue(report.requests, 'withheld', column), report.requests.handledTotal[column]);
}

/** Share of handled requests answered "not held by this body": unavailable.notHeld / handledTotal. */
export function notHeldShare(report: ReportSummary, column: ApplicantColumn = 'total'): Value {
  return ratio(report.requests['unavailable.notHeld'][column], report.requests.handledTotal[column]);
}

/** Share of administrative reconsiderations that corrected the agency: review.corrected / review.total. */
export function correctionRate(report: ReportSummary): Value {
  return ratio(report.appeals.review.corrected, report.appeals.review.total);
}

/** Requests received per applicant type, as a share of all requests received. */
export function applicantShares(report: ReportSummary): { column: (typeof APPLICANT_PARTS)[number]; share: Value }[] {
  const received = report.requests.received;
  return APPLICANT_PARTS.map((column) => ({ column, share: ratio(received[column], received.total) }));
}

/** The indicators with their definitions, in display order. */
export const INDICATORS = [
  {
    key: 'disclosureRate',
    zh: '公开率（全部或部分公开）',
    en: 'Disclosed in full or in part',
    definition: '（予以公开 + 部分公开）÷ 办理结果总计',
    compute: (r: ReportSummary) => disclosureRate(r),
  },
  {
    key: 'withholdingRate',
    zh: '不予公开率',
    en: 'Withheld',
    definition: '不予公开各项之和 ÷ 办理结果总计',
    compute: (r: ReportSummary) => withholdingRate(r),
  },
  {
    key: 'notHeldShare',
    zh: '“本机关不掌握”占比',
    en: 'Not held by this body',
    definition: '本机关不掌握相关政府信息 ÷ 办理结果总计',
    compute: (r: ReportSummary) => notHeldShare(r),
  },
  {
    key: 'correctionRate',
    zh: '行政复议纠错率',
    en: 'Reconsideration correction rate',
    definition: '行政复议结果纠正 ÷ 行政复议总计',
    compute: (r: ReportSummary) => correctionRate(r),
  },
] as const;
export type IndicatorKey = (typeof INDICATORS)[number]['key'];

/** An indicator's numerator and denominator in one report (total column), as the functions above divide them. */
export interface RatioParts {
  numerator: Value;
  denominator: Value;
}

/** The parts of each indicator, so that a rate over many reports divides the sums (never averages the rates). */
export const INDICATOR_PARTS: Record<IndicatorKey, (r: ReportSummary) => RatioParts> = {
  disclosureRate: (r) => ({ numerator: sum([r.requests.disclosed.total, r.requests.partlyDisclosed.total]), denominator: r.requests.handledTotal.total }),
  withholdingRate: (r) => ({ numerator: groupValue(r.requests, 'withheld'), denominator: r.requests.handledTotal.total }),
  notHeldShare: (r) => ({ numerator: r.requests['unavailable.notHeld'].total, denominator: r.requests.handledTotal.total }),
  correctionRate: (r) => ({ numerator: r.appeals.review.corrected, denominator: r.appeals.review.total }),
};

/** A rate over a set of reports: Σ numerators ÷ Σ denominators over the reports where both are known. */
export interface PooledRate {
  value: Value;
  numerator: number;
  denominator: number;
  /** Reports whose numerator and denominator are both known (the ones summed). */
  counted: number;
  /** Reports in the set. */
  of: number;
}

export function pooledRate(reports: readonly ReportSummary[], key: IndicatorKey): PooledRate {
  let numerator = 0;
  let denominator = 0;
  let counted = 0;
  for (const r of reports) {
    const parts = INDICATOR_PARTS[key](r);
    if (parts.numerator === null || parts.denominator === null) continue;
    numerator += parts.numerator;
    denominator += parts.denominator;
    counted += 1;
  }
  return { value: counted ? ratio(numerator, denominator) : null, numerator, denominator, counted, of: reports.length };
}
