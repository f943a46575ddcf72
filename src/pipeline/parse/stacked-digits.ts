/**
 * Numbers stacked in narrow cells of a table laid out by position. A terminal's dump of a web page (`w3m -dump` at 80
 * columns) gives a number too wide for its column one digit a line, and centres each row's cells on the row's line:
 * 153 prints "１" on the line above the row's label, "５" beside it, "３" on the line below, while the row's other
 * cells print on the label's line. The lines of digit pieces between two rows' lines may so belong to the row above
 * (they end its numbers) or to the row below (they start them); a top-aligned table (pandoc, an office suite) puts
 * them all below.
 *
 * Which is proved by each row's own total (B3): every line of pieces between two rows goes to one of them (a line
 * belongs to one row's band, so its pieces move together), each piece to the row's cell it stands under, and a row
 * takes its pieces only when each joined number is a number as printed (no leading zero: a 0 is never continued) and
 * the row's total is then the sum of its six cells. Of every way to give the lines to rows, the one where every
 * row adds up is taken when it is the only one; a row that two ways read differently, or that no way makes add up,
 * is not read (its cells null with a diagnostic). A row whose cells cannot take pieces (fewer numbers than the
 * columns: its blank cells printed as nothing) may still own the lines beside it, unchecked: a reading that gives
 * them to it is kept, and the row is not read when some reading does. Rows that no line of pieces touches are left to
 * the caller.
 */
import { readJoinedDigits, type CellToken } from '../text';
import { shownTokens } from './cells';
import { meets } from './columns';

/** Cells of table B's rows: six applicant columns and the total. */
const WIDTH = 7;
/** A piece stands under a cell when its span meets the cell's widened by this many columns on each side. */
const SLACK = 1;
/** Steps explored, and readings kept, before giving up on a chain (then none of its rows is read). */
const MAX_STEPS = 20_000;
const MAX_READINGS = 64;

/** One line of the table, in print order. */
export type StackLine =
  /**
   * A row's line: its label and its cells as printed, with where each stands (`spans`: [start, end) of cell k at 2k,
   * 2k + 1; null when not known). Only a row of seven cells with their places can take pieces. `from`: the id of
   * the line its cells are printed on, when not its label's (then that line is the row's too).
   */
  | { kind: 'row'; id: number; cells: CellToken[]; spans: number[] | null; from?: number }
  /**
   * A line of digits, fewer than the columns: pieces of numbers stacked in their cells. `up`: the line also holds the
   * rest of the row above's label, so it is in that row's band; `down`: it holds the start of the row below's label,
   * so it is in that row's band.
   */
  | { kind: 'pieces'; id: number; pieces: CellToken[]; spans: number[]; up: boolean; down: boolean }
  /** Any other line: `values` when it holds numbers (a row's numbers without its label), else text or blank. */
  | { kind: 'other'; values: boolean };

export interface StackedRows {
  /** Rows whose pieces are proved: their cells with the pieces joined, and the pieces (a line's at a time). */
  joined: Map<number, { cells: CellToken[]; shown: string }>;
  /** Rows next to pieces that no single reading proves, as printed with the pieces beside them. */
  unread: Map<number, { shown: string }>;
  /** The piece lines given to a row (proved or not): they are no other row's numbers. */
  consumed: Set<number>;
}

type Row = Extract<StackLine, { kind: 'row' }>;
type Pieces = Extract<StackLine, { kind: 'pieces' }>;

/** Rows linked by runs of piece lines: runs[k] stands above rows[k], runs[rows.length] below the last row. */
interface Chain {
  rows: Row[];
  runs: Pieces[][];
  /** The run above the first row may be the lines' before it (a line of values), not the row's. So below. */
  openAbove: boolean;
  openBelow: boolean;
}

export function readStackedRows(lines: StackLine[]): StackedRows {
  const out: StackedRows = { joined: new Map(), unread: new Map(), consumed: new Set() };
  for (const chain of chainsOf(lines)) readChain(chain, out);
  return out;
}

/** The chains of rows that runs of piece lines link (a row with no piece line beside it is in none). */
function chainsOf(lines: StackLine[]): Chain[] {
  const chains: Chain[] = [];
  let run: Pieces[] = [];
  let chain: Chain | null = null;
  /** What the current run follows: a row, a line of values, or neither. */
  let after: 'row' | 'values' | 'none' = 'none';
  for (const line of lines) {
    if (line.kind === 'pieces') {
      run.push(line);
      continue;
    }
    if (line.kind === 'row' && chain && after === 'row') {
      chain.runs.push(run);
      chain.rows.push(line);
    } else {
      if (chain) chains.push({ ...chain, runs: [...chain.runs, run], openBelow: line.kind === 'row' || line.values });
      chain = line.kind === 'row' ? { rows: [line], runs: [run], openAbove: after === 'values', openBelow: false } : null;
    }
    after = line.kind === 'row' ? 'row' : line.values ? 'values' : 'none';
    run = [];
  }
  if (chain) chains.push({ ...(chain as Chain), runs: [...(chain as Chain).runs, run] });
  return chains.filter((c) => c.runs.some((r) => r.length));
}

/**
 * Every way to give the chain's piece lines to its rows (split[k]: how many lines of runs[k] go to the row above it)
 * where every row that takes pieces adds up. A row is read when all those ways read it alike (its pieces, or none);
 * when they differ, or no way is left, or too many, it is not read.
 */
function readChain(chain: Chain, out: StackedRows): void {
  const { rows, runs } = chain;
  const n = rows.length;
  const split = new Array<number>(n + 1).fill(0);
  const found: number[][] = [];
  let steps = 0;
  const rowOf = (j: number, at: number[]) => joinRow(rows[j], runs[j].slice(at[j]), runs[j + 1].slice(0, at[j + 1]));
  /** A row that cannot take pieces here (fewer cells than the columns, no places): any lines may be its, unchecked. */
  const open = (j: number) => !placesOf(rows[j]);
  const walk = (k: number): void => {
    if (found.length > MAX_READINGS || ++steps > MAX_STEPS) return;
    const m = runs[k].length;
    // Lines above the first row go to it unless a line of values stands before them; lines below the last row, so.
    const lo = Math.max(k === n && !chain.openBelow ? m : 0, runs[k].findLastIndex((p) => p.up) + 1);
    const down = runs[k].findIndex((p) => p.down);
    const hi = Math.min(k === 0 && !chain.openAbove ? 0 : m, down < 0 ? m : down);
    for (let s = lo; s <= hi; s++) {
      split[k] = s;
      if (k > 0 && !open(k - 1) && !rowOf(k - 1, split)) continue;
      if (k === n) found.push([...split]);
      else walk(k + 1);
    }
  };
  walk(0);
  const settled = found.length > 0 && found.length <= MAX_READINGS && steps <= MAX_STEPS;
  rows.forEach((row, j) => {
    // The lines each reading gives the row; the row is read when they are the same lines in every reading.
    const given = (at: number[]) => [...runs[j].slice(at[j]), ...runs[j + 1].slice(0, at[j + 1])];
    const agreed = settled && found.every((f) => sameLines(given(f), given(found[0])));
    const above = agreed ? runs[j].slice(found[0][j]) : runs[j];
    const below = agreed ? runs[j + 1].slice(0, found[0][j + 1]) : runs[j + 1];
    for (const p of [...above, ...below]) out.consumed.add(p.id);
    if (!above.length && !below.length) return;
    if (row.from !== undefined) out.consumed.add(row.from);
    const shown = `${shownTokens(row.cells)}${[...above.map((p) => ` ↑ ${printed(p)}`), ...below.map((p) => ` ↓ ${printed(p)}`)].join('')}`;
    if (agreed && !open(j)) out.joined.set(row.id, { cells: rowOf(j, found[0])!, shown });
    else out.unread.set(row.id, { shown });
  });
}

/** Where a row's seven cells stand, or null when it prints fewer or their places are not known (it cannot take pieces). */
const placesOf = (row: Row): number[] | null => (row.cells.length === WIDTH ? row.spans : null);

const sameLines = (a: Pieces[], b: Pieces[]) => a.length === b.length && a.every((p, k) => p === b[k]);

const printed = (p: Pieces) => p.pieces.map((t) => t.printed).join(' ');

/**
 * The row with the pieces of the lines above it put before its cells' digits and those below after them, when every
 * piece stands under one of its number cells (one piece a cell a line), every joined number reads as printed and the
 * row adds up; else null. A row without pieces is as printed.
 */
function joinRow(row: Row, above: Pieces[], below: Pieces[]): CellToken[] | null {
  if (!above.length && !below.length) return row.cells;
  const spans = placesOf(row);
  if (!spans) return null;
  const front = new Array<string>(WIDTH).fill('');
  const back = new Array<string>(WIDTH).fill('');
  for (const [lines, into] of [
    [above, front],
    [below, back],
  ] as const)
    for (const line of lines) {
      const used = new Set<number>();
      for (let k = 0; k < line.pieces.length; k++) {
        const cell = cellUnder(spans, line.spans[2 * k], line.spans[2 * k + 1]);
        if (cell < 0 || used.has(cell)) return null;
        used.add(cell);
        into[cell] += line.pieces[k].printed;
      }
    }
  const cells = row.cells.slice();
  for (let c = 0; c < WIDTH; c++) {
    if (!front[c] && !back[c]) continue;
    const joined = cells[c].kind === 'number' ? readJoinedDigits(`${front[c]}${cells[c].printed}${back[c]}`) : null;
    if (!joined) return null;
    cells[c] = joined;
  }
  return addsUp(cells) ? cells : null;
}

/** The one cell whose span meets [start, end) widened by SLACK, or -1. */
function cellUnder(spans: number[], start: number, end: number): number {
  let found = -1;
  for (let c = 0; c < WIDTH; c++) {
    if (!meets(start, end, spans[2 * c], spans[2 * c + 1], SLACK)) continue;
    if (found >= 0) return -1;
    found = c;
  }
  return found;
}

/** B3: the total is the sum of the six cells (blank cells as 0). */
export function addsUp(row: CellToken[]): boolean {
  const value = (t: CellToken) => (t.kind === 'number' ? t.value : 0);
  return row[WIDTH - 1].kind === 'number' && row.slice(0, WIDTH - 1).reduce((sum, t) => sum + value(t), 0) === value(row[WIDTH - 1]);
}
