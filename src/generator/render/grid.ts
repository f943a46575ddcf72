/**
 * Table rows as lists of fields for the cell-separated layouts (tabs, pipes, Markdown): where a row's labels go and
 * what a merged label cell leaves behind. `first`-only labels model HTML rowspans written once.
 */
import type { LabelCell } from '../table-model';

/** Table B's label columns: outer group, group, own label. */
export const LABEL_COLUMNS = 3;

export type MergedCells = 'empty' | 'repeat' | 'omit';

/**
 * The label fields of a row in a fixed 3-column grid: the own label sits in the column of its level and spans the
 * rest (empty fields). Merged (non-first) cells are left empty, repeated, or omitted (the pipe conversion writes a
 * merged cell once and drops the rest, so rows have different field counts).
 */
export function labelFields(labels: LabelCell[], merged: MergedCells): string[] {
  const fields: string[] = [];
  for (const cell of labels) {
    if (cell.level === 2) {
      const column = labels.length === 1 ? 0 : fields.length;
      while (merged !== 'omit' && fields.length < column) fields.push('');
      fields.push(cell.text);
    } else if (cell.first || merged === 'repeat') fields.push(cell.text);
    else if (merged === 'empty') fields.push('');
  }
  if (merged !== 'omit') while (fields.length < LABEL_COLUMNS) fields.push('');
  return fields;
}
