/**
 * The rows rule B2 adds up (FORMAT.md): the outcome rows of table B, and a group printed as one line in place of its
 * sub-rows. One module for the check stage (check/rules.ts) and the parser's trial readings (parse/column-sums.ts),
 * so that a reading is tried under the rule it will be checked by. Imports nothing but src/schema.
 */
import { REQUEST_GROUP_KEYS, REQUEST_ROWS, type Cell, type RequestGroup, type RequestKey } from '../schema';

/** The outcome rows (disclosed … otherHandling.other), in template order. */
export const OUTCOME_ROWS = REQUEST_ROWS.filter((r) => r.outcome);

/** Each group with its outcome sub-rows. */
export const GROUP_OUTCOMES = REQUEST_GROUP_KEYS.map((group) => ({
  group,
  subRows: OUTCOME_ROWS.filter((r) => 'group' in r && r.group === group).map((r) => r.key),
}));

const SUB_ROWS = new Map<RequestGroup, RequestKey[]>(GROUP_OUTCOMES.map(({ group, subRows }) => [group, subRows]));

/** Whether a group's line stands in for its sub-rows in one column: they are all blank there and the line is not. */
export function groupLineStandsIn(group: RequestGroup, cellOf: (key: RequestKey) => Cell): boolean {
  for (const key of SUB_ROWS.get(group)!) if (cellOf(key) !== null) return false;
  return cellOf(group) !== null;
}
