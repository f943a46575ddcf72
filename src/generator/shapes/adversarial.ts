/**
 * Adversarial changes to a shape, for tests that a parser never returns a wrong number when a text is damaged in the
 * ways real extractions damage tables. The truth is unchanged: a cell the damage makes unprovable must come back
 * null with a diagnostic, never as a neighbour's number.
 * - `shuffled-labels`: the label block of a detached run (md-detached) in shuffled order, the numbers in order;
 * - `swapped-rows`: two neighbouring rows of table B printed in each other's place, each with its own label;
 * - `dropped-row`: one row's numbers missing (its label stays), in cell-lines and among md-detached's number rows;
 * - `duplicated-row`: one row's numbers printed twice;
 * - `footer-in-row`: page footers ("— 3 —", "-3-") between the numbers of a row;
 * - `column-blocks`: table B printed column by column (poppler's default mode), the applicant blocks in another
 *   order than the header's, header cells that do not stand above their own block, one number of a block dropped or
 *   printed twice;
 * - `table-a-columns`: each item of table A printed down its columns in blocks, as poppler's default mode reads a PDF
 *   that LibreOffice made from a Word file: 信息内容 and the first row's label, then the item's caption, the other
 *   header cells and the first row's numbers, then each further row's numbers and its label — a label before its own
 *   caption, its numbers after it, next to the next item's label.
 */
import type { Rng } from '../rng';
import type { ModelTable } from '../table-model';

export const ADVERSARIES = ['shuffled-labels', 'swapped-rows', 'dropped-row', 'duplicated-row', 'footer-in-row', 'column-blocks', 'table-a-columns'] as const;
export type Adversary = (typeof ADVERSARIES)[number];

/** What a shape renderer changes for an adversary. */
export interface ShapeTweaks {
  /** Table B's model, changed before it is laid out. */
  requests?: (table: ModelTable, rng: Rng) => ModelTable;
  /** Detached runs (md-detached): labels shuffled; a number row dropped or printed twice. */
  detached?: { shuffleLabels?: boolean; valueRows?: 'drop-one' | 'double-one' };
  /** cell-lines: every page footer inside a row, between its numbers. */
  footersInRows?: boolean;
  /** cell-lines: table B printed column by column. */
  columnBlocks?: ColumnBlocks;
  /** cell-lines: each item of table A printed column by column, its labels before its caption. */
  proactiveColumns?: boolean;
}

/** How table B's column blocks are printed (cell-lines.ts, requestColumnLines). */
export interface ColumnBlocks {
  order: 'header' | 'shuffled';
  headings: 'own' | 'bunched' | 'next';
  damage?: 'drop-one' | 'double-one';
}

/** A row whose outer and group labels continue from the row before (none starts a merged cell). */
const continues = (table: ModelTable, i: number) => table.rows[i].labels.every((l) => l.level === 2 || !l.first);

/** Swaps two neighbouring rows of one group (or two ungrouped rows), each keeping its own label and numbers. */
export function swapRows(table: ModelTable, rng: Rng): ModelTable {
  const levels = (i: number) => table.rows[i].labels.map((l) => `${l.level}:${l.text}`).slice(0, -1).join('|');
  const candidates = table.rows
    .map((_, i) => i)
    .filter((i) => i + 1 < table.rows.length && continues(table, i) && continues(table, i + 1) && levels(i) === levels(i + 1));
  if (!candidates.length) return table;
  const i = rng.pick(candidates);
  const rows = [...table.rows];
  // Outer/group label cells stay in place (they are not first in either row); the own label travels with its numbers.
  [rows[i], rows[i + 1]] = [rows[i + 1], rows[i]];
  return { ...table, rows };
}

function changeOneRow(table: ModelTable, rng: Rng, change: (cells: string[]) => string[]): ModelTable {
  const i = rng.int(0, table.rows.length - 1);
  return { ...table, rows: table.rows.map((row, k) => (k === i ? { ...row, cells: change(row.cells) } : row)) };
}

/** One row printed without numbers (a PDF prints an empty cell as nothing). */
export const dropRowNumbers = (table: ModelTable, rng: Rng) => changeOneRow(table, rng, (cells) => cells.map(() => ''));

/** One row's numbers printed twice. */
export const doubleRowNumbers = (table: ModelTable, rng: Rng) => changeOneRow(table, rng, (cells) => [...cells, ...cells]);
