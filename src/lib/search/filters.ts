/** The search filters: the values SearchMeta.astro gives Pagefind and the search page offers. */
import type { Report } from '../../schema';

export const SEARCH_FILTERS = [
  { key: 'year', zh: '年度', all: '全部年度' },
  { key: 'province', zh: '省份', all: '全部省份' },
  { key: 'prefecture', zh: '地市', all: '全部地市' },
  { key: 'agency', zh: '机关', all: '全部机关' },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];
export const SEARCH_FILTER_KEYS = SEARCH_FILTERS.map((f) => f.key) as SearchFilterKey[];

const collator = new Intl.Collator('zh-CN');

/** The distinct values of each filter over the reports: years newest first, names in pinyin order. */
export function filterValues(reports: Report[]): Record<SearchFilterKey, string[]> {
  const distinct = (values: (string | number | null)[]) =>
    [...new Set(values.filter((v) => v !== null && v !== '').map(String))];
  return {
    year: distinct(reports.map((r) => r.year)).sort((a, b) => Number(b) - Number(a)),
    province: distinct(reports.map((r) => r.agency.region.province)).sort(collator.compare),
    prefecture: distinct(reports.map((r) => r.agency.region.prefecture)).sort(collator.compare),
    agency: distinct(reports.map((r) => r.agency.name)).sort(collator.compare),
  };
}
