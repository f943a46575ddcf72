/**
 * The rows of the compare page: one per report, key figures and indicators computed. The same rows are rendered as
 * the static table and served as JSON chunks to the page's script, each page or chunk making its own (not held for
 * the whole build: 44 MB at 100,000 reports).
 */
import type { ReportSummary } from '../schema/summary';
import type { CompareRow } from './compare-columns';
import { FIGURES } from './figures';
import { agencyUrl, reportUrl } from './paths';
import { reportsNewestFirst } from './site-data';
import { AGENCY_LEVEL_LABELS, UNKNOWN_REGION } from './labels';

export type { CompareRow };

/** Rows per static page and per JSON chunk; keeps each compare page well under 1 MB. */
export const COMPARE_PAGE_SIZE = 500;

export function compareRow(r: ReportSummary): CompareRow {
  return {
    id: r.id,
    url: reportUrl(r.id),
    agency: r.agency.name,
    agencyUrl: agencyUrl(r.agency.slug),
    year: r.year,
    province: r.agency.region.province ?? UNKNOWN_REGION,
    level: r.agency.level,
    levelZh: AGENCY_LEVEL_LABELS[r.agency.level],
    values: Object.fromEntries(FIGURES.map((f) => [f.key, f.value(r)])),
  };
}

/** The reports the rows are made of, in the rows' order (newest first). */
export const compareReports: ReportSummary[] = reportsNewestFirst;

/** Chunk n (1-based) of the rows, matching static page n. */
export const compareChunkCount = Math.max(1, Math.ceil(compareReports.length / COMPARE_PAGE_SIZE));
export const compareChunk = (n: number): CompareRow[] => compareReports.slice((n - 1) * COMPARE_PAGE_SIZE, n * COMPARE_PAGE_SIZE).map(compareRow);
