/**
 * Table B (requests received and handled), read so that every number's place is proved. One pass over the table's
 * lines builds one stream: row labels (matched to the template's rows by their text) and number units (a line's
 * values, in reading order, with the blank lines and labels that separate them). Then:
 *
 * 1. By label. A label and its numbers on one line (or one tab/pipe table row, or a space row wrapped onto the next
 *    line) prove the row: its numbers go to it, whatever else happens around it.
 * 2. By arithmetic. Numbers that stand with no label lie between two proved rows (or the table's start or end). They
 *    are placed only when they fill exactly the template rows between those two rows, in order, and the arithmetic
 *    holds: each row's total is the sum of its six applicant cells (B3), and, when a gap could be read more than one
 *    way (row by row, or column by column as one-cell-per-line extraction prints a block of rows), B1 and B2 hold
 *    for the whole table. Readings that give the same cells are one reading.
 * 3. Otherwise the gap's cells stay null with a diagnostic naming the rows and the candidate readings.
 *
 * Pairing labels and number rows by their counts across the whole table is not done: a label standing with its own
 * numbers bounds every gap, so a missing row can never shift the rows after it.
 */
import {
  APPLICANT_KEYS,
  APPLICANT_PARTS,
  REQUEST_GROUP_KEYS,
  REQUEST_GROUPS,
  REQUEST_ROWS,
  TABLE_LABELS,
  type ApplicantColumn,
  type Cell,
  type RequestGroup,
  type RequestKey,
  type RequestRow,
  type RequestRowKey,
  type Requests,
  type TablePlacement,
} from '../../schema';
import { shownTokens, toCells } from './cells';
import { boundsBrokenColumns, columnsAddUp, columnsProved, rowExchanges, ruleSums, shuffledColumns, swapCandidates } from './column-sums';
import { columnGrids, laidOut, meets, meetsColumn, meetsOtherColumn, pageOf, placeByColumns, placedOverOtherColumn, sharesColumn, type ColumnGrid } from './columns';
import type { DiagnosticLog } from './diagnostics';
import { NULL_REQUEST_ROW } from './null-rows';
import { alignment, compactOf, displayOffsets, doubleSpaced, EMPTY_CELL, fitsOf, fitValues, isBlankLine, isEmptyCell, isMarkdownRule, MAX_GLUED_CHARACTERS, PAGE_WIDTH, pageless, paragraphCells, partsOf, withParagraphCells, type Line, type RowParts, type Separator } from './lines';
import { placementOf } from './placement';
import { addsUp, readStackedRows, type StackLine } from './stacked-digits';
import { GROUP_PATTERNS, ROW_PATTERNS } from './row-labels';
import { OUTCOME_ROWS } from '../outcome-rows';
import { compact, fold, isPageNoise, isWhitespace, isZeroCell, memoByString, readCell, type CellToken } from '../text';
import { MARK_SYMBOLS, splitCells, splitDigits, SPLIT_CAP, TABLE_B_ROW } from './digit-split';

const WIDTH = APPLICANT_KEYS.length;
/** How far a line laid out by position is indented at least when it holds only a table's numbers (interleaved). */
const MIN_INDENT = 8;
/** How many lines before table B's first row are looked at for its header (repeated at a page's head). */
const MAX_HEADER_LINES = 8;
const ROW_KEYS = REQUEST_ROWS.map((r) => r.key) as RequestRowKey[];
const GROUP_OF = new Map<RequestKey, RequestGroup>(REQUEST_ROWS.flatMap((r) => ('group' in r ? [[r.key, r.group] as [RequestKey, RequestGroup]] : [])));
/** Every row key, a group's own key just before its first sub-row: the order rows are printed in. */
const ORDER: RequestKey[] = REQUEST_ROWS.flatMap((r) => {
  const group = 'group' in r ? r.group : undefined;
  return group && REQUEST_ROWS.find((x) => 'group' in x && x.group === group)!.key === r.key ? [group, r.key] : [r.key];
});
const RANK = new Map(ORDER.map((k, i) => [k, i]));
/** Each row's template label, folded and without whitespace, as printed labels are matched. */
const TEMPLATE_LABEL = new Map<RequestKey, string>(REQUEST_ROWS.map((r) => [r.key, compact(r.zh)]));
/** Each group's sub-rows, in template order. */
const SUB_ROWS = new Map<RequestKey, RequestKey[]>(REQUEST_GROUP_KEYS.map((g) => [g, REQUEST_ROWS.filter((r) => 'group' in r && r.group === g).map((r) => r.key)]));
/** At most this many readings of one gap are compared (cluster shapes multiply them). */
const MAX_READINGS = 16;
/** The characters of a label's end that must be its template label's for the label to count as printed whole (labelWhole). */
const WHOLE_LABEL_END = 2;
/** At most this many orders of a group of column blocks are tried one by one; beyond, only what they all agree on. */
const MAX_BLOCK_ORDERS = 720;
const COLUMN_ORDER_UNPROVED =
  '的数字逐列成块印出，各数字块属于哪一类申请人无法证明（六类申请人的任何顺序都满足行总计，原文表头也不能证明），各种顺序中整表勾稽关系成立的读法在这些单元格上不一致';

/** Words of table B's header that only its whole (a page's repeated head) carries: its caption, its note on the sums. */
const WHOLE_HEADER = /申请人情况|勾稽关系/;
/** A line that starts with a row numeral of 三、本年度办理结果, （一） to （七）: the spaces before it, the numeral. */
const LEADING_OUTCOME_NUMERAL = /^(\s*)[（(]([一二三四五六七])[）)]/;
const ALL_COLUMNS = Array.from({ length: WIDTH }, (_, c) => c);
const BOXES_UNPROVED =
  '的数字分在几行印出（文本抽取工具的几个文本块），各块的先后由工具排定，行内各数字的列序无法证明';
const HEADED_UNPROVED =
  '的数字各自成块，与表头的列名交错印出（文本抽取工具的文本块），列名与其下的数字不一一对应，各块的先后由工具排定，行内各数字的列序无法证明';
const lineOrderUnproved = (tokens: CellToken[]) =>
  `的数字分在几行印出（${shownTokens(tokens)}），下一行的数字起于上一行末个数字之前，按行序读不能证明各数字所在的列`;
/**
 * A short row, or a row read from several lines, beside numbers that no template row can take: its printed values and
 * those numbers, as shown.
 */
interface StrayBeside {
  line: number;
  own: string;
  stray: string;
  /** The row's seven values were read from several lines (a wrapped row), not fewer than seven from one. */
  wrapped: boolean;
}
const lastTwoUnproved = (tokens: CellToken[]) =>
  `按文字顺序读作 ${shownTokens(tokens)}，总计与各项之和不符（空格按 0 计），若最后两格的顺序在提取文字时颠倒则相符，两种读法无法区分`;

/** A row label found in the stream; `own` are the numbers printed with it (same line or wrapped row). */
interface Hit {
  key: RequestKey;
  line: number;
  at: number;
  own: CellToken[] | null;
  separator: Separator;
  /** A tab/pipe row with more cells than columns whose empty end cells can be dropped more than one way. */
  rivals: CellToken[][];
  /** A space row completed by the values of the lines after it. */
  wrapped: boolean;
  /** Space rows: the lines of `own` in the stream's `spanLines` (where each value stands, columns.ts); else empty. */
  spanLines: number[];
  /**
   * Digits of its numbers wrapped onto the next line with the rest of its label (a narrow value column: "２６９" over
   * "０"): the pieces, and where they stand; null when none.
   */
  cut: { pieces: CellToken[]; spans: number[] | null; line: number; ambiguous: boolean } | null;
  /** Its line holds digits it could not read as numbers ("２,５１": a number cut in its cell). */
  garbled: boolean;
  /** Its label's own line ends in such digits: a number's head cut in its cell, its rest on another line. */
  headOnLabel: boolean;
  /** A tab/pipe row with a cell among its values that reads as no number: `own` are only its last cells. */
  mixed: boolean;
  /** The line before the label's is empty. */
  afterBlank: boolean;
}
/** The values of one line that stands without a label. */
interface Unit {
  tokens: CellToken[];
  line: number;
  at: number;
  /** Units of one cluster follow each other with no blank line or label between them. */
  cluster: number;
  /** How many row labels stand before the unit: units with the same run stand between the same two labels. */
  run: number;
  /** A space line's index in the stream's `spanLines`, or -1. */
  spanLine: number;
  /** The text (no row label) printed since the unit before: a column's header above a column printed as a block. */
  heading: string;
  /** Text on the unit's own line before its values, naming no row (folded, without spaces). */
  label: string;
  /** The line after it holds the rest of the label of the row before it: the row's label wraps round these numbers. */
  enclosed?: boolean;
  /** A fenced Markdown row ("| 1 | 0 | … |"). */
  fenced: boolean;
  /** Display text: the line also holds the rest of the label of the row just before it (see stacked-digits.ts). */
  rest: boolean;
}

export const matchRow = memoByString((label: string): RequestRowKey | null => {
  if (!label || label.length > 70 || label.includes('。')) return null;
  for (const key of ROW_KEYS) if (ROW_PATTERNS[key].test(label)) return key;
  return null;
});

/**
 * A numbered label that names no known row ("8.属于行政询事项", characters dropped by PDF extraction; "1.本机", a label
 * cut short) is the next sub-row when the row before it is the previous sub-row of the same group, or its group's
 * header; a "1." after a group's last sub-row is the next group's first. Its words after the ordinal must be that
 * row's own, from its first character on, in order, some maybe dropped: "1.本机" after （三）不予公开 printed as one
 * line is not 1.属于国家秘密, nor "1.申请" after （五）不予处理 1.信访举报投诉类申请.
 */
function nextSubRow(label: string, previous: RequestKey | undefined): RequestRowKey | null {
  // A line of values only (most of a table's lines) names no row.
  if (!label) return null;
  const named = groupedSubRow(label);
  if (named) return named;
  const row = nextByOrdinal(label, previous);
  const words = label.replace(LEADING_ORDINAL, '');
  const own = row ? TEMPLATE_LABEL.get(row)!.replace(ORDINAL, '') : '';
  return row && words[0] === own[0] && within(words, own) ? row : null;
}

/** Whether the characters of `part` stand in `whole` in the same order (others between them allowed). */
function within(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The sub-row an ordinal names after the row before it (see nextSubRow), by position alone. */
function nextByOrdinal(label: string, previous: RequestKey | undefined): RequestRowKey | null {
  const m = LEADING_ORDINAL.exec(label);
  // A bare ordinal ("1.") names no row: its text is on another line, perhaps under a group label that was lost.
  if (!m || !previous || label.length > 40 || label.length < m[0].length + 2) return null;
  const n = Number(m[1]);
  const group = (REQUEST_GROUP_KEYS as string[]).includes(previous) ? (previous as RequestGroup) : GROUP_OF.get(previous);
  if (!group) return null;
  const subRows = SUB_ROWS.get(group)! as RequestRowKey[];
  const at = subRows.indexOf(previous as RequestRowKey);
  if (at === n - 2 || (at < 0 && n === 1)) return subRows[n - 1] ?? null;
  // "1." right after a group's last sub-row starts the next group (its own label printed elsewhere, beside its rows).
  const next = REQUEST_GROUP_KEYS[REQUEST_GROUP_KEYS.indexOf(group) + 1];
  return n === 1 && at === subRows.length - 1 && next ? (SUB_ROWS.get(next)![0] as RequestRowKey) : null;
}

/** The labels printed down the columns left of a sub-row's label: the section's (三、本年度办理结果) and the groups'. */
const LEFT_LABELS = [TABLE_LABELS.requestsOutcomes.zh, ...REQUEST_GROUPS.map((g) => g.zh)].map(compact);
/** Columns of a laid-out line stand two or more spaces apart. */
const COLUMN_GAP = /[ \t\u3000]{2,}/;

/** Each group by the numeral of its own label: 三 → withheld. */
const GROUP_BY_NUMERAL = new Map<string, RequestGroup>(REQUEST_GROUPS.map((g) => [compact(g.zh).match(/^\((.)\)/)![1], g.key]));
const ORDINAL = /^\d[.、,]/;
/** A sub-row's ordinal and the first characters of its label, anywhere in text (folded): a row's label. */
const UNNAMED_ROW = /(?:^|[^0-9.,])[0-9][.、,](?=[^0-9])/;
/** A group's numeral starting a label (folded): "(六)其他处" names the group's line though its words are cut. */
const UNNAMED_GROUP = /^\([一二三四五六七]\)/;
/**
 * A number printed with a leading zero ("027", "03,206"): no count is printed so; a 0 glued to the number after it (0
 * and 27; 0 and 3,206: pdfCase('shape-pdf', 613) read by pypdf).
 */
const LEADING_ZERO = /^[0０][0-9０-９][0-9０-９,，]*$/;
/** A sub-row's ordinal, maybe after a character or two of a vertical group label printed on its line ("结6.属于…"). */
const LEADING_ORDINAL = /^[\u4e00-\u9fff]{0,2}(\d)[.、,]/;

/**
 * Where a line's values stand, as the table's text counts columns (see lines.ts alignment), on its page (see PAGE_WIDTH).
 */
function positionsOf(spans: number[], line: Line, display: boolean): number[] {
  const placed = display ? displayOffsets(line.raw, spans) : spans;
  return line.page ? placed.map((x) => x + line.page * PAGE_WIDTH) : placed;
}
/** The fewest lines with text table B needs to be read as one paragraph a line (doubleSpaced). */
const MIN_DOUBLED = 40;
/** How many lines above the table's start may hold its first row's stacked digits (stackLines). */
const STACK_LOOKBACK = 3;
/** Digits of a number stacked on a line of their own, maybe with its thousands separator ("１,", "１,０", "２"). */
const CUT_PIECE = /^[0-9０-９][0-9０-９,，]*$/;
/** A row's label that ends in a digit: a number printed on the label's line that was not read as one ("２,５１"). */
const GARBLED_DIGITS = /[0-9０-９]$/;
/** A number's head cut in its cell: thousands groups, the last short of three digits ("1,45" of 1,450; folded). */
const CUT_HEAD = /^[0-9]{1,3}(?:,[0-9]{3})*,([0-9]{1,2})$/;

/**
 * A sub-row's label cut short in a narrow column, after its group's label or that label's first piece ("（四）1.本机",
 * "（六）其他处理 1.申请人无正" on the line
 * of the row's numbers, "无法提 / 关不掌 / 握相关 …" on the lines after it, as pdftotext -layout prints a table whose label
 * columns are a few characters wide): the group's numeral and the ordinal name the sub-row, when the words printed after
 * the ordinal (two or more characters) begin that sub-row's own label.
 */
function groupedSubRow(label: string): RequestRowKey | null {
  const m = /^\(([三四五六])\)(?:不予公开|无法提供|不予处理|其他处理)?(\d)[.、,](.{2,})$/.exec(label);
  const group = m ? GROUP_BY_NUMERAL.get(m[1]) : undefined;
  if (!m || !group) return null;
  const row = (SUB_ROWS.get(group)! as RequestRowKey[])[Number(m[2]) - 1];
  return row && TEMPLATE_LABEL.get(row)!.replace(ORDINAL, '').startsWith(m[3]) ? row : null;
}

/**
 * The row label before the next one, for nextSubRow: the last label, or, when that is a group's own label printed
 * after some of its sub-rows (a vertical group label beside the middle of its rows), the sub-row before it.
 */
function previousRow(hits: Hit[]): RequestKey | undefined {
  const last = hits.at(-1)?.key;
  const before = hits.at(-2)?.key;
  return last && before && GROUP_OF.get(before) === last ? before : last;
}

export const matchGroup = memoByString((label: string): RequestGroup | null => {
  if (!label || label.length > 70 || label.includes('。')) return null;
  for (const g of REQUEST_GROUP_KEYS) if (GROUP_PATTERNS[g].test(label)) return g;
  return null;
});

const RECEIVED_CHARS = /本[\s|]*年[\s|]*新[\s|]*收/;
/** How many text lines before 一、本年新收's label are searched for other row labels of a label block. */
const LABEL_BLOCK_LOOKBACK = 6;
/** The table's column header: numbers printed before the first row label (one cell per line) start after it. */
const HEADER = /申请人情况|勾稽关系/;

/**
 * Where table B starts: its first row label after the section heading (or anywhere when the heading is missing), or
 * the table's header line before it when numbers stand between the two (extraction that prints labels apart).
 */
export function findTableBStart(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    // Cheap test first (the label's characters may be spread over cells): most lines are prose.
    if (!RECEIVED_CHARS.test(lines[i].raw) || matchRow(partsOf(lines[i]).label) !== 'received') continue;
    // The first row's numbers may stand on the lines before its label.
    let start = valuesBefore(lines, i, from);
    // A row label printed in a block just before it, in another order (二、上年结转 above 一、本年新收), and the numbers
    // just before that label: the table starts with them, so that their order is seen.
    for (let j = start - 1, seen = 0; j >= from && seen < LABEL_BLOCK_LOOKBACK; j--) {
      if (isBlankLine(lines[j]) || isPageNoise(lines[j].raw)) continue;
      seen++;
      const parts = partsOf(lines[j]);
      if (parts.values.length) break;
      if (!matchRow(parts.label)) continue;
      start = valuesBefore(lines, j, from);
      break;
    }
    for (let j = start - 1; j >= from && j >= start - 400; j--) {
      if (!HEADER.test(lines[j].raw)) continue;
      if (hasNumbers(lines, j + 1, start)) start = j;
      break;
    }
    return start;
  }
  return -1;
}

/** The first of the value-only lines just before line i (blank lines and page footers between them allowed), or i. */
function valuesBefore(lines: Line[], i: number, from: number): number {
  let start = i;
  for (let j = i - 1; j >= from; j--) {
    if (isBlankLine(lines[j]) || isPageNoise(lines[j].raw)) continue;
    const parts = partsOf(lines[j]);
    if (parts.label || !parts.values.length) break;
    start = j;
  }
  return start;
}

/** Whether the next line in lines[from, to) with text (past blank lines and page footers) holds values only. */
function valuesNext(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isBlankLine(lines[i]) || isPageNoise(lines[i].raw)) continue;
    const parts = partsOf(lines[i]);
    return !parts.label && parts.values.length > 0;
  }
  return false;
}

/** Whether a value-only line stands in lines[from, to). */
function hasNumbers(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (isBlankLine(lines[i]) || isPageNoise(lines[i].raw)) continue;
    const parts = partsOf(lines[i]);
    if (!parts.label && parts.values.some((v) => v.kind === 'number')) return true;
  }
  return false;
}

export interface TableBResult {
  requests: Requests;
  /** Index of the line after the table, where table C may start looking. */
  end: number;
  found: boolean;
  placement: TablePlacement;
  /** The table's columns are kept by display width (a terminal's dump): table C's positions count so too. */
  display: boolean;
}

/** The stream of one table: labels and number units in reading order. */
interface Stream {
  hits: Hit[];
  units: Unit[];
  end: number;
  /** The value offsets of the table's space lines that hold values, in print order (columns.ts). */
  spanLines: number[][];
  /** The index (into the table's lines) of the line of each of `spanLines`. */
  spanAt: number[];
  /** The table's columns are kept by display width (a terminal's dump): see lines.ts alignment. */
  display: boolean;
  /** The rows prove neither count of columns: positions place no number (lines.ts alignment). */
  positionsUnproved: boolean;
  /** Numbers joined from a head cut in its cell and the digits it lacked (cutNumber): a row holding one must add up. */
  pieced: Set<CellToken>;
}

/**
 * Adds the places of line i's values (`spans`) to a stream's spanLines (and the line to its spanAt): their index there.
 * (A module function: under tsx a closure made per call is named at run time.)
 */
function addSpans(to: { spanLines: number[][]; spanAt: number[]; lines: Line[]; display: boolean }, spans: number[], i: number): number {
  to.spanAt.push(i);
  return to.spanLines.push(positionsOf(spans, to.lines[i], to.display)) - 1;
}

function readStream(lines: Line[], start: number, stop: number, runLines: ReadonlySet<number> = NO_RUN_LINES): Stream {
  const { display, unproved: positionsUnproved } = alignment(lines, start, stop);
  const hits: Hit[] = [];
  const units: Unit[] = [];
  const spanLines: number[][] = [];
  const spanAt: number[] = [];
  /** Where addSpans puts the places of the lines' values. */
  const places = { spanLines, spanAt, lines, display };
  const pieced = new Set<CellToken>();
  let cluster = 0;
  let end = stop;
  let afterLast = false;
  /** A space row with a label and fewer than seven numbers: its next value lines complete it. */
  let wrapping: Hit | null = null;
  /** Text without a row label since the last unit or label (see Unit.heading). */
  let heading = '';
  /** The lines of text before the first row (the table's header), to know them repeated at a page's head. */
  const headerTexts = new Set<string>();
  for (let k = start - 1; k >= Math.max(0, start - MAX_HEADER_LINES) && !partsOf(lines[k]).values.length; k--) if (!isBlankLine(lines[k])) headerTexts.add(compactOf(lines[k]));
  /** Cells of the space rows without a label since the last label, past a multiple of seven: a wrapped row is open. */
  let open = 0;
  /** The cells of the Markdown table being read when its header names the value columns (see namedColumns). */
  let columns = 0;
  for (let j = start - 1; j >= Math.max(1, start - 3) && !columns; j--) if (isMarkdownRule(lines[j].raw)) columns = namedColumns(lines[j - 1]);

  /** The labels of the text-only lines since the last row label or value line (see joinedLabel). */
  let fragments: string[] = [];
  /**
   * The last line read was a row's label without numbers, in a table whose first label came before any number: that
   * row's cells follow it, one per line or a line of them.
   */
  let bareRow = false;
  /**
   * The waiting row's label as printed so far, from its line through the short pieces after it, while each piece goes
   * on with the row's own template label (Word's narrow label cells read by pypdf: "3.危及" / "“三安" / "全一稳" /
   * "定”7000007"): a piece too short for labelRest then keeps the row waiting, and its numbers are the row's.
   */
  let spelled = '';
  let numbersFirst = false;
  // One cell a paragraph (lynx's dump of some tables): an empty line after every line, an empty cell one more.
  const doubled = doubleSpaced(lines, start, stop, MIN_DOUBLED);
  /** Whether the last line with text was a row's label or numbers (an empty cell can only follow such a line). */
  let inRow = false;
  for (let i = start; i < stop; i++) {
    const line = lines[i];
    const { raw, no } = line;
    if (doubled && isBlankLine(line)) {
      let j = i;
      while (j < stop && isBlankLine(lines[j])) j++;
      const empty = j - i - 1;
      const next = j < stop ? partsOf(lines[j]) : null;
      if (empty > 0 && inRow && next && (next.values.length > 0 || !!matchRow(next.label))) {
        units.push({ tokens: new Array<CellToken>(empty).fill(EMPTY_CELL), line: no, at: i, cluster, run: hits.length, spanLine: -1, heading, label: '', fenced: false, rest: false });
        heading = '';
      }
      i = j - 1;
      continue;
    }
    if (isBlankLine(line) || isPageNoise(raw) || isMarkdownRule(raw)) {
      if (raw.trim() && isMarkdownRule(raw)) columns = i > 0 ? namedColumns(lines[i - 1]) : 0;
      // Numbers after a page footer are not proved to continue the row before it, nor after an empty line: poppler's
      // default mode prints a column's cells as a block after one ("1.申请人…行政机 0", "", "0", "0", …: another
      // column's zeros, which add up as any row of zeros does).
      if (wrapping?.key !== 'carriedForward') wrapping = null;
      cluster++;
      continue;
    }
    let parts = partsOf(lines[i]);
    // A bare ordinal on its own line ("1." then "本机关不掌握…", as pdf.js prints a label's items) is read with the
    // label on the next line: the ordinal alone names no row.
    const joined = !parts.values.length && parts.label.length === 2 && BARE_ORDINAL.test(parts.label) ? joinOrdinal(lines, i, stop, parts.label) : null;
    if (joined) {
      parts = joined.parts;
      i = joined.at;
    }
    const rowKey = matchRow(parts.label) ?? nextSubRow(parts.label, previousRow(hits));
    let key: RequestKey | null = rowKey ?? matchGroup(parts.label);
    // A label cut into pieces, one per line ("(" / "六" / ")" / "其他处理", as pdf.js prints a label's text items):
    // the pieces since the last row or number, joined, may name the row that the last piece alone does not.
    const joinedKey = !key && parts.label ? joinedLabel(fragments, parts.label, hits.at(-1)?.key) : null;
    if (joinedKey) key = joinedKey;
    // A piece that spells on the waiting row's label is the rest of that label, not the row named again (the fuzzy
    // matches name it from a few of its characters: "全一稳" joined to "“三安"); with numbers, they are the row's.
    const waiting: RequestKey | null = bareRow ? hits.at(-1)!.key : null;
    const spelledOn: boolean = !!waiting && (!key || key === waiting) && spellsOn(waiting, spelled, parts.label);
    // A run of digits left unsplit there (splitDigitRuns) is the row's too: its hit stands on the run's line.
    if (spelledOn) key = parts.values.length || runLines.has(no) ? waiting : null;
    /** The pieces before this line (joined for `spelled` only when this line names a row). */
    const piecesBefore = fragments;
    fragments = key || spelledOn || parts.values.length || !parts.label ? [] : [...fragments.slice(1 - MAX_FRAGMENTS), parts.label];
    // A fenced row with as many cells as its table's header, whose last seven cells are headed 自然人 … 总计: its values
    // are those columns, empty cells before them belong to merged label cells. Any other row is fitted by fitRow.
    const aligned = parts.fenced && columns > 0 && cellCount(raw) === columns;
    const fitted =
      parts.separator === 'space' ? { tokens: parts.values, rivals: [] } : aligned ? { tokens: fitValues(parts.values, WIDTH, true), rivals: [] } : fitRow(parts.values, parts.fenced);
    const values = fitted.tokens;
    // In a terminal's dump a group's label printed down its tall cell, a piece a line, may end on a line of a row's
    // stacked digits ("（三）" / "不予公" / "开 １ ２" over "5.属于三类内部事务信息 ５ ０ １ ７ ０ ０ ３" for 15 … 23:
    // webCase('lay22-web', 903, { tableLayouts: true }), read as 5 … 3): the digits are pieces of a row's numbers, not
    // the group's own.
    if (display && joinedKey && REQUEST_GROUP_KEYS.includes(joinedKey as RequestGroup) && values.length > 0 && values.length < WIDTH) key = null;
    // The rest of a row's label wrapped onto a line of its own with the row's numbers ("5.要求行政机关确认或重新" /
    // "出具已获取信息 6 3 1 — 1 0 11"): text that is part of the waiting row's own template label names that row.
    if (!key && bareRow && values.length && labelRest(hits.at(-1)!.key, parts.label)) key = hits.at(-1)!.key;
    // In a terminal's dump a row whose label wraps centres its cells on the label's lines: the first line may hold
    // only the top digits of its tall numbers ("1.申请人无正当理由逾期不补正、 ２ ２" over "行政机关不再处理… ５ ０ … ５").
    // Its row's cells are on the line with the rest of its label; the first line's numbers are pieces above them
    // (when that line holds fewer numbers than the columns, which are the pieces is not known: the row is not read).
    const prior = hits.at(-1);
    // The row named again on the line right after the row was read whole, with fewer numbers: the rest of its label,
    // maybe after a piece of its group's label, beside its numbers' wrapped digits (Word's narrow cells: "1.本机关 １１７
    // ７９ … 1529" over "无法提 不掌握 ０", the ０ the last digit of 1,170). Read below as the rest of the last row.
    const labelAgain = !!rowKey && rowKey === prior?.key && prior.at === i - 1 && prior.own?.length === WIDTH && values.length > 0 && values.length < WIDTH;
    if (labelAgain) key = null;
    // A group's label on the line of numbers that follow one of its sub-rows' label, that sub-row still waiting for its
    // cells (a row-group cell centred beside its rows, the sub-row's label wrapped round its numbers: "2.没有现成信" /
    // "（四）无法提供 3 0 — 0 — — 3" / "息需要另行制作"): the group's own line is not printed, its label names no numbers.
    if (!rowKey && key && values.length && prior && !prior.own && GROUP_OF.get(prior.key) === key && (units.at(-1)?.at ?? -1) < prior.at) key = null;
    if (display && !key && prior?.own && prior.at === i - 1 && prior.own.length < WIDTH && values.length > 0 && restAfterGroupPiece(prior.key, parts.label)) {
      units.push({ tokens: prior.own, line: prior.line, at: prior.at, cluster, run: hits.length - 1, spanLine: prior.spanLines[0] ?? -1, heading: '', label: '', fenced: false, rest: false });
      prior.own = [...values];
      prior.at = i;
      prior.spanLines = parts.spans ? [addSpans(places, parts.spans, i)] : [];
      end = i + 1;
      continue;
    }
    // In a terminal's dump the last row's digits may stack on the lines below it (lines of pieces, stacked-digits.ts),
    // beside the rest of its label ("四、结转下年度 35 … ３" over "继续办理 ５").
    const lastKey = hits.at(-1)?.key;
    const stackedBelow = display && afterLast && (!parts.label || (parts.label.length >= 2 && !!lastKey && endsTemplateLabel(lastKey, parts.label))) && values.length < WIDTH && values.every((v) => v.kind === 'number') && end === i;
    if (afterLast && !stackedBelow && (key || (parts.label && !values.length) || (!wrapping && values.length))) {
      end = i;
      break;
    }
    const afterBareRow: boolean = bareRow;
    // The rest of a long label wrapped onto the next line keeps its row waiting for its cells; a vertical group
    // label's pieces are a few characters each.
    const labelGoesOn: boolean = afterBareRow && !key && !values.length && (parts.label.length >= MIN_LABEL_REST || spelledOn);
    spelled = spelledOn && !key ? spelled + parts.label : key && !values.length ? labelStart(key, piecesBefore.join('') + parts.label) : '';
    // A row label whose line also holds digits it could not read as numbers ("２,５１", a number cut in its cell) does
    // not wait for its cells: the numbers after it could be those pieces' rest.
    const garbled: boolean = !!key && GARBLED_DIGITS.test(parts.label) && GARBLED_DIGITS.test(parts.label.replace(ORDINAL, ''));
    bareRow = labelGoesOn || (!!key && !values.length && !numbersFirst && !REQUEST_GROUP_KEYS.includes(key as RequestGroup) && !garbled && !parts.mixed);
    if (key) {
      heading = '';
      // The rest of the row's label naming the row again right after its numbers: the label wraps round them.
      const before = units.at(-1);
      if (before && before.run === hits.length && before.at === i - 1 && hits.at(-1)?.key === key && !values.length) before.enclosed = true;
      const glued = rowKey && parts.separator === 'space' && values.length === WIDTH - 1 ? gluedBlank(raw, parts, rowKey) : null;
      const own = glued ? [glued.token, ...values] : values.length ? [...values] : null;
      const rowSpans = glued ? [...glued.span, ...parts.spans!] : parts.spans;
      const spans = rowSpans && own ? [addSpans(places, rowSpans, i)] : [];
      const hit: Hit = { key, line: no, at: i, own, separator: parts.separator, rivals: fitted.rivals, wrapped: false, spanLines: spans, cut: null, garbled, headOnLabel: garbled, mixed: parts.mixed, afterBlank: i > start && isBlankLine(lines[i - 1]) };
      hits.push(hit);
      inRow = true;
      open = 0;
      // A terminal's dump keeps each row on its line: a short row's blank cells are printed as nothing, not wrapped.
      wrapping = !display && own && parts.separator === 'space' && own.length < WIDTH ? hit : null;
      cluster++;
      if (key === 'carriedForward' && own && (own.length >= WIDTH || parts.separator !== 'space')) afterLast = true;
      end = i + 1;
      continue;
    }
    // A number cut in its cell among a row's cells printed one a line ("１,４５" … "０"): one cell, joined when the
    // digits it lacks follow it, else a cell that reads as no number (not dropped, so that the count of the row's cells
    // holds and no later number takes its place).
    const lastHit = hits.at(-1);
    const cut = !display && !values.length && lastHit && (!lastHit.own || (units.at(-1)?.at ?? -1) > lastHit.at) ? cutNumber(lines, i, stop, lastHit.key, headerTexts) : null;
    if (cut) {
      units.push({ tokens: [cut.token], line: no, at: i, cluster, run: hits.length, spanLine: -1, heading, label: '', fenced: false, rest: false });
      if (cut.token.kind === 'number') pieced.add(cut.token);
      else lastHit!.garbled = true;
      heading = '';
      inRow = true;
      open = (open + 1) % WIDTH;
      i = cut.to;
      end = i + 1;
      continue;
    }
    if (!values.length) {
      // Text that names no row: a wrapped part of a label, a header, a vertical group label. Numbers after it are
      // not proved to continue a wrapped row.
      // Digits that do not read as a number ("１,４９" over "８": 1,498 wrapped in its cell, one line a piece) among a
      // row's cells: that row's cells are not read.
      if (hits.length && CUT_PIECE.test(compactOf(line))) hits[hits.length - 1].garbled = true;
      const before = units.at(-1);
      if (before && before.run === hits.length && before.at === i - 1 && hits.length && within(compactOf(line), TEMPLATE_LABEL.get(hits[hits.length - 1].key) ?? '')) before.enclosed = true;
      inRow = false;
      open = 0;
      if (wrapping?.key !== 'carriedForward') wrapping = null;
      if (!hits.length) headerTexts.add(compactOf(line));
      heading += compactOf(line);
      cluster++;
      continue;
    }
    // Right after a row read whole, numbers fewer than the columns: the row's numbers wrapped in narrow cells
    // (LibreOffice and Word wrap "２６９０" as "２６９" over "０", or over a page break beside a group label's piece).
    // With the rest of the row's label they are the row's (which numbers they end is proved by wrappedDigits, or the
    // row is not read); otherwise when they make the row add up one way: then the row is theirs, and not read at all if
    // it added up as printed too (two readings).
    // Numbers after a row whose line held unreadable digits (on the next line, or further on alone or with the rest of
    // the row's label) are the rest of those (a number cut in its cell): no row's, and the row's own are not read.
    // Text lines that name no row (a group label's pieces) may stand between the row and the numbers; the row's own
    // numbers stand on its line (not gathered from the lines after it: those are proved by nothing but their count).
    const last = hits.at(-1);
    const nothingSince = !!last && (units.at(-1)?.at ?? -1) < last.at;
    const endsLabel = !!last && !!parts.label && (labelAgain || endsTemplateLabel(last.key, parts.label) || (display && endsTemplateLabel(last.key, pastLeftLabels(line))));
    // The rest of the last row's label, on the line right after it (or after the table's header repeated at the head of
    // a page: Word and LibreOffice break a row across pages), with numbers.
    // (An empty line between them: the PDF reader's line of a row's wrapped last digits, Word's tall first row.)
    const restOfLast = nothingSince && (blankBetween(lines, last.at + 1, i) || repeatedHeaderBetween(lines, last.at + 1, i, headerTexts)) && parts.label.length >= 2 && endsLabel;
    if (nothingSince && last.garbled && values.filter((v) => !isEmptyCell(v)).length < WIDTH && (!parts.label || last.at === i - 1 || endsLabel)) {
      end = i + 1;
      continue;
    }
    // In a terminal's dump digits stack above a row's line as well as below it: stacked-digits.ts reads them all.
    // A tab or pipe row's pieces are its cells that are not empty (taken with the rest of the label only).
    const pieces = parts.separator === 'space' ? values : restOfLast ? values.filter((v) => !isEmptyCell(v)) : [];
    if (!display && nothingSince && last.own?.length === WIDTH && !last.cut && !last.wrapped && pieces.length > 0 && pieces.length < WIDTH && pieces.every((v) => v.kind === 'number')) {
      const ownSpans = last.spanLines.length === 1 ? spanLines[last.spanLines[0]] : null;
      const pieceSpans = parts.spans && positionsOf(parts.spans, line, display);
      // A row that adds up as printed and also with the pieces joined ("１１７ … １１７" over "２ ２"): two readings.
      const joins = !restOfLast && !!wrappedDigits(last.own, ownSpans, pieces, pieceSpans);
      if (restOfLast || joins) {
        last.cut = { pieces, spans: pieceSpans, line: no, ambiguous: joins && addsUp(last.own) };
        end = i + 1;
        continue;
      }
    }
    // Numbers after text that names no row (the end of a wrapped label, a label misread) stand without a label; text
    // followed by empty cells only is a header fragment ("| 企业 | 机构 | 其他 |  |  |"), not a row.
    const rest = display && restOfLast;
    if (parts.label && !rest) {
      cluster++;
      if (values.every(isEmptyCell)) continue;
    }
    // A lone 无 in PDF text is a blank cell or a character of a vertical label ("（四）" / "无" / "法" / "提供"): it is
    // a cell only when a wrapped row is waiting for it. Other blank marks (/ — -) are never label characters.
    // Right after a row's label, with values on the next line, it is that row's first cell (a row printed one cell per
    // line whose first cell is blank).
    const fragment =
      parts.separator === 'space' && values.length < 3 && values.every((v) => v.kind === 'blank' && v.printed === '无') && !(afterBareRow && valuesNext(lines, i + 1, stop));
    if (wrapping && wrapping.own!.length + values.length <= WIDTH) {
      wrapping.own!.push(...values); // a row's numbers wrapped onto the next line
      if (parts.spans) wrapping.spanLines.push(addSpans(places, parts.spans, i));
      wrapping.wrapped = true;
      if (wrapping.own!.length >= WIDTH) {
        if (wrapping.key === 'carriedForward') afterLast = true;
        wrapping = null;
      }
      end = i + 1;
      continue;
    }
    if (wrapping && wrapping.key === 'carriedForward') {
      end = i;
      break;
    }
    wrapping = null;
    if (fragment && open === 0) {
      cluster++;
      continue;
    }
    if (!hits.length) numbersFirst = true;
    units.push({ tokens: fitted.rivals.length ? parts.values : values, line: no, at: i, cluster, run: hits.length, spanLine: parts.spans ? addSpans(places, parts.spans, i) : -1, heading, label: parts.label, fenced: parts.fenced, rest });
    inRow = hits.length > 0;
    heading = '';
    open = parts.separator === 'space' ? (open + values.length) % WIDTH : 0;
    end = i + 1;
  }
  return { hits, units, end, spanLines, spanAt, display, positionsUnproved, pieced };
}

/**
 * A blank mark run into the end of a row's label ("8.属于行政查询事项无  -  0  0  无  -  0": -layout text when the
 * label fills its cell) on a line with one number fewer than the columns: the row's first cell, as a number run into
 * its label is (lines.ts wordTail), when the label without it names the same row. Its span is the mark's place.
 */
function gluedBlank(raw: string, parts: RowParts, key: RequestRowKey): { token: CellToken; span: number[] } | null {
  const mark = parts.label.at(-1);
  if (!mark || !parts.spans || readCell(mark).kind !== 'blank' || matchRow(parts.label.slice(0, -1)) !== key) return null;
  let at = parts.spans[0];
  while (at > 0 && isWhitespace(raw.charCodeAt(at - 1))) at--;
  return raw[at - 1] === mark && at < parts.spans[0] ? { token: readCell(mark), span: [at - 1, at] } : null;
}

const NO_RUN_LINES: ReadonlySet<number> = new Set();

/** A bare ordinal: two characters (a label of any other length is none). */
const BARE_ORDINAL = /^\d[.、,]$/;
/** The shortest text line read as the rest of a row label wrapped onto it (see readStream's bareRow). */
const MIN_LABEL_REST = 5;
/** At most this many pieces of one cut label are joined, and at most this many characters. */
const MAX_FRAGMENTS = 6;
const MAX_JOINED = 40;

/**
 * The row a cut label names: the shortest run of the pieces just before `label`, joined with it, that names a row or a
 * group ("(" + "六" + ")" + "其他处理" → "(六)其他处理"). Only pieces on lines without numbers are joined, so no
 * number stands between the pieces of the label.
 */
function joinedLabel(fragments: string[], label: string, previous: RequestKey | undefined): RequestKey | null {
  let joined = label;
  for (let k = fragments.length - 1; k >= 0; k--) {
    joined = fragments[k] + joined;
    if (joined.length > MAX_JOINED) return null;
    const key = matchRow(joined) ?? nextSubRow(joined, previous) ?? matchGroup(joined);
    if (key) return key;
  }
  return null;
}

/** A bare ordinal's line read with the next line's label and values, when that line holds a label of its own. */
function joinOrdinal(lines: Line[], i: number, stop: number, ordinal: string): { parts: RowParts; at: number } | null {
  for (let j = i + 1; j < stop; j++) {
    if (isBlankLine(lines[j]) || isPageNoise(lines[j].raw)) continue;
    const next = partsOf(lines[j]);
    if (!next.label || /^\d/.test(next.label) || matchGroup(next.label)) return null;
    return { parts: { ...next, label: `${ordinal}${next.label}` }, at: j };
  }
  return null;
}

/** The cells of a fenced Markdown line: "| a | b |" has two. */
function cellCount(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 0x7c || raw.charCodeAt(i) === 0xff5c) n++;
  return n - 1;
}

/**
 * The width of a Markdown table whose header row names the value columns by position (自然人 seventh from the end,
 * 总计 last), or 0: only such a header proves which cells of a wider row are values.
 */
function namedColumns(header: Line): number {
  const cells = compactOf(header).split(/[|｜]/).slice(1, -1);
  return cells.length >= WIDTH && cells.at(-1) === '总计' && cells.at(-WIDTH) === '自然人' ? cells.length : 0;
}

/**
 * The seven cells of a tab or pipe row that prints more: its extra empty cells at either end are layout (merged label
 * cells, a row shifted by one cell). When they can be dropped more than one way and the ways give different rows, the
 * row's own total (B3) chooses; when it cannot, the row is ambiguous (`rivals`) and its cells will stay null.
 */
function fitRow(values: CellToken[], fenced: boolean): { tokens: CellToken[]; rivals: CellToken[][] } {
  const extra = values.length - WIDTH;
  if (extra <= 0) return { tokens: values, rivals: [] };
  const options = fitsOf(values, WIDTH);
  // Extra cells that are not empty (a row's numbers printed twice, a stray cell): which seven are the row's is not
  // proved, so the row is ambiguous (its cells stay null, the diagnostic shows every cell).
  if (!options.length) return { tokens: fitValues(values, WIDTH, fenced), rivals: [values] };
  if (options.length === 1) return { tokens: options[0], rivals: [] };
  const proved = options.filter((o) => o.every((t) => t.kind === 'number') && b3Holds(o));
  if (proved.length === 1) return { tokens: proved[0], rivals: [] };
  return { tokens: options[0], rivals: options };
}

/** The table's lines as stacked-digits.ts reads them: rows with their cells, lines of digit pieces, other lines. */
function stackLines(lines: Line[], start: number, stream: Stream): StackLine[] {
  const rows = new Map(stream.hits.map((h) => [h.at, h]));
  const units = new Map(stream.units.map((u) => [u.at, u]));
  const out: StackLine[] = [];
  // The first row's top digits may stand above the line the table starts at.
  for (let i = Math.max(0, start - STACK_LOOKBACK); i < stream.end; i++) {
    const hit = rows.get(i);
    const unit = units.get(i);
    const below = units.get(i + 1);
    // A row whose label wraps onto the next line and whose cells a terminal centres on that line, the label's first
    // line holding only the top pieces of its stacked numbers ("1.本机关不掌握相关政府 １ … １" over "信息 ６ ０ / — ２２ / ８"):
    // the pieces are that row's (they stand in its band), its cells are on the line of the rest of its label.
    // The rest of the label may match the row's label too (webCase('lay18-web', 861): "5.要求行政机 １ １" over
    // "关确认或重新出 １ ０ １ ０ ０ ０ ２", both lines hits of 确认或重新出具).
    const next = rows.get(i + 1);
    const cells = below?.rest && below.tokens.length === WIDTH && below.spanLine >= 0 ? { tokens: below.tokens, spans: stream.spanLines[below.spanLine], at: below.at }
      : next && next.key === hit?.key && next.own && next.own.length > (hit?.own?.length ?? WIDTH) && next.spanLines.length === 1 ? { tokens: next.own, spans: stream.spanLines[next.spanLines[0]], at: next.at }
      : null;
    if (hit?.own && hit.own.length < WIDTH && hit.spanLines.length === 1 && hit.own.every((t) => t.kind === 'number') && cells) {
      out.push({ kind: 'pieces', id: i, pieces: hit.own, spans: stream.spanLines[hit.spanLines[0]], up: false, down: true });
      out.push({ kind: 'row', id: i, cells: cells.tokens, spans: cells.spans, from: cells.at });
      i++;
      continue;
    }
    const digits = unit && unit.spanLine >= 0 ? digitPieces(unit, stream.spanLines[unit.spanLine]) : null;
    if (hit?.own) out.push({ kind: 'row', id: i, cells: hit.own, spans: hit.spanLines.length === 1 ? stream.spanLines[hit.spanLines[0]] : null });
    else if (unit && digits) out.push({ kind: 'pieces', id: i, pieces: digits.pieces, spans: digits.spans, up: unit.rest, down: false });
    else {
      const cut = hit || unit ? null : cutPieces(lines[i]);
      if (cut) out.push({ kind: 'pieces', id: i, pieces: cut.pieces, spans: positionsOf(cut.spans, lines[i], true), up: false, down: false });
      // A row whose label's line ends in digits read as no number ("一、本年新收…数量 １,１ ０ … １,１": thousands heads whose
      // last digits stack below) holds values: pieces after it may be its (webCase('hunt23-web', 832)).
      else out.push({ kind: 'other', values: !!unit || !!hit?.own || !!hit?.garbled || partsOf(lines[i]).values.length > 0 });
    }
  }
  return out;
}

/**
 * A unit's numbers as pieces of stacked digits: fewer than the columns, every one a number; or one digit in every
 * column (a row whose seven numbers all stack: "２ ４ ６ ２ ５ ６ ４" over "一、本年新收… ２ ３ ３ ０ ７ ５ ７" over "７ ９ ７
 * １ ３ ３ ７" for 2,275, 439, …; webCase('lay22-web', 840, { tableLayouts: true }), read as 2, 3, 3, … when such lines were
 * a row's numbers without its label). Whose they are, a row's or pieces, readStackedRows proves by the rows' totals, or
 * reads no row. A 无 right after the line's text is that text's, not a blank cell: a vertical group label's piece
 * ("三、本年度 (四) 无 ３ ５", the 无 of 无法提供 beside the lower digits of the row above). Null when the line holds no
 * such pieces.
 */
function digitPieces(unit: Unit, spans: number[]): { pieces: CellToken[]; spans: number[] } | null {
  if (unit.tokens.length === WIDTH && unit.tokens.every((t) => t.kind === 'number' && t.printed.length === 1)) return { pieces: unit.tokens, spans };
  if (unit.tokens.length >= WIDTH) return null;
  const skip = unit.label && unit.tokens[0]?.kind === 'blank' && unit.tokens[0].printed === '无' ? 1 : 0;
  const pieces = unit.tokens.slice(skip);
  if (!pieces.length || !pieces.every((t) => t.kind === 'number')) return null;
  return { pieces, spans: spans.slice(2 * skip) };
}

/**
 * The number whose head, cut in its narrow cell, is the line at `at` ("１,４５": a last thousands group short of three
 * digits, as MuPDF prints a Word table's wrapped cell, one line a piece), joined with the digits it lacks: the first
 * value after it, past empty lines, page noise, the table's header repeated at a page's head and the rest of the row's
 * label (the row broken across pages), when that value is exactly those digits. `to` is that value's line. When the
 * next value is anything else the head is a cell that reads as no number (kind text) and `to` is `at`. Null when the
 * line is no such head.
 */
function cutNumber(lines: Line[], at: number, stop: number, key: RequestKey, headerTexts: Set<string>): { token: CellToken; to: number } | null {
  const head = CUT_HEAD.exec(compactOf(lines[at]));
  if (!head) return null;
  const unread = { token: { kind: 'text' as const, printed: head[0] }, to: at };
  for (let j = at + 1; j < stop; j++) {
    if (isBlankLine(lines[j]) || isPageNoise(lines[j].raw)) continue;
    const p = partsOf(lines[j]);
    if (!p.values.length) {
      if (p.label && (TEMPLATE_LABEL.get(key)?.endsWith(p.label) || headerTexts.has(compactOf(lines[j])))) continue;
      return unread;
    }
    const rest = p.values[0];
    if (p.label || p.values.length !== 1 || rest.kind !== 'number' || !/^[0-9]+$/.test(rest.printed) || rest.printed.length + head[1].length !== 3) return unread;
    const printed = head[0] + rest.printed;
    return { token: { kind: 'number', value: Number(printed.replace(/,/g, '')), printed }, to: j };
  }
  return unread;
}

/** Says where a number cut in its cell (cutNumber) was joined with the digits it lacked and its row was read. */
function logJoinedCuts(pieced: Set<CellToken>, placed: Map<RequestKey, Placed>, requests: Requests, log: DiagnosticLog): void {
  if (!pieced.size) return;
  for (const [key, p] of placed) {
    const joined = p.tokens.filter((t) => pieced.has(t));
    if (!joined.length || Object.values(requests[key] as RequestRow).every((v) => v === null)) continue;
    const shown = joined.map((t) => t.printed).join('、');
    log.info('row-digits-wrapped', p.line, `${WIDTH} numbers on the row's line`, `a number cut in its cell: ${shown}`, `表三“${key}”行有数字在窄列中被截断、其余数位印在后面（${shown}），按行总计接回`, `requests.${key}`);
  }
}

/**
 * A line of digit pieces that the row reader does not read as numbers: the top pieces of numbers with thousands
 * separators ("１,   １,", "８  ７  １２  １,"): each piece as printed, and where it stands.
 */
function cutPieces(line: Line): { pieces: CellToken[]; spans: number[] } | null {
  const pieces: CellToken[] = [];
  const spans: number[] = [];
  for (const m of line.raw.matchAll(/\S+/g)) {
    if (!CUT_PIECE.test(m[0])) return null;
    pieces.push({ kind: 'text', printed: m[0] });
    spans.push(m.index, m.index + m[0].length);
  }
  return pieces.length ? { pieces, spans } : null;
}

export function parseTableB(source: Line[], start: number, stop: number, log: DiagnosticLog): TableBResult {
  const runs = splitDigitRuns(cellParagraphs(source, start, stop), start, stop, log);
  const lines = runs.lines;
  const stream = readStream(lines, start, stop, new Set(runs.ambiguous.keys()));
  const { hits, end, spanLines } = stream;
  const stacked = stream.display ? readStackedRows(stackLines(lines, start, stream)) : null;
  const units = stacked ? stream.units.filter((u) => !stacked.consumed.has(u.at)) : stream.units;
  const present = presentRows(hits);
  // Text with its pages (form feeds: a PDF's text as pdftotext prints it), whose reader may print a block out of place.
  const paged = lines.length > 0 && lines[lines.length - 1].page > 0;
  const placed = new Map<RequestKey, Placed>();
  const anchors = anchorsOf(hits, present);
  const displaced = displacedHits(hits);
  for (const a of anchors) {
    const joined = stacked?.joined.get(a.at);
    if (joined) {
      placed.set(a.key, { tokens: joined.cells, line: a.line, by: 'arithmetic' });
      log.info('row-digits-wrapped', a.line, `${WIDTH} numbers on the row's line`, joined.shown, `表三“${a.key}”行的数字在窄列中逐位折行（${joined.shown}），按各行总计只有一种接法，已接回`, `requests.${a.key}`);
      continue;
    }
    const unread = stacked?.unread.get(a.at);
    if (unread) {
      log.warn('row-digits-wrapped', a.line, `${WIDTH} numbers on the row's line`, unread.shown, `表三“${a.key}”行的数字在窄列中逐位折行（${unread.shown}），折行的数字属于哪一行、哪一格无法由行总计唯一确定，该行记为空值`, `requests.${a.key}`);
      continue;
    }
    if (a.cut) {
      const joined = a.cut.ambiguous ? null : wrappedDigits(a.own!, a.spanLines.length === 1 ? spanLines[a.spanLines[0]] : null, a.cut.pieces, a.cut.spans);
      const shown = `${shownTokens(a.own!)} / ${a.cut.pieces.map((t) => t.printed).join(' ')}`;
      if (joined) {
        placed.set(a.key, { tokens: joined, line: a.line, by: 'arithmetic' });
        log.info('row-digits-wrapped', a.cut.line, `${WIDTH} numbers on the row's line`, shown, `表三“${a.key}”行的数字在窄列中折行（${shown}），按行总计只有一种接法，已接回`, `requests.${a.key}`);
      } else
        log.warn('row-digits-wrapped', a.cut.line, `${WIDTH} numbers on the row's line`, shown, `表三“${a.key}”行的数字在窄列中折行（${shown}），折到下一行的数字属于哪一格无法由行总计唯一确定，该行记为空值`, `requests.${a.key}`);
      continue;
    }
    // Which columns a mixed row's last cells are is not shown: the cells before them were not read (buildRequests).
    if (a.mixed && a.own!.length < WIDTH) continue;
    if (a.wrapped && displaced.has(a)) {
      const shown = shownTokens(a.own!);
      log.warn('table-b-unproved', a.line, `${WIDTH} numbers on the row's line`, `${shown}: numbers on the lines after a label printed after later rows' labels`, `表三“${a.key}”行的标签印在模板中其后各行的标签之后（提取文字时文字块的顺序被打乱），其后几行的数字 ${shown} 无法证明属于该行，记为空值`, `requests.${a.key}`);
      continue;
    }
    if (!a.rivals.length) {
      placed.set(a.key, { tokens: a.own!, line: a.line, by: 'label' });
      continue;
    }
    const shown = a.rivals.map((r) => `[${shownTokens(r)}]`).join(' 或 ');
    log.warn('row-cells-ambiguous', a.line, `${WIDTH} cells`, `more cells than columns: ${shown}`, `表三“${a.key}”行的空单元格多于列数，可读作 ${shown}，按行总计也无法确定，记为空值`, `requests.${a.key}`);
  }

  // The gaps between proved rows, the table's start and its end (none when every number stands with its label).
  const bounds: { rank: number; at: number }[] = units.length ? [{ rank: -1, at: -1 }, ...anchors.map((a) => ({ rank: RANK.get(a.key)!, at: a.at })), { rank: ORDER.length, at: Infinity }] : [];
  const gaps: Gap[] = [];
  /** The proved rows each gap stands between (bounds b and b + 1 are anchors b − 1 and b), by gap. */
  const besideGap = new Map<Gap, RequestKey[]>();
  /** Short rows beside numbers that no template row can take (see below). */
  const besideStray = new Map<RequestKey, StrayBeside>();
  /** The labels as the gap readers ask of them. */
  const labels = labelsOf(hits);
  // Rows printed on their labels' lines (most rows): a short label line holds its row's numbers in order, which the
  // row's arithmetic may place. Else (column blocks) a number on a label line may be another row's.
  const withOwn = new Set(anchors.map((a) => a.key)).size;
  const rowsOnLabels = withOwn >= 0.75 * present.length;
  /** Each gap beside a row whose label line holds some of its numbers only, in text of column blocks (see below). */
  const besideShort = new Map<Gap, Hit>();
  for (let b = 0; b + 1 < bounds.length; b++) {
    const lo = bounds[b];
    const hi = bounds[b + 1];
    const { rows: inside, stray } = fencedRows(units.filter((u) => u.at > lo.at && u.at < hi.at));
    for (const u of stray) {
      const shown = shownTokens(u.tokens);
      log.warn('table-b-unplaced-values', u.line, `whole Markdown rows of ${WIDTH} cells`, `a line of ${u.tokens.length} number(s) outside them: ${shown}`, `表三第 ${u.line} 行的“${shown}”不在表格行内，与前后各完整的表格行无关，未采用`);
    }
    if (!inside.length) continue;
    const gap = readGap(inside, rowSetsBetween(present, lo.rank, hi.rank), lo.rank > hi.rank, labels, !anchors.length, stream.pieced, stream.spanLines, paged);
    const shortBeside = rowsOnLabels ? undefined : [anchors[b - 1], anchors[b]].find((a) => a !== undefined && a.own!.length < WIDTH);
    if (shortBeside) besideShort.set(gap, shortBeside);
    gaps.push(gap);
    besideGap.set(gap, [anchors[b - 1]?.key, anchors[b]?.key].filter((k): k is RequestKey => k !== undefined));
  }

  if (gaps.length) settleByColumns(gaps, placed);
  // In text that prints most rows' numbers away from their labels (column blocks: poppler's default mode), a row whose
  // label line holds fewer numbers than columns has its others elsewhere, maybe among a gap's beside it: then the gap's
  // count of numbers proves no row's that gathers its numbers from several lines (pdfCase('lay41-pdf', 304, undefined,
  // { tableLayouts: true }) by pdftotext: "3.危及“三安 0", "4.保护第三方", seven zeros a line or two each, some of them
  // 3.'s, 4.'s blanks printed as nothing, read as 4.'s row: 0 where the report left three cells blank). A row printed
  // whole on one line is still read: moved numbers would have shifted it off its line.
  for (const [g, shortBeside] of besideShort) if (g.reading) g.reading = withoutGathered(g, shortBeside, log);
  // No label stands with its numbers and the table's numbers could not be read as one block: each label's numbers
  // may follow it (a cell per line, blank cells printed as nothing).
  const following = !anchors.length && gaps.length === 1 && !gaps[0].reading ? followingRuns(hits, units, present) : null;
  for (const g of gaps) {
    if (g.reading) {
      for (const r of g.reading) placed.set(r.key, { tokens: r.tokens, line: r.line, by: 'arithmetic', open: r.open, why: r.why, printed: r.printed, valuesLines: valuesLinesOf(g.units, r.tokens) });
      continue;
    }
    if (following) continue;
    const wrapped = wrappedLabelRows(g, hits);
    if (wrapped) {
      for (const w of wrapped.rows) placed.set(w.key, { tokens: w.tokens, line: w.line, by: 'label', valuesLines: w.valuesLines });
      for (const { unit: u, why } of wrapped.apart) {
        const shown = shownTokens(u.tokens);
        if (why === 'text')
          log.warn('table-b-unplaced-values', u.line, 'numbers right after their row label', `“${u.heading || u.label}” before ${shown}`, `表三第 ${u.line} 行的“${shown}”前是无法识别的文字“${u.heading || u.label}”，不能确定属于哪一行，未采用`);
        else if (why === 'waiting')
          log.warn('table-b-unplaced-values', u.line, 'numbers right after their row label, the label before it with its own', `${shown} after two labels, the first without numbers`, `表三第 ${u.line} 行的“${shown}”前有两个行标签，前一个后面没有数字：这些数字属于哪一行无法确定，未采用`);
        else if (why === 'pieces')
          log.warn('table-b-unplaced-values', u.line, 'numbers right after their row label', `${shown} after a label whose line holds digits that read as no number`, `表三第 ${u.line} 行的“${shown}”前的行标签所在行夹有无法识别的数字（如被拆开的数字的一部分），这些数字可能不完整，未采用`);
        else
          log.warn('table-b-unplaced-values', u.line, 'numbers inside their row label (its rest on the next line), or one line for each row', `${shown} after a label that does not go on after them`, `表三第 ${u.line} 行的“${shown}”紧跟在一个行标签之后，但该标签没有在其后续写，各行的数字行数也与行数不符：不能证明属于该行，未采用`);
      }
      continue;
    }
    const first = g.units[0];
    const shown = shownTokens(g.units.flatMap((u) => u.tokens));
    log.warn(
      g.candidates > 1 ? 'table-b-ambiguous' : 'table-b-unproved',
      first.line,
      g.rows.length ? `rows ${g.rows.join(', ')} proved by a label or by the arithmetic` : 'numbers between two table B rows',
      `${g.cellCount} values: ${shown}`,
      `表三第 ${first.line} 行起的 ${g.cellCount} 个数字没有紧挨的行标签，${g.problem}；相关各行记为空值`,
      g.rows.length === 1 ? `requests.${g.rows[0]}` : undefined,
    );
    // Numbers where the template has no row: a row beside them printed with fewer numbers than columns may own some
    // (a cell of a tall row printed a line lower or higher, past the rest of its label), so its own line does not
    // prove which of its cells are blank (pdfCase('hunt17-pdf', 332): "1 0 0 0 1", then "０ ２" under the label's rest).
    // A row whose seven values came from several lines may own them too: digits of a number wrapped in a narrow cell
    // ("（七）总计 １３２" / "０" / "０ ０ ０ ０ １３２" / "０": 1,320 in natural and total, legal blank; officeCase('hunt42-office',
    // 55) read 132 … 132 with a 0 for legal, adding up). Withdrawn after the tests of the table's sums (withdrawSwaps),
    // which look at the row as read.
    for (const key of g.rows.length ? [] : (besideGap.get(g) ?? [])) {
      const p = placed.get(key);
      const wrapped = p?.tokens.length === WIDTH && hits.some((h) => h.key === key && h.wrapped);
      if (p?.by === 'label' && (p.tokens.length < WIDTH || wrapped)) besideStray.set(key, { line: p.line, own: shownTokens(p.tokens), stray: shown, wrapped });
    }
  }
  if (following) for (const [key, f] of following) placed.set(key, f);
  const firstHits = firstHitOf(hits);
  let short = false;
  for (const k of present) if ((short = shortRow(placed.get(k), firstHits.get(k)!))) break;
  // Positions place a short row's numbers only where the rows prove how the text counts its columns.
  const crossed = new Map<number, number[]>();
  const grids = short && !stream.positionsUnproved ? columnGrids(stream.display ? spanLines : withoutLeadingZeros(stream, lines), WIDTH, !stream.display, crossed) : [];
  const built = buildRequests(present, placed, firstHits, spanLines, grids, rowsOnLabels, units.length > 0, paged ? new Set() : outdentedRows(hits, lines), !stream.display, log);
  // Where glyphs stand by their x positions (pdftotext -layout: values laid out, not a space apart), the rows whose
  // values mix two fonts' digits. Narrow columns put many values a space apart: one gap wider than a space to two
  // gaps of one says the text keeps positions (pdftotext -raw and copied text put every value a space after the last).
  const byPosition = !stream.display && !stream.positionsUnproved;
  const glyphs = byPosition && laidOut(spanLines, 0.5);
  // Text laid out by x positions whose columns stand so near that most values are a space apart: no row's value is
  // held to its column by where it stands (a wider number pushes the values after it into the next columns' places),
  // but a first value standing apart from its label is (firstOutOfColumn), and a row whose total reads as a blank mark
  // while it prints a number is not placed in print order (pdfCase('hunt40-pdf', 777): legal's blank marks printed at
  // 70, past the totals of the rows above, where the rows below print nothing).
  const near = byPosition && !glyphs && indentedToColumns(stream, lines);
  const laid = glyphs || near ? lineRows(placed, firstHits, stream, lines, crossed) : null;
  const swapped = withdrawSwaps(built.requests, placed, firstHits, spanLines, laid, near, built.placement, log);
  const unstrayed = withdrawNegative(built.requests, firstHits, withdrawBesideStray(built.requests, besideStray, swapped, log), log);
  // Each row's hit on the line of its run of digits, where one is (a label spelled over the lines before it).
  // (Most tables have no run of digits: then the first hits are those, and no mark is looked for.)
  const withRuns = runs.ambiguous.size > 0 || runs.split.size > 0;
  const runHits = withRuns ? new Map(firstHits) : firstHits;
  if (withRuns) for (const h of hits) if (runs.ambiguous.has(h.line) || runs.split.has(h.line)) runHits.set(h.key, h);
  // The blank marks in runs split one way, as `key.column`; settleRuns adds those of the runs it settles.
  const marks = new Set<string>();
  if (runs.marks.size) for (const [key, h] of runHits) for (const m of runs.marks.get(h.line) ?? []) marks.add(`${key}.${APPLICANT_KEYS[m]}`);
  const settled = withdrawUnprovedRuns(built.requests, runs.split, runHits, marks, settleRuns(built.requests, runs, runHits, marks, unstrayed, log), log);
  const inOrder = gaps.flatMap((g) => g.reading?.filter((r) => !r.why).map((r) => r.key) ?? []);
  const placement = withdrawExchanges(built.requests, placed, inOrder, settled, log);
  logJoinedCuts(stream.pieced, placed, built.requests, log);
  return { requests: built.requests, placement, end, found: firstHits.has('received'), display: stream.display };
}

/**
 * Rows printed one cell a paragraph with an empty cell as an empty line (LibreOffice's text export of a Word table): a
 * row label alone on its line (not right after another: labels printed one after another are a column of labels, the
 * numbers after the last of them blocks of columns, as pdftotext's default mode prints them: pdfCase('hunt34-pdf', 130)),
 * then exactly seven lines each a number, a blank mark or empty, at least one of them empty and one a number, then no
 * cell: those are the row's cells. Such a row becomes one tab-separated line (its
 * cell lines empty), in text without pages anywhere (lines.ts pageless) only when its total is a number above 0 and the sum of its cells with empty cells as 0 (a
 * row of zeros adds up in any order); any other row is left as printed. The lines keep their numbers and the list its length (indexes into it stay valid); `lines` itself is
 * not changed.
 */
function cellParagraphs(lines: Line[], start: number, stop: number): Line[] {
  let out: Line[] | null = null;
  for (let i = start; i < stop; i++) {
    if (!labelOnly(lines[i]) || !labelWhole(lines[i]) || (i > start && labelOnly(lines[i - 1]))) continue;
    const cells = paragraphCells(lines, i, WIDTH, stop);
    const total = cells?.[WIDTH - 1];
    if (!cells || total?.kind !== 'number' || total.value <= 0 || !b3HoldsBlankZero(cells)) continue;
    // The whole text is scanned for pages only once a row would be joined (most tables have none such).
    if (!out && !pageless(lines)) return lines;
    out = withParagraphCells(lines, out, i, cells, true);
    i += WIDTH;
  }
  return out ?? lines;
}

/** A run of digits that splits into a row's cells more ways than one: as printed, and its splits (at most SPLIT_CAP). */
interface AmbiguousRun {
  printed: string;
  /** Each split's cells: null for a blank mark printed in the run. */
  splits: (number | null)[][];
}

/** Table B's lines with its runs of digits split (splitDigitRuns): the lines split, and the runs left whole, by line number. */
interface DigitRuns {
  lines: Line[];
  split: Set<number>;
  ambiguous: Map<number, AmbiguousRun>;
  /** The runs split one way with blank marks among their cells: the marks' columns (APPLICANT_KEYS indexes), by line number. */
  marks: Map<number, number[]>;
}

/**
 * A row's seven cells printed as one run of digits after its label or on a line of their own ("请数量1283500016179",
 * "0000022": pypdf's text of a Word-made PDF, the real 洪泽区 2023 among them): split where exactly one split into seven
 * cells keeps the row's total the sum of the six others (digit-split.ts), the line then printing its cells a space
 * apart; a run that splits more ways than one is left out of the line and kept for settleRuns, one that splits no way
 * is reported.
 * Only a space-separated line whose one value is such a run: seven digits at least, no separator. The list keeps its
 * length; `lines` itself is not changed.
 */
function splitDigitRuns(lines: Line[], start: number, stop: number, log: DiagnosticLog): DigitRuns {
  let out: Line[] | null = null;
  const split = new Set<number>();
  const ambiguous = new Map<number, AmbiguousRun>();
  const marks = new Map<number, number[]>();
  for (let i = start; i < stop; i++) {
    const parts = partsOf(lines[i]);
    const value = parts.separator === 'space' && parts.values.length === 1 && parts.spans ? parts.values[0] : null;
    const digits = value?.kind === 'number' && DIGIT_RUN.test(fold(value.printed)) ? { printed: value.printed, label: lines[i].raw.slice(0, parts.spans![0]) } : null;
    // A marked run may end in a number read as the line's one value ("请数量6无31无010": 010 after 无).
    const run = digits ?? (parts.separator === 'space' && parts.values.length <= 1 ? markedRun(lines[i].raw, parts.values[0]?.printed ?? '') : null);
    if (!run) continue;
    const splits = digits ? splitDigits(fold(run.printed), TABLE_B_ROW) : splitCells(fold(run.printed), TABLE_B_ROW);
    const label = run.label;
    out ??= lines.slice();
    if (splits.length === 1) {
      out[i] = { ...lines[i], raw: `${label} ${splits[0].map((v) => v ?? BLANK_MARK).join(' ')}`, parts: undefined, compact: undefined };
      if (splits[0].includes(null)) marks.set(lines[i].no, markColumns(splits[0]));
      split.add(lines[i].no);
      continue;
    }
    out[i] = { ...lines[i], raw: label, parts: undefined, compact: undefined };
    if (splits.length) ambiguous.set(lines[i].no, { printed: run.printed, splits });
    else
      log.warn(
        'digits-ambiguous',
        lines[i].no,
        `a run of digits that splits into ${WIDTH} cells adding up one way only`,
        `${run.printed}: no split`,
        `表三某一行的数字连写为“${run.printed}”，无法拆分为总计等于各项之和的 ${WIDTH} 个数字，该行记为空值`,
      );
  }
  return { lines: out ?? lines, split, ambiguous, marks };
}

/** The indexes of a split's blank marks (its null cells). */
function markColumns(cells: readonly (number | null)[]): number[] {
  return cells.flatMap((v, k) => (v === null ? [k] : []));
}

/**
 * The reading with the cells of `marks` (`key.column`: blank marks printed in a row's run, splitDigitRuns) as 0, for the
 * rules' sums: a mark shows its cell, which a blank printed as nothing does not.
 */
function marksAsZero(requests: Requests, marks: ReadonlySet<string>): Requests {
  if (!marks.size) return requests;
  const out = { ...requests } as Record<string, RequestRow>;
  for (const mark of marks) {
    const dot = mark.lastIndexOf('.');
    const [key, c] = [mark.slice(0, dot), mark.slice(dot + 1) as ApplicantColumn];
    if (out[key]?.[c] === null) out[key] = { ...out[key], [c]: 0 };
  }
  return out as Requests;
}

/** A row's cells run together as digits only: WIDTH at least, as many as lines.ts reads glued to a label at most. */
const DIGIT_RUN = new RegExp(`^\\d{${WIDTH},${MAX_GLUED_CHARACTERS}}$`);
/** How splitDigitRuns prints a blank cell of a split run. */
const BLANK_MARK = '—';
/**
 * A row's cells run together with blank marks after its label ("密/00/000", "请数量6无31无010": pypdf's text of a Word
 * file's table whose blank cells print a mark): digits and marks, a digit and a mark at least, WIDTH characters or more.
 */
const MARKED_RUN = new RegExp(`(?<=^|\\s|[\\u4e00-\\u9fff)）”」])[0-9０-９${MARK_SYMBOLS}／－无]{${WIDTH},${MAX_GLUED_CHARACTERS}}$`);

/** A line's marked run (MARKED_RUN), ending in `value` (the line's one value as read, if any), and the label before it; or null. */
function markedRun(raw: string, value: string): { printed: string; label: string } | null {
  const line = raw.trimEnd();
  const m = MARKED_RUN.exec(line);
  if (!m || !/[0-9０-９]/.test(m[0]) || !/[^0-9０-９]/.test(m[0]) || !m[0].endsWith(value)) return null;
  const label = line.slice(0, m.index);
  return label.trim() ? { printed: m[0], label } : null;
}

/** The most combinations of ambiguous runs' splits that settleRuns tries against the table's sums. */
const MAX_RUN_COMBINATIONS = 4096;

/**
 * Rows whose run of digits splits more ways than one (splitDigitRuns), read where exactly one combination of their
 * splits makes B1 and B2 hold in every column of the table with no cell blank (the arithmetic admits one assignment);
 * else each stays null, saying so. Runs on lines no row label names are reported too. Returns the table's placement
 * counts; the settled rows' lines join `split` (withdrawUnprovedRuns tests them with the others).
 */
function settleRuns(requests: Requests, runs: DigitRuns, firstHits: Map<RequestKey, Hit>, marks: Set<string>, placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  // Most tables have no run left ambiguous: then no row is looked at.
  const rows = !runs.ambiguous.size ? [] : [...firstHits].flatMap(([key, hit]) => {
    const run = runs.ambiguous.get(hit.line);
    const row = requests[key] as RequestRow | undefined;
    return run && row && APPLICANT_KEYS.every((c) => row[c] === null) ? [{ key, line: hit.line, ...run }] : [];
  });
  const put = (key: RequestKey, cells: readonly (number | null)[] | null) => {
    const row = EMPTY_ROW();
    if (cells) APPLICANT_KEYS.forEach((c, k) => (row[c] = cells[k]));
    requests[key] = row;
  };
  const combinations = rows.reduce((n, r) => n * r.splits.length, 1);
  const found: number[][] = [];
  if (rows.length && combinations <= MAX_RUN_COMBINATIONS) {
    for (let n = 0; n < combinations && found.length < 2; n++) {
      const choice: number[] = [];
      let rest = n;
      for (const r of rows) {
        choice.push(rest % r.splits.length);
        rest = Math.floor(rest / r.splits.length);
      }
      const tried = new Set(marks);
      rows.forEach((r, k) => {
        put(r.key, r.splits[choice[k]]);
        for (const m of markColumns(r.splits[choice[k]])) tried.add(`${r.key}.${APPLICANT_KEYS[m]}`);
      });
      if (columnsProved(marksAsZero(requests, tried)).size === APPLICANT_KEYS.length) found.push(choice);
    }
    for (const r of rows) put(r.key, null);
  }
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  if (found.length === 1) {
    rows.forEach((r, k) => {
      put(r.key, r.splits[found[0][k]]);
      for (const m of markColumns(r.splits[found[0][k]])) marks.add(`${r.key}.${APPLICANT_KEYS[m]}`);
      counts.unread -= WIDTH;
      counts.arithmetic += WIDTH;
      runs.split.add(r.line);
      // The row is read now: its earlier "no numbers" is withdrawn.
      const at = log.items.findIndex((d) => d.code === 'row-no-values' && d.path === `requests.${r.key}`);
      if (at >= 0) log.items.splice(at, 1);
      log.info('digits-ambiguous', r.line, `a run of digits that splits into ${WIDTH} cells adding up one way only`, `${r.printed}: ${r.splits.length} splits`, `表三“${r.key}”行的数字连写为“${r.printed}”，按行总计有 ${r.splits.length} 种拆分方式，其中只有一种使全表各列的 B1、B2 都成立，按该方式读取`, `requests.${r.key}`);
    });
  }
  const settled = new Set(found.length === 1 ? rows.map((r) => r.line) : []);
  for (const [line, run] of runs.ambiguous) {
    if (settled.has(line)) continue;
    const key = rows.find((r) => r.line === line)?.key;
    const ways = `${run.splits.length}${run.splits.length >= SPLIT_CAP ? ' or more' : ''} splits`;
    log.warn(
      'digits-ambiguous',
      line,
      `a run of digits that splits into ${WIDTH} cells adding up one way only`,
      `${run.printed}: ${ways}`,
      `表三${key ? `“${key}”` : '某一'}行的 ${WIDTH} 个数字连写为“${run.printed}”，按行总计可有 ${run.splits.length} 种以上拆分方式，全表的 B1、B2 也不能确定其中一种，该行记为空值`,
      key ? `requests.${key}` : undefined,
    );
  }
  return placementOf(counts);
}

/**
 * Withdraws the rows read from runs of digits split by their totals (splitDigitRuns) unless B1 and B2 hold in every
 * column of the table with no cell blank (columnsProved): a blank cell printed as nothing leaves no digit in the run,
 * and the six cells left may split into seven that add up (officeCase('shape-office', 118) read by pypdf: "243 0 76 17"
 * and a total split as 2, 4, 307, 6, …), while the whole table's sums break. Returns the table's placement counts.
 */
function withdrawUnprovedRuns(requests: Requests, split: ReadonlySet<number>, firstHits: Map<RequestKey, Hit>, marks: ReadonlySet<string>, placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  const keys = !split.size ? [] : [...firstHits].filter(([key, hit]) => split.has(hit.line) && requests[key]).map(([key]) => key);
  if (!keys.length || columnsProved(marksAsZero(requests, marks)).size === APPLICANT_KEYS.length) return placement;
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  for (const key of keys) {
    const row = requests[key] as RequestRow;
    nullRow(row, counts);
    log.warn(
      'digits-ambiguous',
      firstHits.get(key)!.line,
      'B1 and B2 holding in every column of the rows split from runs of digits',
      'rules not holding, or cells blank',
      `表三“${key}”行的数字连写，按行总计拆分，但全表各列的 B1、B2 不能全部成立：空白单元格在连写时不留数字，拆分可能错位，无法证明，该行记为空值`,
      `requests.${key}`,
    );
  }
  return placementOf(counts);
}

/** Whether a line is a template row's label without numbers. */
function labelOnly(line: Line): boolean {
  const parts = partsOf(line);
  return !parts.values.length && !!parts.label && matchRow(parts.label) !== null;
}

/**
 * Whether a row's label ends as its template label does: a text export prints a cell as one paragraph, its label
 * whole, where pdftotext's default mode cuts a long label where it wrapped (pdfCase('hunt42-pdf', 484):
 * "1.申请人无正当理由逾期不补正、行政机关不再" then the next row's numbers, in text copied without its pages).
 */
function labelWhole(line: Line): boolean {
  const label = partsOf(line).label;
  const key = label ? matchRow(label) : null;
  const zh = key ? TEMPLATE_LABEL.get(key) : undefined;
  return !!zh && zh.endsWith(compactOf(line).slice(-WHOLE_LABEL_END));
}

/** Whether lines[from, to) are empty (none at all, or empty lines only). */
function blankBetween(lines: Line[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isBlankLine(lines[k])) return false;
  return true;
}

/** Whether lines[from, to) hold nothing but the table's header lines again (and empty lines, page footers), one at least. */
function repeatedHeaderBetween(lines: Line[], from: number, to: number, headerTexts: Set<string>): boolean {
  let header = false;
  for (let k = from; k < to; k++) {
    if (isBlankLine(lines[k]) || isPageNoise(lines[k].raw)) continue;
    if (partsOf(lines[k]).values.length || !headerTexts.has(compactOf(lines[k]))) return false;
    header = true;
  }
  return header;
}

/**
 * Whether a row's numbers, wrapped over several lines (each line's value offsets), stand out of order: a later line,
 * indented to its columns (text laid out by position; -raw and copied text start each line at its left), starts
 * before the end of the line above it (pdftotext -layout prints a cell of a tall row a line lower, at its column: "3.其他
 * 10 4 0" over "１ ０ 0 15" where the １ stands before the 0). Read in line order, such a row's cells are not in the
 * order of its columns.
 */
function interleaved(lines: number[][]): boolean {
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1];
    const first = lines[i][0];
    if (before.length && lines[i].length && first % PAGE_WIDTH >= MIN_INDENT && first < before[before.length - 1]) return true;
  }
  return false;
}

/**
 * Rows read from space-separated lines whose cells, in another order, would make B1 or B2 hold where it breaks
 * (swapCandidates): the text does not show the cells' order, so those cells are null with a diagnostic, and no break is reported for a reading that was not proved (blank cells count as 0 for this test, as
 * table B's readers count them). Returns the table's placement counts.
 */
function withdrawSwaps(requests: Requests, placed: Map<RequestKey, Placed>, firstHits: Map<RequestKey, Hit>, spanLines: number[][], laid: LineRow[] | null, near: boolean, placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  const spaced = new Set<RequestKey>();
  for (const [key, hit] of firstHits) if (hit.separator === 'space') spaced.add(key);
  if (!spaced.size) return placement;
  const zeroed = blanksAsZero(requests, placed);
  const seen = new Set<string>();
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  /** Makes a row's cells null, each counted as unread once. */
  const withdraw = (key: RequestKey, columns: readonly string[]) => {
    const row = requests[key] as RequestRow;
    for (const c of columns) {
      row[c as keyof RequestRow] = null;
      if (seen.has(`${key}.${c}`)) continue;
      seen.add(`${key}.${c}`);
      uncount(counts);
    }
  };
  // Rows whose seven numbers add up with another column as their total, the same column in row after row (poppler's
  // -layout printing a table's last columns before its first, "0 69 94 682 363 27 129" for 363 27 129 0 69 94 682):
  // the text's order is not the columns', and which column is which is not in the text. Every full space row is null.
  const full = [...spaced].filter((key) => placed.get(key)?.tokens.length === WIDTH && requests[key]);
  const moved = totalColumnMoved(full.map((key) => zeroed[key] as RequestRow));
  if (moved !== null) {
    const shown = APPLICANT_KEYS[moved];
    for (const key of full) {
      withdraw(key, APPLICANT_KEYS);
      log.warn(
        'column-order-unproved',
        firstHits.get(key)!.line,
        `B3 with the total in the last column, as the rows' cells are printed`,
        `rows adding up with column ${moved + 1} (${shown}) as their total`,
        `表三各行的数字在提取的文字中顺序与列不符：按文字顺序，多行的合计不在最后一列，而在第 ${moved + 1} 列，无法确定各数字属于哪一列，整行记为空值`,
        `requests.${key}`,
      );
    }
    return placementOf(counts);
  }
  // The rules' sums of the reading, for swapCandidates and, when it withdraws nothing (zeroed then unchanged), shuffledColumns.
  const sums = ruleSums(zeroed);
  for (const { key, columns, rule } of swapCandidates(zeroed, spaced, requests, sums)) {
    const row = requests[key] as RequestRow;
    const shown = columns.map((c) => `${c} ${row[c] ?? '∅'}`).join(', ');
    const named = columns.map((c) => `${c}（${row[c] ?? '空'}）`).join('、');
    log.warn(
      'row-order-ambiguous',
      firstHits.get(key)!.line,
      `${rule} in columns ${columns.join(', ')}`,
      shown,
      `表三“${key}”行的${named}在提取的文字中可能不在各自的列：按文字顺序，规则 ${rule} 恰在这几列不成立，换一种顺序则成立。几种读法无法区分，这几格记为空值`,
      `requests.${key}`,
    );
    withdraw(key, columns);
  }
  // Breaks that cells out of order in a run of rows would make, in text whose rows stand at other places from one
  // line to the next: no row's order is proved there, so those columns are withdrawn from every space row.
  /** Withdraws `columns` from every full space row when the rows stand at shifting places (layoutShifts), saying why. */
  const withdrawShifting = (columns: ApplicantColumn[], expected: string, found: string, message: string) => {
    if (!columns.length || !layoutShifts([...spaced].flatMap((key) => (placed.get(key)?.tokens.length === WIDTH ? [firstHits.get(key)!] : [])), spanLines)) return;
    for (const key of spaced) {
      if (!requests[key] || placed.get(key)?.tokens.length !== WIDTH) continue;
      withdraw(key, columns);
      log.warn('column-order-unproved', firstHits.get(key)!.line, expected, found, message, `requests.${key}`);
    }
  };
  const shuffled = seen.size ? [] : shuffledColumns(sums);
  withdrawShifting(
    shuffled,
    `B1 and B2 in columns ${shuffled.join(', ')} as the rows' cells are printed`,
    `breaks adding up to 0 across ${shuffled.join(', ')}, rows printed at shifting places`,
    `表三各行的数字在提取的文字中位置前后不一，按文字顺序读，${shuffled.join('、')} 几列的 B1/B2 恰好此多彼少、合计为 0，说明有若干行的数字不在各自的列，无法确定是哪几行，这几列记为空值`,
  );
  // Last, as the tests above look at the table's sums as read (a row withdrawn here would hide their breaks): full
  // rows with a value standing where no other full row of its page has that column (pdftotext -layout puts a
  // cell of another font, a full-width digit or 无, a few characters away, before or after its neighbours): the order
  // the text gives is not proved the columns', and a row of zeros and blanks adds up in any order.
  const fullRows = laid?.filter((r) => full.includes(r.key)) ?? [];
  const tokensOf = (key: RequestKey) => placed.get(key)!.tokens;
  const proved = columnsProved(zeroed);
  const whole = near ? outOfOrderNear(fullRows, tokensOf, proved) : outOfColumns(fullRows, tokensOf, proved);
  // On a page where a run of rows prints columns where the page's other full rows put other columns, those columns'
  // cells of every full row of the page: which rows keep the columns' order is not shown (pdfCase('hunt34-pdf', 446): the
  // run itself swapped natural and commercial; pdfCase('hunt37-pdf', 669): a row below the run did, at places where
  // other rows print either column).
  const crossedOnPage = new Map<number, Set<number>>();
  for (const r of laid ?? []) for (const c of r.crossed) crossedOnPage.set(pageOf(r.spans[0]), (crossedOnPage.get(pageOf(r.spans[0])) ?? new Set<number>()).add(c));
  /** Withdraws a full row's cells in `columns`, their order not proved (by default, by where the page's full rows put them). */
  const unproved = (r: LineRow, columns: readonly string[], found: string, message: string, expected = `columns ${columns.join(', ')} where the page's full rows put them`) => {
    withdraw(r.key, columns);
    log.warn('column-order-unproved', r.line, expected, found, message, `requests.${r.key}`);
  };
  /** Rows with columns withdrawn as their page's crossing columns. */
  const onCrossedPage = new Set<LineRow>();
  for (const r of fullRows) {
    const crossing = [...(crossedOnPage.get(pageOf(r.spans[0])) ?? [])].sort((a, b) => a - b);
    if (!crossing.length || whole.includes(r)) continue;
    onCrossedPage.add(r);
    const columns = crossing.map((c) => APPLICANT_KEYS[c]);
    unproved(r, columns, `a run of rows on its page printing them where other full rows put other columns`, `表三“${r.key}”行所在页有几行把 ${columns.join('、')} 几列的数字印在其他完整行另一列的位置，按文字顺序无法证明本页各行这几列的数字所在的列，这几格记为空值`);
  }
  for (const r of whole) {
    const tokens = placed.get(r.key)!.tokens;
    const shown = shownTokens(tokens);
    // A blank mark read as the total of a row that prints numbers is the likelier cause to name: a mark the
    // extraction moved out of its column, past the total.
    const marked = totalMarkAmongNumbers(tokens);
    unproved(
      r,
      APPLICANT_KEYS,
      marked ? `${WIDTH} values in print order: ${shown}, the total a blank mark` : `${WIDTH} values in print order: ${shown}, one out of its column`,
      marked
        ? `表三“${r.key}”行按文字顺序读，总计为空白符号而其他格有数字（提取文字时空白符号可能离开所在的列），无法证明各数字按文字顺序所在的列，整行记为空值`
        : `表三“${r.key}”行有数字不在本页其他完整行的同一列位置（提取文字时不同字体的字符可能前后错位），无法证明各数字按文字顺序所在的列，整行记为空值`,
      marked ? `a total that the row's numbers add up to` : `each value where the page's other full rows put its column`,
    );
  }
  // Full rows printing two neighbouring columns each where other full rows of the page print the other (crossedPairs):
  // those two cells. (Not where columns stand a space apart, `near`: places there say little of columns.)
  const references = fullRows.filter((r) => !whole.includes(r));
  for (const r of near ? [] : references) {
    if (onCrossedPage.has(r)) continue;
    const crossing = crossedPairs(r, tokensOf(r.key), pageOthers(r, references));
    if (!crossing.length) continue;
    const columns = crossing.map((c) => APPLICANT_KEYS[c]);
    unproved(r, columns, `values of columns ${columns.join(', ')} each where other full rows of the page put the other`, `表三“${r.key}”行 ${columns.join('、')} 两列的数字各自印在本页其他完整行另一列的位置，按文字顺序无法证明它们所在的列，这几格记为空值`);
  }
  // A full row in two kinds of digits (ASCII and full-width) whose total is not the sum of its cells as printed:
  // pdftotext -layout may have printed a cell of one font out of its place (pdfCase('lay22-pdf', 335, undefined, {
  // tableLayouts: true }): "19 ３ 27 0 ５ 0 0" for 19 3 0 5 0 0 27, the total printed after commercial), and the break
  // would then be the extraction's, not the table's: the order is not proved, nor is the break.
  for (const r of fullRows) {
    const tokens = placed.get(r.key)!.tokens;
    if (whole.includes(r) || !r.glyphs.includes(ASCII_DIGITS) || !r.glyphs.includes(FULL_WIDTH_DIGITS) || b3HoldsBlankZero(tokens)) continue;
    const shown = shownTokens(tokens);
    unproved(
      r,
      APPLICANT_KEYS,
      `${WIDTH} values in print order: ${shown}, in two kinds of digits, not adding up`,
      `表三“${r.key}”行按文字顺序读，总计不等于各格之和，且混用半角与全角数字（提取文字时不同字体的字符可能前后错位）：无法证明各数字所在的列，也无法证明原表不符合勾稽关系，整行记为空值`,
      `a total that the row's cells add up to, or one kind of digits`,
    );
  }
  // Where the rules cannot be taken, a cell of theirs unread (or withdrawn above), but the bounds they set break in two
  // columns or more (boundsBrokenColumns) in text whose rows stand at shifting places: cells out of their columns'
  // order in rows that nothing above caught, which no row shows; those columns are withdrawn from every space row.
  const bounded = shuffled.length ? [] : boundsBrokenColumns(blanksAsZero(requests, placed, seen));
  withdrawShifting(
    bounded,
    `outcomes within 处理总计 and 处理总计 within 新收 and 上年结转 in columns ${bounded.join(', ')}`,
    `bounds of B1 or B2 broken in columns ${bounded.join(', ')}, rows printed at shifting places`,
    `表三各行的数字在提取的文字中位置前后不一，按文字顺序读，${bounded.join('、')} 几列中有办理结果超过处理总计、或处理总计超过新收与上年结转之和，说明有若干行的数字不在各自的列，无法确定是哪几行，这几列记为空值`,
  );
  return seen.size ? placementOf(counts) : placement;
}

const NONE_WITHDRAWN: ReadonlySet<string> = new Set();

/**
 * The reading with each cell printed blank ("—", "无") as 0, for the rules' sums: most tables print blank cells for
 * none, and a rule skipped for every blank would find nothing there. Cells not read, or `withdrawn` (`key.column`), stay
 * null (their rules are skipped).
 */
function blanksAsZero(requests: Requests, placed: ReadonlyMap<RequestKey, Placed>, withdrawn: ReadonlySet<string> = NONE_WITHDRAWN): Requests {
  const zeroed = { ...requests } as Requests;
  for (const [key, p] of placed) {
    const row = requests[key] as RequestRow | undefined;
    if (!row || p.tokens.length !== WIDTH) continue;
    let filled: RequestRow | null = null;
    for (let i = 0; i < WIDTH; i++) {
      const c = APPLICANT_KEYS[i];
      if (row[c] === null && p.tokens[i].kind === 'blank' && !(withdrawn.size && withdrawn.has(`${key}.${c}`))) (filled ??= { ...row })[c] = 0;
    }
    if (filled) (zeroed as Record<string, RequestRow>)[key] = filled;
  }
  return zeroed;
}

/** Makes every placed cell of a row null, each counted as unread. */
function nullRow(row: RequestRow, counts: { label: number; arithmetic: number; unread: number }): void {
  for (const c of APPLICANT_KEYS) {
    if (row[c] === null) continue;
    uncount(counts);
    row[c] = null;
  }
}

/** Counts a placed cell as unread: one fewer placed by label (or, when none are left, by arithmetic). */
function uncount(counts: { label: number; arithmetic: number; unread: number }): void {
  if (counts.label > 0) counts.label--;
  else counts.arithmetic--;
  counts.unread++;
}

/**
 * Withdraws the short rows beside numbers that no template row can take (parseTableB): after the tests of the table's
 * sums (withdrawSwaps), which look at those rows as read. Returns the table's placement counts.
 */
function withdrawBesideStray(requests: Requests, besideStray: ReadonlyMap<RequestKey, StrayBeside>, placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  for (const [key, b] of besideStray) {
    const row = requests[key] as RequestRow | undefined;
    if (!row || APPLICANT_KEYS.every((c) => row[c] === null)) continue;
    nullRow(row, counts);
    if (b.wrapped)
      log.warn(
        'row-short',
        b.line,
        `${WIDTH} numbers on the row's lines, and none printed where the template has no row`,
        `${b.own} over several lines, then ${b.stray} beside it`,
        `表三“${key}”行的数字分在几行印出（${b.own}），紧邻的未能归行的数字（${b.stray}）可能是该行在窄列中折行的数位或单元格，不能证明各数字所在的列，整行记为空值`,
        `requests.${key}`,
      );
    else
      log.warn(
        'row-short',
        b.line,
        `${WIDTH} numbers on the row's line, or none printed where the template has no row`,
        `${b.own}, then ${b.stray} beside it`,
        `表三“${key}”行只有 ${b.own}，少于 ${WIDTH} 个数字，而紧邻的未能归行的数字（${b.stray}）可能有该行的单元格，不能证明哪几格为空，整行记为空值`,
        `requests.${key}`,
      );
  }
  return placementOf(counts);
}

/**
 * Withdraws the rows that read a negative number (parseTableB, last): no count of table B is negative, and a dash
 * before digits is a blank mark run into the next cell's number ("7 -45" for 7, -, 45: pypdf leaves out spaces it judges
 * narrow, pdfCase('shape-pdf', 108)), so the row's cells are not where its reading put them. Returns the table's
 * placement counts.
 */
function withdrawNegative(requests: Requests, firstHits: Map<RequestKey, Hit>, placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  for (const key of Object.keys(requests) as RequestKey[]) {
    const row = requests[key] as RequestRow | undefined;
    const negative = row ? APPLICANT_KEYS.filter((c) => (row[c] ?? 0) < 0) : [];
    if (!row || !negative.length) continue;
    const found = negative.map((c) => `${c} ${row[c]}`).join(', ');
    nullRow(row, counts);
    log.warn(
      'cell-unreadable',
      firstHits.get(key)?.line ?? null,
      'counts of 0 or more',
      found,
      `表三“${key}”行读出负数（${found}）：申请数量不会是负数，多半是空白标记“-”与后一格的数字连在一起（提取文字时省去了空格），各数字所在的列无法确定，整行记为空值`,
      `requests.${key}`,
    );
  }
  return placementOf(counts);
}

/**
 * Rows that gap readings placed in the template's order (`inOrder`: no label beside their numbers) and whose exchange
 * with another such row makes B1 and B2 hold where the table as read breaks them (rowExchanges): the order was the
 * reading's assumption, and the arithmetic says the other, so both rows are null with a diagnostic, and no break is
 * reported for a reading that was not proved (two rows printed in each other's place, cell a line, no label order to
 * show it: ah60-swap-cl-1238 read as it was before 1.5.123). Returns the table's placement counts.
 */
function withdrawExchanges(requests: Requests, placed: ReadonlyMap<RequestKey, Placed>, inOrder: RequestKey[], placement: TablePlacement, log: DiagnosticLog): TablePlacement {
  if (inOrder.length < 2) return placement;
  const pairs = rowExchanges(blanksAsZero(requests, placed), inOrder);
  if (!pairs.length) return placement;
  const counts = { label: placement.byLabel, arithmetic: placement.byArithmetic, unread: placement.unread };
  const withdrawn = new Set<RequestKey>();
  for (const [a, b] of pairs) {
    const shown = `${a} = ${shownTokens(placed.get(a)!.tokens)}; ${b} = ${shownTokens(placed.get(b)!.tokens)}`;
    for (const key of [a, b]) {
      if (withdrawn.has(key)) continue;
      withdrawn.add(key);
      nullRow(requests[key] as RequestRow, counts);
      log.warn(
        'table-b-ambiguous',
        placed.get(key)!.line,
        'B1 and B2 holding with the rows in the order read',
        `breaks that ${a} and ${b} exchanged would mend: ${shown}`,
        `表三“${a}”与“${b}”两行的数字没有紧挨的行标签，按模板顺序读取后整表 B1/B2 不成立，两行互换则成立：原文未能证明两行的先后，两行记为空值`,
        `requests.${key}`,
      );
    }
  }
  return placementOf(counts);
}

/** Rows that add up with another column as their total (totalColumnMoved) before the text's order is refused. */
const MIN_MOVED_TOTALS = 3;

/**
 * The column other than the last that, in at least MIN_MOVED_TOTALS rows (blank cells as 0, some number above 0), is
 * the sum of the row's six other cells while the last is not, in more rows than those adding up as printed; else null.
 */
function totalColumnMoved(rows: RequestRow[]): number | null {
  const moved = new Array<number>(WIDTH).fill(0);
  let held = 0;
  // Plain loops over the row's cells (no array of them per row): this runs for every table.
  for (const row of rows) {
    let sum = 0;
    let blank = false;
    for (const c of APPLICANT_KEYS) {
      const v = row[c];
      if (v === null) {
        blank = true;
        break;
      }
      sum += v;
    }
    if (blank || sum <= 0) continue;
    if (2 * row[APPLICANT_KEYS[WIDTH - 1]]! === sum) held++;
    else for (let c = 0; c < WIDTH - 1; c++) if (2 * row[APPLICANT_KEYS[c]]! === sum) moved[c]++;
  }
  const best = moved.indexOf(Math.max(...moved));
  return moved[best] >= MIN_MOVED_TOTALS && moved[best] > held ? best : null;
}

/** How many other full rows of a page must show where its columns stand before a row's values are held to them. */
const MIN_REFERENCE_ROWS = 2;

/** Value v of the stream's space line k as printed (its places are character offsets: not for display-width text). */
function valueText(stream: Stream, lines: Line[], k: number, v: number): string {
  const spans = stream.spanLines[k];
  return lines[stream.spanAt[k]].raw.slice(spans[2 * v] % PAGE_WIDTH, spans[2 * v + 1] % PAGE_WIDTH);
}

/**
 * The places of the stream's values (character offsets: text laid out by x positions) without those printed with a
 * leading zero ("00", "027"): such a word may be two cells glued together ("0" and "0", "0" and "27"), and its span
 * across two columns would join their blocks into one, a grid then placing a value of the second column in the first
 * (pdfCase('hunt28-pdf', 332): "00" at 39–41 made natural's block take commercial's 0 at 40 from a row below).
 */
function withoutLeadingZeros(stream: Stream, lines: Line[]): number[][] {
  return stream.spanLines.map((spans, k) => {
    const kept: number[] = [];
    for (let v = 0; v + 1 < spans.length; v += 2) if (!LEADING_ZERO.test(valueText(stream, lines, k, v / 2))) kept.push(spans[v], spans[v + 1]);
    return kept;
  });
}

/** Glyphs that a report prints its cells in, each maybe from a font of its own: ASCII digits, full-width digits, 无, dashes. */
const GLYPH_CLASSES = [/[0-9]/, /[０-９]/, /无/, /[—–－]/];

/** The gap's reading without the rows that gather their numbers from several units, each withdrawn saying why. */
function withoutGathered(g: Gap, short: Hit, log: DiagnosticLog): PlacedRow[] {
  const whole = (r: PlacedRow) => g.units.some((u) => u.tokens.length === r.tokens.length && u.tokens.every((t, i) => t === r.tokens[i]));
  return g.reading!.filter((r) => {
    if (r.why || whole(r)) return true;
    const shown = shownTokens(r.tokens);
    const own = short.own!.length;
    log.warn(
      'table-b-unproved',
      r.line,
      `the row's ${WIDTH} numbers on one line, or every row beside it with all its numbers on its label's line`,
      `${shown} from several lines, beside ${short.key}, ${own} number(s) on its label's line`,
      `表三“${r.key}”行的数字 ${shown} 分印在几行，相邻的“${short.key}”行标签所在行只有 ${own} 个数字，其余数字印在别处，可能就在其中：不能证明属于该行，记为空值`,
      `requests.${r.key}`,
    );
    return false;
  });
}

/** The lines a row's tokens are, when they are exactly the tokens of units one after another (see Placed.valuesLines). */
function valuesLinesOf(units: Unit[], tokens: CellToken[]): number[] | undefined {
  const first = units.findIndex((u) => u.tokens[0] === tokens[0]);
  if (first < 0) return undefined;
  const out: number[] = [];
  let n = 0;
  for (let j = first; j < units.length && n < tokens.length; j++) {
    const u = units[j];
    if (u.spanLine < 0 || !u.tokens.every((t, i) => t === tokens[n + i])) return undefined;
    out.push(u.spanLine);
    n += u.tokens.length;
  }
  return n === tokens.length ? out : undefined;
}

/**
 * A row whose seven values stand on one line (its label's, or the line after its label) or on its label's line and the
 * lines it wraps onto, with their places.
 */
interface LineRow {
  key: RequestKey;
  /** The row's line (for diagnostics). */
  line: number;
  spans: number[];
  /** Its values printed in two kinds of glyphs (fonts), as GLYPH_CLASSES tells them apart. */
  mixed: boolean;
  /** Its slashes (blank marks) of one width, its digits of the other: "/ ０ / ０ ０ ０ ０" (SLASH_OTHER_WIDTH). */
  slashOtherWidth: boolean;
  /** How many lines its values stand on. */
  lines: number;
  /** For each value, which of those lines it stands on (0 for the first). */
  valueLines: number[];
  /** One of its lines held two numbers of two digit widths glued together, split apart in print order (Line.glued). */
  glued: boolean;
  /** Each value's kind of glyph (an index into GLYPH_CLASSES, −1 for none of them). */
  glyphs: number[];
  /** The columns of the run of lines it stands in that cross those of the other full lines of its page (columnGrids' `crossed`). */
  crossed: number[];
  /** Its first value stands at least LABEL_GAP characters past the text before it on its line: no label pushed it there. */
  firstApart: boolean;
}

/** How many characters at least between a line's text and its first value for that value not to be pushed by the text. */
const LABEL_GAP = 3;

/** How many characters of a line's text stand before its first value (the text's end, when it has one). */
function gapBeforeValues(stream: Stream, lines: Line[], k: number): number {
  const at = stream.spanLines[k][0] % PAGE_WIDTH;
  return at - lines[stream.spanAt[k]].raw.slice(0, at).trimEnd().length;
}

/**
 * Whether most lines of values stand LABEL_GAP characters or more past the text before them: text that places glyphs
 * by their x positions (pdftotext -layout), though its columns stand so near that most values are a space apart
 * (pdfCase('hunt38-pdf', 3)); text that separates values by a space (pdftotext -raw, copied text) starts them a space
 * after their label, or at the line's start.
 */
function indentedToColumns(stream: Stream, lines: Line[]): boolean {
  let apart = 0;
  let against = 0;
  for (let k = 0; k < stream.spanLines.length; k++) {
    if (stream.spanLines[k].length < 4) continue;
    if (gapBeforeValues(stream, lines, k) >= LABEL_GAP) apart++;
    else against++;
  }
  return apart > 2 * against;
}

/** The kind of glyph a printed value is in (an index into GLYPH_CLASSES), −1 for none of them. */
const glyphOf = (printed: string) => GLYPH_CLASSES.findIndex((g) => g.test(printed));
/** GLYPH_CLASSES' ASCII and full-width digits. */
const [ASCII_DIGITS, FULL_WIDTH_DIGITS] = [0, 1];
/** A slash of one width and digits of the other: two fonts, but the slash no digit to swap with (LineRow.slashOtherWidth). */
const SLASH_OTHER_WIDTH: [RegExp, RegExp][] = [
  [/\//, /[０-９]/],
  [/／/, /[0-9]/],
];

/** The rows read with their seven values' places (pdftotext -layout: where those values stand on their page). */
function lineRows(placed: Map<RequestKey, Placed>, firstHits: Map<RequestKey, Hit>, stream: Stream, lines: Line[], crossed: ReadonlyMap<number, number[]>): LineRow[] {
  const out: LineRow[] = [];
  for (const [key, p] of placed) {
    if (p.tokens.length !== WIDTH) continue;
    const hit = firstHits.get(key);
    const own = hit?.own && hit.spanLines.length ? hit.spanLines : null;
    const on = own ?? p.valuesLines;
    if (!on) continue;
    const spans = on.flatMap((k) => stream.spanLines[k]);
    if (spans.length !== 2 * WIDTH) continue;
    let values = '';
    for (const k of on) values += ` ${lines[stream.spanAt[k]].raw.slice(stream.spanLines[k][0] % PAGE_WIDTH)}`;
    const valueLines = on.flatMap((k, n) => new Array<number>(stream.spanLines[k].length / 2).fill(n));
    const glued = on.some((k) => lines[stream.spanAt[k]].glued);
    // (Character offsets: the rows are read so only where glyphs stand by their x positions, not a terminal's columns.)
    const glyphs = on.flatMap((k) => Array.from({ length: stream.spanLines[k].length / 2 }, (_, v) => glyphOf(valueText(stream, lines, k, v))));
    const mixed = GLYPH_CLASSES.filter((c) => c.test(values)).length >= 2;
    const slashOtherWidth = SLASH_OTHER_WIDTH.some(([slash, digits]) => slash.test(values) && digits.test(values));
    const firstApart = gapBeforeValues(stream, lines, on[0]) >= LABEL_GAP;
    out.push({ key, line: own ? hit!.line : p.line, spans, mixed, slashOtherWidth, lines: on.length, valueLines, glued, glyphs, crossed: [...new Set(on.flatMap((k) => crossed.get(k) ?? []))], firstApart });
  }
  return out;
}

/**
 * The rows read from a line where two numbers of two digit widths were glued (in print order, which two fonts' runs
 * do not prove: pdfCase('hunt24-pdf', 587)); the rows whose values on several lines stand one over another: a value
 * after the first on a later line where one of an earlier line stands (pdfCase('hunt22-pdf', 203): "1 0 无 无 无 1" over
 * a 无 under that 1, otherOrg's blank printed below the total's 1); and the rows in two kinds of glyphs with a value after the first that meets, give or take
 * JITTER characters, the same column's value of no other row (of `rows`) on its page, when at least
 * MIN_REFERENCE_ROWS of them are there, or a blank beside a 0 one of which overlaps a value of another column there.
 * The first value is left out where it stands against the text before it (a long label pushes it there), not where it
 * stands apart (pdfCase('hunt38-pdf', 3): "上年结转…数量         3 ０ ０ ０ 1 0 4", commercial's 3 printed nine spaces
 * past the label, where the other rows print commercial, before natural's full-width ０).
 */
function outOfColumns(rows: LineRow[], tokensOf: (key: RequestKey) => CellToken[], proved: ReadonlySet<ApplicantColumn>): LineRow[] {
  // A row whose order is not proved proves no other row's columns: the rows found are left out of the references
  // until no more are found (pdfCase('hunt21-pdf', 551): "4 ０ 3 0 0 0 7", legal's 3 where only a row itself out of
  // its columns printed research).
  const out = new Set<LineRow>();
  for (let found = true; found; ) {
    const references = rows.filter((r) => !out.has(r));
    const more = outOfColumnsAmong(references, tokensOf, proved);
    found = more.length > 0;
    for (const r of more) out.add(r);
  }
  return rows.filter((r) => out.has(r));
}

/**
 * The rows of `rows` out of their columns, each compared with the others (outOfColumns); `proved`: the columns where
 * the table's sums as read hold (column-sums.ts columnsProved).
 */
function outOfColumnsAmong(rows: LineRow[], tokensOf: (key: RequestKey) => CellToken[], proved: ReadonlySet<ApplicantColumn>): LineRow[] {
  return rows.filter((r) => {
    if (r.glued || (r.lines > 1 && stacksValues(r)) || squeezedAmongSpread(r, rows, proved)) return true;
    const tokens = tokensOf(r.key);
    const markedTotal = r.lines === 1 && totalMarkAmongNumbers(tokens);
    if (!r.mixed && !markedTotal && !r.slashOtherWidth) return false;
    const others = pageOthers(r, rows);
    if (others.length < MIN_REFERENCE_ROWS) return false;
    if (markedTotal && meetsOtherColumn(others, WIDTH - 1, r.spans[2 * WIDTH - 2], r.spans[2 * WIDTH - 1])) return true;
    if (firstOutOfColumn(r, others)) return true;
    if (!r.mixed) return false;
    for (let k = 1; k < WIDTH; k++) {
      // (A row on several lines is held to the blank-beside-0 test only: its lines' places are not its label line's.)
      if (r.lines === 1 && !meetsColumn(others, k, r.spans[2 * k], r.spans[2 * k + 1])) return true;
      if (blankBesideZero(tokens, k) && meetsOtherColumn(others, k, r.spans[2 * k], r.spans[2 * k + 1])) return true;
      if (swappableGlyphs(tokens, r, k, others)) return true;
    }
    return false;
  });
}

/**
 * The rows read in text whose columns stand a space apart (parseTableB's `near`) that are not placed in print order:
 * a first value out of its column (firstOutOfColumn), or a total read as a blank mark while the row prints a number.
 */
function outOfOrderNear(rows: LineRow[], tokensOf: (key: RequestKey) => CellToken[], proved: ReadonlySet<ApplicantColumn>): LineRow[] {
  return rows.filter((r) => firstOutOfColumn(r, pageOthers(r, rows)) || (r.lines === 1 && totalMarkAmongNumbers(tokensOf(r.key))) || squeezedAmongSpread(r, rows, proved));
}

/**
 * Whether a row on one line prints SQUEEZED_RUN values or more one after another at most SQUEEZED_GAP spaces apart
 * on a page where MIN_REFERENCE_ROWS other full rows, on one line too, print every value SPREAD_GAP spaces or more from
 * the next: the row was not laid out by where its cells stand, and its order is the extraction's (pdftotext -layout
 * flows such a run as it reads it, reversed at times: pdfCase('hunt44-pdf', 475), "0 2 0 2 ０ 0 ４" for 2 0 2 0, B3
 * holding either way). Rows spread out only in part prove no layout (pdfCase('hunt38-pdf', 3), a table whose columns
 * stand a space apart). A run in columns where B1 and B2 hold as read (`proved`) is kept: a reversed row would break them.
 */
function squeezedAmongSpread(r: LineRow, rows: readonly LineRow[], proved: ReadonlySet<ApplicantColumn>): boolean {
  if (r.lines !== 1) return false;
  const gap = (spans: readonly number[], c: number) => spans[2 * c + 2] - spans[2 * c + 1];
  let spread = 0;
  for (const q of rows) {
    if (q === r || q.lines !== 1 || pageOf(q.spans[0]) !== pageOf(r.spans[0])) continue;
    let apart = true;
    for (let c = 0; c < WIDTH - 1; c++) if (gap(q.spans, c) < SPREAD_GAP) apart = false;
    if (apart) spread++;
  }
  if (spread < MIN_REFERENCE_ROWS) return false;
  for (let k = 0; k + SQUEEZED_RUN <= WIDTH; k++) {
    let squeezed = true;
    let sumsHold = true;
    for (let c = k; c < k + SQUEEZED_RUN - 1; c++) if (gap(r.spans, c) > SQUEEZED_GAP) squeezed = false;
    for (let c = k; c < k + SQUEEZED_RUN; c++) if (!proved.has(APPLICANT_KEYS[c])) sumsHold = false;
    if (squeezed && !sumsHold) return true;
  }
  return false;
}

/** The places of the other rows (of `rows`) on a row's page. */
function pageOthers(r: LineRow, rows: LineRow[]): number[][] {
  return rows.filter((q) => q !== r && pageOf(q.spans[0]) === pageOf(r.spans[0])).map((q) => q.spans);
}

/**
 * Whether a row in two kinds of glyphs on one line (or of slashes of one width among digits of the other) has its
 * first value standing apart from the text before it and meeting, give or take JITTER characters, the first column of
 * none of `others` (the other rows of its page), when at least MIN_REFERENCE_ROWS of them are there.
 * (pdfCase('lay33-pdf', 767, undefined, { tableLayouts: true }): pdftotext -layout printed "/ ０ / ０ ０ ０ ０" three
 * columns right of the page's other rows, its first three cells last: nonprofit's slash where they print nonprofit.)
 */
function firstOutOfColumn(r: LineRow, others: number[][]): boolean {
  return (r.mixed || r.slashOtherWidth) && r.firstApart && r.lines === 1 && others.length >= MIN_REFERENCE_ROWS && !meetsColumn(others, 0, r.spans[0], r.spans[1]);
}

/**
 * Whether a row's total is a blank mark ("/", "—") while it prints a number: a mark where another full row of its
 * page has another column is that column's, set apart by the extraction with the marks above or below it
 * (pdfCase('hunt32-pdf', 396): "３３ ９ ０ ８ １６ ６６ /", legal's "/" printed after the total as the next row's was).
 */
function totalMarkAmongNumbers(tokens: CellToken[]): boolean {
  return tokens[WIDTH - 1]?.kind === 'blank' && tokens.some((t, c) => c < WIDTH - 1 && t.kind === 'number');
}

/** Whether a value of a row (after its first) stands over or under one of another of its lines: two cells in one place. */
function stacksValues(r: LineRow): boolean {
  for (let a = 1; a < WIDTH; a++)
    for (let b = a + 1; b < WIDTH; b++) if (r.valueLines[a] !== r.valueLines[b] && meets(r.spans[2 * a], r.spans[2 * a + 1], r.spans[2 * b], r.spans[2 * b + 1], 0)) return true;
  return false;
}

/** A run of this many values, each at most SQUEEZED_GAP spaces from the next, is squeezed (squeezedAmongSpread). */
const SQUEEZED_RUN = 3;
const SQUEEZED_GAP = 2;
/** How many spaces at least stand between the values of columns laid out apart by their x positions. */
const SPREAD_GAP = 3;

/** How many spaces at most stand between two values of different glyphs that pdftotext -layout may print swapped. */
const MAX_SWAP_GAP = 2;

/**
 * Whether cells k and k + 1 are different numbers printed in different glyphs (fonts) on one line, at most MAX_SWAP_GAP
 * spaces apart, each where another row of the page has the other's column: pdftotext -layout may put either before
 * the other (pdfCase('hunt27-pdf', 574): "30 ７ 3 2" for 30 3 7 2, B3 holding either way).
 */
function swappableGlyphs(tokens: CellToken[], r: LineRow, k: number, others: readonly number[][]): boolean {
  return r.glyphs[k + 1] !== r.glyphs[k] && r.spans[2 * k + 2] - r.spans[2 * k + 1] <= MAX_SWAP_GAP && placesCrossed(tokens, r, k, others);
}

/**
 * Whether cells k and k + 1 are different numbers on one line, each standing where another row of the page (`others`)
 * has the other's column: the two places prove neither order.
 */
function placesCrossed(tokens: CellToken[], r: LineRow, k: number, others: readonly number[][]): boolean {
  const j = k + 1;
  const [t, n] = [tokens[k], tokens[j]];
  if (t?.kind !== 'number' || n?.kind !== 'number' || n.value === t.value || r.valueLines[j] !== r.valueLines[k]) return false;
  const at = (v: number, column: number) => others.some((q) => meets(r.spans[2 * v], r.spans[2 * v + 1], q[2 * column], q[2 * column + 1], 0));
  return at(k, j) && at(j, k);
}

/**
 * The columns k and k + 1 of a full row whose cells stand each where other rows of its page print the other column,
 * as a run of rows prints them when pdftotext -layout puts one column at the place of the next where the rows below
 * print it, and the next where the rows above print the first (pdfCase('lay22-pdf', 231, undefined, { tableLayouts:
 * true }): "０ 779" at 46 and 58 for natural 779, commercial 0, the rows below printing commercial at 46 and the rows
 * above natural at 57–60; B3 holds either way and the run's rows agree with one another, so no place of theirs stands
 * out of its column). The first cell counts where it stands apart from the text before it (firstOutOfColumn).
 */
function crossedPairs(r: LineRow, tokens: CellToken[], others: readonly number[][]): number[] {
  if (r.lines !== 1 || others.length < MIN_REFERENCE_ROWS) return [];
  const out = new Set<number>();
  for (let k = r.firstApart ? 0 : 1; k + 1 < WIDTH; k++) if (placesCrossed(tokens, r, k, others)) out.add(k).add(k + 1);
  return [...out].sort((a, b) => a - b);
}

/** Whether cell k and a cell beside it are a blank and a 0: in each other's place they keep every sum. */
function blankBesideZero(tokens: CellToken[], k: number): boolean {
  const blank = (t: CellToken | undefined) => t?.kind === 'blank';
  const t = tokens[k];
  return (blank(t) && (isZeroCell(tokens[k - 1]) || isZeroCell(tokens[k + 1]))) || (isZeroCell(t) && (blank(tokens[k - 1]) || blank(tokens[k + 1])));
}

/**
 * Whether two full rows printed one after the other on a page (pdftotext -layout) put a value where the other puts a
 * value of another column: the text's places for the table's columns changed between them, so at least one of the
 * two runs of rows it parts may print its cells in another order than its columns.
 */
function layoutShifts(hits: Hit[], spanLines: number[][]): boolean {
  const rows = hits
    .filter((h) => h.spanLines.length === 1 && spanLines[h.spanLines[0]].length === 2 * WIDTH)
    .sort((x, y) => x.line - y.line)
    .map((h) => spanLines[h.spanLines[0]]);
  for (let r = 1; r < rows.length; r++) {
    const [a, b] = [rows[r - 1], rows[r]];
    for (let k = 0; k < WIDTH; k++)
      for (let j = 0; j < WIDTH; j++) if (k !== j && meets(a[2 * k], a[2 * k + 1], b[2 * j], b[2 * j + 1], 0)) return true;
  }
  return false;
}

/**
 * A line of numbers right after a row's label not proved that row's (wrappedLabelRows): other text stands between
 * (`text`), the row label before it still waits for its numbers (`waiting`), or the row's label does not go on after
 * it (`detached`), or the row's label line holds digits that read as no number (`pieces`: the numbers may be
 * cut, their other pieces there).
 */
interface Apart {
  unit: Unit;
  why: 'text' | 'waiting' | 'detached' | 'pieces';
}

/**
 * A gap whose numbers each come on one line right after a row's label, with nothing between but the rest of that label
 * (long labels wrapped round their numbers: "5.属于三类内" / "6 0 0 — — — 6" / "部事务信息"), some fewer than the
 * columns: each such row's numbers, read as if printed on its label's line (a short row: its blank cells printed as
 * nothing). On the numbers' line there may stand the rest of the label or the label of the row's group (a row-group
 * cell centred beside its rows). When the gap's rows do not each have one line of numbers, in order, a line is its
 * row's only when the row's label goes on after it (Unit.enclosed) and the row label before it has its numbers; the
 * other lines are `apart`, with why they are not proved.
 */
function wrappedLabelRows(g: Gap, hits: Hit[]): { rows: { key: RequestKey; tokens: CellToken[]; line: number; valuesLines?: number[] }[]; apart: Apart[] } | null {
  const rows = new Set(g.rows);
  const out: { key: RequestKey; tokens: CellToken[]; line: number; valuesLines?: number[] }[] = [];
  const apart: Apart[] = [];
  // Each row of the gap with one line of numbers, in order: every line is its row's. Otherwise a line right after a
  // row's label is not proved that row's when the row label before it still waits for its numbers: labels printed in a
  // block before their numbers ("一、…" / "二、…" / numbers: 一's, 二's dropped) look the same as a row printed blank
  // ("8.…" / "1.本机关不掌" / numbers: 1.'s).
  const aligned = g.units.length === g.rows.length && g.units.every((u, i) => hits[u.run - 1]?.key === g.rows[i]);
  const withUnits = new Set(g.units.map((u) => hits[u.run - 1]?.key));
  const waitsBefore = (h: number) => {
    for (let k = h - 1; k >= 0; k--) {
      const { key, own } = hits[k];
      if (!SUB_ROWS.has(key) && key !== hits[h].key) return !own && !withUnits.has(key);
    }
    return false;
  };
  for (let i = 0; i < g.units.length; i++) {
    const u = g.units[i];
    const hit = hits[u.run - 1];
    if (!hit || !rows.has(hit.key) || hit.own || hit.separator === 'pipe' || u.tokens.length > WIDTH || u.tokens.some((t) => t.kind === 'text')) return null;
    if (i > 0 && g.units[i - 1].run === u.run) return null;
    const label = TEMPLATE_LABEL.get(hit.key) ?? '';
    // Between the label and the numbers, and on the numbers' line, only the rest of the label or the label of the row's
    // group; or other text (pieces of a group's label among the rest of the row's), when each row of the gap has one
    // line of numbers, in order. Never a numbered label that names no row: a row left out may stand there.
    const rest = (!u.heading || within(u.heading, label)) && (!u.label || within(u.label, label) || matchGroup(u.label) === GROUP_OF.get(hit.key));
    const inOrder = aligned && !UNNAMED_ROW.test(u.heading) && !UNNAMED_ROW.test(u.label);
    const why = hit.garbled ? 'pieces' : inOrder ? null : !rest ? 'text' : waitsBefore(u.run - 1) ? 'waiting' : !u.enclosed ? 'detached' : null;
    if (why) apart.push({ unit: u, why });
    else out.push({ key: hit.key, tokens: u.tokens, line: u.line, valuesLines: u.spanLine >= 0 ? [u.spanLine] : undefined });
  }
  return out.length ? { rows: out, apart } : null;
}

interface Placed {
  tokens: CellToken[];
  line: number;
  by: 'label' | 'arithmetic';
  /** The numbers a short row printed (fewer than the columns), when `tokens` holds only what its total proves. */
  short?: CellToken[];
  /** Columns no reading proves (a row printed with fewer numbers than columns): null with a diagnostic. */
  open?: number[];
  /** Why the open columns are not proved, when not for a short row (the diagnostic's message). */
  why?: string;
  /** The cells a row whose order is not proved printed, when `tokens` keeps none of them (the diagnostic's `found`). */
  printed?: CellToken[];
  /** A row read from lines of numbers after its label: their values' places (indexes into `spanLines`). */
  valuesLines?: number[];
}

/**
 * Each label's numbers read as the values that follow it up to the next label, when the table is printed so: no
 * number before the first label, no unrecognised text among one label's numbers, none after a group's own label that has sub-rows, no label twice (but for a label
 * cut into pieces that each name the row, "2." / "其他法律行政法规禁止公开", with nothing between them), at most
 * seven numbers after any label. A run of seven is the row when its total is the sum of its cells (blank cells as 0); a
 * shorter run (blank cells printed as nothing) gives the cells every reading that keeps the total agrees on.
 */
function followingRuns(hits: Hit[], units: Unit[], present: RequestKey[]): Map<RequestKey, Placed> | null {
  if (units.some((u) => u.run === 0)) return null;
  const after = hits.map(() => ({ tokens: [] as CellToken[], line: 0, cluster: -1 }));
  for (const u of units) {
    const run = after[u.run - 1];
    // Text that names no row between a run's numbers (a label cut into pieces that were not recognised): whose
    // numbers follow it is not known.
    if (run.tokens.length && u.cluster !== run.cluster) return null;
    if (!run.tokens.length) Object.assign(run, { line: u.line, cluster: u.cluster });
    run.tokens.push(...u.tokens);
  }
  // One run per row: the pieces of a cut label with nothing between them are one label.
  const runs: { key: RequestKey; tokens: CellToken[]; line: number; garbled: boolean }[] = [];
  hits.forEach((h, r) => {
    const last = runs.at(-1);
    const { tokens, line } = after[r];
    if (last && last.key === h.key && !last.tokens.length) Object.assign(last, { tokens, line, garbled: h.garbled });
    else runs.push({ key: h.key, tokens, line, garbled: h.garbled });
  });
  if (new Set(runs.map((r) => r.key)).size !== runs.length) return null;
  const printed = new Set(present);
  const out = new Map<RequestKey, Placed>();
  let unprinted = false;
  for (const { key, tokens, line, garbled } of runs) {
    if (tokens.length > WIDTH || (!printed.has(key) && tokens.length)) return null;
    // Its numbers stand among digits that read as no number (see readStream): none of its cells is proved.
    if (garbled) continue;
    // A group's own line short of numbers in a table whose total row was not found: the template prints a group as a
    // label cell beside its sub-rows, whose numbers may follow it when its sub-rows' labels stand apart (poppler's
    // default mode, column blocks, the table's last rows not read as rows either).
    if (tokens.length < WIDTH && REQUEST_GROUP_KEYS.includes(key as RequestGroup) && !printed.has('handledTotal')) continue;
    if (!tokens.length) {
      unprinted ||= printed.has(key);
      // A row with no number after its label: blank, if every label's numbers follow it (the whole table's arithmetic
      // may then place the other rows' numbers).
      if (printed.has(key)) out.set(key, unprovedRow(line, []));
      continue;
    }
    if (tokens.length === WIDTH) {
      if (b3HoldsBlankZero(tokens)) out.set(key, { tokens, line, by: 'arithmetic' });
      continue;
    }
    const agreed = agreedCells(tokens);
    if (!agreed) {
      // Nothing proved by the row's own total (its numbers all zeros, say): the whole table's arithmetic may still be.
      if (!tokens.some((t) => t.kind === 'text')) out.set(key, unprovedRow(line, tokens));
      continue;
    }
    const open: number[] = [];
    const cells = agreed.cells.map((t, c) => t ?? (open.push(c), { kind: 'blank' as const, printed: '' }));
    out.set(key, { tokens: cells, line, by: 'arithmetic', open, short: tokens });
  }
  // A row printed without numbers, and none after the last label: the same numbers could as well be each row's numbers
  // printed before its label (the row without numbers being another one), every row's total holding either way.
  // Numbers after the last label belong to no row in that reading, so then they follow their labels.
  if (unprinted && !runs[runs.length - 1].tokens.length) return null;
  return out;
}

/** A short row of which nothing is proved yet: every column open, what it printed kept for the whole table's arithmetic. */
function unprovedRow(line: number, short: CellToken[]): Placed {
  return { tokens: Array.from({ length: WIDTH }, () => ({ kind: 'blank' as const, printed: '' })), line, by: 'arithmetic', open: [...APPLICANT_KEYS.keys()], short };
}

/** Each key's hit: its first with numbers, else its first. */
function firstHitOf(hits: Hit[]): Map<RequestKey, Hit> {
  const out = new Map<RequestKey, Hit>();
  // A label printed twice, first without numbers ("(二) 部分公开 (区分处理的, 只" / "计这一情形…) ７３０ ０ ０", the
  // rest naming the row again): the hit with numbers is the row's (its anchor, anchorsOf), whose separator, wrapped
  // lines and positions tell how they were read.
  for (const h of hits) if (!out.has(h.key) || (h.own && !out.get(h.key)!.own)) out.set(h.key, h);
  return out;
}

/**
 * The rows of 三、本年度办理结果 that start their line with their numeral ("（七）") left of where the row before them
 * started with its own, in text without pages laid out from a table's cells (a browser's dump; readers of PDFs place a
 * label where its glyphs stand, （一） often right of （二）, so a PDF's text is not asked): the row stands outside the
 * tall cell of 三、 that the row before it stands beside, so its cells were laid on another grid than theirs. lynx ends
 * that tall cell a row early: "（七）总计" then starts where 三 stands and its cells move one column left, a blank
 * 自然人 cell printed as nothing under the label's column (webCase('lay27-web', 796, { tableLayouts: true }): 商业企业 …
 * 总计's 0s under 自然人 … 其他). Where such a row's numbers stand proves no column.
 */
function outdentedRows(hits: readonly Hit[], lines: readonly Line[]): Set<RequestKey> {
  const out = new Set<RequestKey>();
  const seen = new Set<string>();
  let before = -1;
  for (const h of hits) {
    const numeral = h.separator === 'space' ? LEADING_OUTCOME_NUMERAL.exec(lines[h.at].raw) : null;
    if (!numeral || seen.has(numeral[2])) continue;
    seen.add(numeral[2]);
    const at = numeral[1].length;
    if (at < before) out.add(h.key);
    before = at;
  }
  return out;
}

/**
 * Whether a row read by where its numbers stand holds zeros only and leaves its total blank: its total, the sum of
 * its cells, then proves nothing of their columns (every shift of the zeros keeps it). Asked of text counted one
 * column a character (buildRequests' `byGlyphs`: PDF readers place a number where its glyphs stand, at places that
 * shift from row to row): there the positions alone are taken only where they put a number in the total's column.
 * pdftotext -layout printed the rows of a page at shifting places and "3.其他 0 0" (其他 and 总计) stood under
 * 法律服务机构 and 其他 of the grid (pdfCase('hunt50-pdf', 158)). A terminal's or a converter's dump counted by display
 * width lays each cell in its column (w3m, pandoc): asked of them too, this cost 1,700–2,000 cells a shape at 1,000
 * reports and closed no wrong one.
 */
function zerosWithoutTotal(reading: readonly CellToken[]): boolean {
  return reading[WIDTH - 1].kind !== 'number' && reading.every((t) => t.kind !== 'number' || t.value === 0);
}

/** The grid that places a row's values and where they stand, when all its lines lie in one run of a proved grid. */
function rowGrid(hit: Hit, spanLines: number[][], grids: (ColumnGrid | null)[]): { grid: ColumnGrid; spans: number[] } | null {
  const grid = grids[hit.spanLines[0]];
  if (!grid || hit.spanLines.some((i) => grids[i] !== grid)) return null;
  return { grid, spans: hit.spanLines.flatMap((i) => spanLines[i]) };
}

/**
 * A space row read beside its label whose cells cannot be placed in order: fewer numbers than columns, or numbers
 * wrapped from the next lines that the row's total does not confirm.
 */
function shortRow(p: { tokens: CellToken[]; by: 'label' | 'arithmetic' } | undefined, hit: Hit): boolean {
  if (!p || p.by !== 'label' || hit.separator !== 'space') return false;
  return p.tokens.length < WIDTH || (hit.wrapped && !(p.tokens.every((t) => t.kind === 'number') && b3Holds(p.tokens)));
}

/**
 * A laid-out line's label past the pieces of the labels printed down the columns on its left ("办理结果           信息
 * ０ …": 办理结果 of 三、本年度办理结果, then 信息, the rest of a row's label wrapped onto this line): its last column's
 * text when each column before it is a piece (two characters or more) of one of those labels; else '' (folded).
 */
function pastLeftLabels(line: Line): string {
  const columns: string[] = [];
  for (const printed of line.raw.split(COLUMN_GAP)) {
    const text = compact(printed);
    if (!text) continue;
    if (readCell(text).kind !== 'text') break;
    columns.push(text);
  }
  if (columns.length < 2) return '';
  const left = columns.slice(0, -1);
  return left.every((c) => c.length >= 2 && LEFT_LABELS.some((l) => l.includes(c))) ? columns.at(-1)! : '';
}

/** Whether text ends the row's template label (the rest of a label wrapped onto the next line). */
function endsTemplateLabel(key: RequestKey, text: string): boolean {
  return !!TEMPLATE_LABEL.get(key)?.endsWith(text);
}

/**
 * Whether `piece` goes on with the template label of `key` right after `spelled` (the row's label as printed from its
 * own line on): the two together begin that label, the piece adding to it.
 */
function spellsOn(key: RequestKey, spelled: string, piece: string): boolean {
  return !!spelled && !!piece && !!TEMPLATE_LABEL.get(key)?.startsWith(spelled + piece);
}

/**
 * A row's label as printed from where the row's template label starts in it, past its group's label or a piece of it
 * printed down the column beside it ("理1.信访": 理 of （五）不予处理; "(三)不予公开1.属于"): its longest end, of
 * MIN_LABEL_START characters at least, that begins the template label; the label as it is when none does.
 */
function labelStart(key: RequestKey, label: string): string {
  const zh = TEMPLATE_LABEL.get(key);
  for (let k = 0; zh && k <= label.length - MIN_LABEL_START; k++) if (zh.startsWith(label.slice(k))) return label.slice(k);
  return label;
}
/** The shortest start of a row's label that labelStart finds: an ordinal and a character ("1.属"). */
const MIN_LABEL_START = 3;

/** Whether `text` (a folded label without whitespace) is part of the template label of `key`, past its number. */
function labelRest(key: RequestKey, text: string): boolean {
  if (text.length < MIN_LABEL_REST) return false;
  const zh = TEMPLATE_LABEL.get(key);
  return !!zh && zh.indexOf(text) > 0;
}

/**
 * labelRest, maybe after a piece of a group's label printed down the column beside it ("理纳费用、行政机关…": 理 of
 * （六）其他处理, then the rest of 2.申请人逾期未按收费通知要求缴纳费用…).
 */
function restAfterGroupPiece(key: RequestKey, text: string): boolean {
  for (let k = 0; k <= MAX_GROUP_PIECE; k++) if (labelRest(key, text.slice(k))) return true;
  return false;
}
const MAX_GROUP_PIECE = 3;

/** Whether a row's values stand more than one space apart, most of them (columns kept by position). */
function laidOutRow(spans: number[]): boolean {
  let wide = 0;
  for (let k = 2; k + 1 < spans.length; k += 2) if (spans[k] - spans[k - 1] > 1) wide++;
  return wide * 2 > spans.length / 2 - 1;
}

/**
 * A row's numbers with the digits wrapped onto the next line joined back: each piece ends one of the row's numbers, in
 * order (under it, when both lines keep positions: within a character or two of it). Of every way to join them, the
 * one that makes the row's total the sum of its six cells (B3) is taken when it is the only one; null otherwise.
 */
function wrappedDigits(own: CellToken[], spans: number[] | null, pieces: CellToken[], pieceSpans: number[] | null): CellToken[] | null {
  // Positions count only where the row's line keeps its columns by spaces (pdftotext -layout), not in text whose values
  // stand one space apart, nor across a page break.
  const positioned = !!spans && !!pieceSpans && laidOutRow(spans) && pageOf(spans[0]) === pageOf(pieceSpans[0]);
  const under = (p: number, k: number) => !positioned || (pieceSpans![2 * k] >= spans![2 * p] - 2 && pieceSpans![2 * k] <= spans![2 * p + 1] + 1);
  const found: CellToken[][] = [];
  const choose = (k: number, from: number, joined: CellToken[]) => {
    if (found.length > 1) return;
    if (k === pieces.length) {
      if (addsUp(joined)) found.push(joined);
      return;
    }
    for (let p = from; p < WIDTH; p++) {
      if (joined[p].kind !== 'number' || !under(p, k)) continue;
      // A 0 is never continued: "０" over "５" is no 5, nor 05.
      const own = joined[p];
      if (own.kind === 'number' && own.value === 0) continue;
      const cell = readCell(`${joined[p].printed}${pieces[k].printed}`);
      if (cell.kind !== 'number') continue;
      choose(k + 1, p + 1, joined.map((t, q) => (q === p ? cell : t)));
    }
  };
  choose(0, 0, own);
  return found.length === 1 ? found[0] : null;
}

/**
 * The rows the report prints, in template order: a group is a row when none of its sub-rows is printed. Numbers on a
 * group's label line when its sub-rows are printed are a sub-row's: a terminal centres the group's tall cell among
 * them, and a sub-row's cells may stand a line above its label ("(三)" / "不予" / "公开 ７ … ７" over "5.属于三类内部
 * 事务信息", webCase('lay20-web', 550, { tableLayouts: true }): read as 不予公开's 7 and 7).
 */
function presentRows(hits: Hit[]): RequestKey[] {
  const keys = new Set<RequestKey>();
  for (const h of hits) keys.add(h.key);
  const out: RequestKey[] = [];
  for (const k of ORDER) {
    if (!keys.has(k)) continue;
    const subRows = SUB_ROWS.get(k);
    if (subRows && subRows.some((r) => keys.has(r))) continue;
    out.push(k);
  }
  return out;
}

/**
 * The hits whose row the template puts before a row named earlier in the text (groups aside): a label the extraction
 * printed out of its place, whose lines after it are not shown to be its row's (pdfminer's text boxes:
 * "1.属于国家秘密", "3.危及…" … "8.属于行政查询事项" in one box, then "2.其他法律行政法规禁止公开   0" and six lines of a
 * number each, 0 0 1 0 0 0 1 adding up by chance: pdfCase('lay31-pdf', 23, undefined, { tableLayouts: true })).
 */
function displacedHits(hits: Hit[]): Set<Hit> {
  const out = new Set<Hit>();
  let last = -1;
  for (const h of hits) {
    if (REQUEST_GROUP_KEYS.includes(h.key as RequestGroup)) continue;
    const at = RANK.get(h.key)!;
    if (at < last) out.add(h);
    last = Math.max(last, at);
  }
  return out;
}

/** Rows proved by a label on their own numbers' line: one per key (the first), in stream order. */
function anchorsOf(hits: Hit[], present: RequestKey[]): Hit[] {
  const seen = new Set<RequestKey>();
  const printed = new Set(present);
  const out: Hit[] = [];
  for (const h of hits) {
    if (!h.own || seen.has(h.key) || !printed.has(h.key)) continue;
    seen.add(h.key);
    out.push(h);
  }
  return out;
}

/**
 * The rows a gap may hold: the printed rows between its bounds, and the template's full rows there (a label lost by
 * extraction still has its numbers); a group line replaces its sub-rows only when printed.
 */
function rowSetsBetween(present: RequestKey[], lo: number, hi: number): RequestKey[][] {
  const printed: RequestKey[] = [];
  for (const k of present) if (RANK.get(k)! > lo && RANK.get(k)! < hi) printed.push(k);
  // A group printed as one line stays one row (its line), never nothing: dropping it would let a gap short of a row fit.
  const full: RequestKey[] = [];
  for (let r = lo + 1; r < hi && r < ORDER.length; r++) {
    const k = ORDER[r];
    if (SUB_ROWS.has(k) ? printed.includes(k) : !printed.includes(GROUP_OF.get(k) as RequestKey)) full.push(k);
  }
  const sets: RequestKey[][] = [];
  if (printed.length) sets.push(printed);
  if (full.length && !sameKeys(full, printed)) sets.push(full);
  return sets;
}

function sameKeys(a: RequestKey[], b: RequestKey[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The numbers between two proved rows of a Markdown table: when every other line there is a whole fenced row of seven
 * cells, a line of fewer numbers outside the table's fences (a page number, a piece of a label cell) is no row's and
 * is set apart; each whole row is still placed only by readGap's proof.
 */
function fencedRows(units: Unit[]): { rows: Unit[]; stray: Unit[] } {
  if (!units.some(wholeRow) || !units.some(looseRow) || !units.every((u) => wholeRow(u) || looseRow(u))) return { rows: units, stray: [] };
  return { rows: units.filter(wholeRow), stray: units.filter(looseRow) };
}

/** A whole fenced row of seven cells (fencedRows; module functions: under tsx a closure made per call is named at run time). */
function wholeRow(u: Unit): boolean {
  return u.fenced && u.tokens.length === WIDTH;
}

/** A line of fewer numbers outside the table's fences (fencedRows). */
function looseRow(u: Unit): boolean {
  return !u.fenced && u.tokens.length < WIDTH && u.tokens.every((t) => t.kind === 'number');
}

interface PlacedRow {
  key: RequestKey;
  tokens: CellToken[];
  line: number;
  /** Columns of a block read column by column whose order is not proved (see columnBlocks): null. */
  open?: number[];
  why?: string;
  /** The cells the reading took for a row whose order it does not prove (`why`, `tokens` then all blank): for its diagnostic. */
  printed?: CellToken[];
}
interface Gap {
  units: Unit[];
  cellCount: number;
  /** The rows of the chosen row set (for diagnostics). */
  rows: RequestKey[];
  /** The one reading that survived, or null. */
  reading: PlacedRow[] | null;
  /** How many structurally possible readings there were (before the arithmetic). */
  readings: number;
  /** How many distinct readings survived the arithmetic. */
  candidates: number;
  /** The distinct readings that keep every row's total (B3). */
  survivors: PlacedRow[][];
  /** Each survivor's order of the gap's cells (readingsOf): survivors of one order differ only in their blocks' order. */
  families: number[];
  problem: string;
}

/**
 * The rows the labels allow for a run of exactly seven cells standing between two row labels (and nothing else): the
 * row before it or the row after it (a row's numbers follow or precede its label). Keyed by the run's first cell.
 */
function labelledRuns(units: Unit[], labels: Labels): Map<number, { cells: number; allowed: RequestKey[] }> {
  const { hits } = labels;
  const out = new Map<number, { cells: number; allowed: RequestKey[] }>();
  const all = new Map<number, number>();
  for (const u of units) all.set(u.run, (all.get(u.run) ?? 0) + u.tokens.length);
  let offset = 0;
  for (const u of units) {
    const run = u.run;
    if (!out.has(offset) && run > 0 && run < hits.length && all.get(run) === WIDTH && units.find((x) => x.run === run) === u) {
      const allowed = runLabels(labels, run, all, units);
      if (allowed.length) out.set(offset, { cells: WIDTH, allowed });
    }
    offset += u.tokens.length;
  }
  return out;
}

/**
 * The rows whose labels stand beside the run of numbers between hits[run − 1] and hits[run]: the label after it, and
 * the labels printed one after another with no numbers between them right before it (a block of labels cut from their
 * cells, as PDF-to-Markdown prints a table's tall label cells). A label that stands on a line with a whole row of its
 * own numbers is no candidate: that row is read. When no label is left the run stands with none, and only its place
 * between proved rows can place it.
 */
function runLabels(labels: Labels, run: number, cellsOfRun: ReadonlyMap<number, number>, units: Unit[]): RequestKey[] {
  const { hits } = labels;
  const out: RequestKey[] = [];
  // Markdown rows print all seven cells, so a block of labels followed by exactly as many whole Markdown rows holds
  // those rows' labels: the run before the block is none of theirs (上海市科委: "| 4 … |", then 2.没有现成… and
  // 3.补正…, then their two rows).
  let m = run;
  while (m + 1 < hits.length && !hits[m].own && !(cellsOfRun.get(m + 1) ?? 0)) m++;
  const after = units.filter((u) => u.run === m + 1);
  let blockRows = 0;
  for (let k = run; k <= m; k++) if (!overRows(hits[k].key, labels)) blockRows++;
  const ownRows = blockRows >= 1 && !hits[m].own && after.length === blockRows && after.every((u) => u.fenced && u.tokens.length === WIDTH);
  if (!fullHit(hits[run]) && !ownRows) out.push(hits[run].key);
  for (let k = run - 1; k >= 0; k--) {
    if (fullHit(hits[k])) break;
    out.push(hits[k].key);
    if (hits[k].own || (cellsOfRun.get(k) ?? 0) > 0) break;
  }
  return out;
}

/** A label on a line with a whole row of its own numbers (runLabels). */
function fullHit(h: Hit): boolean {
  return !!h.own && h.own.length >= WIDTH;
}

/**
 * What the gap readers ask of a table's row labels, worked out once a table (its hits do not change after readStream;
 * asked of every hit for each gap, it made pdftotext text, a gap a row, cost some five times the rest of table B).
 */
interface Labels {
  hits: Hit[];
  /** Where each row's label is first printed (its first hit's `at`). */
  labelAt: Map<RequestKey, number>;
  /** The index in `hits` of the first hit on each line. */
  indexAt: Map<number, number>;
  /** The groups with a label of one of their sub-rows printed (see overRows). */
  grouped: Set<RequestKey>;
}

function labelsOf(hits: Hit[]): Labels {
  const labelAt = new Map<RequestKey, number>();
  const indexAt = new Map<number, number>();
  const grouped = new Set<RequestKey>();
  for (let j = 0; j < hits.length; j++) {
    const h = hits[j];
    if (!labelAt.has(h.key)) labelAt.set(h.key, h.at);
    if (!indexAt.has(h.at)) indexAt.set(h.at, j);
    const group = GROUP_OF.get(h.key);
    if (group) grouped.add(group);
  }
  return { hits, labelAt, indexAt, grouped };
}

/** A group's label over its sub-rows (a tall cell's text among the rows' labels): no row of its own. */
function overRows(k: RequestKey, labels: Labels): boolean {
  return labels.grouped.has(k);
}

/** Whether a reading keeps every labelled run whole and in a row its labels allow. */
function agreesWithLabels(order: number[][], rows: RequestKey[], runs: Map<number, { cells: number; allowed: RequestKey[] }>): boolean {
  for (const [first, run] of runs) {
    const r = order.findIndex((o) => o.includes(first));
    if (r < 0 || !run.allowed.includes(rows[r])) return false;
    for (let c = first; c < first + run.cells; c++) if (!order[r].includes(c)) return false;
  }
  return true;
}

/**
 * Where the print itself shows a row's bounds, so that a reading's rows are not a guess: a row is framed when its
 * seven cells are exactly one line's, exactly one cluster's (lines between two blank lines or labels), exactly one
 * labelled run, or one cell from each of seven clusters of the same size at the same place in each (a block of rows
 * printed column by column).
 */
function framing(units: Unit[], runs: Map<number, { cells: number; allowed: RequestKey[] }>): (row: number[]) => boolean {
  const unitOf: number[] = [];
  const clusterOf: number[] = [];
  const unitSize: number[] = [];
  const clusterSize = new Map<number, number>();
  const clusterStart = new Map<number, number>();
  units.forEach((u, k) => {
    unitSize.push(u.tokens.length);
    if (!clusterStart.has(u.cluster)) clusterStart.set(u.cluster, unitOf.length);
    clusterSize.set(u.cluster, (clusterSize.get(u.cluster) ?? 0) + u.tokens.length);
    for (let t = 0; t < u.tokens.length; t++) {
      unitOf.push(k);
      clusterOf.push(u.cluster);
    }
  });
  return (row) => {
    const first = row[0];
    const contiguous = row.every((c, i) => c === first + i);
    if (contiguous) {
      if (unitSize[unitOf[first]] === WIDTH && row.every((c) => unitOf[c] === unitOf[first])) return true;
      if (clusterSize.get(clusterOf[first]) === WIDTH && row.every((c) => clusterOf[c] === clusterOf[first])) return true;
      return runs.get(first)?.cells === WIDTH;
    }
    const size = clusterSize.get(clusterOf[first])!;
    const place = first - clusterStart.get(clusterOf[first])!;
    const seen = new Set<number>();
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      const k = clusterOf[c];
      if (seen.has(k) || clusterSize.get(k) !== size || c - clusterStart.get(k)! !== place) return false;
      seen.add(k);
    }
    return true;
  };
}

/**
 * The cells of rows printed column by column: seven blocks of one cell per row each, in print order. Which block is
 * which column is proved in one of two ways, else the blocks prove only what every order of them agrees on:
 * - the header text printed just above each block names exactly that block's column, in the header's order (poppler
 *   prints a narrow header cell's text with the column before or after it, so one named header is no proof, and
 *   several names above one block say nothing of the order of the blocks below them);
 * - otherwise B3 is the only arithmetic that tells columns apart, and it tells only the total: B1–B3 hold for every
 *   order of the six applicant columns, and poppler prints them out of order (the 自然人 block third, after 商业企业 and
 *   科研机构). The total is the one block equal, in every row, to the sum of the other six (blocks equal cell by cell
 *   are one); a row's applicant cells are proved only when all six blocks hold the same number in that row (then every
 *   order gives it), the others stay null.
 * Null when no block is the total in every row (a blank or misread cell, a block of another table, or the agency's
 * own break of B3, which is then not read as anything).
 */
function columnBlocks(blocks: CellToken[][], headings: string[]): { orders: CellToken[][][] | null; agreed: { rows: CellToken[][]; open: number[][] } } | null {
  const size = blocks[0].length;
  const rowsOf = (order: number[]) => Array.from({ length: size }, (_, r) => order.map((b) => blocks[b][r]));
  const printOrder = blocks.map((_, b) => b);
  if (headings.every((h, b) => headsColumn(h) === b)) {
    const rows = rowsOf(printOrder);
    return rows.every(b3Holds) ? { orders: [rows], agreed: { rows, open: rows.map(() => []) } } : null;
  }
  if (blocks.some((b) => b.some((t) => t.kind !== 'number'))) return null;
  const value = (b: number, r: number) => (blocks[b][r] as { value: number }).value;
  const isTotal = (t: number) => {
    for (let r = 0; r < size; r++) {
      let sum = 0;
      for (let b = 0; b < WIDTH; b++) if (b !== t) sum += value(b, r);
      if (Math.abs(sum - value(t, r)) > 1e-6) return false;
    }
    return true;
  };
  // Blocks equal cell by cell are one: orders that differ only by exchanging them give the same cells.
  const totals = distinctBlocks(blocks, printOrder.filter(isTotal));
  if (!totals.length) return null;
  const orders: number[][] = [];
  for (const total of totals) {
    const parts = printOrder.filter((b) => b !== total);
    for (const order of distinctOrders(blocks, parts)) {
      orders.push([...order, total]);
      if (orders.length > MAX_BLOCK_ORDERS) break;
    }
  }
  // The cells every order agrees on: the total when it is one block, an applicant cell when all six blocks agree.
  const rows: CellToken[][] = [];
  const open: number[][] = [];
  for (let r = 0; r < size; r++) {
    const total = totals.length === 1 ? blocks[totals[0]][r] : EMPTY_CELL;
    const parts = printOrder.filter((b) => b !== totals[0]);
    const same = totals.length === 1 && parts.every((b) => value(b, r) === value(parts[0], r));
    rows.push([...parts.map((b) => (same ? blocks[b][r] : EMPTY_CELL)), total]);
    open.push(printOrder.filter((c) => (c < WIDTH - 1 ? !same : totals.length > 1)));
  }
  return { orders: orders.length > MAX_BLOCK_ORDERS ? null : orders.map(rowsOf), agreed: { rows, open } };
}

/** The blocks among `from` with distinct cells (the first of each). */
function distinctBlocks(blocks: CellToken[][], from: number[]): number[] {
  return from.filter((b, i) => from.findIndex((x) => sameBlock(blocks[x], blocks[b])) === i);
}

/** Every order of the blocks `parts`, those that give the same cells once (blocks equal cell by cell are exchangeable). */
function distinctOrders(blocks: CellToken[][], parts: number[]): number[][] {
  const kinds = distinctBlocks(blocks, parts);
  const left = new Map(kinds.map((k) => [k, parts.filter((b) => sameBlock(blocks[b], blocks[k])).length]));
  const out: number[][] = [];
  const walk = (acc: number[]) => {
    if (out.length > MAX_BLOCK_ORDERS) return;
    if (acc.length === parts.length) return void out.push(acc);
    for (const k of kinds) {
      if (!left.get(k)) continue;
      left.set(k, left.get(k)! - 1);
      walk([...acc, k]);
      left.set(k, left.get(k)! + 1);
    }
  };
  walk([]);
  return out;
}

const sameBlock = (a: CellToken[], b: CellToken[]) => a.every((t, i) => sameCell(t, b[i]));

/** Applicant column names as printed in the header (compacted). */
const COLUMN_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** The columns a header text names (法人或其他组织, the group over five columns, names none). */
function columnsNamed(text: string): number[] {
  const plain = withoutGroupName(text);
  return COLUMN_NAMES.flatMap((name, i) => (plain.includes(name) ? [i] : []));
}

/** A header text without the name of the group over five columns (法人或其他组织), which names none of them. */
function withoutGroupName(text: string): string {
  return text.replace(/法人或其他组织/g, '');
}

/** The one column a header text names, or -1. */
function headsColumn(text: string): number {
  const named = columnsNamed(text);
  return named.length === 1 ? named[0] : -1;
}

/** Whether a template row between the first and the last of `rows` is not among them, nor its group's own line. */
function rowsLeftOut(rows: RequestKey[]): boolean {
  const ranks = rows.map((k) => RANK.get(k)!);
  const [lo, hi] = [Math.min(...ranks), Math.max(...ranks)];
  const kept = new Set(rows);
  return ORDER.some((k, r) => r > lo && r < hi && !SUB_ROWS.has(k) && !kept.has(k) && !kept.has(GROUP_OF.get(k) as RequestKey));
}

/**
 * Where the labels of the `keys` that `keep` keeps stand (labelAt; undefined for a key with no label), in the keys'
 * order. Pushed, not filter().map(): an optimized Array.prototype.map returns a holey array, and readGap, optimized on
 * the packed arrays of the first files, was deoptimized by it in the second or third pass over a corpus and compiled
 * again, some 400 ms of TurboFan a time (see lines.ts toLines).
 */
function labelsAt(keys: readonly RequestKey[], labelAt: ReadonlyMap<RequestKey, number>, keep: (key: RequestKey) => boolean): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  for (const k of keys) if (keep(k)) out.push(labelAt.get(k));
  return out;
}

/** Each row set's count of rows times `per` (1: rows, WIDTH: numbers), joined with 或 (pushed, not mapped: see labelsAt). */
function countsOf(rowSets: readonly RequestKey[][], per: number): string {
  let out = '';
  for (const set of rowSets) out += `${out ? ' 或 ' : ''}${set.length * per}`;
  return out;
}

/** `whole`: the gap is the whole table (no row stands with its numbers). */
function readGap(units: Unit[], rowSets: RequestKey[][], disordered: boolean, labels: Labels, whole: boolean, pieced: Set<CellToken>, spanLines: readonly number[][], paged: boolean): Gap {
  const { hits, labelAt } = labels;
  const cells: { t: CellToken; line: number; spanLine: number }[] = [];
  for (const u of units) for (const t of u.tokens) cells.push({ t, line: u.line, spanLine: u.spanLine });
  let unframed = 0;
  let conflicts = 0;
  const gap: Gap = { units, cellCount: cells.length, rows: rowSets[0] ?? [], reading: null, readings: 0, candidates: 0, survivors: [], families: [], problem: '' };
  if (disordered) {
    gap.problem = '前后两个有标签的行顺序与模板不符';
    return gap;
  }
  // A numbered label that names no row, among the gap's numbers ("8.属于行政查" / "询事项" / "1.XYZ不掌" / numbers), when
  // a template row within the gap's rows was not found (nor its group's line): that row may stand there, its numbers
  // read as its neighbours', so reading the numbers in the template's order proves nothing.
  const stranger = units.find((u) => UNNAMED_ROW.test(u.heading));
  if (stranger && rowsLeftOut(rowSets[0] ?? [])) {
    gap.problem = `数字前有无法识别的行标签“${stranger.heading}”`;
    return gap;
  }
  // A group's numeral beside numbers in a label that names no row ("(六) 其他处 ４１７ - - ０ - ９５ ５１２" over "理", a
  // group printed as one row, its label cut), when a template row between the gap's bounds is not printed: the numbers
  // may be that row's (pdfCase('lay23-pdf', 979, undefined, { tableLayouts: true }): read as (七)总计's, the next row).
  const numbered = units.find((u) => UNNAMED_GROUP.test(u.label));
  if (numbered && rowSets.length > 1) {
    gap.problem = `数字前有无法识别的行标签“${numbered.label}”`;
    return gap;
  }
  // Readings follow the template's order: when the gap's own labels stand in another order (two rows printed in each
  // other's place), no reading in template order is proved.
  // Only labels that stand between numbers, a run of exactly seven on one side, count: a label printed in a block of
  // labels (a tall cell's label centred between other rows, a label block after the table) says nothing of order.
  const runCells = new Map<number, number>();
  for (const u of units) runCells.set(u.run, (runCells.get(u.run) ?? 0) + u.tokens.length);
  // A run of numbers printed after a label and ended by other text (a group label's piece), or begun after other text
  // and ended by a label: a label with exactly seven such numbers stands with its row's numbers. (Seven numbers
  // between two labels belong to either: that says nothing of order.)
  const runHead = new Map<number, { cells: number; closed: boolean }>();
  const runTail = new Map<number, { cells: number; afterText: boolean }>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const joined = i > 0 && units[i - 1].run === u.run && !u.heading;
    const head = runHead.get(u.run);
    // (Text between a label and its first numbers may be the rest of the label, wrapped.)
    if (!head) runHead.set(u.run, { cells: u.tokens.length, closed: false });
    else if (!head.closed) Object.assign(head, joined ? { cells: head.cells + u.tokens.length } : { closed: true });
    const tail = runTail.get(u.run);
    runTail.set(u.run, joined && tail ? { cells: tail.cells + u.tokens.length, afterText: tail.afterText } : { cells: u.tokens.length, afterText: !!u.heading });
  }
  const standing = new Set<RequestKey>();
  /** Row labels (their first hit) with numbers just before or after them. */
  const beside = new Set<RequestKey>();
  // Only a label right before or after one of the gap's runs has numbers beside it (run r: the units between hits r − 1 and r).
  const besideRuns = new Set<number>();
  for (const run of runCells.keys()) for (const j of [run - 1, run]) if (j >= 0 && j < hits.length) besideRuns.add(j);
  for (const j of besideRuns) {
    const h = hits[j];
    // A label wrapped onto the next line, each piece a hit of the row, nothing between them ("5.要求行政机关确认或" /
    // "重新出具已获取信息"): the numbers before its first piece and after its last are beside it.
    let first = j;
    while (first > 0 && hits[first - 1].key === h.key && !runCells.get(first)) first--;
    const before = runCells.get(first) ?? 0;
    const after = runCells.get(j + 1) ?? 0;
    if (labelAt.get(h.key) !== hits[first].at) continue;
    if (before > 0 || after > 0) beside.add(h.key);
    // A label with no numbers before it and seven after, then a label with numbers after it: the seven are the first
    // label's (the second has its own).
    const leads = before === 0 && after === WIDTH && (runCells.get(j + 2) ?? 0) > 0;
    if ((before > 0 && after > 0 && (before === WIDTH || after === WIDTH)) || leads || standsByText(first, j, runTail, runHead)) standing.add(h.key);
  }
  // A row label printed among the gap's numbers with a run of exactly seven on one side (a row whose numbers come
  // before its label, then other text) counts as well: two such labels in another order than the template's are two
  // rows printed in each other's place.
  const [firstAt, lastAt] = [units[0].at, units[units.length - 1].at];
  const order = labelsAt(rowSets[0] ?? [], labelAt, (k) => standing.has(k) || amongNumbers(k, labelAt.get(k), labels, runCells, firstAt, lastAt)) as number[];
  // Within a block of labels printed one after another with no numbers between them (a detached label block), the row
  // labels (not the group labels, which a tall cell centres among them) must follow the template's order too.
  const gapRows = new Set(rowSets[0] ?? []);
  // A group label over sub-rows is printed in a tall cell, centred among them (overRows); a group printed as one row
  // of its own (no sub-row printed) is a row label like any other.
  let blockInverted = false;
  for (let j = 1; j < hits.length && !blockInverted; j++) {
    const a = hits[j - 1];
    const b = hits[j];
    if ((runCells.get(j) ?? 0) > 0 || !gapRows.has(a.key) || !gapRows.has(b.key)) continue;
    if (overRows(a.key, labels) || overRows(b.key, labels)) continue;
    blockInverted = RANK.get(b.key)! < RANK.get(a.key)!;
  }
  // Between rows read whole, the labels of the gap's rows wherever they are printed (a converter may print a label rows
  // before its numbers, among another run's labels) must stand in the template's order too: two rows printed in each
  // other's place, one label moved away, leave no inversion within one block. (A table with no row read whole is
  // read as one gap, by its column blocks or runs, whose own order checks apply.)
  const printedAt = whole ? [] : (labelsAt(rowSets[0] ?? [], labelAt, (k) => !overRows(k, labels)) as number[]);
  const scattered = printedAt.some((at, i) => i > 0 && at < printedAt[i - 1]);
  // Two row labels in reversed order around one run of numbers, exactly the numbers of the rows from the one the
  // template puts first to the other: with its numbers after its label or before it, either row's numbers come first
  // in the text, so a reading in the template's order contradicts both (ah61-swap-cl-33: "5.属于三类内部事务信息", 14
  // numbers, "4.保护第三方合法权益", two rows of zeros and blank marks, the same sums either way).
  let bracketed = false;
  for (let j = 1; j < hits.length && !bracketed; j++) {
    const [a, b] = [hits[j - 1], hits[j]];
    if (!gapRows.has(a.key) || !gapRows.has(b.key) || overRows(a.key, labels) || overRows(b.key, labels)) continue;
    const span = RANK.get(a.key)! - RANK.get(b.key)! + 1;
    bracketed = span > 1 && runCells.get(j) === span * WIDTH && labelAt.get(a.key) === a.at && labelAt.get(b.key) === b.at;
  }
  if (blockInverted || scattered || bracketed || order.some((at, i) => i > 0 && at < order[i - 1])) {
    gap.problem = '其间各行标签的先后顺序与模板不符（可能有两行互换），按模板顺序对应数字无法证明';
    return gap;
  }
  const sets = rowSets.filter((s) => s.length * WIDTH === cells.length);
  // A row whose label's line holds digits that read as no number (a number's head cut in its narrow cell, "1.本机关不掌
  // １,３"): one of the gap's numbers is that number's rest, so the row's seven are not among them whole
  // (webCase('lay20-web', 265, { tableLayouts: true }): "２８ / 151 １ 1 / 1,481" read as the row, natural 28 for 1,328).
  const cut = sets.length ? hits.find((h) => h.headOnLabel && sets.some((set) => set.includes(h.key))) : undefined;
  if (cut) {
    gap.problem = `“${cut.key}”行标签所在行夹有无法识别的数字（被拆开的数字的一部分），其余部分在这些数字之中`;
    return gap;
  }
  if (!sets.length) {
    gap.problem = rowSets.length
      ? `其间模板有 ${countsOf(rowSets, 1)} 行，需 ${countsOf(rowSets, WIDTH)} 个数字，实有 ${cells.length} 个`
      : '其间模板没有可放的行';
    return gap;
  }
  if (detachedLines(units, labels, gapRows)) {
    gap.problem = '几行数字与一组行标签分开印出，各行数字的先后由文本抽取工具排定（有的工具按文本块排列），不能证明与标签同序';
    return gap;
  }
  const runs = labelledRuns(units, labels);
  const framed = framing(units, runs);
  // A row label with numbers between it and each label beside it, and numbers right after it (no text between): a row
  // read from contiguous cells begins there, or ends with the last number before the label (a vertical group label's
  // piece may stand between them). Else the label stands against another row's numbers (two rows printed in each
  // other's place).
  const touching = new Map<RequestKey, { first: number; last: number }>();
  {
    let offset = 0;
    const firstOfRun = new Map<number, { cell: number; heading: string }>();
    const lastOfRun = new Map<number, number>();
    for (const u of units) {
      if (!firstOfRun.has(u.run)) firstOfRun.set(u.run, { cell: offset, heading: u.heading });
      offset += u.tokens.length;
      lastOfRun.set(u.run, offset - 1);
    }
    for (const [j, last] of lastOfRun) {
      const h = hits[j];
      const next = firstOfRun.get(j + 1);
      if (!h || labelAt.get(h.key) !== h.at || !next || next.heading) continue;
      touching.set(h.key, { first: next.cell, last });
    }
  }
  const cellAt: number[] = [];
  /** The header text printed just above cell c when c is the first cell of its unit (else ''). */
  const headings: string[] = [];
  /** The unit cell c was printed in. */
  const unitOf: number[] = [];
  units.forEach((u, k) => {
    for (let t = 0; t < u.tokens.length; t++) {
      cellAt.push(u.at);
      headings.push(t === 0 ? u.heading : '');
      unitOf.push(k);
    }
  });
  /** Distinct readings that keep every row's total (readings that give the same cells are one). */
  const survivors: PlacedRow[][] = [];
  /** Each survivor's order of the gap's cells (readingsOf): survivors of one order differ only in their blocks' order. */
  const families: number[] = [];
  let family = 0;
  for (const rows of sets) {
    gap.rows = rows;
    for (const order of readingsOf(units, rows.length)) {
      gap.readings++;
      if (runs.size && !agreesWithLabels(order, rows, runs)) {
        conflicts++;
        continue;
      }
      if (!order.every((row, r) => framed(row) || byOwnLabel(row, r, rows, labelAt, beside, cellAt))) {
        unframed++;
        continue;
      }
      if (!order.every((row, r) => besideOwnLabel(row, touching.get(rows[r]))) || (paged && sidesSwitch(order, rows, touching))) {
        conflicts++;
        continue;
      }
      // One reading, or one per order of the column blocks that nothing printed proves (see columnBlocks).
      let variants: PlacedRow[][] = [[]];
      let holds = true;
      for (let r = 0; r < rows.length && holds; r++) {
        const step = order[r][1] - order[r][0];
        if (step > 1) {
          // Rows r … r + step − 1 printed column by column: seven blocks of `step` cells.
          const blocks = Array.from({ length: WIDTH }, (_, c) => cells.slice(order[r][0] + c * step, order[r][0] + (c + 1) * step).map((x) => x.t));
          const proof = columnBlocks(blocks, blocks.map((_, c) => headings[order[r][0] + c * step]));
          holds = proof !== null;
          if (!proof) break;
          const placedRows = (tokens: CellToken[][], open?: number[][]) =>
            tokens.map((t, i): PlacedRow => ({ key: rows[r + i], tokens: t, line: cells[order[r + i][0]].line, ...(open?.[i].length ? { open: open[i], why: COLUMN_ORDER_UNPROVED } : {}) }));
          // Blocks holding every row of the table: each order of them keeps B1 and B2 if any does (a column's rows
          // move together), so only what all orders agree on can be proved.
          const everyRow = whole && step === rows.length;
          if (proof.orders?.length === 1) for (const v of variants) v.push(...placedRows(proof.orders[0]));
          else if (proof.orders && !everyRow && variants.length * proof.orders.length <= MAX_BLOCK_ORDERS) variants = variants.flatMap((v) => proof.orders!.map((o) => [...v, ...placedRows(o)]));
          else for (const v of variants) v.push(...placedRows(proof.agreed.rows, proof.agreed.open));
          r += step - 1;
          continue;
        }
        const tokens: CellToken[] = [];
        for (const c of order[r]) tokens.push(cells[c].t);
        // Numbers printed apart from their row's label, before it or another row's label or numbers between (pdfminer's
        // text boxes: the labels' boxes, then the numbers'), a row's on several lines of a few numbers each: several
        // boxes, in the extraction's order, not proved the row's (pdfCase('lay25-pdf', 438, undefined, { tableLayouts:
        // true }): "０ ０ / ０ -", "０", "-", the last two boxes in reversed order, another row's label between them and
        // the row's; pdfCase('lay34-pdf', 233, …): "0 0 0 0 0 1" then "1" right before the row's label, natural's 1 in
        // the second box, read 1 in otherOrg).
        const boxed = inBoxes(order[r].map((c) => cells[c].line)) && tokens.some((t) => t.printed !== tokens[0].printed) && apartFromLabel(order[r], r, rows, labels, cellAt);
        // A row whose total breaks B3 as printed (blank cells as 0) and holds with its last two cells changed places:
        // the extraction may have put two close cells in reversed order (as for a row beside its label, totalSwapped).
        // A row on several laid-out lines, one starting left of the end of the line above (a cell of a tall row printed
        // a line higher or lower, at its column): in line order its cells are not in their columns' order (interleaved).
        const rowLines = [...new Set(order[r].map((c) => cells[c].spanLine))];
        const stacked = rowLines.length > 1 && rowLines.every((l) => l >= 0) && interleaved(rowLines.map((l) => spanLines[l]));
        const why = boxed ? BOXES_UNPROVED : headedApart(order[r], tokens, unitOf, headings) ? HEADED_UNPROVED : stacked ? lineOrderUnproved(tokens) : totalSwapped(tokens) ? lastTwoUnproved(tokens) : null;
        // A row the reading places is proved by its total, blank cells as 0: a blank cell left nothing to check, and a
        // reading one row off held so ("0 ０ 1 0 8" + "/ /" for 5 2 0 0 1 0 8, the next row's blank marks taken as its
        // last two cells, pdfCase('lay38-pdf', 409, undefined, { tableLayouts: true }), poppler's default mode). A row
        // left unplaced for its order (why), or holding a cell that reads as no number (a cut number's piece), is
        // checked as before, blank cells checking nothing; a number joined from its cut pieces only by the total.
        const unchecked = why !== null || tokens.some((t) => t.kind === 'text');
        holds = tokens.some((t) => pieced.has(t)) || !unchecked ? b3HoldsBlankZero(tokens) : b3Holds(tokens);
        const row: PlacedRow = why ? { key: rows[r], tokens: tokens.map(() => EMPTY_CELL), line: cells[order[r][0]].line, open: ALL_COLUMNS, why, printed: tokens } : { key: rows[r], tokens, line: cells[order[r][0]].line };
        for (const v of variants) v.push(row);
      }
      if (!holds) continue;
      // The orders of one family's blocks give distinct cells (columnBlocks); another order may give the same reading.
      const before = survivors.length;
      family++;
      for (const reading of variants) {
        if (survivors.slice(0, before).some((x) => sameReading(x, reading))) continue;
        survivors.push(reading);
        families.push(family);
      }
    }
  }
  gap.families = families;
  gap.candidates = survivors.length;
  gap.survivors = survivors;
  if (survivors.length === 1) {
    gap.reading = survivors[0];
    gap.rows = gap.reading.map((r) => r.key);
  } else if (survivors.length === 0)
    gap.problem = conflicts
      ? `按模板顺序的读法与原文中行标签紧挨的数字不符（可能行序被调换或缺行），无法确定`
      : unframed === gap.readings
        ? `这些数字与行标签分开印出，排版也看不出每行从哪里开始（不是一行一组、不是逐列成块），仅凭每行总计无法证明各数字属于哪一行`
        : `按行、按列的 ${gap.readings} 种读法都不满足每行“总计 = 六类申请人之和”`;
  else gap.problem = `有 ${survivors.length} 种读法都满足表内勾稽关系（${survivors.slice(0, 3).map(showReading).join('；或 ')}），无法确定`;
  return gap;
}

/**
 * Whether the run of numbers before a label (its first piece, hit `first`) follows text and holds exactly seven, or
 * the run after it (after its last piece, hit `last`) is closed by text after exactly seven (readGap's runTail and
 * runHead): the label stands with its row's numbers. (readGap's tests are module functions: under tsx a closure made
 * per call is named at run time.)
 */
function standsByText(first: number, last: number, runTail: ReadonlyMap<number, { cells: number; afterText: boolean }>, runHead: ReadonlyMap<number, { cells: number; closed: boolean }>): boolean | undefined {
  const tail = runTail.get(first);
  const head = runHead.get(last + 1);
  return (tail?.afterText && tail.cells === WIDTH) || (head?.closed && head.cells === WIDTH);
}

/**
 * Whether row k's label (first printed at `at`) stands among a gap's numbers (between its first and last lines) with
 * a run of exactly seven on one side. A group's label over its sub-rows is centred among them (overRows) and says
 * nothing of order; a group printed as one row of its own is a row label like any other (ah60-swap-cl-1238: (六)其他处理
 * printed as one row after (七)总计, the two rows in each other's place).
 */
function amongNumbers(k: RequestKey, at: number | undefined, labels: Labels, runCells: ReadonlyMap<number, number>, firstAt: number, lastAt: number): boolean {
  const j = at === undefined ? -1 : (labels.indexAt.get(at) ?? -1);
  return !overRows(k, labels) && at !== undefined && at > firstAt && at < lastAt && ((runCells.get(j) ?? 0) === WIDTH || (runCells.get(j + 1) ?? 0) === WIDTH);
}

/**
 * Whether a reading's row of contiguous cells begins right after its label's numbers start or ends with the last
 * number before the label (`touching`: readGap's cells of the runs beside the label), or is not such a row.
 */
function besideOwnLabel(row: number[], touching: { first: number; last: number } | undefined): boolean {
  if (!touching || !row.every((c, i) => c === row[0] + i)) return true;
  return row[0] === touching.first || row[row.length - 1] === touching.last;
}

/**
 * Whether a reading takes a row's numbers from after its label for one row and from before its label for another
 * whose label has numbers right after it too, which the reading gives to the next row: the numbers then stand on both
 * sides of that label, and reading the rows in the template's order chose a side for it that nothing proves. Asked of
 * text with pages only (readGap's `paged`: a PDF reader may print a block out of place): poppler's default mode
 * printed 3.其他's seven zeros before (一)予以公开, every other row's numbers after its label; read in order, each row
 * from (一) to (六) took the numbers before its label, every total holding either way (pdfCase('lay20-pdf', 481,
 * undefined, { tableLayouts: true })). Text without pages whose rows put their numbers after, inside or before their
 * labels row by row (a cell per line copied from a page: the tests' cell-lines shape) reads the same tokens in order,
 * each side taken where it stands. A table whose every row's numbers come before its label does not switch; nor does a
 * row whose numbers come before its label with no number right after it (a tall row's numbers printed above its
 * label, pdfplumber's text of 洪泽区 2023).
 */
function sidesSwitch(order: number[][], rows: RequestKey[], touching: ReadonlyMap<RequestKey, { first: number; last: number }>): boolean {
  const firsts = new Set(order.map((row) => row[0]));
  let after = false;
  let before = false;
  order.forEach((row, r) => {
    const t = touching.get(rows[r]);
    if (!t) return;
    if (row[0] === t.first) after = true;
    else if (row[row.length - 1] === t.last && firsts.has(t.first)) before = true;
  });
  return after && before;
}

/**
 * Whether lines of a whole row's numbers that stand apart from their labels (two lines or more at the head of one
 * run, nothing between them, space-separated as PDF text is) follow a block of two row labels or more with nothing between them: pdfminer prints a table's text boxes in
 * the order of its layout analysis, the labels in one block and each row's numbers as a line of their own, and a tall
 * row's line can come after a shorter row's below it ("1.申请人无正当理由…", "2.申请人逾期未按…", "3.其他" in one box,
 * then the lines of 2., 1. and 3., each a box: an empty line before it). Every order of whole rows keeps B1–B3, so nothing proves the lines' order, unless the
 * lines are all alike. (Markdown rows, fenced, keep the table's order.)
 */
function detachedLines(units: Unit[], labels: Labels, gapRows: ReadonlySet<RequestKey>): boolean {
  const { hits } = labels;
  // The lines each run begins with, each a text box of its own (an empty line before it, no text: a wrapped label's
  // rest between two lines, or lines one after another, are a layout by position, pdfplumber's, a row's numbers
  // centred between its label's lines).
  const linesOfRun = new Map<number, string[]>();
  const ended = new Set<number>();
  let cluster = -1;
  for (const u of units) {
    if (ended.has(u.run)) continue;
    const boxed = !linesOfRun.has(u.run) || u.cluster !== cluster;
    cluster = u.cluster;
    if (u.heading || !boxed || u.spanLine < 0 || u.fenced || u.tokens.length !== WIDTH) {
      ended.add(u.run);
      continue;
    }
    linesOfRun.set(u.run, [...(linesOfRun.get(u.run) ?? []), u.tokens.map((t) => t.printed).join(' ')]);
  }
  const withNumbers = new Set(units.map((u) => u.run));
  for (const [run, lines] of linesOfRun) {
    // Lines all alike (rows of zeros) read the same in any order.
    if (lines.length < 2 || lines.every((l) => l === lines[0]) || run < 2 || withNumbers.has(run - 1)) continue;
    // The labels in one box: no empty line before the last of them.
    const [a, b] = [hits[run - 2], hits[run - 1]];
    if (!b.afterBlank && gapRows.has(a.key) && gapRows.has(b.key) && !overRows(a.key, labels) && !overRows(b.key, labels)) return true;
  }
  return false;
}

/**
 * Whether a row's numbers stand in several units with column header words between them, the headers not naming each
 * unit's own column, and its six applicant cells are not all alike (readGap's HEADED_UNPROVED). Poppler's default mode
 * prints the head of a page's table as text blocks in its own order: "自然人 商业企业 科研机构", then 0, 0 and 3 each a
 * block, then 社会公益组织, 0, …, the 3 of 自然人 third (pdfCase('lay27-pdf', 469, undefined, { tableLayouts: true }):
 * 结转下年度 read 0 0 3, its 3 put under 科研机构, which then chose the order of the column blocks above it by B1).
 */
function headedApart(row: readonly number[], tokens: readonly CellToken[], unitOf: readonly number[], headings: readonly string[]): boolean {
  if (unitOf[row[0]] === unitOf[row[row.length - 1]]) return false;
  // Header words between the numbers, not only above the first (a header printed whole before a row's blocks says
  // nothing of their order, nor against it: 洪泽区 2023 in poppler's default mode).
  if (!row.slice(1).some((c) => namesSomeColumns(headings[c]))) return false;
  if (row.every((c, i) => !headings[c] || headsColumn(headings[c]) === i)) return false;
  const first = tokens[0].printed;
  return tokens.slice(0, WIDTH - 1).some((t) => t.printed !== first);
}

/**
 * Whether a header text names a column and is a piece of the header, not the whole header repeated at the head of a
 * page, its caption (申请人情况) and its note on the sums (勾稽关系) with it: a row cut by a page break, a cell a line
 * (generateShaped('shape-4', 'cell-lines', …)), its header cells' words wrapped into each other ("商业企业 科研机 社会公
 * 法律服 其他" over "构 益组织 务机构": generateShaped('shape-42', 'cell-lines', …)).
 */
function namesSomeColumns(text: string): boolean {
  if (WHOLE_HEADER.test(text)) return false;
  // (columnsNamed(text).length > 0, without the list.)
  const plain = withoutGroupName(text);
  return COLUMN_NAMES.some((name) => plain.includes(name));
}

/**
 * Whether row r's label (its first hit) is printed after its first cell, or before it with another of the gap's rows'
 * labels or another row's cells between them (readGap's `boxed`): its cells do not follow their label.
 */
function apartFromLabel(row: readonly number[], r: number, rows: readonly RequestKey[], labels: Labels, cellAt: readonly number[]): boolean {
  // (A group's label over its sub-rows, a tall cell's text, is no row's label: overRows.)
  const label = overRows(rows[r], labels) ? undefined : labels.labelAt.get(rows[r]);
  const first = cellAt[row[0]];
  if (label === undefined) return false;
  if (label >= first) return true;
  for (let c = 0; c < cellAt.length; c++) if (cellAt[c] > label && cellAt[c] < first && !row.includes(c)) return true;
  for (let i = 0; i < rows.length; i++) {
    const at = labels.labelAt.get(rows[i]);
    if (i !== r && at !== undefined && at > label && at < first && !overRows(rows[i], labels)) return true;
  }
  return false;
}

/** Whether a row's cells (their lines, in order) stand on several lines, one of them holding two cells or more. */
function inBoxes(lines: number[]): boolean {
  let shared = false;
  let several = false;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k] === lines[k - 1]) shared = true;
    else several = true;
  }
  return shared && several;
}

/** Whether two readings put the same printed cells in the same rows, with the same open cells. */
function sameReading(a: PlacedRow[], b: PlacedRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    if (a[r].key !== b[r].key || a[r].tokens.length !== b[r].tokens.length || (a[r].open?.length ?? 0) !== (b[r].open?.length ?? 0)) return false;
    for (let c = 0; c < a[r].tokens.length; c++) if (a[r].tokens[c].printed !== b[r].tokens[c].printed) return false;
    for (let c = 0; c < (a[r].open?.length ?? 0); c++) if (a[r].open![c] !== b[r].open![c]) return false;
  }
  return true;
}

/**
 * The readings of one order of a gap's cells that differ only in their column blocks' order, merged: a cell every
 * reading gives the same number is proved (each reading is one the print and the arithmetic allow), the others open.
 */
function agreedReading(readings: PlacedRow[][]): PlacedRow[] {
  return readings[0].map((first, r) => {
    const open = new Set(first.open ?? []);
    const tokens = first.tokens.map((t, c) => {
      if (open.has(c) || readings.some((x) => x[r].open?.includes(c) || !sameCell(x[r].tokens[c], t))) open.add(c);
      return open.has(c) ? EMPTY_CELL : t;
    });
    return open.size ? { ...first, tokens, open: [...open].sort((a, b) => a - b), why: first.why ?? COLUMN_ORDER_UNPROVED } : first;
  });
}

/**
 * A row whose label is printed and whose cells all stand after the label of the row before it and before the label
 * of the row after it: its numbers stand with its own label (after it, inside it or just before it).
 */
function byOwnLabel(row: number[], r: number, rows: RequestKey[], labelAt: Map<RequestKey, number>, beside: ReadonlySet<RequestKey>, cellAt: number[]): boolean {
  if (!labelAt.has(rows[r])) return false;
  const after = r > 0 ? labelAt.get(rows[r - 1]) : -1;
  const before = r + 1 < rows.length ? labelAt.get(rows[r + 1]) : Infinity;
  if (after === undefined || before === undefined) return false;
  // A row label printed beside numbers and before the label of the row above it: two rows printed in each other's
  // place (a label printed later, in a block of labels after the numbers, is common in column-block extractions and
  // says nothing of order).
  if (beside.has(rows[r]) && labelAt.get(rows[r])! < after) return false;
  for (const c of row) if (!(cellAt[c] > after && cellAt[c] < before)) return false;
  return true;
}

/** At most this many combinations of the gaps' readings are checked against B1 and B2. */
const MAX_COMBINATIONS = 256;

/**
 * B1 and B2 over the whole table decide between the readings each gap kept: a gap that could be read more than one
 * way keeps a reading only when, with the other gaps' readings, the columns add up, and only one reading does so (or
 * every combination that adds up agrees on it). A gap that had one possible reading only keeps it: a break of B1 or
 * B2 is then the agency's, reported by the check stage.
 */
function settleByColumns(gaps: Gap[], placed: Map<RequestKey, { tokens: CellToken[] }>): void {
  const open = gaps.filter((g) => g.survivors.length > 0 && (g.survivors.length > 1 || g.readings > 1));
  if (!open.length) return;
  const fixed = gaps.filter((g) => g.reading && !open.includes(g));
  const combinations = open.reduce((n, g) => n * g.survivors.length, 1);
  if (combinations > MAX_COMBINATIONS) {
    for (const g of open) {
      if (g.survivors.length < 2) continue;
      // Readings of one order that differ only in their blocks' order: what they all agree on is proved without B1/B2.
      if (new Set(g.families).size === 1) g.reading = agreedReading(g.survivors);
      else g.problem = `各段共有 ${combinations} 种读法组合，过多而无法逐一核对`;
    }
    return;
  }
  const holding: number[][] = [];
  const choice = open.map(() => 0);
  for (let n = 0; n < combinations; n++) {
    let k = n;
    open.forEach((g, i) => {
      choice[i] = k % g.survivors.length;
      k = Math.floor(k / g.survivors.length);
    });
    const readings = [...fixed.map((g) => g.reading!), ...open.map((g, i) => g.survivors[choice[i]])];
    if (columnsAddUp(requestsOf(placed, readings))) holding.push([...choice]);
  }
  open.forEach((g, i) => {
    const chosen = new Set(holding.map((h) => h[i]));
    if (chosen.size === 1) {
      g.reading = g.survivors[[...chosen][0]];
      g.rows = g.reading.map((r) => r.key);
      return;
    }
    if (chosen.size > 1 && new Set([...chosen].map((c) => g.families[c])).size === 1) {
      g.reading = agreedReading([...chosen].map((c) => g.survivors[c]));
      g.rows = g.reading.map((r) => r.key);
      return;
    }
    g.reading = null;
    if (chosen.size === 0)
      g.problem =
        g.survivors.length === 1
          ? `按行或按列读取后每行总计成立的只有一种读法，但整表的 B1/B2 不成立：${showReading(g.survivors[0])}`
          : `${g.survivors.length} 种满足每行总计的读法都使整表的 B1/B2 不成立（${g.survivors.slice(0, 3).map(showReading).join('；或 ')}）`;
    else {
      g.candidates = chosen.size;
      g.problem = `有 ${chosen.size} 种读法都满足表内勾稽关系（${[...chosen].slice(0, 3).map((c) => showReading(g.survivors[c])).join('；或 ')}），无法确定`;
    }
  });
}

function showReading(reading: PlacedRow[]): string {
  return reading.map((r) => `${r.key} = ${shownTokens(r.tokens)}`).join('，');
}

/**
 * The cells of a row printed with fewer values than columns (blank cells printed as nothing) on which every reading
 * agrees: a reading puts the values in order into some of the seven columns, blank cells elsewhere, and must keep B3
 * with blank cells as 0. A cell is agreed when every surviving reading gives it the same value (or leaves it blank);
 * null when there is no surviving reading or no agreed number.
 */
function agreedCells(tokens: CellToken[]): { cells: (CellToken | null)[]; readings: number } | null {
  if (tokens.some((t) => t.kind === 'text')) return null;
  const readings = readingsOfShort(tokens);
  if (!readings.length) return null;
  const cells = agreedOf(readings);
  return cells.some((t) => t?.kind === 'number') ? { cells, readings: readings.length } : null;
}

/** The cells on which every reading agrees (the same number, or blank in all); null where they differ. */
function agreedOf(readings: CellToken[][]): (CellToken | null)[] {
  return readings[0].map((t, c) => (readings.every((r) => sameCell(r[c], t)) ? t : null));
}

const sameCell = (a: CellToken, b: CellToken) => a.kind === b.kind && (a.kind !== 'number' || (b.kind === 'number' && a.value === b.value));

/**
 * B3 for seven tokens with every blank cell counted as 0 (a cell printed as nothing, or a null mark): a row placed by
 * the position of its numbers is kept only when its total is the sum of what it prints.
 */
function b3HoldsBlankZero(tokens: CellToken[]): boolean {
  let sum = 0;
  for (let c = 0; c < WIDTH; c++) {
    const t = tokens[c];
    if (t.kind === 'text') return false;
    if (t.kind === 'number' && c < APPLICANT_PARTS.length) sum += t.value;
  }
  const total = tokens[WIDTH - 1];
  return Math.abs((total.kind === 'number' ? total.value : 0) - sum) < 1e-6;
}

/** B3 for seven tokens: holds, or cannot be checked because a cell is blank. */
function b3Holds(tokens: CellToken[]): boolean {
  let sum = 0;
  for (let c = 0; c < APPLICANT_PARTS.length; c++) {
    const t = tokens[c];
    if (t.kind !== 'number') return true;
    sum += t.value;
  }
  const total = tokens[WIDTH - 1];
  return total.kind !== 'number' || Math.abs(total.value - sum) < 1e-6;
}

/**
 * A row whose total cannot equal the sum of its parts as printed (blank cells count as nothing), but does when its
 * last two cells change places: a space-separated line may list two close cells in reversed order.
 */
function totalSwapped(tokens: CellToken[]): boolean {
  if (tokens.length !== WIDTH) return false;
  const last = tokens[WIDTH - 2];
  const total = tokens[WIDTH - 1];
  if (last.kind !== 'number' || total.kind !== 'number') return false;
  let sum = 0;
  let blanks = false;
  for (let c = 0; c < APPLICANT_PARTS.length; c++) {
    const t = tokens[c];
    if (t.kind === 'number') sum += t.value;
    else if (t.kind === 'blank') blanks = true;
    else return false;
  }
  const breaks = blanks ? sum > total.value + 1e-6 : Math.abs(sum - total.value) > 1e-6;
  return breaks && Math.abs(sum - last.value + total.value - last.value) < 1e-6;
}

/**
 * The ways a gap's cells can make `rows` rows, as lists of cell indexes per row: row by row through all of them, and
 * the readings of its clusters, where a cluster of 7k cells is k rows printed row by row and seven clusters of r cells
 * each are r rows printed column by column (one cell per line, as `pdftotext` prints a block of rows).
 */
function readingsOf(units: Unit[], rows: number): number[][][] {
  // One row has one reading, whatever the clusters (seven clusters of one cell read by columns are the same row).
  if (rows === 1) return [byRows(0, 1)];
  const sizes: number[] = [];
  let previous: number | null = null;
  for (const u of units) {
    if (u.cluster === previous) sizes[sizes.length - 1] += u.tokens.length;
    else sizes.push(u.tokens.length);
    previous = u.cluster;
  }
  const offsets: number[] = [];
  sizes.reduce((o, s) => (offsets.push(o), o + s), 0);
  const out: number[][][] = [byRows(0, rows)];
  walkReadings({ sizes, offsets, rows, out }, 0, []);
  if (out.length === 1) return out;
  const seen = new Set<string>();
  return out.filter((o) => {
    const k = o.map((r) => r.join(',')).join(';');
    return !seen.has(k) && (seen.add(k), true);
  });
}

/**
 * One search of readingsOf: its clusters' sizes and first cells, the rows to make, the readings found so far (the
 * state of a module function, not a closure: under tsx a closure made per call is named at run time).
 */
interface ReadingSearch {
  sizes: number[];
  offsets: number[];
  rows: number;
  out: number[][][];
}

/** The readings of clusters c… after the rows `acc` of the clusters before: each cluster by rows, seven clusters of one size by columns. */
function walkReadings(s: ReadingSearch, c: number, acc: number[][]): void {
  if (s.out.length >= MAX_READINGS) return;
  if (c === s.sizes.length) {
    if (acc.length === s.rows) s.out.push(acc);
    return;
  }
  if (s.sizes[c] % WIDTH === 0) walkReadings(s, c + 1, [...acc, ...byRows(s.offsets[c], s.sizes[c] / WIDTH)]);
  const r = s.sizes[c];
  if (c + WIDTH <= s.sizes.length && s.sizes.slice(c, c + WIDTH).every((size) => size === r)) walkReadings(s, c + WIDTH, [...acc, ...byColumns(s.offsets[c], r)]);
}

/** Cell indexes of `rows` rows from cell `from`: cell c of row r is from + r × rowStep + c × cellStep. */
function grid(from: number, rows: number, rowStep: number, cellStep: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < WIDTH; c++) row.push(from + r * rowStep + c * cellStep);
    out.push(row);
  }
  return out;
}

/** Rows printed row by row, or column by column (one cell per line, a column's cells after each other). */
const byRows = (from: number, rows: number) => grid(from, rows, WIDTH, 1);
const byColumns = (from: number, rows: number) => grid(from, rows, 1, rows);

/** A row of null cells: a copy of NULL_REQUEST_ROW (a spread copies its fixed shape at once; keyed stores grew it a key at a time). */
const EMPTY_ROW = (): RequestRow => ({ ...NULL_REQUEST_ROW });

/** Every row of table B with null cells (plain loops: built for each trial reading). */
function emptyRequests(): Requests {
  const requests = {} as Requests;
  for (const k of ROW_KEYS) requests[k] = EMPTY_ROW();
  return requests;
}

/** At most this many partial readings are visited when the short rows' readings are tried against B1 and B2. */
const MAX_SHORT_STEPS = 200_000;

/**
 * Rows printed beside their labels with fewer numbers than columns (blank cells printed as nothing): each reading
 * that keeps its total (B3, blank cells as 0) is tried with every other short row's, and the whole table's B1 and B2
 * (blank cells as 0) keep the combinations that add up. A cell is placed when every kept combination gives it the
 * same value or blank (null in the result: not proved). Tried only when every other row of the table is read whole and
 * keeps its own total, so that the columns' sums are the agency's printed numbers; a row with no number at all counts
 * as blank only when the table has no number away from a label (else its numbers may stand elsewhere). None kept,
 * nothing is placed (a break of the agency's own, or a misread).
 */
function solveShortRows(
  present: RequestKey[],
  placed: Map<RequestKey, Placed>,
  firstHit: Map<RequestKey, Hit>,
  columnReadings: ReadonlyMap<RequestKey, CellToken[] | null>,
  loose: boolean,
): { rows: Map<RequestKey, (CellToken | null)[]>; readings: number } | null {
  const printed = new Set(present);
  if (!REQUEST_ROWS.every((r) => printed.has(r.key) || ('group' in r && printed.has(r.group)))) return null;
  if (!['received', 'carriedOver', 'handledTotal', 'carriedForward'].every((k) => printed.has(k as RequestKey))) return null;
  const whole = new Map<RequestKey, CellToken[]>();
  const short: { key: RequestKey; readings: CellToken[][] }[] = [];
  for (const key of present) {
    const p = placed.get(key);
    const hit = firstHit.get(key)!;
    // A row whose cells were not all read is no short row of blank cells.
    if (hit.mixed) return null;
    if (!p && !loose && !hit.rivals.length) {
      short.push({ key, readings: readingsOfShort([]) });
      continue;
    }
    if (p?.short) {
      const readings = readingsOfShort(p.short);
      if (!readings.length) return null;
      short.push({ key, readings });
      continue;
    }
    if (!p || p.open) return null;
    const byColumns = columnReadings.get(key) ?? null;
    const tokens = byColumns ?? p.tokens;
    if (tokens.length === WIDTH && !(hit.wrapped && p.tokens.length < WIDTH)) {
      if (!b3HoldsBlankZero(tokens)) return null;
      whole.set(key, tokens);
      continue;
    }
    if (byColumns || p.by !== 'label' || hit.separator !== 'space' || hit.wrapped || p.tokens.some((t) => t.kind === 'text')) return null;
    const readings = readingsOfShort(p.tokens);
    if (!readings.length) return null;
    short.push({ key, readings });
  }
  if (!short.some((r) => r.readings.length > 1)) return null;
  const valueOf = (t: CellToken) => (t.kind === 'number' ? t.value : 0);
  // Readings that differ only in which cells are 0 and which blank add up alike: the search runs over their sums.
  const classes = short.map((r) => {
    const byValues = new Map<string, CellToken[][]>();
    for (const reading of r.readings) {
      const values = reading.map(valueOf).join(',');
      byValues.set(values, [...(byValues.get(values) ?? []), reading]);
    }
    return { key: r.key, values: [...byValues.keys()].map((v) => v.split(',').map(Number)), readings: [...byValues.values()] };
  });
  // The rows B2 adds up (columnsAddUp): the outcome rows, and a group's line where none of its sub-rows is printed.
  const outcome = new Set<RequestKey>([...OUTCOME_ROWS.map((r) => r.key), ...REQUEST_GROUP_KEYS.filter((g) => !SUB_ROWS.get(g)!.some((k) => printed.has(k)))]);
  // 处理总计 first (it bounds the outcome rows' running sums, no number being negative), then the outcome rows with
  // fewest sums first, then the rows of B1.
  const rank = (key: RequestKey) => (key === 'handledTotal' ? 0 : outcome.has(key) ? 1 : 2);
  classes.sort((a, b) => rank(a.key) - rank(b.key) || a.values.length - b.values.length);
  const signed = [...whole.values()].some((row) => row.some((t) => valueOf(t) < 0)) || classes.some((c) => c.values.some((v) => v.some((x) => x < 0)));
  const running: number[] = new Array<number>(WIDTH).fill(0);
  for (const [key, tokens] of whole) if (outcome.has(key)) tokens.forEach((t, c) => (running[c] += valueOf(t)));
  const fixedBound = whole.get('handledTotal')?.map(valueOf) ?? null;
  const lastOutcome = classes.reduce((last, c, i) => (outcome.has(c.key) ? i : last), -1);
  const kept: number[][] = [];
  const choice: number[] = [];
  let bound = fixedBound;
  let steps = 0;
  const trialOf = () => {
    const trial = emptyRequests();
    const put = (key: RequestKey, values: number[]) => {
      const row = EMPTY_ROW();
      APPLICANT_KEYS.forEach((c, i) => (row[c] = values[i]));
      trial[key] = row;
    };
    for (const [key, tokens] of whole) put(key, tokens.map(valueOf));
    classes.forEach((r, i) => put(r.key, r.values[choice[i]]));
    return trial;
  };
  const walk = (i: number): boolean => {
    if (++steps > MAX_SHORT_STEPS) return false;
    if (i === classes.length) {
      if (columnsAddUp(trialOf())) kept.push([...choice]);
      return true;
    }
    const r = classes[i];
    const counts = outcome.has(r.key);
    for (let k = 0; k < r.values.length; k++) {
      const values = r.values[k];
      choice[i] = k;
      if (r.key === 'handledTotal' && !fixedBound) bound = signed ? null : values;
      if (counts) values.forEach((v, c) => (running[c] += v));
      // Past the last outcome row the running sums are B2's sums: equal to 处理总计, else no reading below holds.
      const within = !counts || !bound || (i === lastOutcome ? running.every((v, c) => Math.abs(v - bound![c]) < 1e-6) : running.every((v, c) => v <= bound![c] + 1e-6));
      const ok = within ? walk(i + 1) : true;
      if (counts) values.forEach((v, c) => (running[c] -= v));
      if (!ok) return false;
    }
    if (r.key === 'handledTotal' && !fixedBound) bound = null;
    return true;
  };
  if (!walk(0)) return null;
  if (!kept.length) return null;
  const rows = new Map<RequestKey, (CellToken | null)[]>();
  classes.forEach((r, i) => {
    const cells = agreedOf([...new Set(kept.map((k) => k[i]))].flatMap((k) => r.readings[k]));
    if (cells.some((t) => t?.kind === 'number')) rows.set(r.key, cells);
  });
  return { rows, readings: kept.length };
}

/** The ways to put a short row's numbers, in order, into the seven columns, blank cells elsewhere, keeping B3. */
function readingsOfShort(tokens: CellToken[]): CellToken[][] {
  const out: CellToken[][] = [];
  const row: CellToken[] = new Array<CellToken>(WIDTH);
  const blank: CellToken = { kind: 'blank', printed: '' };
  const walk = (column: number, next: number) => {
    if (next === tokens.length) {
      for (let c = column; c < WIDTH; c++) row[c] = blank;
      if (b3HoldsBlankZero(row)) out.push([...row]);
      return;
    }
    if (WIDTH - column < tokens.length - next) return;
    row[column] = tokens[next];
    walk(column + 1, next + 1);
    row[column] = blank;
    walk(column + 1, next);
  };
  walk(0, 0);
  return out;
}

/**
 * A short row's reading (cells placed, blanks where the arithmetic put them; null: not known) with the cells left
 * unknown where the row read with each leading-zero number split into its zeros and the rest ("4 027" as 4 0 27,
 * "1 ００１ 0 0 ２" as 1 0 0 1 0 0 2: seven numbers, no blank) also adds up and differs: a blank the arithmetic placed beside "027" may be that glued 0
 * (pdfCase('hunt23-pdf', 99): "22 1 0 0 4 027", otherOrg read blank for 0); split and still short, every blank it
 * placed unknown.
 */
function withGluedZeros(solution: (CellToken | null)[], printed: CellToken[]): (CellToken | null)[] {
  if (!printed.some((t) => t.kind === 'number' && LEADING_ZERO.test(t.printed))) return solution;
  const split = printed.flatMap((t) => (t.kind === 'number' && LEADING_ZERO.test(t.printed) ? gluedZeros(t.printed) : [t]));
  // Still short of a row when split ("13 4 017": pypdf runs cells together, pdfCase('shape-pdf', 173)): the glued 0
  // stands in one of the blanks the arithmetic placed, which one is not shown, so none of them is known.
  if (split.length < WIDTH) return solution.map((t) => (t?.kind === 'blank' ? null : t));
  if (split.length !== WIDTH || !b3HoldsBlankZero(split)) return solution;
  return solution.map((t, i) => (t && sameCell(t, split[i]) ? t : null));
}

/** A number printed with leading zeros as the cells it glues: each leading zero a 0, then the rest ("００１": 0, 0, 1; "000": 0, 0, 0). */
function gluedZeros(printed: string): CellToken[] {
  const digits = [...printed];
  const zeros = digits.findIndex((d) => d !== '0' && d !== '０');
  const head = zeros < 0 ? digits.length : zeros;
  const cells = Array.from({ length: head }, () => readCell('0'));
  return head < digits.length ? [...cells, readCell(digits.slice(head).join(''))] : cells;
}

/**
 * A row of the cells every reading agrees on (agreedOf): a number placed, a blank left blank, a cell the readings
 * differ on null and counted unread. Returns the columns left open.
 */
function putAgreed(requests: Requests, key: RequestKey, cells: (CellToken | null)[], counts: { arithmetic: number; unread: number }): string[] {
  const row = EMPTY_ROW();
  const open: string[] = [];
  APPLICANT_KEYS.forEach((c, i) => {
    const t = cells[i];
    if (t?.kind === 'number') row[c] = t.value;
    else if (!t) open.push(c);
  });
  requests[key] = row;
  counts.arithmetic += WIDTH - open.length;
  counts.unread += open.length;
  return open;
}

/** The cells as numbers only (no diagnostics), for the whole-table arithmetic of a trial reading. */
function requestsOf(placed: Map<RequestKey, { tokens: CellToken[] }>, readings: PlacedRow[][]): Requests {
  const requests = emptyRequests();
  const put = (key: RequestKey, tokens: CellToken[]) => {
    const row = EMPTY_ROW();
    APPLICANT_KEYS.forEach((c, i) => (row[c] = tokens[i]?.kind === 'number' ? (tokens[i] as { value: Cell }).value : null));
    requests[key] = row;
  };
  for (const [key, p] of placed) put(key, p.tokens);
  for (const reading of readings) for (const r of reading) put(r.key, r.tokens);
  return requests;
}

function buildRequests(
  present: RequestKey[],
  placed: Map<RequestKey, Placed>,
  firstHit: Map<RequestKey, Hit>,
  spanLines: number[][],
  grids: (ColumnGrid | null)[],
  rowsOnLabels: boolean,
  loose: boolean,
  outdented: ReadonlySet<RequestKey>,
  byGlyphs: boolean,
  log: DiagnosticLog,
): { requests: Requests; placement: TablePlacement } {
  const requests = emptyRequests();
  const counts = { label: 0, arithmetic: 0, unread: 0 };
  const printed = new Set(present);
  // Each short row's reading by where its numbers stand, once (the short rows' solver and the rows below use it).
  const columnReadings = new Map<RequestKey, CellToken[] | null>();
  const gridOf = new Map<RequestKey, ColumnGrid>();
  /** Grids under which a row's total is not the sum of its cells (blank cells as 0). */
  const disproved = new Set<ColumnGrid>();
  const fullLines = spanLines.filter((spans) => spans.length === 2 * WIDTH);
  for (const key of present) {
    const p = placed.get(key);
    const hit = firstHit.get(key)!;
    const at = shortRow(p, hit) && !outdented.has(key) ? rowGrid(hit, spanLines, grids) : null;
    const reading = at && at.spans.length === 2 * p!.tokens.length ? placeByColumns(at.grid, WIDTH, { tokens: p!.tokens, spans: at.spans }) : null;
    columnReadings.set(key, reading);
    // Two of the row's values in one of the grid's columns: on a page whose rows put two columns at one place (a
    // total on the line below its row's last value), that place is not one column's (pdfCase('hunt33-pdf', 525)).
    if (at && !reading && sharesColumn(at.grid, WIDTH, at.spans)) disproved.add(at.grid);
    if (!at || !reading) continue;
    if (placedOverOtherColumn(at.grid, WIDTH, at.spans, fullLines) || (byGlyphs && zerosWithoutTotal(reading))) {
      columnReadings.set(key, null);
      continue;
    }
    gridOf.set(key, at.grid);
    if (!b3HoldsBlankZero(reading)) disproved.add(at.grid);
  }
  // A grid that breaks one row's total places none of its run's rows: pdftotext -layout moves a table's last columns
  // between runs of rows, and a run that takes in lines of both makes blocks one column off (pdfCase('hunt31-pdf',
  // 318): totals at 88 and at 91 read as otherOrg and total, a lone 0 of 社会公益组织 read as 科研机构's).
  // (The row that breaks its total keeps its reading: it is then null, saying so.)
  for (const [key, grid] of gridOf) if (disproved.has(grid) && b3HoldsBlankZero(columnReadings.get(key)!)) columnReadings.set(key, null);
  // Rows read as the numbers after each label (followingRuns) keep what they printed when it is short of a row.
  const following = [...placed.values()].some((p) => p.short);
  const solved = rowsOnLabels || following ? solveShortRows(present, placed, firstHit, columnReadings, loose) : null;
  for (const key of present) {
    const p = placed.get(key);
    const path = `requests.${key}`;
    const hit = firstHit.get(key)!;
    const byColumns = columnReadings.get(key) ?? null;
    const agreed = solved?.rows.get(key);
    const solution = agreed && p ? withGluedZeros(agreed, p.tokens) : agreed;
    if (solution) {
      const open = putAgreed(requests, key, solution, counts);
      const shown = shownTokens(p?.tokens ?? []);
      const where = solution.map((t) => (t ? t.printed || '∅' : '?')).join(' ');
      if (open.length)
        log.warn('row-short', p?.line ?? hit.line, `${WIDTH} numbers`, shown, `表三“${key}”行只有 ${p?.tokens.length ?? 0} 个数字；按整表勾稽关系（B1、B2、B3，空格按 0 计）的 ${solved!.readings} 种读法读作 ${where}，${open.join('、')} 仍无法确定，记为空值`, path);
      else log.info('row-short', p?.line ?? hit.line, `${WIDTH} numbers`, shown, `表三“${key}”行只有 ${p?.tokens.length ?? 0} 个数字，空格位置由整表勾稽关系（B1、B2、B3，空格按 0 计）唯一确定：${where}`, path);
    } else if (byColumns && b3HoldsBlankZero(byColumns)) {
      requests[key] = toCells(APPLICANT_KEYS, byColumns, log, p!.line, path);
      counts.label += WIDTH;
    } else if (byColumns) {
      // The positions give one reading, but its total is not the sum of its cells: a column moved, or the agency's
      // own break; either way the reading is not proved.
      const shown = shownTokens(byColumns);
      log.warn('row-short', p!.line, `${WIDTH} numbers`, shown, `表三“${key}”行按数字位置读作 ${shown}，但总计不等于六类申请人之和（空格按 0 计），无法核实各数字所在的列，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (!p && hit.mixed) {
      const shown = shownTokens(hit.own ?? []);
      log.warn('row-short', hit.line, `${WIDTH} numbers`, `a cell that reads as no number, then ${hit.own?.length ?? 0} cells: ${shown}`, `表三“${key}”行有单元格不是可识别的数字，其后只有 ${hit.own?.length ?? 0} 格${shown ? `（${shown}）` : ''}，无法确定各数字所在的列，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (!p || (p.short && !p.short.length)) {
      if (!hit.rivals.length) log.warn('row-no-values', hit.line, `${WIDTH} numbers for ${key}`, 'no numbers proved to be this row’s', `表三“${key}”行没有找到能证明属于该行的数字，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (p.open) {
      // Only the placed cells are the text's: an open cell is unknown, not blank in the source.
      const kept = (_: unknown, c: number) => !p.open!.includes(c);
      requests[key] = { ...EMPTY_ROW(), ...toCells(APPLICANT_KEYS.filter(kept), p.tokens.filter(kept), log, p.line, path) };
      counts.arithmetic += WIDTH - p.open.length;
      counts.unread += p.open.length;
      const open = p.open.map((c) => APPLICANT_KEYS[c]).join('、');
      const shown = shownTokens(p.tokens.filter((_, c) => !p.open!.includes(c)));
      // A row none of whose cells is placed names what it printed: its numbers (a short row, a row read out of order),
      // or its cells in one of the readings (column blocks).
      const cells = p.short ?? p.printed;
      const found = shown || (cells ? (cells.length ? `${cells.length} values: ${shownTokens(cells)}` : 'no numbers') : `${shownTokens(p.tokens)} in one reading of several`);
      if (p.why) log.warn('column-order-unproved', p.line, `${WIDTH} numbers in the header's columns`, found, `表三“${key}”行${p.why}，${open} 记为空值`, path);
      else log.warn('row-short', p.line, `${WIDTH} numbers`, found, `表三“${key}”行的数字跟在行标签之后但少于 ${WIDTH} 个，无法确定空格位置；满足行总计（空格按 0 计）的各种读法只在 ${open} 上不同，这些单元格记为空值`, path);
    } else if (rowsOnLabels && hit.separator === 'space' && p.by === 'label' && p.tokens.length < WIDTH && agreedCells(p.tokens)) {
      // Spaces cannot show which cell was left blank, but every reading that keeps the row's total puts these cells
      // in the same columns (the total, as a rule): those are placed, the others stay null.
      const agreed = agreedCells(p.tokens)!;
      const open = putAgreed(requests, key, agreed.cells, counts);
      const shown = shownTokens(p.tokens);
      log.warn(
        'row-short',
        p.line,
        `${WIDTH} numbers`,
        shown,
        `表三“${key}”行只有 ${p.tokens.length} 个数字，无法确定空格位置；满足行总计（空格按 0 计）的 ${agreed.readings} 种读法只在 ${open.join('、')} 上不同，这些单元格记为空值，其余按各读法一致的值填入`,
        path,
      );
    } else if (hit.separator === 'space' && p.by === 'label' && p.tokens.length < WIDTH) {
      // Spaces cannot show which cell was left blank, and the row's total does not settle any number's column.
      log.warn('row-short', p.line, `${WIDTH} numbers`, shownTokens(p.tokens), `表三“${key}”行只有 ${p.tokens.length} 个数字，无法确定空格位置，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (hit.wrapped && p.by === 'label' && (!(p.tokens.every((t) => t.kind === 'number') && b3Holds(p.tokens)) || interleaved(hit.spanLines.map((l) => spanLines[l])))) {
      // A row short of cells completed by the next lines' values: a wrapped row, or a blank cell printed as nothing
      // followed by a stray cell (a vertical label's 无, a cell printed lower). Only the row's total can tell.
      log.warn('row-short', p.line, `${WIDTH} numbers`, shownTokens(p.tokens), `表三“${key}”行的数字分在几行，且无法用行总计核实，无法确定各数字所在的列，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (hit.separator === 'space' && p.by === 'label' && totalSwapped(p.tokens)) {
      // Text extraction orders a line's words by position, and two narrow cells can come out in reversed order.
      const shown = shownTokens(p.tokens);
      log.warn(
        'row-order-ambiguous',
        p.line,
        `${WIDTH} numbers`,
        `${WIDTH} values: ${shown}`,
        `表三“${key}”行按文字顺序读作 ${shown}，总计与各项之和不符；若最后两格的顺序在提取文字时颠倒，则相符。两种读法无法区分，记为空值`,
        path,
      );
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else if (hit.separator !== 'space' && p.by === 'label' && p.tokens.length < WIDTH) {
      // A tab or pipe row with fewer cells than the columns (a PDF's words joined by tabs where a gap was wide, a
      // blank cell printed as nothing): which cells are missing is not shown, so none is placed left to right.
      const printed = shownTokens(p.tokens);
      log.warn('row-short', p.line, `${WIDTH} numbers`, `${p.tokens.length} values: ${printed}`, `表三“${key}”行只有 ${p.tokens.length} 格（${printed}），少于 ${WIDTH} 列，无法确定缺少的是哪几格，记为空值`, path);
      requests[key] = EMPTY_ROW();
      counts.unread += WIDTH;
    } else {
      requests[key] = toCells(APPLICANT_KEYS, p.tokens, log, p.line, path);
      counts[p.by] += WIDTH;
    }
  }
  for (const def of REQUEST_ROWS) {
    if (printed.has(def.key)) continue;
    const group = 'group' in def ? def.group : undefined;
    if (group && printed.has(group))
      log.info('group-without-subrows', null, `sub-row ${def.key}`, `only the group line ${group}`, `该报告的“${REQUEST_GROUPS.find((g) => g.key === group)?.zh ?? group}”只有合计行，没有分项“${def.zh}”，该分项记为空值`, `requests.${def.key}`);
    else {
      log.warn('row-missing', null, `a table B row for ${def.key} (${def.zh})`, 'no such label', `表三缺少“${def.zh}”行，记为空值`, `requests.${def.key}`);
      counts.unread += WIDTH;
    }
  }
  // A group whose line is not found and whose sub-rows are not all found: its total line, if the report printed one
  // instead of sub-rows, was not read either, and that is said of the group itself.
  for (const g of REQUEST_GROUPS) {
    if (printed.has(g.key)) continue;
    const missing = REQUEST_ROWS.filter((r) => 'group' in r && r.group === g.key && !printed.has(r.key));
    if (missing.length)
      log.warn('row-missing', null, `the group line ${g.key} or all its sub-rows`, `${missing.length} sub-rows not found`, `表三“${g.zh}”既没有找到合计行，也缺少部分分项行，记为空值`, `requests.${g.key}`);
  }
  return { requests, placement: placementOf(counts) };
}
