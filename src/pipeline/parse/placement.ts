/** How a table's cells were placed, counted per cell: the report says it next to each table. */
import type { TablePlacement } from '../../schema';

export interface PlacementCounts {
  /** Cells read beside their printed row label (or in their printed position under the table's header). */
  label: number;
  /** Cells printed apart from their labels, placed because the template's arithmetic admits one reading only. */
  arithmetic: number;
  /** Cells left null because no placement could be proved (or the row was not found). */
  unread: number;
}

export function placementOf(counts: PlacementCounts): TablePlacement {
  const method = counts.unread > 0 ? (counts.label + counts.arithmetic > 0 ? 'partial' : 'none') : counts.arithmetic > 0 ? 'arithmetic' : 'label';
  return { method, byLabel: counts.label, byArithmetic: counts.arithmetic, unread: counts.unread };
}
