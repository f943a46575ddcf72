/** Display helpers over the labels of src/schema/keys.ts (labels are never re-typed elsewhere). */
import { APPEAL_GROUPS, REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowKey } from '../schema/keys';

/** A template label without its ordinal and trailing note: "（二）部分公开（区分处理的…）" → "部分公开". */
export function shortLabel(label: string): string {
  return label
    .replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)\s*/, '')
    .replace(/（[^（）]*）$/, '');
}

export function requestRowLabel(key: RequestRowKey | RequestGroup): string {
  const row = REQUEST_ROWS.find((r) => r.key === key) ?? REQUEST_GROUPS.find((g) => g.key === key);
  return row ? row.zh : key;
}

export function appealGroupLabel(key: string): string {
  return APPEAL_GROUPS.find((g) => g.key === key)?.zh ?? key;
}
