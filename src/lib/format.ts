/** Number formatting shared by pages and the compare page's browser script. */
import type { Value } from './indicators';

/** Shown for a derived value that cannot be computed (missing part or zero denominator). */
export const NO_VALUE = '—';
export const NO_VALUE_TITLE = '无法计算：数据缺失或分母为零';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A count as the page prints it (zh-CN: 1,234; 0.5). Most counts of a report are whole numbers under 1,000, printed as
 * their digits alike by Intl, which takes about 2 µs a call (some 200 calls a report page): those skip it (-0 does not:
 * Intl prints "-0").
 */
export function formatCount(value: Value): string {
  if (value === null) return NO_VALUE;
  return Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0) ? String(value) : integer.format(value);
}

const fileSize = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
const SIZE_UNITS = ['字节', 'KB', 'MB', 'GB'] as const;

/** A file size for people: 1,234 字节, 12.3 KB, 45.6 MB (units of 1,024). */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? integer.format(value) : fileSize.format(value)} ${SIZE_UNITS[unit]}`;
}

export function formatShare(value: Value): string {
  return value === null ? NO_VALUE : percent.format(value);
}

const signed = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5, signDisplay: 'exceptZero' });
const points = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A change in a count: "+12", "-3", "0". */
export function formatCountChange(delta: Value): string {
  return delta === null ? NO_VALUE : signed.format(delta);
}

/** A change in a share (0–1) in percentage points: "+5.2 个百分点". */
export function formatShareChange(delta: Value): string {
  if (delta === null) return NO_VALUE;
  const rounded = Math.round(delta * 1000) / 10;
  return `${rounded === 0 ? '0.0' : points.format(rounded)} 个百分点`;
}
