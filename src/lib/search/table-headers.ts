/**
 * The header texts the official tables print on a report page (row, column and group labels), by table.
 *
 * They are the national template's wording, the same on every report page that shows the table, so the search
 * index leaves them out (src/integrations/pagefind.ts excludes tables; indexing them on every page took Pagefind
 * about 70 % more memory) and the search page matches them itself: a query term found in a header of a table that a
 * page shows is in that page (see `tableMatches` in ./match.ts). The table components print these same texts
 * (they read the labels from src/schema/keys.ts as this module does, and `proactiveColumnLabel` from here); a site
 * test compares them with the headers of the built pages.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  REQUEST_GROUPS,
  REQUEST_ROWS,
  TABLE_LABELS,
  type SectionKey,
} from '../../schema/keys';

export type SearchableTable = 'proactive' | 'proactive2019' | 'requests' | 'appeals';

/** A table as the search page needs it: the section of the report page it sits in, and its header texts. */
export interface TableHeaders {
  section: SectionKey;
  /**
   * Drawn on every report page (tables B and C, even when empty). Only the other tables (table A, in the template
   * the report was read in) are named in a page's Pagefind filter `table`: a filter value costs every query that
   * uses the filter a list of its pages, and for these the list of report pages is the `year` filter's.
   */
  everyReportPage: boolean;
  headers: string[];
}

/** A table A column header: counts (件, 项) are implied by the template's wording, other units are printed. */
export function proactiveColumnLabel(column: { zh: string; unit: string }): string {
  return column.unit && column.unit !== '件' && column.unit !== '项' ? `${column.zh}（单位：${column.unit}）` : column.zh;
}

function proactiveHeaders(rows: readonly { zh: string; item: string }[], columns: Record<string, { zh: string; unit: string }>): string[] {
  return [TABLE_LABELS.proactiveContent.zh, ...rows.flatMap((r) => [r.item, r.zh]), ...Object.values(columns).map(proactiveColumnLabel)];
}

const distinct = (texts: string[]) => [...new Set(texts)];

/**
 * The label of the row table B gets when a report printed a group of rows as one line (src/components/report/
 * RequestsTable.astro): the site's wording, not the template's, and on few pages, so not one of the headers.
 */
export const GROUP_LINE_LABEL = '合计（原报告此项未分列子项）';

export const TABLE_HEADERS: Record<SearchableTable, TableHeaders> = {
  proactive: { section: 'proactive', everyReportPage: false, headers: distinct(proactiveHeaders(PROACTIVE_ROWS, PROACTIVE_COLUMNS)) },
  proactive2019: {
    section: 'proactive',
    everyReportPage: false,
    headers: distinct(proactiveHeaders(PROACTIVE_2019_ROWS, PROACTIVE_2019_COLUMNS)),
  },
  requests: {
    section: 'requests',
    everyReportPage: true,
    headers: distinct([
      TABLE_LABELS.requestsBalance.zh,
      TABLE_LABELS.requestsApplicants.zh,
      TABLE_LABELS.requestsOrganisations.zh,
      TABLE_LABELS.requestsOutcomes.zh,
      ...APPLICANT_COLUMNS.map((c) => c.zh),
      ...REQUEST_GROUPS.map((g) => g.zh),
      ...REQUEST_ROWS.map((r) => r.zh),
    ]),
  },
  appeals: {
    section: 'appeals',
    everyReportPage: true,
    headers: distinct([
      APPEAL_GROUPS[0].zh,
      TABLE_LABELS.appealsLitigation.zh,
      TABLE_LABELS.appealsSuitDirect.zh,
      TABLE_LABELS.appealsSuitAfterReview.zh,
      ...APPEAL_COLUMNS.map((c) => c.zh),
    ]),
  },
};

/** The tables a report page shows: table B and C always, table A in the template the report was read in. */
export function tablesShown(report: { proactive: unknown; proactive2019: unknown }): SearchableTable[] {
  return [
    ...(report.proactive ? (['proactive'] as const) : []),
    ...(report.proactive2019 ? (['proactive2019'] as const) : []),
    'requests',
    'appeals',
  ];
}
