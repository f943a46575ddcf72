/** Table C (administrative reconsideration and litigation): 15 numbers, three groups of five, in template order. */
import { APPEAL_COLUMNS, APPEAL_GROUPS, type Appeals, type TablePlacement } from '../../schema';
import { toCells } from './cells';
import { placementOf } from './placement';
import type { DiagnosticLog } from './diagnostics';
import { compactOf, fitValues, isBlankLine, isMarkdownRule, partsOf, type Line } from './lines';
import { isPageNoise, type CellToken } from '../text';

const COLS = APPEAL_COLUMNS.map((c) => c.key);
const WIDTH = APPEAL_GROUPS.length * COLS.length;
/** A row label that may precede a group's five numbers in layouts that print one row per group. */
const GROUP_LABEL = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|行政诉讼[(（]?(未经复议直接起诉|复议后起诉)[)）]?)$/;

/** The table's first header cell: reading starts there (numbers before it belong to what precedes the table). */
const HEADER_START = /^[#|]*行政复议/;
/** The words of table C's header: a header repeated between two groups (a Markdown table per group) is made of them. */
const HEADER_WORDS = /行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|总计|[#|()（）·、]/g;

/**
 * Whether text standing between the numbers, before the number at `position`, names that number's own column (a
 * header cell printed just before its number, as poppler's default mode prints 洪泽区's 总计 / 0) or, at a group's
 * start, the header of the group (its name, its columns' names): then the numbers stand beside their labels. Any
 * other text breaks the proof of the order.
 */
function namesNext(text: string, position: number): boolean {
  if (APPEAL_COLUMNS[position % COLS.length].zh.includes(text)) return true;
  return position % COLS.length === 0 && text.replace(HEADER_WORDS, '') === '';
}

/**
 * The first line of the table's header in lines[from, to) — 行政复议, maybe cut over lines (行政 / 复议), or the
 * column headers when the group row is not printed — or -1 when none is printed. A page footer may stand inside it.
 */
function headerStart(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = compactOf(lines[i]);
    if (!c || c.length > 40 || c.includes('情况')) continue;
    if (HEADER_START.test(c) || /^[#|]*结果维/.test(c)) return i;
    if (!/^[#|]*行/.test(c)) continue;
    // 行政 / 复议: the next non-empty line completes it.
    for (let j = i + 1; j < to && j <= i + 4; j++) {
      const next = compactOf(lines[j]);
      if (!next || isPageNoise(lines[j].raw)) continue;
      if (HEADER_START.test(c + next)) return i;
      break;
    }
  }
  return -1;
}

/** Every cell null, none read. A module function: under tsx a closure made per call is named at run time. */
function nulls(appeals: Appeals): { appeals: Appeals; placement: TablePlacement } {
  for (const g of APPEAL_GROUPS) appeals[g.key] = Object.fromEntries(COLS.map((c) => [c, null])) as Appeals['review'];
  return { appeals, placement: placementOf({ label: 0, arithmetic: 0, unread: WIDTH }) };
}

export function parseTableC(lines: Line[], from: number, to: number, log: DiagnosticLog): { appeals: Appeals; placement: TablePlacement } {
  const tokens: CellToken[] = [];
  let first: number | null = null;
  /** Text standing between the numbers that is not their own column's header: the order is not proved. */
  let breaking: { line: number; text: string } | null = null;
  /** Value cells after the fifteenth: more numbers than the table has, none of them proved. */
  let extra = 0;
  const header = headerStart(lines, from, to);
  for (let i = header < 0 ? from : header; i < to; i++) {
    const raw = lines[i].raw;
    if (isBlankLine(lines[i]) || isPageNoise(raw) || isMarkdownRule(raw)) continue;
    const parts = partsOf(lines[i]);
    if (!parts.values.length || (parts.label && !GROUP_LABEL.test(parts.label))) {
      if (first !== null && tokens.length < WIDTH && !breaking && parts.label && !namesNext(parts.label, tokens.length)) breaking = { line: lines[i].no, text: parts.label };
      continue;
    }
    // An empty tab or pipe row is layout; an empty fenced Markdown row is a group whose cells were all left blank, and
    // a line of spaces among the numbers (markSpaceCells) a cell left blank.
    if (!parts.fenced && !lines[i].spaceCell && parts.values.every((v) => v.kind === 'blank' && v.printed === '')) continue;
    const values = parts.separator === 'space' ? parts.values : fitValues(parts.values, Math.max(0, WIDTH - tokens.length), parts.fenced);
    if (tokens.length >= WIDTH) {
      extra += values.length;
      continue;
    }
    // Without a header, numbers one or two a line could be anything printed after table B: only rows are read.
    if (header < 0 && values.length < COLS.length && !breaking) breaking = { line: lines[i].no, text: '（无表头）' };
    first ??= lines[i].no;
    tokens.push(...values);
  }
  if (extra && tokens.length === WIDTH && !breaking) breaking = { line: first ?? 0, text: `（表后另有 ${extra} 个数字）` };
  const appeals = {} as Appeals;
  if (tokens.length !== WIDTH) {
    log.warn(
      tokens.length ? 'table-c-count' : 'table-c-missing',
      first,
      `${WIDTH} numbers of table C`,
      tokens.length ? `${tokens.length} values: ${tokens.map((t) => t.printed || '∅').join(' ')}` : 'none',
      tokens.length ? `表四应有 ${WIDTH} 个数字，实际 ${tokens.length} 个，无法对应，记为空值` : '没有找到表四（行政复议、行政诉讼）的数字，记为空值',
      'appeals',
    );
    return nulls(appeals);
  }
  if (breaking) {
    const shown = tokens.map((t) => t.printed || '∅').join(' ');
    log.warn('table-c-unproved', breaking.line, `${WIDTH} numbers of table C after its header, in the header's order`, `“${breaking.text}” among the numbers ${shown}`, `表四的数字被不属于其表头的文字“${breaking.text}”隔开，无法证明各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  APPEAL_GROUPS.forEach((g, gi) => {
    appeals[g.key] = toCells(COLS, tokens.slice(gi * COLS.length, (gi + 1) * COLS.length), log, first, `appeals.${g.key}`);
  });
  // The fifteen numbers of one printed row, in the order of the header: each stands in its header's position.
  return { appeals, placement: placementOf({ label: WIDTH, arithmetic: 0, unread: 0 }) };
}
