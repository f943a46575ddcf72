/**
 * A table B whose run-together digits split two ways with every rule kept: one applicant writes 1 request and
 * another 11, all disclosed. "111000012" reads 1|11|0|0|0|0|12 or 11|1|0|0|0|0|12, and every row and column still
 * adds up either way. Real flattened pages contain such rows; the parser must flag them instead of choosing.
 */
import { REQUEST_ROW_KEYS, type Requests } from '../schema';
import type { Rng } from './rng';
import { emptyRow } from './tables';

/** Pairs of neighbouring cells whose digits run together ambiguously: "111" is 1|11 or 11|1, "330" is 3|30 or 33|0. */
const PAIRS: [number, number][] = [
  [1, 11],
  [2, 22],
  [1, 10],
  [3, 30],
  [4, 44],
];

export function ambiguousRequests(rng: Rng): Requests {
  const [a, b] = rng.pick(PAIRS);
  const requests = Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, emptyRow()])) as Requests;
  for (const key of ['received', 'disclosed', 'handledTotal'] as const) {
    requests[key].natural = a;
    requests[key].commercial = b;
    requests[key].total = a + b;
  }
  return requests;
}
