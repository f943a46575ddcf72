/**
 * The published CSV format, shared by the pipeline's writer (data/downloads/) and the site's routes (/reports/<id>.csv,
 * the data dictionary): the columns of reports-wide.csv, reports-long.csv and dictionary.csv and their rows as values.
 */
import { CELL_DEFINITIONS, cellValue } from './cells';
import type { Report } from './report';

interface IdentityColumn {
  key: string;
  zh: string;
  en: string;
  value: (r: Report) => string | number | null;
}

/** The columns that say which report a wide-CSV row is. */
export const IDENTITY_COLUMNS: readonly IdentityColumn[] = [
  { key: 'id', zh: '报告编号', en: 'Report id', value: (r) => r.id },
  { key: 'agency', zh: '机关名称', en: 'Agency', value: (r) => r.agency.name },
  { key: 'agency_slug', zh: '机关标识', en: 'Agency slug', value: (r) => r.agency.slug },
  { key: 'agency_level', zh: '机关层级', en: 'Agency level', value: (r) => r.agency.level },
  { key: 'year', zh: '年度', en: 'Year', value: (r) => r.year },
  { key: 'province', zh: '省级', en: 'Province', value: (r) => r.agency.region.province },
  { key: 'prefecture', zh: '地级', en: 'Prefecture', value: (r) => r.agency.region.prefecture },
  { key: 'county', zh: '县级', en: 'County', value: (r) => r.agency.region.county },
  { key: 'region_code', zh: '行政区划代码', en: 'Division code', value: (r) => r.agency.region.code },
  { key: 'template', zh: '报告模板', en: 'Template', value: (r) => r.template },
  { key: 'title', zh: '标题', en: 'Title', value: (r) => r.meta.title },
  { key: 'source_url', zh: '原文网址', en: 'Source URL', value: (r) => r.meta.sourceUrl },
  { key: 'published_at', zh: '发布日期', en: 'Published', value: (r) => r.meta.publishedAt },
  { key: 'source_path', zh: '原始文件', en: 'Source file', value: (r) => r.source.path },
  { key: 'rule_breaks', zh: '勾稽关系不符数', en: 'Rule breaks', value: (r) => r.checks.length },
];

export type CsvValue = string | number | null | undefined;

export const WIDE_COLUMNS = [...IDENTITY_COLUMNS.map((c) => c.key), ...CELL_DEFINITIONS.map((d) => d.path)];
export const LONG_COLUMNS = ['report_id', 'agency', 'year', 'table', 'row', 'column', 'value'];
export const DICTIONARY_COLUMNS = ['key', 'table', 'label_zh', 'label_en', 'unit'];

/** One row per cell the report has; a blank cell (null) is kept with an empty value, absent tables and rows are left out. */
export function* longRows(reports: readonly Report[]): Generator<CsvValue[]> {
  for (const r of reports) {
    for (const d of CELL_DEFINITIONS) {
      const value = cellValue(r, d);
      if (value !== undefined) yield [r.id, r.agency.name, r.year, d.table, d.row, d.column, value];
    }
  }
}

export function* dictionaryRows(): Generator<CsvValue[]> {
  for (const c of IDENTITY_COLUMNS) yield [c.key, '', c.zh, c.en, ''];
  for (const d of CELL_DEFINITIONS) yield [d.path, d.tableZh, d.zh, d.en, d.unit];
}
