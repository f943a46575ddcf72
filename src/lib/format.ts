/** Number formatting shared by pages and the compare page's browser script. */
import type { Value } from './indicators';

/** Shown for a derived value that cannot be computed (missing part or zero denominator). */
export const NO_VALUE = '—';
export const NO_VALUE_TITLE = '无法计算：数据缺失或分母为零';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 5 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: Value): string {
  return value === null ? NO_VALUE : integer.format(value);
}

export function formatShare(value: Value): string {
  return value === null ? NO_VALUE : percent.format(value);
}
