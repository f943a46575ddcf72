/** Rule X1 across years: carriedOver of year Y = carriedForward of the same agency's report for Y−1. */
import { APPLICANT_KEYS, type Report, type RuleBreak } from '../../schema';
import { applicantLabel, ruleRowLabel } from './labels';
import { differ, requestPath, ruleBreak } from './rules';

export type YearReport = Pick<Report, 'id' | 'year' | 'requests'> & { agency: Pick<Report['agency'], 'slug'> };

export function checkX1(current: YearReport, previous: YearReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const column of APPLICANT_KEYS) {
    const expected = [{ path: requestPath('carriedForward', column), label: '', value: previous.requests.carriedForward[column] }];
    const found = [{ path: requestPath('carriedOver', column), label: '', value: current.requests.carriedOver[column] }];
    const sums = differ(expected, found);
    if (!sums) continue;
    const message = `“${applicantLabel(column)}”列：本年“${ruleRowLabel('carriedOver')}”为 ${sums.found}，而 ${previous.year} 年报告的“${ruleRowLabel('carriedForward')}”为 ${sums.expected}`;
    // Only this report's cell is marked; the previous year's cell belongs to the other report.
    out.push({ ...ruleBreak('X1', column, { expected, found }, sums, message), cells: [requestPath('carriedOver', column)] });
  }
  return out;
}

/** X1 for every report whose agency also has a report for the year before; returns the breaks by report id. */
export function checkAcrossYears(reports: readonly YearReport[]): Map<string, RuleBreak[]> {
  const byAgencyYear = new Map(reports.map((r) => [`${r.agency.slug}/${r.year}`, r]));
  const breaks = new Map<string, RuleBreak[]>();
  for (const report of reports) {
    const previous = byAgencyYear.get(`${report.agency.slug}/${report.year - 1}`);
    if (!previous) continue;
    const found = checkX1(report, previous);
    if (found.length > 0) breaks.set(report.id, found);
  }
  return breaks;
}
