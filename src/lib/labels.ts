/**
 * Display helpers over the labels of src/schema/keys.ts (labels are never re-typed elsewhere).
 * Imports keys.ts only (not the zod schema), so the compare page's browser script can use it.
 */
import { REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowKey } from '../schema/keys';

export { shortLabel } from '../schema/keys';

/** The full template label of a table B row or row group. */
export function requestRowLabel(key: RequestRowKey | RequestGroup): string {
  const row = REQUEST_ROWS.find((r) => r.key === key) ?? REQUEST_GROUPS.find((g) => g.key === key);
  return row ? row.zh : key;
}
