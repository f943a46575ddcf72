/**
 * Splits a run of digits printed without separators ("640020470") into the cells of a table row, using the
 * template's own arithmetic: in table B a row's total equals the sum of its six applicant cells, in table C each
 * group's total equals the sum of its four results. Returns every split that satisfies the rule (capped); the caller
 * takes a unique one and reports an ambiguous one instead of guessing.
 */

export interface SplitRule {
  /** Sizes of consecutive groups, e.g. [7] for a table B row, [5, 5, 5] for table C, [3] for a table A row. */
  groups: number[];
  /** Whether each group's last cell is the sum of the others. */
  lastIsSum: boolean;
}

const MAX_DIGITS = 6;
const CAP = 20;

/** One split's search: the run, the rule and what is found so far (module functions, not closures: under tsx a closure made per call is named at run time). */
interface Search {
  digits: string;
  rule: SplitRule;
  out: number[][];
  cells: number[];
  /** cellsFrom[g]: how many cells groups g… hold together. */
  cellsFrom: number[];
  lastGroup: number;
  /** The last group's sum cell is the run's last `len` digits: suffix[len] (NaN where a leading zero rules it out). */
  suffix: number[];
}

export function splitDigits(run: string, rule: SplitRule): number[][] {
  const digits = run.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) return [];
  const cellsFrom: number[] = [];
  for (let g = 0; g < rule.groups.length; g++) {
    let n = 0;
    for (let h = g; h < rule.groups.length; h++) n += rule.groups[h];
    cellsFrom.push(n);
  }
  const suffix = [NaN];
  for (let len = 1; len <= MAX_DIGITS && len <= digits.length; len++)
    suffix.push(len > 1 && digits.charCodeAt(digits.length - len) === 48 ? NaN : Number(digits.slice(-len)));
  const search: Search = { digits, rule, out: [], cells: [], cellsFrom, lastGroup: rule.groups.length - 1, suffix };
  rec(search, 0, 0, 0, 0);
  return search.out;
}

/**
 * In the last group, with `remaining` digits left for `before` more cells and then the sum cell: whether some
 * suffix can be the sum cell, at least the sum so far (cells are never negative), leaving 1 to MAX_DIGITS digits
 * for each cell before it.
 */
function sumCanFit(suffix: number[], remaining: number, before: number, groupSum: number): boolean {
  for (let len = Math.max(1, remaining - before * MAX_DIGITS); len <= remaining - before && len < suffix.length; len++)
    if (suffix[len] >= groupSum) return true;
  return false;
}

/** `groupSum`: the sum of the cells placed so far in the current group. */
function rec(s: Search, pos: number, group: number, inGroup: number, groupSum: number): void {
  const { digits, rule, out, cells } = s;
  if (out.length >= CAP) return;
  if (group === rule.groups.length) {
    if (pos === digits.length) out.push([...cells]);
    return;
  }
  const size = rule.groups[group];
  const cellsLeft = s.cellsFrom[group] - inGroup;
  const remaining = digits.length - pos;
  if (remaining < cellsLeft || remaining > cellsLeft * MAX_DIGITS) return;
  const isLast = inGroup === size - 1;
  // Cuts only branches that find no split: the splits and their order stay.
  if (rule.lastIsSum && group === s.lastGroup && !isLast && !sumCanFit(s.suffix, remaining, size - 1 - inGroup, groupSum)) return;
  let v = 0;
  for (let len = 1; len <= MAX_DIGITS && pos + len <= digits.length; len++) {
    if (len > 1 && digits.charCodeAt(pos) === 48) break; // no leading zeros
    v = v * 10 + digits.charCodeAt(pos + len - 1) - 48;
    if (isLast && rule.lastIsSum && groupSum !== v) continue;
    cells.push(v);
    if (isLast) rec(s, pos + len, group + 1, 0, 0);
    else rec(s, pos + len, group, inGroup + 1, groupSum + v);
    cells.pop();
  }
}
