/**
 * The site's summaries of the reports (data/site/, written by src/pipeline/write/summaries.ts): each report without
 * its prose (preamble, sections, closing lines, prose counts), which is what the aggregate pages need (lists,
 * compare rows, rankings, trends, region totals, quality listing), cut by year and part like the downloads. The
 * site reads these instead of every report; a report page reads its one report from data/reports/<id>.json.
 */
import { z } from 'zod/v4';
import { Report } from './report';

/** A report without its prose: every number, check and diagnostic, the agency, metadata and source. */
export const ReportSummary = Report.omit({ preface: true, sections: true, closing: true, proseCounts: true });
export type ReportSummary = z.infer<typeof ReportSummary>;

/** The summaries' folder inside the data folder, and the file listing its parts. */
export const SUMMARY_DIR = 'site';
export const SUMMARY_INDEX = 'summaries.json';

/** A summary part's file name, next to the download part of the same year and part (`summaries-2024-1.json`). */
export function summaryFileName(year: number, part: number, parts: number): string {
  return `summaries-${year}${parts > 1 ? `-${part}` : ''}.json`;
}
export const SUMMARY_FILE_NAME = /^summaries-\d{4}(?:-\d+)?\.json$/;

export const SummaryIndex = z.object({
  reports: z.number().int().nonnegative(),
  parts: z.array(z.object({ year: z.number().int(), path: z.string().regex(SUMMARY_FILE_NAME), reports: z.number().int().nonnegative() })),
});
export type SummaryIndex = z.infer<typeof SummaryIndex>;

/** The summary of a report (the same object without its prose fields); a summary is its own. */
export function toSummary(report: Report | ReportSummary): ReportSummary {
  if (!('sections' in report)) return report;
  const { preface, sections, closing, proseCounts, ...rest } = report;
  return rest;
}
