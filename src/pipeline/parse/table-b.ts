/**
 * Table B (requests received and handled). Works on any of the text layouts by separating two questions:
 * which rows does the report print (found by their labels, in template order), and which tuples of seven values
 * does it print (found by their numbers, in order). When the counts agree the i-th row takes the i-th tuple, which
 * survives PDF extraction that puts a row's numbers on the line before or after its label. Otherwise each label takes
 * the numbers on its own line or the nearest free tuple, and whatever cannot be placed is reported.
 */
import {
  APPLICANT_KEYS,
  REQUEST_GROUP_KEYS,
  REQUEST_ROWS,
  type RequestGroup,
  type RequestKey,
  type RequestRow,
  type RequestRowKey,
  type Requests,
} from '../../schema';
import { toCells } from './cells';
import type { DiagnosticLog } from './diagnostics';
import { fitValues, isMarkdownRule, partsOf, type Line, type Separator } from './lines';
import { GROUP_PATTERNS, ROW_PATTERNS } from './row-labels';
import { isPageNoise, memoByString, type CellToken } from '../text';

const WIDTH = APPLICANT_KEYS.length;
const ROW_KEYS = REQUEST_ROWS.map((r) => r.key) as RequestRowKey[];

interface Anchor {
  key: RequestKey;
  line: number;
  at: number;
  own: Tuple | null;
}
interface Tuple {
  tokens: CellToken[];
  line: number;
  at: number;
  separator: Separator;
}

export const matchRow = memoByString((label: string): RequestRowKey | null => {
  if (!label || label.length > 70 || label.includes('。')) return null;
  for (const key of ROW_KEYS) if (ROW_PATTERNS[key].test(label)) return key;
  return null;
});

/**
 * A numbered label that names no known row ("8.属于行政询事项", characters dropped by PDF extraction) is the next
 * sub-row when the row before it is the previous sub-row of the same group, or its group's header.
 */
function nextSubRow(label: string, previous: RequestKey | undefined): RequestRowKey | null {
  const m = /^(\d)[.、,]/.exec(label);
  if (!m || !previous || label.length > 40) return null;
  const n = Number(m[1]);
  const group = (REQUEST_GROUP_KEYS as string[]).includes(previous) ? previous : REQUEST_ROWS.find((r) => r.key === previous && 'group' in r)?.['group' as never];
  if (!group) return null;
  const subRows = REQUEST_ROWS.filter((r) => 'group' in r && r.group === group);
  const at = subRows.findIndex((r) => r.key === previous);
  return at === n - 2 || (at < 0 && n === 1) ? (subRows[n - 1]?.key ?? null) : null;
}

export const matchGroup = memoByString((label: string): RequestGroup | null => {
  if (!label || label.length > 70 || label.includes('。')) return null;
  for (const g of REQUEST_GROUP_KEYS) if (GROUP_PATTERNS[g].test(label)) return g;
  return null;
});

const RECEIVED_CHARS = /本[\s|]*年[\s|]*新[\s|]*收/;

/** Where table B starts: its first row label after the section heading (or anywhere when the heading is missing). */
export function findTableBStart(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    // Cheap test first (the label's characters may be spread over cells): most lines are prose.
    if (!RECEIVED_CHARS.test(lines[i].raw) || matchRow(partsOf(lines[i]).label) !== 'received') continue;
    // The first row's numbers may stand on the lines before its label.
    let start = i;
    for (let j = i - 1; j >= from; j--) {
      const { raw } = lines[j];
      if (!raw.trim() || isPageNoise(raw)) continue;
      const parts = partsOf(lines[j]);
      if (parts.label || !parts.values.length) break;
      start = j;
    }
    return start;
  }
  return -1;
}

export interface TableBResult {
  requests: Requests;
  /** Index of the line after the table, where table C may start looking. */
  end: number;
  found: boolean;
}

export function parseTableB(lines: Line[], start: number, stop: number, log: DiagnosticLog): TableBResult {
  const anchors: Anchor[] = [];
  const tuples: Tuple[] = [];
  let pending: Tuple | null = null;
  let end = stop;
  let afterLast = false;

  const take = (t: Tuple) => {
    if (t.tokens.length >= WIDTH || t.separator !== 'space') pending = null;
    else pending = t;
  };

  for (let i = start; i < stop; i++) {
    const { raw, no } = lines[i];
    if (!raw.trim() || isPageNoise(raw) || isMarkdownRule(raw)) continue;
    const parts = partsOf(lines[i]);
    const rowKey = matchRow(parts.label) ?? nextSubRow(parts.label, anchors.at(-1)?.key);
    const groupKey = rowKey ? null : matchGroup(parts.label);
    const values = parts.separator === 'space' ? parts.values : fitValues(parts.values, WIDTH, parts.fenced);
    if (afterLast && (rowKey || groupKey || (parts.label && !values.length))) {
      end = i;
      break;
    }
    // A lone blank mark in PDF text continues a wrapped row ("0 0 0 0 0 0" / "/") or is a character of a
    // vertical label ("（四）" / "无" / "法" / "提供"); only the first has a row waiting for it.
    const fragment = parts.separator === 'space' && !parts.label && values.length < 3 && values.every((v) => v.kind === 'blank');
    if (fragment && !pending) continue;
    const tuple: Tuple | null = values.length ? { tokens: [...values], line: no, at: i, separator: parts.separator } : null;
    if (rowKey || groupKey) {
      anchors.push({ key: (rowKey ?? groupKey)!, line: no, at: i, own: tuple });
      if (tuple) tuples.push(tuple);
      pending = null;
      if (tuple) take(tuple);
      if (rowKey === 'carriedForward') afterLast = tuple !== null && tuple.tokens.length >= WIDTH;
    } else if (tuple) {
      const open = pending as Tuple | null;
      if (open && open.tokens.length + values.length <= WIDTH) {
        open.tokens.push(...values); // a row's numbers wrapped onto the next line
        if (open.tokens.length >= WIDTH) pending = null;
      } else {
        tuples.push(tuple);
        take(tuple);
      }
      if (anchors.at(-1)?.key === 'carriedForward' && !pending) afterLast = true;
    }
    end = i + 1;
  }

  const rows = chooseRows(anchors);
  const assigned = assign(rows, tuples, log);
  return { requests: buildRequests(rows, assigned, log), end, found: anchors.some((a) => a.key === 'received') };
}

/** The rows the report prints: one anchor per key; a group label is a row only when it has no sub-rows or numbers of its own. */
function chooseRows(anchors: Anchor[]): Anchor[] {
  const byKey = new Map<RequestKey, Anchor>();
  for (const a of anchors) {
    const prev = byKey.get(a.key);
    if (!prev || (!prev.own && a.own)) byKey.set(a.key, a);
  }
  const hasSubRows = (g: RequestGroup) => REQUEST_ROWS.some((r) => 'group' in r && r.group === g && byKey.has(r.key));
  return [...byKey.values()]
    .filter((a) => !(REQUEST_GROUP_KEYS as string[]).includes(a.key) || a.own || !hasSubRows(a.key as RequestGroup))
    .sort((a, b) => a.at - b.at);
}

function assign(rows: Anchor[], tuples: Tuple[], log: DiagnosticLog): Map<Anchor, Tuple> {
  const result = new Map<Anchor, Tuple>();
  const complete = tuples.filter((t) => t.tokens.length > 0).sort((a, b) => a.at - b.at);
  if (complete.length === rows.length) {
    rows.forEach((r, i) => result.set(r, complete[i]));
    return result;
  }
  const used = new Set<Tuple>();
  for (const r of rows) {
    if (!r.own) continue;
    result.set(r, r.own);
    used.add(r.own);
  }
  rows.forEach((r, i) => {
    if (result.has(r)) return;
    const next = rows[i + 1]?.at ?? Infinity;
    const prev = rows[i - 1]?.at ?? -Infinity;
    const after = complete.find((t) => !used.has(t) && t.at > r.at && t.at < next);
    const before = [...complete].reverse().find((t) => !used.has(t) && t.at < r.at && t.at > prev);
    const t = after ?? before;
    if (!t) return;
    result.set(r, t);
    used.add(t);
  });
  for (const t of complete)
    if (!used.has(t))
      log.warn('table-b-unplaced-values', t.line, 'numbers next to a table B row label', t.tokens.map((x) => x.printed).join(' '), '表三中有一行数字无法对应到行标签，未采用');
  return result;
}

const EMPTY_ROW = (): RequestRow => {
  const row = {} as RequestRow;
  for (const k of APPLICANT_KEYS) row[k] = null;
  return row;
};

function buildRequests(rows: Anchor[], assigned: Map<Anchor, Tuple>, log: DiagnosticLog): Requests {
  const requests = Object.fromEntries(ROW_KEYS.map((k) => [k, EMPTY_ROW()])) as Requests;
  const present = new Set<RequestKey>();
  for (const row of rows) {
    present.add(row.key);
    const t = assigned.get(row);
    const path = `requests.${row.key}`;
    if (!t) {
      log.warn('row-no-values', row.line, `${WIDTH} numbers for ${row.key}`, 'no numbers', `表三“${row.key}”行没有找到数字，记为空值`, path);
      requests[row.key] = EMPTY_ROW();
    } else if (t.separator === 'space' && t.tokens.length < WIDTH) {
      // Spaces cannot show which cell was left blank: placing the numbers would be a guess.
      log.warn('row-short', t.line, `${WIDTH} numbers`, t.tokens.map((x) => x.printed).join(' '), `表三“${row.key}”行只有 ${t.tokens.length} 个数字，无法确定空格位置，记为空值`, path);
      requests[row.key] = EMPTY_ROW();
    } else {
      requests[row.key] = toCells(APPLICANT_KEYS, t.tokens, log, t.line, path);
    }
  }
  for (const def of REQUEST_ROWS) {
    if (present.has(def.key)) continue;
    const group = 'group' in def ? def.group : undefined;
    if (group && present.has(group))
      log.info('group-without-subrows', null, `sub-row ${def.key}`, `only the group line ${group}`, `该报告的“${group}”只有合计行，没有分项，分项记为空值`, `requests.${def.key}`);
    else log.warn('row-missing', null, `a table B row for ${def.key} (${def.zh})`, 'no such label', `表三缺少“${def.zh}”行，记为空值`, `requests.${def.key}`);
  }
  return requests;
}
