/**
 * Rules B1 and B2 of FORMAT.md on a reading of table B, per column, as the check stage applies them (a comparison
 * with a blank cell is skipped; a group printed as one line stands in for its all-blank sub-rows), for the readers:
 * whether a trial reading adds up, and which rows' two cells may have changed places in the text.
 */
import { APPLICANT_KEYS, APPLICANT_PARTS, REQUEST_ROWS, type ApplicantColumn, type RequestKey, type RequestRow, type Requests } from '../../schema';

/** A row of an equation and its sign: +1 on the side of the intake (B1) or the outcomes (B2), −1 on the other. */
type Term = [RequestKey, 1 | -1];

const OUTCOME_ROWS = REQUEST_ROWS.filter((r) => r.outcome);
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
    const subRowsBlank = group && OUTCOME_ROWS.every((x) => !('group' in x) || x.group !== group || cellOf(requests, x.key, c) === null);
    if (group && subRowsBlank && cellOf(requests, group, c) !== null) {
      if (OUTCOME_ROWS.find((x) => 'group' in x && x.group === group) === r) terms.push([group, 1]);
    } else terms.push([r.key, 1]);
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

/** Two cells of one row that may have changed places: columns a and b (applicant columns, a before b). */
export interface SwapCandidate {
  key: RequestKey;
  a: ApplicantColumn;
  b: ApplicantColumn;
  rule: 'B1' | 'B2';
}

/**
 * Rows of B1 or B2 whose cells in two applicant columns, changed places, would make that rule hold in both columns:
 * the rule breaks in exactly those two, by opposite amounts, the row's two cells differ by that amount, and with them
 * changed both rules hold in both columns (the swap is another reading of the whole table, not a new break). A
 * space-separated line orders its words by where text extraction put them, and two close cells of different fonts
 * can come out in reversed order (poppler's -layout does so): the row total (B3) cannot tell, the column sums can.
 * `rows`: the rows whose order of cells is not shown by the text (read from space-separated lines).
 */
export function swapCandidates(requests: Requests, rows: ReadonlySet<RequestKey>): SwapCandidate[] {
  const out: SwapCandidate[] = [];
  for (const rule of ['B1', 'B2'] as const) {
    const termsOf = (c: ApplicantColumn) => (rule === 'B1' ? B1 : b2Terms(requests, c));
    const deltas = APPLICANT_PARTS.map((c) => deltaOf(requests, termsOf(c), c));
    const broken = deltas.flatMap((d, i) => (d !== null && Math.abs(d) > EPSILON ? [i] : []));
    if (broken.length !== 2) continue;
    const [i, j] = broken;
    const d = deltas[i]!;
    if (Math.abs(d + deltas[j]!) > EPSILON) continue;
    const a = APPLICANT_PARTS[i];
    const b = APPLICANT_PARTS[j];
    const inB = new Map(termsOf(b).map(([key, sign]) => [key, sign]));
    for (const [key, sign] of termsOf(a)) {
      if (!rows.has(key) || inB.get(key) !== sign) continue;
      const x = cellOf(requests, key, a);
      const y = cellOf(requests, key, b);
      if (x === null || y === null || Math.abs(sign * (x - y) - d) > EPSILON) continue;
      if (out.some((o) => o.key === key && o.a === a && o.b === b) || !holdsSwapped(requests, key, a, b)) continue;
      out.push({ key, a, b, rule });
    }
  }
  return out;
}

/** Whether B1 and B2 hold in columns a and b once the row's two cells change places (the other reading). */
function holdsSwapped(requests: Requests, key: RequestKey, a: ApplicantColumn, b: ApplicantColumn): boolean {
  const row = requests[key] as RequestRow;
  const swapped = { ...requests, [key]: { ...row, [a]: row[b], [b]: row[a] } } as Requests;
  return [a, b].every((c) => [B1, b2Terms(swapped, c)].every((terms) => Math.abs(deltaOf(swapped, terms, c) ?? 0) < EPSILON));
}
