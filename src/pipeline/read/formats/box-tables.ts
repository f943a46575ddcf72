/**
 * Tables drawn with box characters in a text file: a terminal browser's dump of a page whose tables have borders
 * (`w3m -dump` of `<table border="1">`, as pages exported from Word have them: `┌──┬──┐`, `│a │b │`), or a grid table
 * (pandoc's grid tables, Python's tabulate: `+----+----+`, `| a  | b  |`). A cell's text is wrapped over the lines
 * of its row, a number too wide for its column stands one digit a line: read line by line, the tables are lost.
 * Each band of lines between two rule lines becomes one tab-separated line, a cell's pieces joined top to bottom
 * (the lines the web page reader makes of a table). Text on a rule line (the label of a cell that spans rows, printed
 * beside the rule under the rows next to it) goes to the band below, in its column, so that no character is lost.
 */

/** The characters that draw a table's lines; a vertical bar (or a junction) separates cells. */
const BOX = /[─━═│┃║┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻]/;
const VERTICAL = /[│┃║├┤┼╋┌┐└┘┬┴╠╣╬╔╗╚╝╦╩┏┓┗┛┣┫┳┻]/;
const HORIZONTAL = /[─━═]/;
/** A grid table's rule line: `+----+----+` (or `+====+`), maybe with alignment colons. */
const ASCII_RULE = /^\s*\+(?:[-=:]+\+)+\s*$/;
/** A grid table's text line: `| a | b |`. */
const ASCII_ROW = /^\s*\|.*\|\s*$/;
/** The fewest lines a drawn table has (a rule, a row, a rule). */
const MIN_LINES = 3;

export interface BoxTablesInText {
  text: string;
  /** How many drawn tables became tab-separated lines. */
  tables: number;
}

type Kind = 'box' | 'ascii';

/** The kind of table line `line` is, or null. */
function kindOf(line: string): Kind | null {
  if (BOX.test(line)) return 'box';
  if (ASCII_RULE.test(line) || ASCII_ROW.test(line)) return 'ascii';
  return null;
}

const isRule = (line: string, kind: Kind) => (kind === 'box' ? HORIZONTAL.test(line) : ASCII_RULE.test(line));

/** A line cut at its vertical bars: the text between each two, trimmed (the text before the first and after the last bar dropped when empty). */
function cellsOf(line: string, kind: Kind): string[] {
  const parts = kind === 'box' ? line.split(VERTICAL) : line.split('|');
  if (parts.length && !parts[0].trim()) parts.shift();
  if (parts.length && !parts[parts.length - 1].trim()) parts.pop();
  return parts.map((p) => (kind === 'box' ? p.replace(/[─━═]/g, '') : p).trim());
}

/** One drawn table's lines as tab-separated lines, a band between two rule lines each. */
function bands(lines: string[], kind: Kind): string[] {
  const out: string[] = [];
  let band: string[][] = [];
  /** Text found on a rule line, by column: it starts the band below. */
  let carried: string[] = [];
  const flush = () => {
    if (!band.length) {
      if (carried.some(Boolean)) out.push(carried.join('\t'));
      carried = [];
      return;
    }
    const width = Math.max(...band.map((r) => r.length), carried.length);
    const joined = Array.from({ length: width }, (_, c) => [carried[c] ?? '', ...band.map((r) => r[c] ?? '')].join(''));
    out.push(joined.join('\t'));
    band = [];
    carried = [];
  };
  for (const line of lines) {
    if (!isRule(line, kind)) {
      band.push(cellsOf(line, kind));
      continue;
    }
    flush();
    // A rule line may hold a spanning cell's text beside it ("│不予 ├────"): kept for the band below.
    const text = kind === 'box' ? cellsOf(line, kind) : [];
    if (text.some(Boolean)) carried = text;
  }
  flush();
  return out;
}

export function expandBoxTables(text: string): BoxTablesInText {
  if (!BOX.test(text) && !text.includes('+-')) return { text, tables: 0 };
  const lines = text.split('\n');
  const out: string[] = [];
  let tables = 0;
  for (let i = 0; i < lines.length; ) {
    const kind = kindOf(lines[i]);
    if (!kind) {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && kindOf(lines[j]) === kind) j++;
    const run = lines.slice(i, j);
    // A drawn table has rule lines between its rows: at least two, and a Markdown table (rules of | and - only) is none.
    const rules = run.filter((l) => isRule(l, kind)).length;
    if (run.length >= MIN_LINES && rules >= 2) {
      out.push(...bands(run, kind));
      tables++;
    } else out.push(...run);
    i = j;
  }
  return { text: out.join('\n'), tables };
}
