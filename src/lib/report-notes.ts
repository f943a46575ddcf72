/**
 * Which rule breaks and diagnostics concern which cells of a report, so the tables can mark them
 * and list the breaks next to the numbers they concern.
 */
import type { Diagnostic, Report, RuleBreak } from '../schema/report';
import { tableOfPath } from '../schema/value-path';

export type TableKey = 'proactive' | 'proactive2019' | 'requests' | 'appeals';

export interface NumberedBreak {
  /** 1-based number of the break in the report, used in anchors (#break-1). */
  n: number;
  anchor: string;
  brk: RuleBreak;
}

export interface CellNote {
  breaks: NumberedBreak[];
  diagnostics: Diagnostic[];
}

export interface ReportNotes {
  /** The breaks and diagnostics concerning a cell; a diagnostic on a row (`requests.withheld.process`) concerns each of its cells. */
  note(cellPath: string): CellNote;
  breaks: NumberedBreak[];
  /** Breaks grouped by the table their cells belong to; breaks with no table cells under `other`. */
  byTable: Map<TableKey | 'other', NumberedBreak[]>;
}

const tableOf = (path: string) => tableOfPath(path) as TableKey;

export function reportNotes(report: Report): ReportNotes {
  const breaksByCell = new Map<string, NumberedBreak[]>();
  const breaks = report.checks.map((brk, i) => ({ n: i + 1, anchor: `break-${i + 1}`, brk }));
  const byTable = new Map<TableKey | 'other', NumberedBreak[]>();
  for (const b of breaks) {
    for (const path of b.brk.cells) breaksByCell.set(path, [...(breaksByCell.get(path) ?? []), b]);
    const tables = new Set(b.brk.cells.map(tableOf));
    const key: TableKey | 'other' = tables.size > 0 ? [...tables][0] : 'other';
    byTable.set(key, [...(byTable.get(key) ?? []), b]);
  }
  const located = report.diagnostics.filter((d) => d.path);
  const note = (cellPath: string): CellNote => ({
    breaks: breaksByCell.get(cellPath) ?? [],
    diagnostics: located.filter((d) => cellPath === d.path || cellPath.startsWith(`${d.path}.`)),
  });
  return { note, breaks, byTable };
}
