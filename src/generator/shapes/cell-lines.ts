/**
 * "One cell per line", made straight from the table model: the shape of poppler's `pdftotext` default mode and of
 * copy-and-paste from a PDF viewer (洪泽区 2023 in ../shared/corpus), without printing anything. Every cell is its own
 * line (a wrapped cell several lines), and what makes the shape hard is reproduced:
 * - header words split mid-word (商业企 / 业), the five sub-headers read across in fragments (社会 法律 / 公益 服务 其他);
 * - vertical group labels (三、本年度办理结果, （三）不予公开) one to three characters per line, between the rows they span;
 * - a row's numbers after its label, between the lines of a wrapped label, or on the lines before the label;
 * - page footers ("— 3 —", "-3-") between rows or between the numbers of a row, the header repeated after them;
 * - blank lines between some lines.
 */
import type { Rng } from '../rng';
import type { ColumnBlocks } from './adversarial';
import type { ModelRow, ModelTable, TableModels } from '../table-model';
import { chunks, wrap } from '../render/wrap';

export type NumberPlacement = 'after' | 'inside' | 'before';

export interface CellLineStyle {
  /** Width at which a row label wraps (characters). */
  labelWidth: number;
  /** Where a row's numbers go relative to its label lines, with weights. */
  placement: readonly (readonly [NumberPlacement, number])[];
  /** Group labels printed one to `verticalChunk` characters per line. */
  verticalChunk: number;
  /** The five applicant sub-headers read across in fragments (line k holds the k-th fragment of each). */
  headerAcross: boolean;
  /** Page footers inside table B (0–2) and their style. */
  footers: number;
  footer: (page: number) => string;
  /** The header repeats after a footer (a table header row repeated on every page). */
  repeatHeader: boolean;
  /** Chance of a blank line after any line. */
  blankLines: number;
  /** Every footer falls between two numbers of a row (adversarial: see adversarial.ts). */
  footersInRows: boolean;
  /** Table B printed column by column, as poppler's default mode prints a table (adversarial: see adversarial.ts). */
  columnBlocks: ColumnBlocks | null;
  /** Table A's items printed column by column, labels before their caption (adversarial: see adversarial.ts). */
  proactiveColumns: boolean;
}

export function pickCellLineStyle(rng: Rng): CellLineStyle {
  const dash = rng.pick([(p: number) => `— ${p} —`, (p: number) => `-${p}-`, (p: number) => `- ${p} -`, (p: number) => `—${p}—`]);
  return {
    labelWidth: rng.int(9, 22),
    placement: rng.pick([
      [['after', 1]],
      [['after', 3], ['inside', 1]],
      [['after', 2], ['inside', 1], ['before', 1]],
      [['before', 1]],
    ] as const),
    verticalChunk: rng.int(1, 3),
    headerAcross: rng.chance(0.5),
    footers: rng.weighted([[0, 1], [1, 2], [2, 1]] as const),
    footer: dash,
    repeatHeader: rng.chance(0.5),
    blankLines: rng.pick([0, 0, 0.15, 0.5]),
    footersInRows: false,
    columnBlocks: null,
    proactiveColumns: false,
  };
}

/** A header cell cut into fragments of 2–4 characters, as a narrow column wraps it. */
function fragments(text: string, rng: Rng): string[] {
  return text.length <= 2 ? [text] : wrap(text, rng.int(2, 4));
}

function headerLines(header: string[][], style: CellLineStyle, rng: Rng): string[] {
  const lines: string[] = [];
  header.forEach((row, i) => {
    const parts = row.map((cell) => fragments(cell, rng));
    if (style.headerAcross && i === header.length - 1 && row.length > 1) {
      const depth = Math.max(...parts.map((p) => p.length));
      for (let k = 0; k < depth; k++) lines.push(parts.map((p) => p[k]).filter(Boolean).join(' '));
    } else lines.push(...parts.flat());
  });
  return lines;
}

/** A row's printed numbers, one per line; an empty cell prints nothing, as in a PDF. */
const valueLines = (row: ModelRow) => row.cells.filter((c) => c !== '');

/** A row's lines, and where its numbers start among them. */
function placedRow(row: ModelRow, label: string, style: CellLineStyle, rng: Rng): { lines: string[]; valuesAt: number; values: number } {
  const labelLines = wrap(label, style.labelWidth);
  const values = valueLines(row);
  // A one-line label has no inside.
  const options = labelLines.length > 1 ? style.placement : style.placement.filter(([p]) => p !== 'inside');
  const placement: NumberPlacement = options.length ? rng.weighted(options) : 'after';
  if (placement === 'before') return { lines: [...values, ...labelLines], valuesAt: 0, values: values.length };
  if (placement === 'inside') return { lines: [labelLines[0], ...values, ...labelLines.slice(1)], valuesAt: 1, values: values.length };
  return { lines: [...labelLines, ...values], valuesAt: labelLines.length, values: values.length };
}

const rowLines = (row: ModelRow, label: string, style: CellLineStyle, rng: Rng) => placedRow(row, label, style, rng).lines;

/**
 * Table B: header, then each row; the outer and group labels, printed vertically, spread their pieces over the
 * rows they span (a piece goes after a row's lines), as a tall merged cell's text lands between the rows beside it.
 */
function requestLines(table: ModelTable, style: CellLineStyle, rng: Rng): string[] {
  const header = headerLines(table.header, style, rng);
  const out: string[] = [...header];
  const pending = new Map<number, string[]>();
  const spread = (level: 0 | 1, start: number) => {
    let end = start + 1;
    while (end < table.rows.length && table.rows[end].labels.some((l) => l.level === level && !l.first)) end++;
    const label = table.rows[start].labels.find((l) => l.level === level)!.text;
    const pieces = chunks(label, rng, style.verticalChunk);
    pieces.forEach((piece, k) => {
      const at = start + Math.min(end - start - 1, Math.floor((k * (end - start)) / pieces.length));
      pending.set(at, [...(pending.get(at) ?? []), piece]);
    });
  };
  table.rows.forEach((row, i) => row.labels.forEach((l) => l.first && l.level < 2 && spread(l.level as 0 | 1, i)));
  const footers = style.footersInRows ? Math.max(2, style.footers) : style.footers;
  const footerAt = new Set(Array.from({ length: footers }, () => rng.int(1, table.rows.length - 1)));
  let page = rng.int(2, 5);
  table.rows.forEach((row, i) => {
    const own = row.labels.find((l) => l.level === 2)!.text;
    const placed = placedRow(row, own, style, rng);
    let lines = placed.lines;
    if (footerAt.has(i)) {
      // Between two rows, anywhere in this row, or (footersInRows) between two of its numbers.
      const cut =
        style.footersInRows && placed.values > 1
          ? placed.valuesAt + rng.int(1, placed.values - 1)
          : rng.chance(0.5)
            ? 0
            : rng.int(1, Math.max(1, lines.length - 1));
      const breakLines = [style.footer(page++), ...(style.repeatHeader ? header : [])];
      lines = [...lines.slice(0, cut), ...breakLines, ...lines.slice(cut)];
    }
    out.push(...lines, ...(pending.get(i) ?? []));
  });
  return out;
}

/** The applicant columns' names, as a column block's header cell prints them. */
const COLUMN_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/**
 * Table B as poppler's default mode prints it: every row label, then each column's numbers as one block (one number
 * per line, a blank line after it), the header cells above the blocks. `blocks.order` prints the six applicant
 * blocks in the header's order or shuffled (poppler can print the 自然人 block third); `blocks.headings` prints each
 * block's own header cell above it, every header cell above the first block, or the next column's cell above each
 * block (a narrow header cell printed with the column beside it); `blocks.damage` drops one number of one block or
 * prints it twice.
 */
function requestColumnLines(table: ModelTable, blocks: ColumnBlocks, rng: Rng): string[] {
  const out = ['申请人情况', ...table.rows.map((row) => row.labels.find((l) => l.level === 2)!.text), ''];
  const applicants = [0, 1, 2, 3, 4, 5];
  const order = blocks.order === 'shuffled' ? [...rng.shuffle(applicants), 6] : [...applicants, 6];
  const columns = order.map((c) => table.rows.map((row) => row.cells[c]).filter((cell) => cell !== ''));
  if (blocks.damage) {
    const column = columns[rng.int(0, 6)];
    const at = rng.int(0, column.length - 1);
    column.splice(at, blocks.damage === 'drop-one' ? 1 : 0, ...(blocks.damage === 'drop-one' ? [] : [column[at]]));
  }
  if (blocks.headings === 'bunched') out.push(...COLUMN_NAMES);
  columns.forEach((column, k) => {
    if (blocks.headings === 'own') out.push(COLUMN_NAMES[order[k]]);
    if (blocks.headings === 'next' && k + 1 < order.length) out.push(COLUMN_NAMES[order[k + 1]]);
    out.push('', ...column, '');
  });
  return out;
}

function proactiveLines(tables: ModelTable[], style: CellLineStyle, rng: Rng): string[] {
  // Down the columns, as poppler reads such a table in blocks: the header's first cell and the first row's label, then
  // the caption, the other header cells and the first row's numbers, then each further row's numbers and its label.
  if (style.proactiveColumns)
    return tables.flatMap((t) => {
      const [first, ...rest] = t.header.flat();
      const [head, ...tail] = t.rows;
      return [first, head.labels[0].text, ...(t.caption ? [t.caption] : []), ...rest, ...valueLines(head), ...tail.flatMap((row) => [...valueLines(row), row.labels[0].text])];
    });
  return tables.flatMap((t) => [
    ...(t.caption ? [t.caption] : []),
    ...t.header.flat().flatMap((h) => wrap(h, rng.int(6, 12))),
    ...t.rows.flatMap((row) => rowLines(row, row.labels[0].text, style, rng)),
  ]);
}

function appealLines(table: ModelTable, style: CellLineStyle, rng: Rng): string[] {
  return [...headerLines(table.header, { ...style, headerAcross: false }, rng), ...valueLines(table.rows[0])];
}

export function cellLines(key: 'proactive' | 'requests' | 'appeals', tables: TableModels, style: CellLineStyle, rng: Rng): string[] {
  const lines =
    key === 'proactive' ? proactiveLines(tables.proactive, style, rng) : key === 'requests' ? requestLines(tables.requests, style, rng) : appealLines(tables.appeals, style, rng);
  if (key === 'requests' && style.columnBlocks) return requestColumnLines(tables.requests, style.columnBlocks, rng);
  // A piece that is only a space (of a group label cut one character a line) prints as an empty line: poppler and a
  // PDF viewer's copy never print a line of spaces (MuPDF does, for a cell that holds only a space: pdf.ts).
  return lines.flatMap((l) => (rng.chance(style.blankLines) ? [l, ''] : [l])).map((l) => (l.trim() ? l : ''));
}
