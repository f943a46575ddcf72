/** The line model: every line keeps its file line number; table rows are split into a label and value cells. */
import { compact, fold, readCell, type CellToken } from './text';

export interface Line {
  /** 1-based line number in the source file. */
  no: number;
  raw: string;
  /** Trimmed, with Markdown heading marks removed. */
  text: string;
  /** The line read as a table row, filled in by partsOf when a table reader first asks. */
  parts?: RowParts;
  /** compact(raw), filled in by compactOf. */
  compact?: string;
}

export function toLines(text: string, lineOffset = 0): Line[] {
  return text.split('\n').map((raw, i) => ({
    no: i + 1 + lineOffset,
    raw,
    text: raw.replace(/^\s*#{1,6}\s+/, '').trim(),
  }));
}

export type Separator = 'tab' | 'pipe' | 'space';

/** A line read as a table row: the label text before the values, and the value cells as printed. */
export interface RowParts {
  separator: Separator;
  /** A Markdown row fenced by pipes at both ends: its cells are exactly the table's columns. */
  fenced: boolean;
  /** The label cells joined, whitespace removed, NFKC-folded. */
  label: string;
  values: CellToken[];
}

const MD_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function isMarkdownRule(line: string): boolean {
  return MD_RULE.test(line.trim());
}

/** "| a | b |" starting at the line's first column; " |  | 0 |" is a pipe row whose first cell is blank. */
function isFenced(raw: string): boolean {
  return raw.startsWith('|') && /\|\s*$/.test(raw);
}

export function separatorOf(raw: string): Separator {
  if (raw.includes('\t')) return 'tab';
  if (/^\s*\|/.test(raw) || raw.includes(' | ')) return 'pipe';
  return 'space';
}

function cellsOf(raw: string, sep: Separator): string[] {
  if (sep === 'tab') return raw.split('\t');
  if (sep === 'pipe') {
    // A Markdown row is fenced by pipes at both ends; a plain "a | b | " row keeps its last (maybe empty) cell.
    const t = raw.trim();
    if (!isFenced(raw)) return raw.split('|');
    const cells = t.split('|').slice(1);
    if (t.endsWith('|')) cells.pop();
    return cells;
  }
  return raw.trim().split(/\s+/).filter(Boolean);
}

/**
 * Splits a line into label and values. With tab or pipe separators every cell after the last text cell is a value
 * (an empty cell is a blank value); with spaces only the trailing run of numbers and blank marks are values.
 */
export function rowParts(raw: string): RowParts {
  const separator = separatorOf(raw);
  // Folded once here, so that the per-cell and per-label folds below find nothing left to do.
  const cells = cellsOf(fold(raw), separator);
  let lastText = cells.length - 1;
  let values: CellToken[];
  if (separator === 'space') {
    // Only the trailing run of numbers and blank marks are values: the label's words need not be read as cells.
    values = [];
    for (let t: CellToken; lastText >= 0 && (t = readCell(cells[lastText])).kind !== 'text'; lastText--) values.push(t);
    values.reverse();
  } else {
    const tokens = cells.map(readCell);
    while (lastText >= 0 && tokens[lastText].kind !== 'text') lastText--;
    values = tokens.slice(lastText + 1);
  }
  // The cells are folded already; only tab and pipe cells can still hold spaces.
  const joined = cells.slice(0, lastText + 1).join('');
  const label = separator === 'space' ? joined : joined.replace(/\s+/g, '');
  return { separator, fenced: separator === 'pipe' && isFenced(raw), label, values };
}

/** The raw line folded and without whitespace, computed once and kept on the line. */
export function compactOf(line: Line): string {
  return (line.compact ??= compact(line.raw));
}

/** rowParts of a line, computed once and kept on the line: each table reader looks at the same lines. */
export function partsOf(line: Line): RowParts {
  return (line.parts ??= rowParts(line.raw));
}

/**
 * Fits a row's value cells to the expected count. Tab/pipe rows carry empty cells from merged cells at either end
 * ("\t\t21\t0…\t21\t"): drop empty cells at the end, then at the start, while there are too many.
 */
export function fitValues(values: CellToken[], expected: number, fenced = false): CellToken[] {
  const v = values.slice();
  // In a fenced Markdown row the value columns are the last ones; empty cells before them belong to merged labels.
  if (fenced) {
    while (v.length > expected && v[0].kind === 'blank' && v[0].printed === '') v.shift();
    return v;
  }
  while (v.length > expected && v[v.length - 1].kind === 'blank' && v[v.length - 1].printed === '') v.pop();
  while (v.length > expected && v[0].kind === 'blank' && v[0].printed === '') v.shift();
  return v;
}
