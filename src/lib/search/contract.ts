/**
 * The search contract: the names of the Pagefind metadata and filters that report and agency pages give the index
 * (src/components/search/SearchMeta.astro) and the search page reads (src/client/search-page.ts, ./filters.ts).
 * Each name is spelled here only; both sides import it, and tests/site/pages.test.ts checks the built pages against it.
 * Imported by the search page's browser script, so nothing here reads site data.
 */

/** Result metadata (`data-pagefind-meta`): what the search page shows of each result. */
export const SEARCH_META = { title: 'title', kind: 'kind', agency: 'agency', year: 'year', region: 'region' } as const;
export type SearchMetaName = (typeof SEARCH_META)[keyof typeof SEARCH_META];

/**
 * Filters (`data-pagefind-filter`). `year`, `province`, `prefecture` and `level` are the search page's selects
 * (./filters.ts; only report pages have a year); `table` names the official tables a report page shows that are not
 * on every report page (./table-headers.ts, `everyReportPage`), so the search page can match their headers.
 */
export const SEARCH_FILTER = { year: 'year', province: 'province', prefecture: 'prefecture', level: 'level', table: 'table' } as const;
export type SearchFilterName = (typeof SEARCH_FILTER)[keyof typeof SEARCH_FILTER];

/** The `kind` metadata of each kind of indexed page. */
export const SEARCH_PAGE_KINDS = { agency: '机关', report: '年度报告' } as const;
