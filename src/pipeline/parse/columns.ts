/**
 * Columns by position. Text that keeps a table's columns by spaces (pdftotext -layout) prints a blank cell as nothing:
 * a row with fewer numbers than columns cannot say by its order alone which cell was left blank, but it can by where
 * each number stands.
 *
 * The grid is proved from the table's own values, not from its header (header words are wider than their characters
 * and move the words after them): values whose character spans overlap on different lines stand in one column, so
 * overlapping spans join into blocks, ordered left to right. Two values of one line are in two different columns, so a
 * block must never hold two values of one line, and of two blocks that share a line the left one is in an earlier
 * column. A run of lines makes a grid only when its values form exactly `width` blocks and each block shares a line
 * with the next (then block k is column k, the only numbering). pdftotext moves a table's first and last columns by a
 * few characters between runs of rows (after long labels, at page breaks), so the lines are cut into runs where the
 * blocks stay at most `width`; a run whose blocks are fewer, or not chained by shared lines, places nothing.
 */
import type { CellToken } from '../text';
import { PAGE_WIDTH } from './lines';

/** Blocks of overlapping value spans, each with its proved column. */
export interface ColumnGrid {
  lo: number[];
  hi: number[];
  column: number[];
}

/** How many characters a value placed by position must stand from a neighbouring column's values. */
const MARGIN = 2;

/** A row's values with where they stand: value k at [spans[2k], spans[2k + 1]). */
export interface PlacedTokens {
  tokens: CellToken[];
  spans: number[];
}

/**
 * The grid of each line: the lines (one array of [start, end) value offsets per printed line, in print order) are cut
 * into runs whose values form at most `width` blocks, and each run's grid is proved on its own lines; null where it
 * is not. `verify` (text that places glyphs by their x positions, pdftotext -layout, not a terminal's cells): a run
 * whose nearly full lines its grid does not all place proves no grid, nor one that crosses the columns of the full
 * lines outside it on its page (crossedColumns); `crossed` then gets, for each line of such a run, the columns whose
 * order its text does not prove either.
 */
export function columnGrids(lines: number[][], width: number, verify = false, crossed?: Map<number, number[]>): (ColumnGrid | null)[] {
  const out: (ColumnGrid | null)[] = [];
  if (!laidOut(lines)) return lines.map(() => null);
  const full = lines.filter((spans) => spans.length === 2 * width);
  let from = 0;
  while (from < lines.length) {
    let to = from + 1;
    let last = numbered(lines.slice(from, to), width);
    while (to < lines.length) {
      const next = numbered(lines.slice(from, to + 1), width);
      if (!next || next.lo.length > width) break;
      last = next;
      to++;
    }
    const proved = last && last.lo.length === width && last.columns.length === 1 ? { lo: last.lo, hi: last.hi, column: last.columns[0] } : null;
    // With `verify`: a line of the run with a value in all but one column, or all, that its own grid cannot place (a
    // value as near another column's block as its own, with no value of the line there) says the blocks are not the
    // columns: where columns stand two or three characters apart, pdftotext -layout pushes the values after a wider
    // number to the right (116 26 11 over 0 0 2: 26 and 11 a character right of their columns), and they make blocks.
    const grid = proved && (!verify || (placesNearlyFull(proved, lines.slice(from, to), width) && besideFullLines(proved, full))) ? proved : null;
    const crossing = grid !== null && verify ? crossedColumns(grid, withoutRun(full, lines.slice(from, to))) : [];
    for (let i = from; i < to; i++) out.push(crossing.length ? null : grid);
    if (crossing.length) for (let i = from; i < to; i++) crossed?.set(i, crossing);
    from = to;
  }
  return verify ? withoutDisagreeing(out) : out;
}

/**
 * The grids with those of two runs of one page that number one place as two columns taken out (null): a run's blocks
 * are proved on its own lines, and short lines alone can make a block too many where pdftotext -layout moves a value a
 * few characters (pdfCase('lay22-pdf', 996, undefined, { tableLayouts: true }): "165 39 16 0 220" over "72 26 1 12 111",
 * 72 three characters right of 165, made seven blocks with 1 at 74 in nonprofit's and 16 at 79 in legal's, where the
 * page's rows below print research at 74 and nonprofit at 79–80).
 */
function withoutDisagreeing(grids: (ColumnGrid | null)[]): (ColumnGrid | null)[] {
  const distinct = [...new Set(grids.filter((g): g is ColumnGrid => g !== null))];
  const disagree = new Set<ColumnGrid>();
  for (let a = 0; a < distinct.length; a++)
    for (let b = a + 1; b < distinct.length; b++) {
      const [g, h] = [distinct[a], distinct[b]];
      if (pageOf(g.lo[0]) !== pageOf(h.lo[0])) continue;
      const clash = g.lo.some((lo, i) => h.lo.some((hLo, j) => g.column[i] !== h.column[j] && meets(lo, g.hi[i], hLo, h.hi[j], 0)));
      if (clash) disagree.add(g).add(h);
    }
  return disagree.size ? grids.map((g) => (g && disagree.has(g) ? null : g)) : grids;
}

/** Whether the grid places every line with a value in all columns but one, or all. */
function placesNearlyFull(grid: ColumnGrid, lines: number[][], width: number): boolean {
  return lines.every((spans) => spans.length < 2 * (width - 1) || columnsOf(grid, width, spans));
}

/** How far (in characters, each side) pdftotext -layout moves a column's values between runs of rows on one page. */
export const JITTER = 2;

/**
 * Whether each column of a grid stands where the table's lines with a value in every column (`full`) put that column
 * on its page, give or take JITTER characters (no full line on the page: nothing to compare). A run of short lines
 * chains its blocks by overlap alone, and pdftotext -layout moves a value a character or two (a cell in another font
 * among ASCII digits): where columns stand two characters apart, one line's first value then shares a block with the
 * next line's second ("0 0" at 30 and 32 under "0 0" at 32 and 34), every block after them a column late, and the
 * grid puts a blank cell where none was left.
 */
function besideFullLines(grid: ColumnGrid, full: number[][]): boolean {
  const onPage = onGridPage(grid, full);
  return !onPage.length || grid.lo.every((lo, b) => meetsColumn(onPage, grid.column[b], lo, grid.hi[b]));
}

/** The lines on the grid's page. */
function onGridPage(grid: ColumnGrid, lines: number[][]): number[][] {
  const page = pageOf(grid.lo[0]);
  return lines.filter((spans) => pageOf(spans[0]) === page);
}

/** The full lines that are not lines of the run. */
function withoutRun(full: number[][], run: number[][]): number[][] {
  const own = new Set(run);
  return full.filter((spans) => !own.has(spans));
}

/** How many full lines outside a run, on its page, at least show where the page puts its columns (crossedColumns). */
const MIN_OUTSIDE_LINES = 2;

/**
 * The columns of a run's grid that cross the columns of the full lines outside the run on its page (`outside`, when at
 * least MIN_OUTSIDE_LINES are there): when a block of the grid overlaps a value of another column of one of them and a
 * block meets, give or take JITTER characters, its own column in none of them, those blocks' columns; else none. The
 * run's text then prints those columns in another order than those lines, and nothing says which is the columns'
 * (pdfCase('hunt34-pdf', 446): a run printing natural at 52–54 after commercial at 37, where the rows below print
 * natural at 33–35 and commercial at 37; its other columns stand where those rows have them). Rows that only scatter a
 * few characters about their columns meet their columns somewhere.
 */
function crossedColumns(grid: ColumnGrid, outside: number[][]): number[] {
  const onPage = onGridPage(grid, outside);
  if (onPage.length < MIN_OUTSIDE_LINES) return [];
  const over = grid.lo.flatMap((lo, b) => (meetsOtherColumn(onPage, grid.column[b], lo, grid.hi[b]) ? [grid.column[b]] : []));
  const astray = grid.lo.flatMap((lo, b) => (meetsColumn(onPage, grid.column[b], lo, grid.hi[b]) ? [] : [grid.column[b]]));
  if (over.length && astray.length) return [...new Set([...over, ...astray])].sort((a, b) => a - b);
  return takenColumns(grid, onPage);
}

/**
 * The columns k and j of a run's grid that the full lines outside it (`outside`) print the other way round: one line
 * prints column j where the run's block of column k stands, another column k where the run's block of column j stands,
 * and in neither does the run's block of the column the line prints there meet, give or take JITTER characters, that
 * line's value of it. Other runs of the page may print as the run does, so the page's lines taken together meet every
 * block (crossedColumns) while no line does (pdfCase('hunt38-pdf', 104): runs printing commercial at 31 before natural
 * at 35, where the rows above print natural at 35–36 and the rows below commercial at 31).
 */
function takenColumns(grid: ColumnGrid, outside: number[][]): number[] {
  const taken = new Set<number>();
  const seen = new Set<string>();
  const block = (column: number) => grid.column.indexOf(column);
  for (const spans of outside)
    for (let b = 0; b < grid.lo.length; b++)
      for (let j = 0; 2 * j < spans.length; j++) {
        const k = grid.column[b];
        if (j === k || !meets(grid.lo[b], grid.hi[b], spans[2 * j], spans[2 * j + 1], 0)) continue;
        const other = block(j);
        if (other >= 0 && meets(grid.lo[other], grid.hi[other], spans[2 * j], spans[2 * j + 1], JITTER)) continue;
        seen.add(`${k},${j}`);
        if (seen.has(`${j},${k}`)) taken.add(k).add(j);
      }
  return [...taken].sort((a, b) => a - b);
}

/**
 * Whether [start, end) overlaps a value of another column than k of one of the full lines (`lines`: each line's
 * [start, end) pairs): lines that set their columns so far apart do not prove a column by where a value stands
 * (pdfCase('hunt20-pdf', 288): "0 无 0 0 — 无 0", the total's 无 printed before otherOrg's 0, each value near some
 * other row's value of its column).
 */
export function meetsOtherColumn(lines: readonly number[][], k: number, start: number, end: number): boolean {
  for (const spans of lines) for (let j = 0; 2 * j < spans.length; j++) if (j !== k && meets(start, end, spans[2 * j], spans[2 * j + 1], 0)) return true;
  return false;
}

/** The page of a position: positions on different pages stand PAGE_WIDTH apart (see lines.ts). */
export function pageOf(at: number): number {
  return Math.floor(at / PAGE_WIDTH);
}

/** Whether [start, end) meets, give or take JITTER characters, the value in `column` of one of `lines` (full lines). */
export function meetsColumn(lines: number[][], column: number, start: number, end: number): boolean {
  return lines.some((spans) => meets(start, end, spans[2 * column], spans[2 * column + 1], JITTER));
}

/**
 * Whether the lines keep their values' positions: more than `ratio` gaps wider than a space to each gap of one (by
 * default, most values stand more than one space apart). Text that separates values by one space (pdftotext -raw,
 * copied text) puts each value right after the one before it, so where a value stands says nothing about its column,
 * and values that happen to line up prove nothing.
 */
export function laidOut(lines: number[][], ratio = 2): boolean {
  let wide = 0;
  let narrow = 0;
  for (const l of lines)
    for (let k = 2; k + 1 < l.length; k += 2) {
      if (l[k] - l[k - 1] > 1) wide++;
      else narrow++;
    }
  return wide > ratio * narrow;
}

/** The lines' blocks and up to two of their numberings, or null when they are more than `width` or a block holds two values of one line. */
function numbered(lines: number[][], width: number): { lo: number[]; hi: number[]; columns: number[][] } | null {
  const spans: [number, number][] = [];
  for (const l of lines) for (let k = 0; k + 1 < l.length; k += 2) spans.push([l[k], l[k + 1]]);
  const { lo, hi } = overlapBlocks(spans);
  const m = lo.length;
  if (m > width) return null;
  // apart[i][j] (i < j): blocks i and j share a line, so block j's column is after block i's.
  const apart: boolean[][] = lo.map(() => new Array<boolean>(m).fill(false));
  for (const l of lines) {
    const blocks: number[] = [];
    for (let k = 0; k + 1 < l.length; k += 2) blocks.push(blockOf(lo, hi, l[k]));
    for (let a = 0; a < blocks.length; a++)
      for (let b = a + 1; b < blocks.length; b++) {
        if (blocks[a] === blocks[b]) return null;
        const [i, j] = blocks[a] < blocks[b] ? [blocks[a], blocks[b]] : [blocks[b], blocks[a]];
        apart[i][j] = true;
      }
  }
  return { lo, hi, columns: numberings(apart, width) };
}

/** Spans [start, end) joined where they overlap into blocks, left to right: block b is [lo[b], hi[b]). Sorts `spans`. */
export function overlapBlocks(spans: [number, number][]): { lo: number[]; hi: number[] } {
  spans.sort((a, b) => a[0] - b[0]);
  const lo: number[] = [];
  const hi: number[] = [];
  for (const [s, e] of spans) {
    if (lo.length && s < hi[hi.length - 1]) hi[hi.length - 1] = Math.max(hi[hi.length - 1], e);
    else {
      lo.push(s);
      hi.push(e);
    }
  }
  return { lo, hi };
}

/** Whether [start, end) meets [lo, hi) widened by `slack` columns on each side. */
export function meets(start: number, end: number, lo: number, hi: number, slack: number): boolean {
  return start < hi + slack && end > lo - slack;
}

/** The block holding offset `at`. */
function blockOf(lo: number[], hi: number[], at: number): number {
  for (let i = 0; i < lo.length; i++) if (at >= lo[i] && at < hi[i]) return i;
  return -1;
}

/** Up to two numberings of the blocks with columns 0 … width − 1, never decreasing, increasing between blocks apart. */
function numberings(apart: boolean[][], width: number): number[][] {
  const m = apart.length;
  const out: number[][] = [];
  const f = new Array<number>(m).fill(0);
  // need[i]: how many columns after block i's the blocks after it need (the longest chain of blocks apart).
  const need = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) for (let j = i + 1; j < m; j++) if (apart[i][j]) need[i] = Math.max(need[i], need[j] + 1);
  const walk = (i: number) => {
    if (out.length > 1) return;
    if (i === m) {
      out.push([...f]);
      return;
    }
    let least = i ? f[i - 1] : 0;
    for (let j = 0; j < i; j++) if (apart[j][i]) least = Math.max(least, f[j] + 1);
    for (let v = least; v + need[i] < width; v++) {
      f[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

/**
 * The row's `width` cells with its values in the columns their positions prove and blank cells (printed as nothing)
 * elsewhere, or null when a value stands in no block of the grid, shares a column with another value, or stands
 * closer than MARGIN characters to the block of the column before it (pdftotext moves a value by a character or two:
 * so near, it could be that column's) while the row has no value of its own in that block (its value there, left of
 * this one and itself placed, takes that column).
 */
export function placeByColumns(grid: ColumnGrid, width: number, row: PlacedTokens): CellToken[] | null {
  const columns = columnsOf(grid, width, row.spans);
  if (!columns) return null;
  const out: CellToken[] = Array.from({ length: width }, () => ({ kind: 'blank', printed: '' }));
  columns.forEach((c, k) => (out[c] = row.tokens[k]));
  return out;
}

/**
 * Whether two of a row's values (value k at [spans[2k], spans[2k + 1])), each within a block of the grid, stand in one
 * column: a row has one cell a column, so the grid's blocks are not the row's columns.
 */
export function sharesColumn(grid: ColumnGrid, width: number, spans: number[]): boolean {
  const taken = new Array<boolean>(width).fill(false);
  let shared = false;
  for (let k = 0; 2 * k < spans.length; k++) {
    const b = blockOf(grid.lo, grid.hi, spans[2 * k]);
    if (b < 0 || spans[2 * k + 1] > grid.hi[b]) return false;
    if (taken[grid.column[b]]) shared = true;
    taken[grid.column[b]] = true;
  }
  return shared;
}

/**
 * Whether a reading by positions puts a value in column k where a full line of its page (`full`: lines with a value in
 * every column) prints another column j, and the row leaves column j blank: pdftotext -layout moves a page's columns
 * by some characters between rows, and where two columns stand nearer than that, the place is both columns' and says
 * nothing (pdfCase('lay20-pdf', 97): otherOrg at 90 over the rows above, total at 90 over the rows below; "2.重复申请 ０
 * 0 ０ 0" with its 0 at 90 read as otherOrg, its total). A row holding a value in column j itself has placed it.
 */
export function placedOverOtherColumn(grid: ColumnGrid, width: number, spans: number[], full: readonly number[][]): boolean {
  const columns = columnsOf(grid, width, spans);
  if (!columns) return false;
  const onPage = onGridPage(grid, full as number[][]);
  const held = new Set(columns);
  return columns.some((k, v) =>
    onPage.some((line) => {
      for (let j = 0; 2 * j < line.length; j++) if (j !== k && !held.has(j) && meets(spans[2 * v], spans[2 * v + 1], line[2 * j], line[2 * j + 1], 0)) return true;
      return false;
    }),
  );
}

/** The column of each value of a line (value k at [spans[2k], spans[2k + 1])), as placeByColumns places them; null where it places none. */
function columnsOf(grid: ColumnGrid, width: number, spans: number[]): number[] | null {
  const taken = new Array<boolean>(width).fill(false);
  const out: number[] = [];
  let previous = -1;
  for (let k = 0; 2 * k < spans.length; k++) {
    const [start, end] = [spans[2 * k], spans[2 * k + 1]];
    const b = blockOf(grid.lo, grid.hi, start);
    if (b < 0 || end > grid.hi[b] || taken[grid.column[b]]) return null;
    // Unless the row's value before it stands in that neighbouring block: then the neighbour's column is taken.
    if (b > 0 && start - grid.hi[b - 1] < MARGIN && previous !== b - 1) return null;
    taken[grid.column[b]] = true;
    out.push(grid.column[b]);
    previous = b;
  }
  return out;
}
