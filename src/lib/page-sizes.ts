/**
 * Paginated listings: how many items each shows per page, and their page titles. Each listing grows with the
 * corpus; these sizes keep every page far below 1 MB of HTML (BENCHMARKS.md) whatever the number of reports.
 * Sizes per item are measured on generated corpora.
 */

/** /agencies/regions/<province>/: an agency with its year links is about 480 bytes. */
export const AGENCIES_PER_REGION_PAGE = 300;
/** /charts/trends/: one link to a trend chart, about 200 bytes. */
export const TRENDS_PER_PAGE = 1000;
/** /charts/reports/: one report with links to its three charts, about 450 bytes. */
export const REPORTS_PER_CHART_PAGE = 500;
/** /data/sources/: one source file row (report, path, SHA-256, reader), about 500 bytes. */
export const SOURCES_PER_PAGE = 500;

/** The title of a paginated list: the name alone on its first page, "name（第 n 页）" after it. */
export function pagedTitle(name: string, page: { currentPage: number }): string {
  return page.currentPage === 1 ? name : `${name}（第 ${page.currentPage} 页）`;
}
