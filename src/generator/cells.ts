/**
 * How a number is printed in a table cell: full-width digits (１２), thousands separators (1,002), and the marks
 * agencies print in empty cells. Every null cell is printed blank or with a null mark ("—", "-", "/", "无"): FORMAT.md
 * keeps numbers as printed, so such a cell is null in the truth and the parser owes a diagnostic for it.
 */
import type { Rng } from './rng';

export const NULL_MARKS = ['—', '-', '/', '无'] as const;
type NullMark = '' | (typeof NULL_MARKS)[number];

export interface NumberStyle {
  /** Full-width digits in no cell, in some cells, or in all. */
  fullWidth: 'none' | 'some' | 'all';
  /** 1,002 instead of 1002 for values of 1000 and more. */
  thousands: boolean;
  /** How a null cell is printed. */
  nullMarks: NullMark[];
  /** Unit printed after the 2019 template's procurement amount ("251000元"). */
  amountUnit: '' | '元';
}

export const PLAIN_STYLE: NumberStyle = { fullWidth: 'none', thousands: false, nullMarks: ['—'], amountUnit: '' };

/**
 * A random style. `blankAllowed`: the layout keeps empty cells apart (tabs, pipes); space-separated PDF text does not,
 * so there a null cell is always printed with a mark.
 */
export function pickNumberStyle(rng: Rng, blankAllowed: boolean): NumberStyle {
  const marks: NullMark[] = blankAllowed ? ['', '', '', ...NULL_MARKS] : ['—', '-', '/'];
  return {
    fullWidth: rng.weighted([['none', 8], ['some', 1], ['all', 1]] as const),
    thousands: rng.chance(0.25),
    nullMarks: rng.chance(0.7) ? [rng.pick(marks)] : [rng.pick(marks), rng.pick(marks)],
    amountUnit: rng.chance(0.4) ? '元' : '',
  };
}

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function withThousands(s: string): string {
  const [whole, frac] = s.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export function formatNumber(n: number, style: NumberStyle, rng: Rng): string {
  const negative = n < 0;
  let s = String(Math.abs(n));
  if (style.thousands && Math.abs(n) >= 1000) s = withThousands(s);
  if (style.fullWidth === 'all' || (style.fullWidth === 'some' && rng.chance(0.3))) s = toFullWidth(s);
  return negative ? `-${s}` : s;
}

export function formatCell(value: number | null, style: NumberStyle, rng: Rng): string {
  return value === null ? rng.pick(style.nullMarks) : formatNumber(value, style, rng);
}
