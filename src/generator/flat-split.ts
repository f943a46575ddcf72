/**
 * Can run-together digits be split back into one answer? A flattened web page prints a table row's cells with no
 * separator ("640020470"), sometimes with a stray space. Splitting is only determined by the rules a parser may rely
 * on: numbers have no leading zeros, a row's total is the sum of its six applicant columns (B3), each table B column
 * closes (B1, B2), each table C group sums to its total (C1). These functions count the splits those rules allow.
 */

/**
 * Splits of a row printed as space-separated chunks of digits into `count` numbers that pass `accept`: every chunk
 * is cut into one or more numbers, none with a leading zero. Returns at most `limit` splits (enough to tell "one"
 * from "several"). Walks digit by digit so that no split is built unless it is complete.
 */
export function rowSplits(chunks: string[], count: number, accept: (values: number[]) => boolean = () => true, limit = 64): number[][] {
  return searchSplits(chunks, count, accept, () => true, limit);
}

/** As rowSplits, with `partial` rejecting a prefix of numbers early (e.g. a finished group of table C). */
function searchSplits(
  chunks: string[],
  count: number,
  accept: (values: number[]) => boolean,
  partial: (prefix: number[]) => boolean,
  limit: number,
): number[][] {
  const out: number[][] = [];
  const stack: number[] = [];
  const walk = (chunk: number, at: number) => {
    if (out.length >= limit) return;
    if (chunk === chunks.length) {
      if (stack.length === count && accept(stack)) out.push([...stack]);
      return;
    }
    const digits = chunks[chunk];
    const laterChunks = chunks.length - chunk - 1;
    if (count - stack.length < laterChunks + 1) return;
    const maxLen = digits[at] === '0' ? 1 : digits.length - at;
    for (let len = 1; len <= maxLen; len++) {
      const end = at + len;
      // A chunk's last number must end at the chunk's end; otherwise another number of this chunk follows.
      if (end < digits.length && count - stack.length - 1 < laterChunks + 1) continue;
      stack.push(Number(digits.slice(at, end)));
      if (partial(stack)) {
        if (end === digits.length) walk(chunk + 1, 0);
        else walk(chunk, end);
      }
      stack.pop();
    }
  };
  walk(0, 0);
  return out;
}

const sumsToLast = (values: number[]) => values.slice(0, -1).reduce((s, v) => s + v, 0) === values[values.length - 1];

export interface FlatRow {
  /** Value path, e.g. `requests.received`; table B's rule roles are read from it. */
  path: string;
  chunks: string[];
}

const TOP = new Set(['requests.received', 'requests.carriedOver', 'requests.handledTotal', 'requests.carriedForward']);
/** Combinations of candidate rows tried before giving up on proving table B unique or ambiguous. */
const MAX_TRIALS = 20_000;

/** 'unique': one split; 'ambiguous': two or more proven; 'unknown': too many combinations to decide. */
export type SplitVerdict = 'unique' | 'ambiguous' | 'unknown';

/** How table B's digits split under B3 per row and B1, B2 per column. */
export function requestsVerdict(rows: FlatRow[]): SplitVerdict {
  const candidates = rows.map((r) => rowSplits(r.chunks, 7, sumsToLast));
  if (candidates.some((c) => c.length === 0)) return 'unknown';
  if (candidates.some((c) => c.length >= 64)) return 'ambiguous';
  const open = candidates.map((c, i) => (c.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0) return 'unique';
  const byPath = (path: string) => rows.findIndex((r) => r.path === path);
  const [received, over, handled, forward] = ['received', 'carriedOver', 'handledTotal', 'carriedForward'].map((k) => byPath(`requests.${k}`));
  const outcomes = rows.map((r, i) => (TOP.has(r.path) ? -1 : i)).filter((i) => i >= 0);
  const choice = candidates.map((c) => c[0]);
  let solutions = 0;
  let trials = 0;
  const closes = () => {
    for (let col = 0; col < 7; col++) {
      const v = (i: number) => choice[i][col];
      if (v(received) + v(over) !== v(handled) + v(forward)) return false;
      if (outcomes.reduce((s, i) => s + v(i), 0) !== v(handled)) return false;
    }
    return true;
  };
  const walk = (k: number) => {
    if (solutions > 1 || trials > MAX_TRIALS) return;
    if (k === open.length) {
      trials++;
      if (closes()) solutions++;
      return;
    }
    for (const c of candidates[open[k]]) {
      choice[open[k]] = c;
      walk(k + 1);
    }
  };
  walk(0);
  if (solutions > 1) return 'ambiguous';
  return trials > MAX_TRIALS ? 'unknown' : solutions === 1 ? 'unique' : 'unknown';
}

/** How table C's 15 run-together numbers split with every group summing to its total (C1). */
export function appealsVerdict(chunks: string[]): SplitVerdict {
  const groupCloses = (v: number[]) => v.length % 5 !== 0 || sumsToLast(v.slice(v.length - 5));
  const n = searchSplits(chunks, 15, () => true, groupCloses, 2).length;
  return n === 1 ? 'unique' : n > 1 ? 'ambiguous' : 'unknown';
}

/** How a table A row's digits split (table A has no rule to lean on). */
export function proactiveRowVerdict(chunks: string[], count: number): SplitVerdict {
  if (chunks.length === count) return 'unique';
  return rowSplits(chunks, count, () => true, 2).length === 1 ? 'unique' : 'ambiguous';
}
