/**
 * Injects the kinds of arithmetic errors real reports contain, one rule at a time. A change to one cell can break
 * more than the rule asked for (as in real reports); the truth records the rules actually broken, computed afterwards.
 */
import { APPEAL_GROUPS, APPLICANT_PARTS, REQUEST_ROWS, type Appeals, type RequestRow, type Requests, type RuleId } from '../schema';
import type { Rng } from './rng';

/** Rules the generator can break on purpose (X1 spans two reports: see generateSeries). */
export const INJECTABLE_RULES = ['B1', 'B2', 'B3', 'C1', 'N1'] as const satisfies readonly RuleId[];
export type InjectableRule = (typeof INJECTABLE_RULES)[number];

const add = (row: RequestRow, col: keyof RequestRow, d: number) => {
  row[col] = (row[col] ?? 0) + d;
};

/** Breaks one table rule (B1, B2, B3, C1) by changing one or two cells. */
export function injectTableBreak(rule: Exclude<InjectableRule, 'N1'>, rng: Rng, requests: Requests, appeals: Appeals): void {
  const col = rng.chance(0.7) ? 'natural' : rng.pick(APPLICANT_PARTS);
  const d = rng.int(1, 3);
  switch (rule) {
    case 'B1':
      // The carried-forward count does not close the column (伊宁市 2024: 21 + 0 ≠ 21 + 3).
      add(requests.carriedForward, col, d);
      add(requests.carriedForward, 'total', d);
      return;
    case 'B2':
      // The handled total is more than its outcome rows; received grows with it so B1 still holds.
      add(requests.handledTotal, col, d);
      add(requests.handledTotal, 'total', d);
      add(requests.received, col, d);
      add(requests.received, 'total', d);
      return;
    case 'B3': {
      const row = rng.pick(REQUEST_ROWS.filter((r) => requests[r.key].total !== null)).key;
      add(requests[row], 'total', d);
      return;
    }
    case 'C1': {
      const g = appeals[rng.pick(APPEAL_GROUPS).key];
      g.total = (g.total ?? 0) + d;
      return;
    }
  }
}

/** Rule N1: the prose states a handled count that differs from the table (伊宁市 2024: 办结 18 件, table 21). */
export function misstatedCount(rng: Rng, count: number): number {
  const d = rng.int(1, 3);
  return count >= d && rng.chance(0.5) ? count - d : count + d;
}
