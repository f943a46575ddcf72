/** Number formatting shared by the charts, their data tables, CSV and alt text. */
import { format } from 'd3-format';

/** Shown wherever a report left a number blank: never plotted as zero. */
export const NULL_LABEL = '未填报';
/** Shown for an indicator whose denominator is zero (e.g. a rate when nothing was handled). */
export const NOT_APPLICABLE_LABEL = '不适用';
/** Unit of indicators expressed as percentages (values are stored as percent, e.g. 90.5). */
export const PERCENT_UNIT = '%';

const integer = format(',');
const decimal = format(',.2~f');
const percent = format('.1f');

/** A value as printed on a chart: thousands separators, at most two decimals, `%` for percentages. */
export function formatValue(value: number, unit: string): string {
  if (unit === PERCENT_UNIT) return `${percent(value)}%`;
  if (!Number.isInteger(value)) return decimal(value);
  // Most counts of a report are small: 0–999 print as their digits, without d3's parsing of the format on each call.
  return value >= 0 && value < 1000 ? String(value) : integer(value);
}

const tick = format('~f');
/** An axis tick: like formatValue but without trailing zeros ("20%", not "20.0%"). */
export function formatTick(value: number, unit: string): string {
  return unit === PERCENT_UNIT ? `${tick(value)}%` : formatValue(value, unit);
}

/** A value with its unit for prose ("21 件", "90.5%"), or the missing-value label. */
export function formatWithUnit(value: number | null, unit: string, nullLabel = NULL_LABEL): string {
  if (value === null) return nullLabel;
  const text = formatValue(value, unit);
  return unit === PERCENT_UNIT || unit === '' ? text : `${text} ${unit}`;
}
