/**
 * A table as a grid of cells with their spans: what the HTML reader reads from `rowspan`/`colspan` and the PDF reader
 * rebuilds from ruling lines. `gridLines` turns it into the tab-separated rows the text parser reads, one table row
 * per line, so every format reaches the parser in the same shape.
 */
import { readCell } from '../../text';
import { repairRadicals } from './radicals';

export interface GridCell {
  text: string;
  /** Top-left slot of the cell (0-based). */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface TableGrid {
  rows: number;
  cols: number;
  cells: GridCell[];
}

/** Which cell covers each slot. */
function slotMap(grid: TableGrid): (GridCell | undefined)[][] {
  const slots: (GridCell | undefined)[][] = Array.from({ length: grid.rows }, () => Array<GridCell | undefined>(grid.cols));
  for (const cell of grid.cells)
    for (let r = cell.row; r < Math.min(grid.rows, cell.row + cell.rowspan); r++)
      for (let c = cell.col; c < Math.min(grid.cols, cell.col + cell.colspan); c++) slots[r][c] ??= cell;
  return slots;
}

/**
 * One line per table row, cells separated by tabs:
 * - a data row (numbers or blanks in the value columns) prints its label cells, then exactly its value cells (a value cell spanning columns once,
 *   an empty value cell as an empty field), so a blank first or last value never shifts the others;
 * - the value columns start at the leftmost column holding a number in any row (in a table without numbers, after
 *   the row's last words);
 * - a label cell spanning several rows (三、本年度办理结果, （三）不予公开) goes on a line of its own before its first
 *   row, leaving an empty field in the rows: a row then never carries a group label glued to its own label;
 * - any other row (headers, captions) prints its cells' text in column order;
 * - a cell covered by a span from a row above leaves an empty field in its first column, nothing in the others.
 */
export function gridLines(grid: TableGrid): string[] {
  const slots = slotMap(grid);
  // A cell's kind as its ideographs read: a PDF may write 无 as the radical ⽆ (radicals.ts), still a value, not words.
  const kindOf = (cell: GridCell) => readCell(repairRadicals(cell.text)).kind;
  const numbered = grid.cells.filter((c) => kindOf(c) === 'number').map((c) => c.col);
  // Where a table holds no number at all (every value left blank), a row's values start after its last words.
  const afterWords = (r: number) => Math.max(0, ...grid.cells.filter((c) => c.row === r && kindOf(c) === 'text').map((c) => c.col + c.colspan));
  const firstValueOf = (r: number) => (numbered.length ? Math.min(...numbered) : afterWords(r));
  // A data row has value cells holding numbers or blanks only (a header row has words there).
  const dataRow = (r: number) => {
    const kinds = grid.cells.filter((c) => c.row === r && c.col >= firstValueOf(r)).map(kindOf);
    return kinds.length > 0 && !kinds.includes('text');
  };
  const lines: string[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const data = dataRow(r);
    const firstValue = firstValueOf(r);
    const fields: string[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const cell = slots[r][c];
      if (!cell) {
        fields.push('');
        continue;
      }
      if (c !== cell.col) continue; // covered by a cell spanning columns: printed once, in its first column
      if (cell.row !== r) {
        fields.push('');
        continue;
      }
      if (data && c < firstValue && cell.rowspan > 1) {
        if (cell.text) lines.push(cell.text);
        fields.push('');
        continue;
      }
      fields.push(cell.text);
    }
    if (!data) while (fields.length && fields[fields.length - 1] === '') fields.pop();
    if (fields.some((f) => f !== '')) lines.push(fields.join('\t'));
  }
  return lines;
}

/** Cell text on one line: inner line breaks and runs of whitespace become one space, tabs never survive. */
export function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
