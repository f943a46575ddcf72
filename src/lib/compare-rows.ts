/**
 * The rows of the compare page: one per report, key figures and indicators precomputed.
 * The same rows are rendered as the static table and served as JSON chunks to the page's script.
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

function compareRow(r: ReportSummary): CompareRow {
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

export const compareRows: CompareRow[] = reportsNewestFirst.map(compareRow);

/** Chunk n (1-based) of the rows, matching static page n. */
export const compareChunkCount = Math.max(1, Math.ceil(compareRows.length / COMPARE_PAGE_SIZE));
export const compareChunk = (n: number) => compareRows.slice((n - 1) * COMPARE_PAGE_SIZE, n * COMPARE_PAGE_SIZE);
