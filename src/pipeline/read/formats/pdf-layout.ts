/**
 * PDF page geometry → blocks. Text items carry positions but no structure: lines are rebuilt by position, and
 * tables from the ruling lines drawn around their cells. A cell is the region the rules enclose, so a number drawn
 * as two text items stays one number, two neighbouring cells never merge, a row label wrapped onto two lines is one
 * cell, and a label merged over several rows is one cell spanning them — the same grid an HTML table has.
 * Coordinates here are in points from the page's top-left corner.
 */
import type { Diagnostic } from '../../../schema';
import { isPageNoise } from '../../text';
import type { Block } from './blocks';
import { placeUnruledColumns, type ColumnLine } from './pdf-columns';
import { cellText, type GridCell, type TableGrid } from './table-grid';

export interface PdfTextItem {
  str: string;
  /** Left edge of the text. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Font size (the text's height). */
  size: number;
}

/** A ruling line: a stroked segment or a thin filled rectangle, as drawn. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
}

/** Positions closer than this (points) are the same line of a grid: borders drawn twice, rounding. */
const SNAP = 2;
/** A filled rectangle thinner than this is a ruling line. */
const MAX_RULE_THICKNESS = 3;
/** Page furniture (numbers, running heads) sits in this share of the page at top and bottom. */
const MARGIN_SHARE = 0.09;

const centerX = (t: PdfTextItem) => t.x + t.width / 2;
/** The middle of the glyphs: a little above the baseline. */
const centerY = (t: PdfTextItem) => t.y - t.size * 0.35;
const isAsciiWord = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch);

interface Segment {
  /** Horizontal: y is fixed, a..b spans x. Vertical: x is fixed, a..b spans y. */
  at: number;
  a: number;
  b: number;
}

function classify(rules: PdfRule[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const r of rules) {
    const [x0, x1] = r.x0 <= r.x1 ? [r.x0, r.x1] : [r.x1, r.x0];
    const [y0, y1] = r.y0 <= r.y1 ? [r.y0, r.y1] : [r.y1, r.y0];
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= MAX_RULE_THICKNESS && w > MAX_RULE_THICKNESS) horizontal.push({ at: (y0 + y1) / 2, a: x0, b: x1 });
    else if (w <= MAX_RULE_THICKNESS && h > MAX_RULE_THICKNESS) vertical.push({ at: (x0 + x1) / 2, a: y0, b: y1 });
  }
  return { horizontal, vertical };
}

/** The outermost ends of a set of segments. */
function ends(segments: Segment[]): number[] {
  return segments.length ? [Math.min(...segments.map((s) => s.a)), Math.max(...segments.map((s) => s.b))] : [];
}

/** Sorted distinct positions, positions within SNAP of each other taken as one. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(i: number, j: number) {
    this.parent[this.find(i)] = this.find(j);
  }
}

interface RuledTable {
  xs: number[];
  ys: number[];
  cells: (GridCell & { texts: PdfTextItem[] })[];
  /** Cell index of each grid unit, row-major. */
  unitCell: number[];
}

/** Groups ruling lines that touch into tables. */
function ruledTables(rules: PdfRule[]): RuledTable[] {
  const { horizontal, vertical } = classify(rules);
  const all = [...horizontal.map((s) => ({ s, h: true })), ...vertical.map((s) => ({ s, h: false }))];
  const uf = new UnionFind(all.length);
  const touches = (p: { s: Segment; h: boolean }, q: { s: Segment; h: boolean }) => {
    if (p.h === q.h) return Math.abs(p.s.at - q.s.at) <= SNAP && p.s.a <= q.s.b + SNAP && q.s.a <= p.s.b + SNAP;
    return q.s.at >= p.s.a - SNAP && q.s.at <= p.s.b + SNAP && p.s.at >= q.s.a - SNAP && p.s.at <= q.s.b + SNAP;
  };
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (touches(all[i], all[j])) uf.union(i, j);
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((e, i) => {
    const root = uf.find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    (e.h ? groups.get(root)!.h : groups.get(root)!.v).push(e.s);
  });
  const tables: RuledTable[] = [];
  for (const { h, v } of groups.values()) {
    // The ends of the column lines bound the table too: a table continued from the previous page has no top rule
    // of its own, a table without side borders no outer column lines.
    const ys = clusterPositions([...h.map((s) => s.at), ...ends(v)]);
    const xs = clusterPositions([...v.map((s) => s.at), ...ends(h)]);
    // A frame around the page or a box around a paragraph is not a table: a table has two columns at least. One row
    // is enough: a table broken by a page break can leave a single row on a page.
    if (ys.length < 2 || xs.length < 3) continue;
    tables.push(gridFromRules(xs, ys, h, v));
  }
  return tables;
}

/** Grid units between neighbouring lines merge where no rule separates them: that is how spans show in a PDF. */
function gridFromRules(xs: number[], ys: number[], h: Segment[], v: Segment[]): RuledTable {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covered = (segs: Segment[], at: number, point: number) => segs.some((s) => Math.abs(s.at - at) <= SNAP && s.a - SNAP <= point && point <= s.b + SNAP);
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !covered(v, xs[c + 1], midY)) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(h, ys[r + 1], midX)) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const byRoot = new Map<number, number>();
  const cells: RuledTable['cells'] = [];
  const unitCell: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      let index = byRoot.get(root);
      if (index === undefined) {
        index = cells.length;
        byRoot.set(root, index);
        cells.push({ text: '', row: r, col: c, rowspan: 1, colspan: 1, texts: [] });
      }
      const cell = cells[index];
      cell.rowspan = Math.max(cell.rowspan, r - cell.row + 1);
      cell.colspan = Math.max(cell.colspan, c - cell.col + 1);
      unitCell.push(index);
    }
  return { xs, ys, cells, unitCell };
}

function indexIn(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i] && v < bounds[i + 1]) return i;
  return -1;
}

function inside(t: RuledTable, x: number, y: number): boolean {
  return x >= t.xs[0] && x <= t.xs[t.xs.length - 1] && y >= t.ys[0] && y <= t.ys[t.ys.length - 1];
}

/**
 * A text item that runs across a column line (a producer that wrote a row's cells as one string with spaces) is
 * cut at its spaces, each word placed by its share of the characters.
 */
function splitAcrossColumns(item: PdfTextItem, xs: number[]): PdfTextItem[] {
  const crosses = xs.some((x) => x > item.x + item.size * 0.5 && x < item.x + item.width - item.size * 0.5);
  if (!crosses || !/\S\s+\S/.test(item.str)) return [item];
  const perChar = item.width / Math.max(1, item.str.length);
  const out: PdfTextItem[] = [];
  for (const m of item.str.matchAll(/\S+/g)) out.push({ ...item, str: m[0], x: item.x + m.index * perChar, width: m[0].length * perChar });
  return out;
}

/** Items on one line, left to right, joined: a space only between two ASCII words set apart. */
function joinLine(items: PdfTextItem[], tabGap: number | null): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let prev: PdfTextItem | null = null;
  for (const item of sorted) {
    if (prev) {
      const gap = item.x - (prev.x + prev.width);
      const size = Math.min(prev.size, item.size);
      if (tabGap !== null && gap >= tabGap * size) out += '\t';
      else if (gap > size * 0.25 && isAsciiWord(out[out.length - 1]) && isAsciiWord(item.str[0])) out += ' ';
    }
    out += item.str;
    prev = item;
  }
  return out;
}

/** Clusters items into lines by their vertical middle; returns lines top to bottom. */
function toLines(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => centerY(a) - centerY(b) || a.x - b.x);
  const lines: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(centerY(item) - line.y) <= Math.min(line.size, item.size) * 0.5) line.items.push(item);
    else lines.push({ y: centerY(item), size: item.size, items: [item] });
  }
  return lines.map((l) => l.items);
}

/** How much of its cell's width a line of a number wrapped in the cell fills, at least, on every line but its last. */
const WRAPPED_FILL = 0.6;

const lineWidth = (line: PdfTextItem[]) => Math.max(...line.map((i) => i.x + i.width)) - Math.min(...line.map((i) => i.x));

/**
 * A cell's text: its lines joined. Lines of digits only are one number wrapped in a narrow cell ("２６９" over "０")
 * when each line but the last fills most of the cell's width; otherwise they are numbers stacked in one cell (two rows
 * that no ruling line parts) and stay apart, so that no number is made of two.
 */
function gridCellText(texts: PdfTextItem[], width: number): string {
  const lines = toLines(texts);
  const parts = lines.map((line) => joinLine(line, null));
  if (parts.length > 1 && parts.every((p) => NUMBER_TEXT.test(p.trim()))) {
    const wrapped = lines.slice(0, -1).every((line) => lineWidth(line) >= WRAPPED_FILL * width);
    return cellText(parts.map((p) => p.trim()).join(wrapped ? '' : ' '));
  }
  return cellText(parts.reduce((a, b) => a + (isAsciiWord(a[a.length - 1]) && isAsciiWord(b[0]) ? ' ' : '') + b, ''));
}

function tableGrid(t: RuledTable): TableGrid {
  const cells = t.cells.map(({ texts, ...cell }) => ({ ...cell, text: gridCellText(texts, t.xs[cell.col + cell.colspan] - t.xs[cell.col]) }));
  return { rows: t.ys.length - 1, cols: t.xs.length - 1, cells };
}

interface Placed {
  top: number;
  block: Block;
  /** The page it is on (0-based). */
  page?: number;
  /** A prose line in the page margin: a page number or running head candidate. */
  margin: boolean;
  /** A prose line's text items (for the columns of tables printed without rules, see pdf-columns.ts). */
  items?: PdfTextItem[];
}

/** Gap between two text items, in font sizes, above which a line without ruling lines splits into cells. */
const TAB_GAP = 1.2;

function pageBlocks(page: PdfPage): Placed[] {
  const tables = ruledTables(page.rules);
  const prose: PdfTextItem[] = [];
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    const table = tables.find((t) => inside(t, centerX(item), centerY(item)));
    if (!table) {
      prose.push(item);
      continue;
    }
    for (const part of splitAcrossColumns(item, table.xs)) {
      const r = indexIn(table.ys, centerY(part));
      const c = indexIn(table.xs, centerX(part));
      if (r >= 0 && c >= 0) table.cells[table.unitCell[r * (table.xs.length - 1) + c]].texts.push(part);
    }
  }
  const placed: Placed[] = tables
    .filter((t) => t.cells.some((c) => c.texts.length))
    .map((t) => ({ top: t.ys[0], block: { kind: 'table', grid: tableGrid(t) }, margin: false }));
  for (const line of toLines(prose)) {
    const top = Math.min(...line.map((i) => i.y - i.size));
    const bottom = Math.max(...line.map((i) => i.y));
    const text = joinLine(line, TAB_GAP).trim();
    if (text) placed.push({ top, block: { kind: 'text', text }, margin: bottom < page.height * MARGIN_SHARE || top > page.height * (1 - MARGIN_SHARE), items: line });
  }
  return placed.sort((a, b) => a.top - b.top);
}

/** A margin line's text with digits generalised: "第 3 页" and "第 4 页" are the same running footer. */
const furnitureKey = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * All pages → blocks in reading order. Page numbers ("— 3 —", "第 3 页") and running heads or feet repeated in the
 * margins of several pages are dropped, so a table that continues on the next page continues in the text too.
 * Tables B and C printed without ruling lines get their columns from their header (pdf-columns.ts); what that
 * reports goes into `diagnostics` with `file`.
 */
export function pdfBlocks(pages: PdfPage[], sink: { file: string; diagnostics: Diagnostic[] } = { file: '', diagnostics: [] }): Block[] {
  const placed = pages.map((page, n) => pageBlocks(page).map((p) => ({ ...p, page: n })));
  const seen = new Map<string, number>();
  for (const page of placed) {
    const keys = new Set(page.filter((p) => p.margin && p.block.kind === 'text').map((p) => furnitureKey((p.block as { text: string }).text)));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const furniture = (p: Placed) =>
    p.margin && p.block.kind === 'text' && (isPageNoise(p.block.text) || (pages.length > 1 && (seen.get(furnitureKey(p.block.text)) ?? 0) > 1));
  const kept = placed.flatMap((page) => page.filter((p) => !furniture(p)));
  const prose = kept.filter((p) => p.block.kind === 'text' && p.items);
  const lines: ColumnLine[] = prose.map((p) => ({
    items: p.items!.map((i) => ({ str: i.str, x: i.x, width: i.width, y: centerY(i), size: i.size })),
    text: (p.block as { text: string }).text,
  }));
  sink.diagnostics.push(...placeUnruledColumns(lines, sink.file));
  prose.forEach((p, i) => (p.block = { kind: 'text', text: lines[i].text }));
  // A table that ends one page and one that starts the next, nothing but page furniture between them: the same table.
  kept.forEach((p, i) => {
    const next = kept[i + 1];
    if (p.block.kind === 'table' && next?.block.kind === 'table' && next.page === p.page! + 1) next.block = { kind: 'table', grid: joinSplitRow(p.block.grid, next.block.grid) };
  });
  return kept.map((p) => p.block);
}

const NUMBER_TEXT = /^[0-9０-９][0-9０-９,，.．]*$/;

/**
 * A row broken across a page (Word and LibreOffice let a row break by default): a number too long for its cell wraps,
 * and the part that falls on the next page opens the table there as a row of its own with no label, only the rest of
 * those numbers ("１１６" at the foot of one page, "４" at the head of the next, in the same column). Such a first row
 * — number pieces only, each under a column whose cell in the last row of the page before holds a number, and no
 * text of its own but the continued group labels that span it — is joined to that row: each piece to the number above
 * it (１１６４); the row then goes. The number columns are the tables' last ones, so columns are matched from the right
 * (the label columns may be cut differently on the two pages). A first row with a label of its own stays a row.
 */
function joinSplitRow(before: TableGrid, after: TableGrid): TableGrid {
  if (after.rows < 1 || before.rows < 1) return after;
  const last = before.rows - 1;
  const shift = before.cols - after.cols;
  const above = new Map(before.cells.filter((c) => c.row === last && c.rowspan === 1 && c.colspan === 1).map((c) => [c.col - shift, c]));
  // The table's header repeated at the head of the page (Word's and LibreOffice's "repeat header rows") stands before
  // the pieces: the rows that print the same text as the table's first rows on the page before.
  let header = 0;
  while (header < after.rows - 1 && header < last && rowText(after, header) !== '' && rowText(after, header) === rowText(before, header)) header++;
  const pieces = after.cells.filter((c) => c.row === header && c.rowspan === 1 && c.text.trim());
  const joinable = pieces.length > 0 && pieces.every((c) => NUMBER_TEXT.test(c.text.trim()) && c.colspan === 1 && NUMBER_TEXT.test(above.get(c.col)?.text.trim() ?? ''));
  if (!joinable) return after;
  for (const c of pieces) above.get(c.col)!.text = `${above.get(c.col)!.text.trim()}${c.text.trim()}`;
  // The pieces' row goes: cells below it move up a row, cells that span it lose that row, its own cells (now empty or
  // joined) are dropped.
  const cells = after.cells.flatMap((c) => {
    if (c.row > header) return [{ ...c, row: c.row - 1 }];
    if (c.row + c.rowspan - 1 < header) return [c];
    return c.rowspan > 1 ? [{ ...c, rowspan: c.rowspan - 1, row: Math.min(c.row, header) }] : [];
  });
  return { rows: after.rows - 1, cols: after.cols, cells };
}

/** A grid row's cells' text, left to right (the cells that start in it). */
function rowText(grid: TableGrid, row: number): string {
  return grid.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text.replace(/\s+/g, ''))
    .join('|');
}
