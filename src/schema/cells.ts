/**
 * Every canonical number of a report as a flat list of cell definitions (table, row, column, value path, labels, unit),
 * derived from src/schema/keys.ts. The CSV downloads and the dictionary iterate this one list.
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
  SECTIONS,
} from './keys';
import type { Cell, Report } from './report';
import { cellPath } from './value-path';

export type CellTable = 'proactive' | 'proactive2019' | 'requests' | 'appeals';

export interface CellDefinition {
  table: CellTable;
  row: string;
  column: string;
  /** Value path and CSV column name, e.g. `requests.withheld.process.natural`. */
  path: string;
  zh: string;
  en: string;
  unit: string;
  /** Chinese name of the table, for the dictionary. */
  tableZh: string;
}

const sectionZh = (key: string) => SECTIONS.find((s) => s.key === key)!.zh;
const TABLE_ZH: Record<CellTable, string> = {
  proactive: sectionZh('proactive'),
  proactive2019: `${sectionZh('proactive')}（2019 年模板）`,
  requests: sectionZh('requests'),
  appeals: sectionZh('appeals'),
};

function define(table: CellTable, row: string, column: string, zh: string[], en: string[], unit: string): CellDefinition {
  return { table, row, column, path: cellPath(table, row, column), zh: zh.join(' / '), en: en.join(' / '), unit, tableZh: TABLE_ZH[table] };
}

function proactiveCells<C extends string>(
  table: CellTable,
  rows: readonly { key: string; zh: string; en: string; item: string; columns: readonly C[] }[],
  columns: Record<C, { zh: string; en: string; unit: string }>,
): CellDefinition[] {
  return rows.flatMap((row) =>
    row.columns.map((c) => define(table, row.key, c, [row.item, row.zh, columns[c].zh], [row.en, columns[c].en], columns[c].unit)),
  );
}

/** Table B rows as stored, each group's own line (used when a report prints the group without sub-rows) before its sub-rows. */
function requestRowsWithGroupLines() {
  const rows: { key: string; zh: string[]; en: string }[] = [];
  for (const row of REQUEST_ROWS) {
    const group = 'group' in row ? REQUEST_GROUPS.find((g) => g.key === row.group)! : null;
    if (group && !rows.some((r) => r.key === group.key)) rows.push({ key: group.key, zh: [group.zh], en: group.en });
    rows.push({ key: row.key, zh: group ? [group.zh, row.zh] : [row.zh], en: row.en });
  }
  return rows;
}

export const CELL_DEFINITIONS: readonly CellDefinition[] = [
  ...proactiveCells('proactive', PROACTIVE_ROWS, PROACTIVE_COLUMNS),
  ...proactiveCells('proactive2019', PROACTIVE_2019_ROWS, PROACTIVE_2019_COLUMNS),
  ...requestRowsWithGroupLines().flatMap((row) =>
    APPLICANT_COLUMNS.map((c) => define('requests', row.key, c.key, [...row.zh, c.zh], [row.en, c.en], '件')),
  ),
  ...APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => define('appeals', g.key, c.key, [g.zh, c.zh], [g.en, c.en], '件'))),
];

/**
 * The value of a cell in a report: a number, null for a blank cell, undefined when the report does not have
 * that table or row at all (a 2019-template table in a 2021 report, a group line that was not printed).
 */
export function cellValue(report: Report, def: CellDefinition): Cell | undefined {
  const table = report[def.table] as Record<string, Record<string, Cell> | undefined> | null;
  return table?.[def.row]?.[def.column];
}

const CELL_BY_PATH = new Map(CELL_DEFINITIONS.map((d) => [d.path, d]));
/** Row label of a definition: its Chinese label without the column's. */
const rowZh = (d: CellDefinition) => d.zh.split(' / ').slice(0, -1).join(' / ');

/**
 * The template's own words for a value path, for readers: a cell as `表三（…）：三、本年度办理结果 / （三）不予公开 /
 * 3.危及“三安全一稳定” / 自然人`, a row without its column, a table by its section title. A path the template does not
 * have is returned as it is.
 */
export function valuePathLabel(path: string): string {
  const cell = CELL_BY_PATH.get(path);
  if (cell) return `${cell.tableZh}：${cell.zh}`;
  const inRow = CELL_DEFINITIONS.find((d) => d.path.startsWith(`${path}.`) && `${d.table}.${d.row}` === path);
  if (inRow) return `${inRow.tableZh}：${rowZh(inRow)}`;
  const table = TABLE_ZH[path as CellTable];
  return table ?? path;
}
