/**
 * Value paths, the one way rule breaks, diagnostics, CSV columns and charts name a number: `<table>.<row>.<column>`,
 * e.g. `requests.withheld.process.natural`. Row keys may contain dots (`withheld.process`), so the table is the
 * first segment and the column the last. A diagnostic may also name a whole row (`requests.withheld.process`) or
 * table (`appeals`). Imports nothing.
 */
export interface CellAddress {
  table: string;
  row: string;
  column: string;
}

export const cellPath = (table: string, row: string, column: string): string => `${table}.${row}.${column}`;

/** The table of any value path (cell, row or table). */
export const tableOfPath = (path: string): string => path.split('.', 1)[0];

/** A cell path split into table, row and column; null when it has fewer than three segments. */
export function splitCellPath(path: string): CellAddress | null {
  const parts = path.split('.');
  if (parts.length < 3) return null;
  return { table: parts[0], row: parts.slice(1, -1).join('.'), column: parts[parts.length - 1] };
}
