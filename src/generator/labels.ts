/**
 * Row and group labels as agencies print them: the template's full-width form （一）予以公开 / 1.属于国家秘密, or the
 * ASCII form (一) 予以公开 / 1. 属于国家秘密 that web pages and Word conversions produce.
 */
import { REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestKey } from '../schema';
import type { Rng } from './rng';

export interface LabelStyle {
  ascii: boolean;
  /** A space after the item number: "1. 属于国家秘密". */
  spaceAfterNumber: boolean;
  /** "规范性文件" instead of "行政规范性文件" in table A. */
  shortNormativeDocs: boolean;
}

export const TEMPLATE_LABELS: LabelStyle = { ascii: false, spaceAfterNumber: false, shortNormativeDocs: false };

export function pickLabelStyle(rng: Rng): LabelStyle {
  const ascii = rng.chance(0.3);
  return { ascii, spaceAfterNumber: ascii ? rng.chance(0.7) : rng.chance(0.1), shortNormativeDocs: rng.chance(0.15) };
}

/** Re-prints a template label in the given style. */
function styled(label: string, style: LabelStyle): string {
  let s = label;
  if (style.ascii) {
    s = s
      .replace(/（([一二三四五六七八九十])）/g, '($1) ')
      .replace(/（/g, ' (')
      .replace(/）/g, ')')
      .replace(/，/g, ', ')
      .replace(/^ /, '');
  }
  if (style.spaceAfterNumber) s = s.replace(/^(\d)\./, '$1. ');
  return s;
}

const OUTER_LABEL = '三、本年度办理结果';

export function outerLabel(): string {
  return OUTER_LABEL;
}

export function requestLabel(key: RequestKey, style: LabelStyle): string {
  const row = REQUEST_ROWS.find((r) => r.key === key) ?? REQUEST_GROUPS.find((g) => g.key === key);
  if (!row) throw new Error(`generator: no label for ${key}`);
  return styled(row.zh, style);
}

export function groupLabel(group: RequestGroup, style: LabelStyle): string {
  return requestLabel(group, style);
}
