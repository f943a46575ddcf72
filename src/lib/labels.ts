/**
 * Display helpers over the labels of src/schema/keys.ts (labels are never re-typed elsewhere).
 * Imports keys.ts only (not the zod schema), so the compare page's browser script can use it.
 */
import { REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowKey } from '../schema/keys';

/** A template label without its ordinal and trailing note: "（二）部分公开（区分处理的…）" → "部分公开". */
export function shortLabel(label: string): string {
  return label
    .replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)\s*/, '')
    .replace(/（[^（）]*）$/, '');
}

/** The full template label of a table B row or row group. */
export function requestRowLabel(key: RequestRowKey | RequestGroup): string {
  const row = REQUEST_ROWS.find((r) => r.key === key) ?? REQUEST_GROUPS.find((g) => g.key === key);
  return row ? row.zh : key;
}
