/**
 * Splits a run of digits printed without separators ("640020470") into the cells of a table row, using the
 * template's own arithmetic: in table B a row's total equals the sum of its six applicant cells, in table C each
 * group's total equals the sum of its four results. Returns every split that satisfies the rule (capped); the caller
 * takes a unique one and reports an ambiguous one instead of guessing. A run may hold blank marks (splitCells), each a
 * blank cell of its own.
 */

import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS } from '../../schema';

export interface SplitRule {
  /** Sizes of consecutive groups, e.g. [7] for a table B row, [5, 5, 5] for table C, [3] for a table A row. */
  groups: number[];
  /** Whether each group's last cell is the sum of the others. */
  lastIsSum: boolean;
}

/** A table B row: seven cells, the total last. */
export const TABLE_B_ROW: SplitRule = { groups: [APPLICANT_KEYS.length], lastIsSum: true };
/** Table C: three groups of five, each group's total last. */
export const TABLE_C: SplitRule = { groups: APPEAL_GROUPS.map(() => APPEAL_COLUMNS.length), lastIsSum: true };

const MAX_DIGITS = 6;
/** The most splits a search returns: more than this many is reported as this many or more. */
export const SPLIT_CAP = 20;
/**
 * The blank marks a flattened page prints in a cell, as a regular-expression character class's body: these symbols
 * (after folding: "／" is "/", "－" is "-") and 无 (MARK_WORD), the one-character marks of text.ts NULL_MARKS but \\
 * and ×. Spelled here once: unflatten.ts finds runs of cells with them, layout.ts such a run after 本年新收…数量.
 */
export const MARK_SYMBOLS = '/—–\\-';
/** 无 is a blank mark, and it begins two labels (无法提供, 无正当理由): a pattern of it as a mark, not those words. */
export const MARK_WORD = '无(?![法正])';
const MARK = new RegExp(`[${MARK_SYMBOLS}无]`);
const CELLS_ONLY = new RegExp(`^[\\d${MARK_SYMBOLS}无]+$`);
/** A dash mark printed twice in a row: one blank cell ("——") or two ("--")? */
const DOUBLED_DASH = /([—–-])\1/;

/** One split's search: the run, the rule and what is found so far (module functions, not closures: under tsx a closure made per call is named at run time). */
interface Search {
  text: string;
  rule: SplitRule;
  out: (number | null)[][];
  cells: (number | null)[];
  /** cellsFrom[g]: how many cells groups g… hold together. */
  cellsFrom: number[];
  lastGroup: number;
  /**
   * The last group's sum cell is the run's last `len` characters: suffix[len] (NaN where a leading zero or a mark rules
   * it out); null when the run ends in a mark (the last total is blank: no sum to keep).
   */
  suffix: number[] | null;
}

/** The splits of a run of digits only (spaces ignored); none for a run with anything else. */
export function splitDigits(run: string, rule: SplitRule): number[][] {
  const digits = run.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) return [];
  return search(digits, rule) as number[][];
}

/**
 * Splits a run of digits and blank marks printed without separators ("15/1/3/19": 15, blank, 1, blank, 3, blank, 19)
 * into the cells of a table row: each mark one blank cell (null), the digits between marks one cell or more, as
 * splitDigits splits them; a group whose last cell is a number keeps its sum (blank cells as 0), one whose last cell is
 * blank has no arithmetic to keep. A dash printed twice in a row ("——" one blank cell, or two?) gives no split.
 */
export function splitCells(run: string, rule: SplitRule): (number | null)[][] {
  const text = run.replace(/\s+/g, '');
  if (!CELLS_ONLY.test(text) || DOUBLED_DASH.test(text)) return [];
  return search(text, rule);
}

function search(text: string, rule: SplitRule): (number | null)[][] {
  const cellsFrom: number[] = [];
  for (let g = 0; g < rule.groups.length; g++) {
    let n = 0;
    for (let h = g; h < rule.groups.length; h++) n += rule.groups[h];
    cellsFrom.push(n);
  }
  let suffix: number[] | null = null;
  if (!MARK.test(text[text.length - 1])) {
    suffix = [NaN];
    for (let len = 1; len <= MAX_DIGITS && len <= text.length; len++) {
      const tail = text.slice(-len);
      suffix.push((len > 1 && tail.charCodeAt(0) === 48) || !/^\d+$/.test(tail) ? NaN : Number(tail));
    }
  }
  const s: Search = { text, rule, out: [], cells: [], cellsFrom, lastGroup: rule.groups.length - 1, suffix };
  rec(s, 0, 0, 0, 0);
  return s.out;
}

/**
 * In the last group, with `remaining` characters left for `before` more cells and then the sum cell: whether some
 * suffix can be the sum cell, at least the sum so far (cells are never negative), leaving 1 to MAX_DIGITS characters
 * for each cell before it.
 */
function sumCanFit(suffix: number[], remaining: number, before: number, groupSum: number): boolean {
  for (let len = Math.max(1, remaining - before * MAX_DIGITS); len <= remaining - before && len < suffix.length; len++)
    if (suffix[len] >= groupSum) return true;
  return false;
}

/** `groupSum`: the sum of the cells placed so far in the current group (blank cells as 0). */
function rec(s: Search, pos: number, group: number, inGroup: number, groupSum: number): void {
  const { text, rule, out, cells } = s;
  if (out.length >= SPLIT_CAP) return;
  if (group === rule.groups.length) {
    if (pos === text.length) out.push([...cells]);
    return;
  }
  const size = rule.groups[group];
  const cellsLeft = s.cellsFrom[group] - inGroup;
  const remaining = text.length - pos;
  // Each cell is one character at least (a mark or a digit) and MAX_DIGITS at most.
  if (remaining < cellsLeft || remaining > cellsLeft * MAX_DIGITS) return;
  const isLast = inGroup === size - 1;
  // Cuts only branches that find no split: the splits and their order stay.
  if (rule.lastIsSum && s.suffix && group === s.lastGroup && !isLast && !sumCanFit(s.suffix, remaining, size - 1 - inGroup, groupSum)) return;
  if (MARK.test(text[pos])) {
    cells.push(null);
    if (isLast) rec(s, pos + 1, group + 1, 0, 0);
    else rec(s, pos + 1, group, inGroup + 1, groupSum);
    cells.pop();
    return;
  }
  let v = 0;
  for (let len = 1; len <= MAX_DIGITS && pos + len <= text.length; len++) {
    const code = text.charCodeAt(pos + len - 1);
    if (code < 48 || code > 57) break;
    if (len > 1 && text.charCodeAt(pos) === 48) break; // no leading zeros
    v = v * 10 + code - 48;
    if (isLast && rule.lastIsSum && groupSum !== v) continue;
    cells.push(v);
    if (isLast) rec(s, pos + len, group + 1, 0, 0);
    else rec(s, pos + len, group, inGroup + 1, groupSum + v);
    cells.pop();
  }
}
