/**
 * The published CSV format, shared by the pipeline's writer (data/downloads/) and the site's routes (/reports/<id>.csv,
 * the data dictionary): the columns of the wide and long CSVs (reports-wide-<year>.csv, reports-long-<year>.csv)
 * and dictionary.csv and their rows as values.
 */
import { CELL_DEFINITIONS, cellValue } from './cells';
import type { Report } from './report';

/** A CSV column with its labels, Table Schema type and unit (the data package, data/downloads/datapackage.json, describes every column). */
export interface CsvField {
  key: string;
  zh: string;
  en: string;
  type: 'string' | 'integer' | 'number';
  unit?: string;
}

interface IdentityColumn extends CsvField {
  value: (r: Report) => string | number | null;
}

/** The columns that say which report a wide-CSV row is. */
export const IDENTITY_COLUMNS: readonly IdentityColumn[] = [
  { key: 'id', zh: '报告编号', en: 'Report id', type: 'string', value: (r) => r.id },
  { key: 'agency', zh: '机关名称', en: 'Agency', type: 'string', value: (r) => r.agency.name },
  { key: 'agency_slug', zh: '机关标识', en: 'Agency slug', type: 'string', value: (r) => r.agency.slug },
  { key: 'agency_level', zh: '机关层级', en: 'Agency level', type: 'string', value: (r) => r.agency.level },
  { key: 'year', zh: '年度', en: 'Year', type: 'integer', value: (r) => r.year },
  { key: 'province', zh: '省级', en: 'Province', type: 'string', value: (r) => r.agency.region.province },
  { key: 'prefecture', zh: '地级', en: 'Prefecture', type: 'string', value: (r) => r.agency.region.prefecture },
  { key: 'county', zh: '县级', en: 'County', type: 'string', value: (r) => r.agency.region.county },
  { key: 'region_code', zh: '行政区划代码', en: 'Division code', type: 'string', value: (r) => r.agency.region.code },
  { key: 'template', zh: '报告模板', en: 'Template', type: 'string', value: (r) => r.template },
  { key: 'title', zh: '标题', en: 'Title', type: 'string', value: (r) => r.meta.title },
  { key: 'source_url', zh: '原文网址', en: 'Source URL', type: 'string', value: (r) => r.meta.sourceUrl },
  { key: 'published_at', zh: '发布日期', en: 'Published', type: 'string', value: (r) => r.meta.publishedAt },
  { key: 'source_path', zh: '原始文件', en: 'Source file', type: 'string', value: (r) => r.source.path },
  { key: 'rule_breaks', zh: '勾稽关系不符数', en: 'Rule breaks', type: 'integer', value: (r) => r.checks.length },
  // How each table's cells were placed: label | arithmetic | partial | none (TablePlacement in report.ts).
  { key: 'placement_proactive', zh: '表二数字的读取方式', en: 'Table A placement', type: 'string', value: (r) => r.placement.proactive.method },
  { key: 'placement_requests', zh: '表三数字的读取方式', en: 'Table B placement', type: 'string', value: (r) => r.placement.requests.method },
  { key: 'placement_appeals', zh: '表四数字的读取方式', en: 'Table C placement', type: 'string', value: (r) => r.placement.appeals.method },
];

export type CsvValue = string | number | null | undefined;

const identity = (key: string) => IDENTITY_COLUMNS.find((c) => c.key === key)!;
const field = (key: string, zh: string, en: string, type: CsvField['type'] = 'string'): CsvField => ({ key, zh, en, type });

/**
 * The wide CSV: the identity columns, then one column per canonical number. Cells are numbers as printed: a count
 * is normally whole, but the portal keeps what the agency wrote, so every cell is a `number` (a decimal in a count
 * column is the agency's, not a broken download).
 */
export const WIDE_FIELDS: readonly CsvField[] = [
  ...IDENTITY_COLUMNS.map(({ key, zh, en, type }) => ({ key, zh, en, type })),
  ...CELL_DEFINITIONS.map((d) => ({ key: d.path, zh: d.zh, en: d.en, type: 'number' as const, ...(d.unit ? { unit: d.unit } : {}) })),
];

/** The long CSV: which report, which cell of which table, and the number. */
export const LONG_FIELDS: readonly CsvField[] = [
  { ...identity('id'), key: 'report_id' },
  identity('agency'),
  identity('year'),
  field('table', '表格', 'Table'),
  field('row', '行', 'Row'),
  field('column', '列', 'Column'),
  field('value', '数值', 'Value', 'number'),
].map(({ key, zh, en, type }) => ({ key, zh, en, type }));

/** dictionary.csv: one row per column of the wide CSV. */
export const DICTIONARY_FIELDS: readonly CsvField[] = [
  field('key', '键（宽表列名）', 'Key (wide CSV column)'),
  field('table', '所属表格', 'Table'),
  field('label_zh', '中文名称', 'Chinese label'),
  field('label_en', '英文名称', 'English label'),
  field('unit', '单位', 'Unit'),
];

export const WIDE_COLUMNS = WIDE_FIELDS.map((f) => f.key);
export const LONG_COLUMNS = LONG_FIELDS.map((f) => f.key);
export const DICTIONARY_COLUMNS = DICTIONARY_FIELDS.map((f) => f.key);

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
