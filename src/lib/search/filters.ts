/**
 * The search page's filters (names from ./contract.ts): the values SearchMeta.astro gives Pagefind and the search
 * page offers. No filter by
 * agency: its options would list every agency on the search page (about 1 MB at 10,000 reports), and an agency
 * is found by typing its name. Imported by the search page's browser script, so nothing here reads site data.
 */
import type { AgencyLevel, ReportSummary } from '../../schema';
import { SEARCH_FILTER } from './contract';

export const SEARCH_FILTERS = [
  { key: SEARCH_FILTER.year, zh: '年度', all: '全部年度' },
  { key: SEARCH_FILTER.province, zh: '省份', all: '全部省份' },
  { key: SEARCH_FILTER.prefecture, zh: '地市', all: '全部地市' },
  { key: SEARCH_FILTER.level, zh: '层级', all: '全部层级' },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];
export const SEARCH_FILTER_KEYS = SEARCH_FILTERS.map((f) => f.key) as SearchFilterKey[];

const collator = new Intl.Collator('zh-CN');

/**
 * The distinct values of each filter over the reports: years newest first, places in pinyin order, levels in
 * the order of `levelLabels` (whose labels are the filter's values).
 */
export function filterValues(reports: ReportSummary[], levelLabels: Record<AgencyLevel, string>): Record<SearchFilterKey, string[]> {
  const distinct = (values: (string | number | null)[]) =>
    [...new Set(values.filter((v) => v !== null && v !== '').map(String))];
  const levels = new Set(reports.map((r) => r.agency.level));
  return {
    year: distinct(reports.map((r) => r.year)).sort((a, b) => Number(b) - Number(a)),
    province: distinct(reports.map((r) => r.agency.region.province)).sort(collator.compare),
    prefecture: distinct(reports.map((r) => r.agency.region.prefecture)).sort(collator.compare),
    level: (Object.keys(levelLabels) as AgencyLevel[]).filter((level) => levels.has(level)).map((level) => levelLabels[level]),
  };
}
