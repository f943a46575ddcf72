/**
 * Display helpers over the labels of src/schema/keys.ts (labels are never re-typed elsewhere).
 * Imports keys.ts only (not the zod schema), so the compare page's browser script can use it.
 */
import { REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowKey } from '../schema/keys';
import type { AgencyLevel } from '../schema/report';

export { shortLabel } from '../schema/keys';

export const AGENCY_LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: '省级',
  prefecture: '地市级',
  county: '县级',
  township: '乡镇（街道）',
  unknown: '未识别',
};

/** Where an agency's region could not be inferred (region tree, compare table, links). */
export const UNKNOWN_REGION = '未识别地区';

/** The full template label of a table B row or row group. */
export function requestRowLabel(key: RequestRowKey | RequestGroup): string {
  const row = REQUEST_ROWS.find((r) => r.key === key) ?? REQUEST_GROUPS.find((g) => g.key === key);
  return row ? row.zh : key;
}
