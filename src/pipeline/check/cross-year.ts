/** Rule X1 across years: carriedOver of year Y = carriedForward of the same agency's report for Y−1. */
import { APPLICANT_KEYS, type Report, type RuleBreak } from '../../schema';
import { applicantLabel, requestRowLabel } from './labels';
import { compare, requestPath } from './rules';

export type YearReport = Pick<Report, 'id' | 'year' | 'requests'> & { agency: Pick<Report['agency'], 'slug'> };

export function checkX1(current: YearReport, previous: YearReport): RuleBreak[] {
  return APPLICANT_KEYS.flatMap((column) => {
    const broken = compare({
      rule: 'X1',
      scope: column,
      expected: [{ path: requestPath('carriedForward', column), label: '', value: previous.requests.carriedForward[column] }],
      found: [{ path: requestPath('carriedOver', column), label: '', value: current.requests.carriedOver[column] }],
      message: (expected, found) =>
        `“${applicantLabel(column)}”列：本年“${requestRowLabel('carriedOver')}”为 ${found}，而 ${previous.year} 年报告的“${requestRowLabel('carriedForward')}”为 ${expected}`,
    });
    // Only this report's cell is marked; the previous year's cell belongs to the other report.
    return broken ? [{ ...broken, cells: [requestPath('carriedOver', column)] }] : [];
  });
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
