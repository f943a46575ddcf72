/** The data-quality listing: files that did not become reports, then reports with rule breaks or diagnostics. */
import type { Rejected } from '../schema/report';
import type { ReportSummary } from '../schema/summary';
import { rejected } from './data-files';
import { reports } from './site-data';

export type QualityItem = { kind: 'rejected'; file: Rejected } | { kind: 'report'; report: ReportSummary };

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

export const allBreaks = reports.flatMap((r) => r.checks);
export const allDiagnostics = [...reports.flatMap((r) => r.diagnostics), ...rejected.flatMap((f) => f.diagnostics)];
