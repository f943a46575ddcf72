/**
 * The shared table-row model every renderer lays out: for each table, its caption, header rows and rows, each row
 * with its label hierarchy (outer group, group, own label — merged cells marked by `first`) and its printed cells.
 * Renderers differ only in how they put this on lines, so no renderer re-derives the template's structure.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  type RequestKey,
} from '../schema';
import { formatCell, type NumberStyle } from './cells';
import { groupLabel, outerLabel, requestLabel, type LabelStyle } from './labels';
import type { Rng } from './rng';
import { ROW_DEFS } from './tables';
import type { Truth } from './types';

export interface LabelCell {
  text: string;
  /** False on the rows a merged label cell spans after its first. */
  first: boolean;
  /** The label level: 0 outer (三、本年度办理结果), 1 group (（三）不予公开), 2 own row label. */
  level: 0 | 1 | 2;
}

export interface ModelRow {
  /** Value path of the row, e.g. `requests.withheld.stateSecret`, for triage. */
  path: string;
  labels: LabelCell[];
  cells: string[];
  /** The row's true values, aligned with `cells` (null where printed blank or with a mark). */
  values: (number | null)[];
}

export interface ModelTable {
  caption: string | null;
  header: string[][];
  rows: ModelRow[];
}

export interface TableModels {
  /** Table A: one small table per 第二十条 item. */
  proactive: ModelTable[];
  requests: ModelTable;
  appeals: ModelTable;
}

type Cells = Record<string, number | null>;

function rowOf(path: string, labels: LabelCell[], values: (number | null)[], numbers: NumberStyle, rng: Rng): ModelRow {
  return { path, labels, values, cells: values.map((v) => formatCell(v, numbers, rng)) };
}

const own = (text: string): LabelCell[] => [{ text, first: true, level: 2 }];

function proactiveTables(truth: Truth, numbers: NumberStyle, labels: LabelStyle, rng: Rng): ModelTable[] {
  const is2019 = truth.template === '2019';
  const defs = is2019 ? PROACTIVE_2019_ROWS : PROACTIVE_ROWS;
  const columns: Record<string, { zh: string }> = is2019 ? PROACTIVE_2019_COLUMNS : PROACTIVE_COLUMNS;
  const data = (is2019 ? truth.proactive2019 : truth.proactive) as Record<string, Cells> | null;
  if (!data) return [];
  const tables: ModelTable[] = [];
  for (const def of defs) {
    let table = tables[tables.length - 1];
    if (!table || table.caption !== def.item) {
      const head = def.columns.map((c) => (c === 'amount' ? `${columns[c].zh}（单位：万元）` : columns[c].zh));
      table = { caption: def.item, header: [['信息内容', ...head]], rows: [] };
      tables.push(table);
    }
    const label = def.key === 'normativeDocs' && labels.shortNormativeDocs ? '规范性文件' : def.zh;
    const row = rowOf(`${is2019 ? 'proactive2019' : 'proactive'}.${def.key}`, own(label), def.columns.map((c) => data[def.key][c]), numbers, rng);
    if (def.key === 'procurement' && numbers.amountUnit) {
      const i = def.columns.indexOf('procurementAmount');
      if (row.values[i] !== null) row.cells[i] += numbers.amountUnit;
    }
    table.rows.push(row);
  }
  return tables;
}

const APPLICANT_KEYS = APPLICANT_COLUMNS.map((c) => c.key);

/** The rows of table B as printed: a collapsed group's own line replaces its sub-rows. */
function requestRowKeys(truth: Truth): RequestKey[] {
  const keys: RequestKey[] = [];
  for (const r of ROW_DEFS) {
    if (r.group && truth.collapsedGroups.includes(r.group)) {
      if (!keys.includes(r.group)) keys.push(r.group);
    } else keys.push(r.key);
  }
  return keys;
}

function requestsTable(truth: Truth, numbers: NumberStyle, labels: LabelStyle, rng: Rng): ModelTable {
  const rows: ModelRow[] = [];
  let previousOuter = false;
  let previousGroup: string | null = null;
  for (const key of requestRowKeys(truth)) {
    const def = ROW_DEFS.find((r) => r.key === key);
    const inOuter = !def || def.outcome || key === 'handledTotal';
    const cells: LabelCell[] = [];
    if (inOuter) cells.push({ text: outerLabel(), first: !previousOuter, level: 0 });
    const group = def?.group ?? null;
    if (group) cells.push({ text: groupLabel(group, labels), first: previousGroup !== group, level: 1 });
    cells.push({ text: requestLabel(key, labels), first: true, level: 2 });
    const values = APPLICANT_KEYS.map((c) => truth.requests[key]![c]);
    rows.push(rowOf(`requests.${key}`, cells, values, numbers, rng));
    previousOuter = inOuter;
    previousGroup = group;
  }
  return {
    caption: null,
    header: [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ],
    rows,
  };
}

function appealsTable(truth: Truth, numbers: NumberStyle, rng: Rng): ModelTable {
  const results = APPEAL_COLUMNS.map((c) => c.zh);
  const values = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => truth.appeals[g.key][c.key]));
  return {
    caption: null,
    header: [['行政复议', '行政诉讼'], [...results, '未经复议直接起诉', '复议后起诉'], [...results, ...results]],
    rows: [rowOf('appeals', [], values, numbers, rng)],
  };
}

export function buildTables(truth: Truth, numbers: NumberStyle, labels: LabelStyle, rng: Rng): TableModels {
  return {
    proactive: proactiveTables(truth, numbers, labels, rng),
    requests: requestsTable(truth, numbers, labels, rng),
    appeals: appealsTable(truth, numbers, rng),
  };
}
