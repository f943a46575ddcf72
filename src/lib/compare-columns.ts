/**
 * Columns of the compare table, shared by the static page and its browser script (no Astro imports here).
 * The four identity columns are always shown; the figure columns can be chosen.
 */
import type { AgencyLevel } from '../schema/report';
import { FIGURES } from './figures';
import { formatCount, formatShare } from './format';

export interface CompareRow {
  id: string;
  url: string;
  agency: string;
  agencyUrl: string;
  year: number;
  province: string;
  level: AgencyLevel;
  levelZh: string;
  values: Record<string, number | null>;
}

export interface CompareColumn {
  key: string;
  zh: string;
  title?: string;
  kind: 'text' | 'count' | 'share';
}

export const IDENTITY_COLUMNS: CompareColumn[] = [
  { key: 'agency', zh: '机构', kind: 'text' },
  { key: 'year', zh: '年度', kind: 'count' },
  { key: 'province', zh: '省份', kind: 'text' },
  { key: 'level', zh: '层级', kind: 'text' },
];

export const FIGURE_COLUMNS: CompareColumn[] = FIGURES.map(({ key, zh, title, kind }) => ({ key, zh, title, kind }));
export const ALL_COLUMNS = [...IDENTITY_COLUMNS, ...FIGURE_COLUMNS];

/** The value a column sorts and exports by. */
export function columnValue(row: CompareRow, key: string): string | number | null {
  switch (key) {
    case 'agency':
      return row.agency;
    case 'year':
      return row.year;
    case 'province':
      return row.province;
    case 'level':
      return row.levelZh;
    default:
      return row.values[key] ?? null;
  }
}

/** The value as displayed in a table cell. */
export function columnText(row: CompareRow, column: CompareColumn): string {
  const value = columnValue(row, column.key);
  if (column.kind === 'text' || typeof value === 'string') return String(value ?? '');
  return column.kind === 'share' ? formatShare(value) : column.key === 'year' ? String(value) : formatCount(value);
}
