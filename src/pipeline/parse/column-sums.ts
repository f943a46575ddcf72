/**
 * Rules B1 and B2 of FORMAT.md on a reading of table B, per column, as the check stage applies them (a comparison
 * with a blank cell is skipped; a group printed as one line stands in for its all-blank sub-rows), for the readers:
 * whether a trial reading adds up, and which rows' two cells may have changed places in the text.
 */
import { APPLICANT_KEYS, APPLICANT_PARTS, type ApplicantColumn, type RequestKey, type RequestRow, type Requests } from '../../schema';
import { groupLineStandsIn, OUTCOME_ROWS } from '../outcome-rows';

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
  const cell = (key: RequestKey) => cellOf(requests, key, c);
  for (const r of OUTCOME_ROWS) {
    const group = 'group' in r ? r.group : undefined;
    if (!group || !groupLineStandsIn(group, cell)) terms.push([r.key, 1]);
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

/** Whether B1 and B2 hold in every column (blank cells skip a comparison). */
export function columnsAddUp(requests: Requests): boolean {
  for (const c of APPLICANT_KEYS) {
    const d1 = deltaOf(requests, B1, c);
    const d2 = deltaOf(requests, b2Terms(requests, c), c);
    if ((d1 !== null && Math.abs(d1) > EPSILON) || (d2 !== null && Math.abs(d2) > EPSILON)) return false;
  }
  return true;
}

/** Cells of one row that may stand out of their columns' order: `columns` (applicant columns, in order). */
export interface SwapCandidate {
  key: RequestKey;
  columns: ApplicantColumn[];
  rule: 'B1' | 'B2';
}

/**
 * Rows of B1 or B2 whose cells in the columns where that rule breaks, put in another order, would make both rules hold
 * there: the rule breaks in two columns or more whose differences add up to 0 (an order changes no row's sum), and
 * some other order of the row's cells in those columns is another reading of the whole table, not a new break. A
 * space-separated line orders its words by where text extraction put them, and cells of different fonts can come out
 * in another order than their columns (poppler's -layout does so): the row total (B3) cannot tell, the column sums
 * can. `rows`: the rows whose order of cells is not shown by the text (read from space-separated lines).
 */
export function swapCandidates(requests: Requests, rows: ReadonlySet<RequestKey>): SwapCandidate[] {
  const out: SwapCandidate[] = [];
  for (const rule of ['B1', 'B2'] as const) {
    const termsOf = (c: ApplicantColumn) => (rule === 'B1' ? B1 : b2Terms(requests, c));
    const deltas = APPLICANT_PARTS.map((c) => deltaOf(requests, termsOf(c), c));
    const columns = APPLICANT_PARTS.filter((_, i) => deltas[i] !== null && Math.abs(deltas[i]!) > EPSILON);
    if (columns.length < 2 || Math.abs(columns.reduce((sum, c) => sum + deltas[APPLICANT_PARTS.indexOf(c)]!, 0)) > EPSILON) continue;
    const signs = columns.map((c) => new Map(termsOf(c).map(([key, sign]) => [key, sign])));
    for (const [key, sign] of termsOf(columns[0])) {
      if (!rows.has(key) || !signs.every((m) => m.get(key) === sign)) continue;
      const values = columns.map((c) => cellOf(requests, key, c));
      if (values.some((v) => v === null) || out.some((o) => o.key === key)) continue;
      if (otherOrders(values as number[]).some((order) => holdsReordered(requests, key, columns, order))) out.push({ key, columns, rule });
    }
  }
  return out;
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
  return columns.every((c) => [B1, b2Terms(other, c)].every((terms) => Math.abs(deltaOf(other, terms, c) ?? 0) < EPSILON));
}
