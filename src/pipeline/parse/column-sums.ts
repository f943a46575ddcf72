/**
 * Rules B1 and B2 of FORMAT.md on a reading of table B, per column, as the check stage applies them (a comparison
 * with a blank cell is skipped; a group printed as one line stands in for its all-blank sub-rows), for the readers:
 * whether a trial reading adds up, and which rows' two cells may have changed places in the text.
 */
import { APPLICANT_KEYS, APPLICANT_PARTS, type ApplicantColumn, type RequestKey, type RequestRow, type Requests } from '../../schema';
import { GROUP_OUTCOMES, groupLineStandsIn, OUTCOME_ROWS } from '../outcome-rows';

/** A row of an equation and its sign: +1 on the side of the intake (B1) or the outcomes (B2), −1 on the other. */
type Term = [RequestKey, 1 | -1];

const B1: Term[] = [
  ['received', 1],
  ['carriedOver', 1],
  ['handledTotal', -1],
  ['carriedForward', -1],
];
const EPSILON = 1e-6;

const cellOf = (requests: Requests, key: RequestKey, c: ApplicantColumn) => (requests[key] as RequestRow | undefined)?.[c] ?? null;

/** B2's rows in column c: the outcome rows, a group's line for its sub-rows when they are all blank; 处理总计 against them. */
function b2Terms(requests: Requests, c: ApplicantColumn): Term[] {
  const terms: Term[] = [];
  for (const r of OUTCOME_ROWS) {
    const group = 'group' in r ? r.group : undefined;
    // (The cell getter is written inline: under tsx a closure held in a named constant is named at run time, per call.)
    if (!group || !groupLineStandsIn(group, (key) => cellOf(requests, key, c))) terms.push([r.key, 1]);
    // The group's line once, where its first sub-row stands.
    else if (OUTCOME_ROWS.find((x) => 'group' in x && x.group === group) === r) terms.push([group, 1]);
  }
  terms.push(['handledTotal', -1]);
  return terms;
}

/** The signed sum of an equation in column c: 0 when it holds, null when a cell is blank (the rule is not applied). */
function deltaOf(requests: Requests, terms: Term[], c: ApplicantColumn): number | null {
  let delta = 0;
  for (const [key, sign] of terms) {
    const v = cellOf(requests, key, c);
    if (v === null) return null;
    delta += sign * v;
  }
  return delta;
}

/** The outcome rows outside any group. */
const LONE_OUTCOMES = OUTCOME_ROWS.filter((r) => !('group' in r)).map((r) => r.key);

/**
 * B2's outcome side in column c, as the positive terms of b2Terms(requests, c) give it without building them: the
 * sum of the cells read, and whether a cell is blank (the rule is then not applied).
 */
function outcomesIn(requests: Requests, c: ApplicantColumn): { sum: number; blank: boolean } {
  let sum = 0;
  let blank = false;
  for (const key of LONE_OUTCOMES) {
    const v = cellOf(requests, key, c);
    if (v === null) blank = true;
    else sum += v;
  }
  for (const { group, subRows } of GROUP_OUTCOMES) {
    // (The cell getter inline, as in b2Terms.)
    if (groupLineStandsIn(group, (key) => cellOf(requests, key, c))) {
      sum += cellOf(requests, group, c)!;
      continue;
    }
    for (const key of subRows) {
      const v = cellOf(requests, key, c);
      if (v === null) blank = true;
      else sum += v;
    }
  }
  return { sum, blank };
}

/** B2's signed sum in column c, as deltaOf(requests, b2Terms(requests, c), c) gives it. */
function b2Delta(requests: Requests, c: ApplicantColumn): number | null {
  const { sum, blank } = outcomesIn(requests, c);
  const total = cellOf(requests, 'handledTotal', c);
  return blank || total === null ? null : sum - total;
}

const broken = (delta: number | null) => delta !== null && Math.abs(delta) > EPSILON;

/** B1's and B2's signed sums in each applicant column (APPLICANT_PARTS order): null where a cell is blank. */
export type RuleSums = Record<'B1' | 'B2', (number | null)[]>;

/** Each rule's signed sum in each applicant column of a reading, taken once for swapCandidates and shuffledColumns. */
export function ruleSums(requests: Requests): RuleSums {
  return { B1: APPLICANT_PARTS.map((c) => deltaOf(requests, B1, c)), B2: APPLICANT_PARTS.map((c) => b2Delta(requests, c)) };
}

/** Whether B1 and B2 hold in every column (blank cells skip a comparison). */
export function columnsAddUp(requests: Requests): boolean {
  for (const c of APPLICANT_KEYS) if (broken(deltaOf(requests, B1, c)) || broken(b2Delta(requests, c))) return false;
  return true;
}

/** The columns (APPLICANT_KEYS, the total too) where B1 and B2 both apply, no cell of theirs blank, and hold. */
export function columnsProved(requests: Requests): Set<ApplicantColumn> {
  const proved = new Set<ApplicantColumn>();
  for (const c of APPLICANT_KEYS) {
    const [b1, b2] = [deltaOf(requests, B1, c), b2Delta(requests, c)];
    if (b1 !== null && b2 !== null && !broken(b1) && !broken(b2)) proved.add(c);
  }
  return proved;
}

/**
 * Pairs of rows among `rows` whose cells, exchanged whole, make B1 and B2 hold in every column where the reading
 * breaks them (and break them in no other): the reading put the two rows in an order that the arithmetic contradicts.
 * `zeroed`: the reading with cells printed blank counted as 0. A comparison that a blank cell skips does not count as
 * holding where the reading breaks.
 */
export function rowExchanges(zeroed: Requests, rows: readonly RequestKey[]): [RequestKey, RequestKey][] {
  const sums = ruleSums(zeroed);
  if (!sums.B1.some(broken) && !sums.B2.some(broken)) return [];
  const out: [RequestKey, RequestKey][] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = zeroed[rows[i]] as RequestRow | undefined;
    if (!a) continue;
    for (let j = i + 1; j < rows.length; j++) {
      const b = zeroed[rows[j]] as RequestRow | undefined;
      if (!b || APPLICANT_KEYS.every((c) => a[c] === b[c])) continue;
      const after = ruleSums({ ...zeroed, [rows[i]]: b, [rows[j]]: a } as Requests);
      if ((['B1', 'B2'] as const).every((rule) => after[rule].every((d, c) => !broken(d) && (d !== null || !broken(sums[rule][c]))))) out.push([rows[i], rows[j]]);
    }
  }
  return out;
}

/** Cells of one row that may stand out of their columns' order: `columns` (applicant columns, in order). */
export interface SwapCandidate {
  key: RequestKey;
  columns: ApplicantColumn[];
  rule: 'B1' | 'B2';
}

/**
 * Rows whose cells, put in another order, would make B1 and B2 hold where they break: the reading the text gives may
 * not be the table's. A space-separated line orders its words by where text extraction put them, and cells of
 * different fonts can come out in another order than their columns (poppler's -layout does so, for one row or for a
 * run of rows): the row total (B3) cannot tell, the column sums can.
 * - Breaks in exactly two columns, by opposite amounts in each rule that breaks: every row that changes places with
 *   the other column in some set of rows whose swap makes both rules hold in both columns (pairSwaps), and, when there
 *   is such a set, every row whose two cells there differ only as blank and 0 (a swap no sum shows).
 * - Breaks in more columns, adding up to 0 in a rule: a row whose cells there, in another order, make both rules hold.
 * `zeroed`: the reading with cells printed blank counted as 0; `printed`: the reading itself (blank cells null);
 * `rows`: the rows whose order of cells the text does not show (read from space-separated lines); `sums`: ruleSums of
 * `zeroed`, when the caller has them.
 */
export function swapCandidates(zeroed: Requests, rows: ReadonlySet<RequestKey>, printed: Requests = zeroed, sums: RuleSums = ruleSums(zeroed)): SwapCandidate[] {
  if (!sums.B1.some(broken) && !sums.B2.some(broken)) return [];
  const pair = pairSwaps(zeroed, rows, printed, sums);
  if (pair) return pair;
  const out: SwapCandidate[] = [];
  for (const rule of ['B1', 'B2'] as const) {
    const termsOf = (c: ApplicantColumn) => (rule === 'B1' ? B1 : b2Terms(zeroed, c));
    const deltas = sums[rule];
    const columns = APPLICANT_PARTS.filter((_, i) => broken(deltas[i]));
    if (columns.length < 3 || Math.abs(columns.reduce((sum, c) => sum + deltas[APPLICANT_PARTS.indexOf(c)]!, 0)) > EPSILON) continue;
    const signs = columns.map((c) => new Map(termsOf(c).map(([key, sign]) => [key, sign])));
    for (const [key, sign] of termsOf(columns[0])) {
      if (!rows.has(key) || !signs.every((m) => m.get(key) === sign)) continue;
      const values = columns.map((c) => cellOf(zeroed, key, c));
      if (values.some((v) => v === null) || out.some((o) => o.key === key)) continue;
      if (otherOrders(values as number[]).some((order) => holdsReordered(zeroed, key, columns, order))) out.push({ key, columns, rule });
    }
  }
  return out;
}

/**
 * The applicant columns from the first to the last where B1 or B2 breaks in two columns or more by amounts that add up
 * to 0 (each row's cells, whatever their order, still add up to its total): the mark of cells that stand in another
 * order than their columns in a run of rows, which no one row's order explains. Empty when the breaks are not so.
 * `sums`: ruleSums of the reading (blank cells counted as 0).
 */
export function shuffledColumns(sums: RuleSums): ApplicantColumn[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const deltas of [sums.B1, sums.B2]) {
    const at = APPLICANT_PARTS.flatMap((_, i) => (broken(deltas[i]) ? [i] : []));
    if (at.length < 2 || Math.abs(at.reduce((sum, i) => sum + deltas[i]!, 0)) > EPSILON) continue;
    lo = Math.min(lo, at[0]);
    hi = Math.max(hi, at[at.length - 1]);
  }
  return lo <= hi ? APPLICANT_PARTS.slice(lo, hi + 1) : [];
}

/**
 * The applicant columns from the first to the last where a reading breaks a bound that B1 or B2 sets even with a
 * cell of theirs unread, in two columns or more (else empty): 处理总计 no more than 新收 and 上年结转 together when
 * 结转下年度 is unread (it is not negative), the outcome rows read no more than 处理总计 when one of them is unread. Cells
 * out of their columns' order in a run of rows break such bounds where the full rules cannot be taken
 * (pdfCase('lay26-pdf', 99, undefined, { tableLayouts: true }), pdftotext -layout: "49 80 271 …" for 271 49 80 in
 * several rows, 总计's natural 271 over 新收 49 and 结转 1). `requests`: the reading with blank cells counted as 0.
 */
export function boundsBrokenColumns(requests: Requests): ApplicantColumn[] {
  const at: number[] = [];
  APPLICANT_PARTS.forEach((c, i) => {
    const total = cellOf(requests, 'handledTotal', c);
    if (total === null) return;
    const [received, carried] = [cellOf(requests, 'received', c), cellOf(requests, 'carriedOver', c)];
    const b1 = cellOf(requests, 'carriedForward', c) === null && received !== null && carried !== null && received + carried < total - EPSILON;
    const { sum: outcomes, blank: unread } = outcomesIn(requests, c);
    if (b1 || (unread && outcomes > total + EPSILON)) at.push(i);
  });
  return at.length > 1 ? APPLICANT_PARTS.slice(at[0], at[at.length - 1] + 1) : [];
}

/** Beyond this many partial sums the rows that may have changed places are not told apart: all of them are taken. */
const MAX_STATES = 4096;

/**
 * Breaks in exactly two columns, opposite in each rule: the rows of some set whose cells, swapped between the two
 * columns, make B1 and B2 hold there (a row's swap moves each rule's difference by its two cells' difference; the
 * sets are found by their sums, forward and backward, not one by one), with the rows whose cells differ only as blank
 * and 0. Null when the breaks are not of that kind or no set makes both rules hold.
 */
function pairSwaps(zeroed: Requests, rows: ReadonlySet<RequestKey>, printed: Requests, sums: RuleSums): SwapCandidate[] | null {
  const rules = [
    { rule: 'B1' as const, termsOf: (_: ApplicantColumn) => B1, deltas: sums.B1 },
    { rule: 'B2' as const, termsOf: (c: ApplicantColumn) => b2Terms(zeroed, c), deltas: sums.B2 },
  ];
  const columns = APPLICANT_PARTS.filter((_, i) => rules.some((r) => broken(r.deltas[i])));
  if (columns.length !== 2) return null;
  const [c1, c2] = columns;
  const [i1, i2] = columns.map((c) => APPLICANT_PARTS.indexOf(c));
  const targets: number[] = [];
  for (const r of rules) {
    const [d1, d2] = [r.deltas[i1], r.deltas[i2]];
    if (d1 === null || d2 === null) return null;
    if (Math.abs(d1 + d2) > EPSILON) return null;
    targets.push(-d1);
  }
  const rule = Math.abs(targets[0]) > EPSILON ? 'B1' : 'B2';
  // Each row that may change places: how its swap moves each rule's difference in c1 (c2 moves by the opposite).
  const items: { key: RequestKey; moves: number[] }[] = [];
  const quiet: RequestKey[] = [];
  // Each rule's sign of each row in the two columns (0 where the row is not one of its terms).
  const signsIn = rules.map((r) => [new Map(r.termsOf(c1)), new Map(r.termsOf(c2))]);
  for (const key of rows) {
    const [v1, v2] = [cellOf(zeroed, key, c1), cellOf(zeroed, key, c2)];
    if (v1 === null || v2 === null) continue;
    const signs = signsIn.map(([in1, in2]) => {
      const s1 = in1.get(key) ?? 0;
      return s1 === (in2.get(key) ?? 0) ? s1 : null;
    });
    if (signs.includes(null)) continue;
    const moves = signs.map((s) => s! * (v2 - v1));
    if (moves.some((m) => Math.abs(m) > EPSILON)) items.push({ key, moves });
    else if (cellOf(printed, key, c1) !== cellOf(printed, key, c2)) quiet.push(key);
  }
  const keyOf = (sums: number[]) => sums.map((x) => Math.round(x * 1e6)).join(',');
  const add = (sums: number[], moves: number[]) => sums.map((x, k) => x + moves[k]);
  // Partial sums reachable with the first i rows (forward) and the last rows from i on (backward).
  const forward: Map<string, number[]>[] = [new Map([[keyOf([0, 0]), [0, 0]]])];
  for (const item of items) {
    const next = new Map(forward[forward.length - 1]);
    for (const sums of forward[forward.length - 1].values()) {
      const moved = add(sums, item.moves);
      next.set(keyOf(moved), moved);
    }
    if (next.size > MAX_STATES) return [...items.map((x) => x.key), ...quiet].map((key) => ({ key, columns: [c1, c2], rule }));
    forward.push(next);
  }
  if (!forward[items.length].has(keyOf(targets))) return null;
  const backward: Set<string>[] = new Array(items.length + 1);
  backward[items.length] = new Set([keyOf([0, 0])]);
  let sumsAfter: number[][] = [[0, 0]];
  for (let i = items.length - 1; i >= 0; i--) {
    const seen = new Map(sumsAfter.map((x) => [keyOf(x), x]));
    for (const sums of sumsAfter) {
      const moved = add(sums, items[i].moves);
      seen.set(keyOf(moved), moved);
    }
    sumsAfter = [...seen.values()];
    backward[i] = new Set(seen.keys());
  }
  const swapped = items.filter((item, i) => [...forward[i].values()].some((before) => backward[i + 1].has(keyOf(targets.map((t, k) => t - before[k] - item.moves[k])))));
  return [...swapped.map((x) => x.key), ...quiet].map((key) => ({ key, columns: [c1, c2], rule }));
}

/** The orders of `values` other than the one given (distinct arrangements; at most 720). */
function otherOrders(values: number[]): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>([values.join(',')]);
  const walk = (rest: number[], order: number[]) => {
    if (!rest.length) {
      const k = order.join(',');
      if (!seen.has(k)) {
        seen.add(k);
        out.push(order);
      }
      return;
    }
    rest.forEach((v, i) => walk([...rest.slice(0, i), ...rest.slice(i + 1)], [...order, v]));
  };
  walk(values, []);
  return out;
}

/** Whether B1 and B2 hold in `columns` once the row's cells there stand in `order` (the other reading). */
function holdsReordered(requests: Requests, key: RequestKey, columns: ApplicantColumn[], order: number[]): boolean {
  const row = { ...(requests[key] as RequestRow) };
  columns.forEach((c, i) => (row[c] = order[i]));
  const other = { ...requests, [key]: row } as Requests;
  return columns.every((c) => [deltaOf(other, B1, c), b2Delta(other, c)].every((d) => Math.abs(d ?? 0) < EPSILON));
}
