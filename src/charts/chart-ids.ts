/** Chart ids that pages look up by their subject (kept apart from catalog.ts so that settings and pages can import them cheaply). */

/** The permalink id of an agency's trend chart (one per agency with reports for two or more years). */
export function agencyTrendChartId(agencySlug: string): string {
  return `agency-${agencySlug}-trend`;
}

/** The permalink id of one of a report's charts (suffix: handling, applicants, appeals). */
export function reportChartId(reportId: string, suffix: string): string {
  return `report-${reportId}-${suffix}`;
}
