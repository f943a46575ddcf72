/**
 * Rule X1 seen from the earlier report: the breaks are recorded on the later report (its 上年结转 cells), and the
 * earlier report's page shows them too, since its 结转下年度继续办理 is the other side of each.
 */
import type { RuleBreak } from '../schema/report';
import type { ReportSummary } from '../schema/summary';
import { reportsByAgency } from './site-data';

/** The agency's report for the next year and the X1 breaks it records against `report`, or null when there are none. */
export function x1FromNextYear(report: ReportSummary): { next: ReportSummary; breaks: RuleBreak[] } | null {
  const next = reportsByAgency.get(report.agency.slug)?.find((r) => r.year === report.year + 1);
  const breaks = next?.checks.filter((c) => c.rule === 'X1') ?? [];
  return next && breaks.length > 0 ? { next, breaks } : null;
}
