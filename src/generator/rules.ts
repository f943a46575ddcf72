/**
 * The consistency rules of FORMAT.md evaluated on truth-shaped tables: which rules a generated report breaks.
 * An independent oracle for the tests (the pipeline's own checks are not used to judge the parser).
 * Null cells count as 0: the generator only blanks cells whose value is 0.
 */
import {
  APPEAL_GROUPS,
  APPLICANT_KEYS,
  APPLICANT_PARTS,
  REQUEST_GROUP_KEYS,
  type Appeals,
  type RequestRow,
  type Requests,
} from '../schema';
import { ROW_DEFS } from './tables';
import type { ProseCountsTruth, TruthRuleBreak } from './types';

const v = (n: number | null | undefined) => n ?? 0;

/** The rows summed by rule B2: the 22 outcome rows, with a group's own line standing in for its sub-rows. */
export function outcomeRows(requests: Requests): RequestRow[] {
  const rows: RequestRow[] = [];
  for (const group of REQUEST_GROUP_KEYS) if (requests[group]) rows.push(requests[group]!);
  for (const r of ROW_DEFS) if (r.outcome && !(r.group && requests[r.group])) rows.push(requests[r.key]);
  return rows;
}

export function requestBreaks(requests: Requests): TruthRuleBreak[] {
  const out: TruthRuleBreak[] = [];
  for (const col of APPLICANT_KEYS) {
    const left = v(requests.received[col]) + v(requests.carriedOver[col]);
    if (left !== v(requests.handledTotal[col]) + v(requests.carriedForward[col])) out.push({ rule: 'B1', scope: col });
    const sum = outcomeRows(requests).reduce((s, row) => s + v(row[col]), 0);
    if (sum !== v(requests.handledTotal[col])) out.push({ rule: 'B2', scope: col });
  }
  for (const [key, row] of Object.entries(requests)) {
    if (!row) continue;
    const sum = APPLICANT_PARTS.reduce((s, col) => s + v(row[col]), 0);
    if (sum !== v(row.total)) out.push({ rule: 'B3', scope: key });
  }
  return out;
}

export function appealBreaks(appeals: Appeals): TruthRuleBreak[] {
  return APPEAL_GROUPS.filter(({ key }) => {
    const g = appeals[key];
    return v(g.upheld) + v(g.corrected) + v(g.other) + v(g.pending) !== v(g.total);
  }).map(({ key }) => ({ rule: 'C1' as const, scope: key }));
}

function proseBreaks(requests: Requests, prose: ProseCountsTruth): TruthRuleBreak[] {
  const table = { received: requests.received.total, handled: requests.handledTotal.total, carriedForward: requests.carriedForward.total };
  return (Object.keys(table) as (keyof typeof table)[])
    .filter((k) => prose[k] !== undefined && prose[k] !== v(table[k]))
    .map((k) => ({ rule: 'N1' as const, scope: k }));
}

export function allBreaks(requests: Requests, appeals: Appeals, prose: ProseCountsTruth): TruthRuleBreak[] {
  return [...requestBreaks(requests), ...appealBreaks(appeals), ...proseBreaks(requests, prose)];
}
