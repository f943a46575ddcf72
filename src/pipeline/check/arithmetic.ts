import type { Cell } from '../../schema';

/** Sum of cells; null when any is null (a blank cell already has a diagnostic and is never read as 0). */
export function sumCells(cells: readonly Cell[]): number | null {
  let sum = 0;
  for (const c of cells) {
    if (c === null) return null;
    sum += c;
  }
  return sum;
}

/** Equality that ignores floating-point noise from summing decimals. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** A computed sum for messages, without floating-point noise (0.1 + 0.2 → 0.3). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}
