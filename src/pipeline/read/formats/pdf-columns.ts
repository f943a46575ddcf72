/**
 * Tables printed without ruling lines (web pages whose tables have no borders): no rule says which column a number
 * is in, and a blank cell leaves no text at all, so joining a line's numbers left to right shifts every number after
 * a blank into the wrong column. Here the column grid of tables B and C is chosen from their header — the x position
 * of each column's name (自然人 … 总计, 结果维持 … 总计), also when the name is printed one character per line or
 * wrapped — and each number goes into the column whose centre it sits under; a column with no number is a blank
 * cell, printed as "—" so that the parser records it as null with a diagnostic.
 *
 * The grid is then verified with the template's arithmetic: B3 (row total = sum of the six applicant columns, blank
 * cells read as 0) in table B, C1 (group total = sum of its four results) in table C. When the arithmetic does not
 * prove it, or a number sits under no column or two numbers under one, the cells are left blank with a diagnostic:
 * never a number in a wrong column. Without a recognisable header the lines are left as they are, for the parser.
 */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, type Diagnostic } from '../../../schema';
import { diagnostic } from '../../diagnostic';
import { compact, readCell } from '../../text';

export interface ColumnItem {
  str: string;
  x: number;
  width: number;
  /** Vertical middle of the glyphs. */
  y: number;
  size: number;
}

/** A physical line of prose text: its items and, for lines the column reader rewrites, the new text. */
export interface ColumnLine {
  items: ColumnItem[];
  text: string;
}

interface TableSpec {
  id: 'requests' | 'appeals';
  /** Column names in printed order. */
  names: string[];
  /** The header starts on the line holding this. */
  headerStart: RegExp;
  /** The first data line's label. */
  firstRow: RegExp | null;
  /** A line that ends the table (the next section heading). */
  end: RegExp;
  /** Whether a row's numbers satisfy the table's rule (B3, C1), blank cells read as 0. */
  holds: (row: number[]) => boolean;
  /** Rows allowed to break the rule under a proved grid: the report's own rule breaks. */
  maxBreaks: (rows: number) => number;
}

const SUM = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const GROUP = APPEAL_COLUMNS.length;

const TABLES: TableSpec[] = [
  {
    id: 'requests',
    names: APPLICANT_COLUMNS.map((c) => c.zh),
    headerStart: /申请人情况|本列数据/,
    firstRow: /本年新收/,
    end: /^(?:四、(?!结转)|[五六]、)|行政复议/,
    holds: (row) => row.length === APPLICANT_COLUMNS.length && SUM(row.slice(0, -1)) === row[row.length - 1],
    maxBreaks: (rows) => Math.max(1, Math.floor(rows / 10)),
  },
  {
    id: 'appeals',
    names: APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS.map((c) => c.zh)),
    headerStart: /^行政复议/,
    firstRow: null,
    end: /^[五六]、/,
    holds: (row) =>
      row.length === APPEAL_GROUPS.length * GROUP &&
      APPEAL_GROUPS.filter((_, g) => SUM(row.slice(g * GROUP, g * GROUP + GROUP - 1)) === row[g * GROUP + GROUP - 1]).length >= APPEAL_GROUPS.length - 1,
    maxBreaks: () => 0,
  },
];

/** Header text within this share of a font size of one x position belongs to one column (centred cell text). */
const SAME_COLUMN = 0.6;
/** What the reader prints for a cell it saw blank or could not place: the parser's null mark. */
const BLANK = '—';

const centerX = (i: ColumnItem) => i.x + i.width / 2;
/** Numbers or blank marks only, however many (the cells of neighbouring columns may come out as one item). */
const isValue = (s: string) => readCell(s.replace(/\s+/g, '')).kind !== 'text';
const hasNumber = (s: string) => readCell(s.replace(/\s+/g, '')).kind === 'number';

/** Characters of an item at their estimated positions: full-width characters one em wide, ASCII about half. */
function chars(item: ColumnItem): ColumnItem[] {
  const list = Array.from(item.str);
  const weights = list.map((ch) => (ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1));
  const unit = item.width / Math.max(0.01, SUM(weights));
  const out: ColumnItem[] = [];
  let x = item.x;
  list.forEach((ch, i) => {
    out.push({ ...item, str: ch, x, width: weights[i] * unit });
    x += weights[i] * unit;
  });
  return out;
}

/** Header items (or their characters) grouped by x centre; each group's text read top to bottom. */
function headerColumns(items: ColumnItem[]): { x: number; text: string }[] {
  const sorted = [...items].sort((a, b) => centerX(a) - centerX(b));
  const groups: ColumnItem[][] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && centerX(item) - centerX(last[last.length - 1]) <= item.size * SAME_COLUMN) last.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => ({
    x: SUM(g.map(centerX)) / g.length,
    text: compact([...g].sort((a, b) => a.y - b.y || a.x - b.x).map((i) => i.str).join('')),
  }));
}

/**
 * The x centre of each named column, in order: the group whose text is the name, else the one whose text ends with
 * it (a spanning header such as 法人或其他组织 centred over the same column stands above the name). Null unless every
 * name has a column and the columns run left to right.
 */
function columnCenters(header: { x: number; text: string }[], names: string[]): number[] | null {
  const centers: number[] = [];
  let from = 0;
  for (const name of names) {
    // Repeated names (table C's three groups) are taken left to right.
    const candidates = header.map((h, i) => ({ h, i })).filter(({ i }) => i >= from);
    const pick = candidates.find(({ h }) => h.text === name) ?? candidates.find(({ h }) => h.text.endsWith(name));
    if (!pick) return null;
    centers.push(pick.h.x);
    from = pick.i + 1;
  }
  return centers;
}

/**
 * The header's columns from whole text items (a name printed in one piece, or wrapped line by line under itself);
 * failing that from single characters, for names printed one character per line in columns so narrow that the text
 * of neighbouring columns comes out as one item ("商科会律").
 */
function headerCenters(lines: ColumnLine[], names: string[]): number[] | null {
  const items = lines.flatMap((l) => l.items).filter((i) => i.str.trim());
  return columnCenters(headerColumns(items), names) ?? columnCenters(headerColumns(items.flatMap(chars).filter((c) => c.str.trim())), names);
}

/**
 * The line's value characters placed under the columns: each character in the column whose bounds (half way to
 * the neighbouring centres) hold it, a column's characters read as one cell. Null when a character is under no
 * column, a column holds two separate runs, or a cell does not read as a number or a blank mark.
 */
function place(values: ColumnItem[], centers: number[]): string[] | null {
  const half = (k: number) => (k + 1 < centers.length ? (centers[k + 1] - centers[k]) / 2 : (centers[k] - centers[k - 1]) / 2);
  const lo = (k: number) => (k > 0 ? (centers[k - 1] + centers[k]) / 2 : centers[0] - half(0));
  const hi = (k: number) => (k + 1 < centers.length ? (centers[k] + centers[k + 1]) / 2 : centers[k] + half(k));
  const cells: ColumnItem[][] = centers.map(() => []);
  for (const ch of values.flatMap(chars)) {
    if (!ch.str.trim()) continue;
    const k = centers.findIndex((_, j) => centerX(ch) >= lo(j) && centerX(ch) < hi(j));
    if (k < 0) return null;
    cells[k].push(ch);
  }
  const fields: string[] = [];
  for (const cell of cells) {
    const sorted = cell.sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) if (sorted[i].x - (sorted[i - 1].x + sorted[i - 1].width) > sorted[i].size * 0.6) return null;
    const text = sorted.map((c) => c.str).join('');
    if (text && readCell(text).kind === 'text') return null;
    fields.push(text);
  }
  return fields;
}

const valueOf = (field: string) => {
  const cell = readCell(field);
  return cell.kind === 'number' ? cell.value : 0;
};

/**
 * Rewrites the data lines of tables B and C printed without rules (`lines[i].text`), and returns the diagnostics.
 * Lines of ruled tables never reach here: they are read from their grid.
 */
export function placeUnruledColumns(lines: ColumnLine[], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let start = 0;
  for (const spec of TABLES) {
    const h = lines.findIndex((l, i) => i >= start && spec.headerStart.test(compact(l.text)));
    if (h < 0) continue;
    let end = lines.findIndex((l, i) => i > h && spec.end.test(compact(l.text)));
    if (end < 0) end = lines.length;
    const valueLine = (l: ColumnLine) => l.items.some((i) => hasNumber(i.str));
    const first = lines.findIndex((l, i) => i > h && i < end && (spec.firstRow ? spec.firstRow.test(compact(l.text)) : valueLine(l)));
    if (first < 0) continue;
    start = end;
    const centers = headerCenters(lines.slice(h, first), spec.names);
    if (!centers) continue;
    const left = centers[0] - (centers[1] - centers[0]) / 2;
    const rows: { line: ColumnLine; label: ColumnItem[]; fields: string[] | null }[] = [];
    for (const line of lines.slice(first, end)) {
      // An item reaching from the label into the value columns ("信息０８") is cut into its characters.
      const split = line.items.flatMap((i) => (i.x < left && i.x + i.width > left ? chars(i) : [i]));
      const values = split.filter((i) => centerX(i) >= left && isValue(i.str));
      // Lines with no value in the value columns (label fragments, a repeated header) stay as they are.
      if (!values.some((i) => hasNumber(i.str))) continue;
      const others = split.filter((i) => centerX(i) >= left && !isValue(i.str));
      const label = split.filter((i) => centerX(i) < left);
      rows.push({ line, label: [...label, ...others], fields: others.length ? null : place(values, centers) });
    }
    const placed = rows.filter((r) => r.fields !== null);
    const breaks = placed.filter((r) => !spec.holds(r.fields!.map(valueOf))).length;
    const proved = placed.length > 0 && breaks <= spec.maxBreaks(placed.length);
    for (const r of rows) {
      const labelText = joinWords(r.label);
      const fields = proved && r.fields ? r.fields.map((f) => f || BLANK) : spec.names.map(() => BLANK);
      r.line.text = [labelText, ...fields].join('\t');
    }
    const unplaced = rows.filter((r) => r.fields === null).length;
    if (!proved && rows.length)
      diagnostics.push(
        diagnostic({
          severity: 'warning',
          code: 'pdf-columns-unproved',
          file,
          expected: spec.id === 'requests' ? 'B3 in every row of table B under the columns of its header' : 'C1 in table C under the columns of its header',
          found: `${breaks} of ${placed.length} rows break the rule, ${unplaced} rows with numbers under no column`,
          message: `表格没有边框，按表头确定的列无法用勾稽关系核实，${rows.length} 行数字记为空值，未猜测其所在列`,
        }),
      );
    else if (unplaced)
      diagnostics.push(
        diagnostic({
          severity: 'warning',
          code: 'pdf-cells-unplaced',
          file,
          expected: 'each number under one column of the header',
          found: `${unplaced} rows with a number under no column or two numbers under one`,
          message: `表格没有边框，${unplaced} 行的数字无法确定所在列，记为空值`,
        }),
      );
  }
  return diagnostics;
}

/** Label items on one line, left to right; a tab where a wide gap separates two label cells. */
function joinWords(items: ColumnItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  let prev: ColumnItem | null = null;
  for (const item of sorted) {
    if (prev && item.x - (prev.x + prev.width) >= 1.2 * Math.min(prev.size, item.size)) out += '\t';
    out += item.str;
    prev = item;
  }
  return out.trim();
}
