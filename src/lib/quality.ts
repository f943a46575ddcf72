/** The data-quality listing: files that did not become reports, then reports with rule breaks or diagnostics. */
import type { Diagnostic, Rejected, RuleBreak } from '../schema/report';
import type { ReportSummary } from '../schema/summary';
import type { DiagnosticCode } from '../schema/diagnostic-codes';
import { RULE_IDS } from '../schema/keys';
import { rejected } from './data-files';
import { reports } from './site-data';

export type QualityItem = { kind: 'rejected'; file: Rejected } | { kind: 'report'; report: ReportSummary };

/** Rule breaks by rule and diagnostics by code, over every report and rejected file. */
export interface QualityCounts {
  breaks: number;
  byRule: { id: RuleBreak['rule']; count: number }[];
  diagnostics: number;
  /** Most frequent first, then by code. */
  byCode: { code: DiagnosticCode; severity: Diagnostic['severity']; count: number }[];
}

/**
 * Items per /quality/ page: keeps each page small for a large corpus. An item (a report's rule breaks and
 * diagnostic table) is about 6 KB of HTML in generated corpora; 200 made pages of 1.2 MB at 1,000 reports.
 */
export const QUALITY_PAGE_SIZE = 50;

export const reportsWithIssues = reports.filter((r) => r.checks.length > 0 || r.diagnostics.length > 0);

export const qualityItems: QualityItem[] = [
  ...rejected.map((file) => ({ kind: 'rejected' as const, file })),
  ...reportsWithIssues.map((report) => ({ kind: 'report' as const, report })),
];

/** Counts the breaks and diagnostics of a data set in one pass. */
export function countIssues(reportList: readonly ReportSummary[], rejectedFiles: readonly Rejected[]): QualityCounts {
  const rules = new Map<RuleBreak['rule'], number>();
  const codes = new Map<DiagnosticCode, { severity: Diagnostic['severity']; count: number }>();
  let breaks = 0;
  let diagnostics = 0;
  const addDiagnostics = (list: readonly Diagnostic[]) => {
    for (const d of list) {
      const entry = codes.get(d.code) ?? { severity: d.severity, count: 0 };
      entry.count += 1;
      codes.set(d.code, entry);
      diagnostics += 1;
    }
  };
  for (const r of reportList) {
    for (const b of r.checks) rules.set(b.rule, (rules.get(b.rule) ?? 0) + 1);
    breaks += r.checks.length;
    addDiagnostics(r.diagnostics);
  }
  for (const f of rejectedFiles) addDiagnostics(f.diagnostics);
  return {
    breaks,
    byRule: RULE_IDS.map((id) => ({ id, count: rules.get(id) ?? 0 })),
    diagnostics,
    byCode: [...codes.entries()].map(([code, e]) => ({ code, ...e })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/**
 * The counts every /quality/ page shows, computed once per build: each page counting them again over every report
 * cost 631 ms a page at 100,000 reports (829 pages, 523 s; BENCHMARKS.md).
 */
export const qualityCounts = countIssues(reports, rejected);
