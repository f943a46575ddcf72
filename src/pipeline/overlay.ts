/**
 * Cross-report results as an overlay on the per-file reports. The per-file stage (./ingest.ts) makes each report from
 * its own file, and the cache stores that report as it is; the rule breaks found across reports (X1, ./check/
 * cross-year.ts) depend on other files, so they are kept apart, by report id, and added where a whole report is
 * needed: by the writers (./write), which take the overlay as an input, and for the run's result and summary.
 * Imports only src/schema, so every stage and the orchestration can use it.
 */
import type { Report, RuleBreak } from '../schema';

/** Rule breaks found across reports, by report id; a report without any has no entry. */
export type CrossReportChecks = ReadonlyMap<string, readonly RuleBreak[]>;

/** The report with its cross-report rule breaks after its own; the same object when it has none. */
export function withCrossReportChecks(report: Report, overlay: CrossReportChecks): Report {
  const added = overlay.get(report.id);
  return added?.length ? { ...report, checks: [...report.checks, ...added] } : report;
}
