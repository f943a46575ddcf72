/**
 * Table A (proactive disclosure, 第二十条 items), in the 2021 template or the older 2019 template, read so that every
 * number's place is proved. Table A has no arithmetic, so a number is placed by label adjacency only:
 *
 * 1. A label with its numbers on its own line (or tab/pipe row, or a space row wrapped onto the next lines) is proved.
 * 2. A label standing alone (one cell per line, as poppler's default mode prints it) takes the numbers just after it
 *    or just before it, all of its row's cells on one side. The table is read as a stream: labels, runs of numbers
 *    between them, and item captions (第二十条第（五）项), which no row's numbers cross. Each run must be exactly the
 *    cells of the label before it (if that label takes them after) plus those of the label after it (if that label
 *    takes them before). Along a chain of lone labels this admits at most one reading; it is taken only when it
 *    accounts for every number of the chain. A row whose label is missing, or a label printed twice, could own any
 *    run, so then no lone label is placed.
 * 3. Otherwise the row stays null with a diagnostic naming the numbers that could not be placed.
 */
import {
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  type Proactive,
  type Proactive2019,
} from '../../schema';
import { shownTokens, toCells } from './cells';
import { placementOf, type PlacementCounts } from './placement';
import type { DiagnosticLog } from './diagnostics';
import { compactOf, displayWidth, fitsOf, fitValues, FULL_DIGIT, isBlankLine, isMarkdownRule, partsOf, type Line, type RowParts } from './lines';
import { fold, isPageNoise, memoByString, type CellToken } from '../text';

type RowDef = { key: string; zh: string; item: string; columns: readonly string[] };

/** Labels as printed for each row; the first is the template's own. */
const ALIASES: Record<string, string[]> = {
  normativeDocs: ['行政规范性文件', '规范性文件'],
  procurement: ['政府集中采购', '政府采购'],
};

/** Where table A starts: an item caption or the header's first cell (Markdown marks before them allowed). */
const TABLE_START = /^[#|]*(第二十条|信息内容)/;
/**
 * A number with a decimal point printed apart joined to it ("23."; lines.ts joinLonePoints): the point was some cell's
 * whose digits poppler printed elsewhere, maybe as two numbers ("７ ３１１７９" for 7.31179, then "23", then "."), so
 * the numbers around it cannot be counted into cells. A point alone on its line too: "８.１" in a narrow cell printed as
 * "." and then "８１" (pdfCase('hunt47-pdf', 173), poppler's default mode: 8.1 read 81).
 */
const BROKEN_NUMBER = /^[0-9]*[.．]$/;
/** A decimal point alone on a line. */
const LONE_POINT = /^\s*[.．]\s*$/;
/**
 * A number with a point after it and nothing else: a lone point that joinLonePoints gave to the number next to it,
 * which may not be the number it came from ("５２" / "三、行政机关收到…" / "— 145 —" / "." / "现行有效件数" / "242": the
 * point, 行政事业性收费's 5.2, went to 242, pdfCase('hunt50-pdf', 698)).
 */
const POINT_GIVEN = /^\s*[0-9０-９][0-9０-９,，]*[.．]\s*$/;
/**
 * Digits no count or amount is printed with: a leading 0 before another digit. "０４" is 0.4 whose point an extraction
 * printed elsewhere (pdftotext's default mode: "." after the page footer, pdfCase('hunt12-pdf', 421), read 4 before),
 * "０４１" the middle of 216,041.89503 printed in pieces: each a value that reads as no number, counted as one.
 */
const LEADING_ZERO = /^\s*0[0-9]/;
/** The share of a table's lines with text followed by an empty line in text printed a paragraph a cell. */
const PARAGRAPHED = 0.6;
/** A label cut over at most this many lines (a narrow label column) is joined back. */
const MAX_LABEL_LINES = 6;

/** The 2019 template's table A has other column headers and a 第二十条第（九）项 row. */
export function isTemplate2019(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    // Each of the words holds 量 or 九, which folding and dropping whitespace leave as they are: a line without either
    // is not folded for the test.
    const raw = lines[i].raw;
    if (!raw.includes('量') && !raw.includes('九')) continue;
    if (/本年新制作数量|本年新公开数量|对外公开总数量|第二十条第\(九\)项|上一年项目数量/.test(compactOf(lines[i]))) return true;
  }
  return false;
}

/** The first character of an item reference (第二十条…), which bareLabel cuts. */
const DI = '第'.charCodeAt(0);
/** Labels may carry a leading numbering or the item reference before them ("第二十条第(一)项规章"). */
const bareLabel = memoByString((label: string) => label.replace(/^第二十条第\([一二三四五六七八九十]+\)项/, '').replace(/^\d+[.、]/, ''));

const NAMES = new Map<readonly RowDef[], Map<string, RowDef>>();
/** Every proper beginning of each printed name of a template's row labels (see namesOf), by template. */
const BEGINNINGS = new Map<readonly RowDef[], Set<string>>();

/** The rows of a template by every printed name of their labels. */
function namesOf(defs: readonly RowDef[]): Map<string, RowDef> {
  let byName = NAMES.get(defs);
  if (!byName) {
    byName = new Map();
    for (const def of defs) for (const name of ALIASES[def.key] ?? [def.zh]) if (!byName.has(name)) byName.set(name, def);
    NAMES.set(defs, byName);
  }
  return byName;
}

/** The beginnings of the names namesOf gives (each name without one or more of its last characters, at least ''). */
function beginningsOf(defs: readonly RowDef[]): Set<string> {
  let out = BEGINNINGS.get(defs);
  if (!out) {
    out = new Set();
    for (const name of namesOf(defs).keys()) for (let n = 0; n < name.length; n++) out.add(name.slice(0, n));
    BEGINNINGS.set(defs, out);
  }
  return out;
}

/** A row label found in the stream, with the numbers printed on its own line. */
interface Label {
  def: RowDef;
  line: number;
  own: CellToken[];
  /** Its line separates values by spaces: a short row may be wrapped (or hide a blank cell). */
  space: boolean;
  /** Printed over several lines (a narrow label column, a tall cell). */
  cut: boolean;
  /** The display width (displayWidth) of its widest piece when cut, else 0. */
  pieceWidth: number;
  /** When cut, the display width of the last number on its last piece's line as printed (lastValueWidth), else 0. */
  lastWidth: number;
  /** A tab/pipe row whose cells fit its columns more than one way (fitsTwoWays): not placed. */
  ambiguous: boolean;
}
/** A number (or blank mark) standing without a label, with its line. */
interface Free {
  t: CellToken;
  line: number;
  /** Lines of one block follow each other with no blank line, page footer or rule between them. */
  block: number;
  /** The digits its line prints (digitWidths). */
  widths: number;
  /** The display width (displayWidth) of its line when the line prints it alone, else 0. */
  width: number;
  /** A number that a decimal point printed apart was joined to (lines.ts joinLonePoints): see BROKEN_NUMBER. */
  broken?: boolean;
}
/** The numbers between two labels: parts split by item captions (no row's numbers cross a caption). */
type Run = Free[][];

interface Stream {
  labels: Label[];
  /** runs[i] stands before labels[i]; runs[labels.length] after the last. */
  runs: Run[];
  /** Row keys printed more than once. */
  repeated: Set<string>;
  /**
   * A row label printed before the caption of its own item (行政许可, then 第二十条第（五）项): the text runs down the
   * table's columns (poppler's default mode on a table it reads column by column), so captions do not part the rows.
   */
  labelBeforeCaption: string | null;
}

const skipped = (line: Line) => isBlankLine(line) || isPageNoise(line.raw) || isMarkdownRule(line.raw);

/** The item a caption names (第二十条第(五)项 → 五, folded text), or null. */
const CAPTION_ITEM = /第二十条第\(([一二三四五六七八九十]+)\)项/;
const itemOf = (text: string) => (text.includes('第二十条') ? captionItem(text) : null);
/** The item of a text that names one, remembered: the readers ask it of every row label and of each row's own caption. */
const captionItem = memoByString((text: string) => text.normalize('NFKC').match(CAPTION_ITEM)?.[1] ?? null);

/** Each column header of both templates, with the items whose tables print it (本年收费金额: 八). */
const HEADER_ITEMS: [string, Set<string>][] = (() => {
  const out = new Map<string, Set<string>>();
  const add = (rows: readonly RowDef[], columns: Record<string, { zh: string }>) => {
    for (const r of rows) for (const c of r.columns) out.set(columns[c].zh.normalize('NFKC'), (out.get(columns[c].zh.normalize('NFKC')) ?? new Set()).add(itemOf(r.item)!));
  };
  add(PROACTIVE_ROWS, PROACTIVE_COLUMNS);
  add(PROACTIVE_2019_ROWS, PROACTIVE_2019_COLUMNS);
  return [...out];
})();

/** The items whose tables print the column header a label starts with ("本年收费金额(单位:万元)": 八), or null. */
function headerItems(label: string): Set<string> | null {
  for (const [header, items] of HEADER_ITEMS) if (label.startsWith(header)) return items;
  return null;
}

/** The first line of the table: a caption or header, or a label with the value-only lines just before it. */
function tableStart(lines: Line[], from: number, to: number, byName: Map<string, RowDef>): number {
  for (let i = from; i < to; i++) {
    if (skipped(lines[i])) continue;
    if (TABLE_START.test(compactOf(lines[i]))) return i;
    const parts = partsOf(lines[i]);
    if (!parts.label || !byName.has(bareLabel(parts.label))) continue;
    let start = i;
    for (let j = i - 1; j >= from; j--) {
      if (skipped(lines[j])) continue;
      const p = partsOf(lines[j]);
      if (p.label || !p.values.length) break;
      start = j;
    }
    return start;
  }
  return to;
}

/**
 * A label printed over several lines (行政规范性 / 文件): the lines joined, when they name a row. A line of numbers only
 * between the pieces (行政 / 事业 / 性收 / 3,429 / 费: pdftotext -layout centres a value in its row's tall label cell)
 * is that row's, when no other number stands beside the label (`beginnings`: beginningsOf the template's rows).
 */
function joinedLabel(lines: Line[], i: number, to: number, byName: Map<string, RowDef>, beginnings: Set<string>): { def: RowDef; last: number; within: RowParts | null; pieceWidth: number } | null {
  let label = partsOf(lines[i]).label;
  // A first piece that bareLabel leaves as it is (no item reference or ordinal can start there) begins every label
  // joined to it as printed: none names a row unless the piece begins a row's name (a table's header lines do not).
  if (!strippable(label) && !beginnings.has(label)) return null;
  let pieceWidth = displayWidth(label);
  let within: RowParts | null = null;
  for (let j = i + 1, n = 1; j < to && n < MAX_LABEL_LINES; j++) {
    if (skipped(lines[j])) continue;
    const parts = partsOf(lines[j]);
    if (!parts.label) {
      if (within || !parts.values.length || !beginnings.has(bareLabel(label))) return null;
      within = parts;
      continue;
    }
    label += parts.label;
    pieceWidth = Math.max(pieceWidth, displayWidth(parts.label));
    n++;
    const def = byName.get(bareLabel(label));
    if (def) return within && parts.values.length ? null : { def, last: j, within, pieceWidth };
    if (parts.values.length) return null;
  }
  return null;
}

/** Whether bareLabel may cut the start of a label that starts as `label` does: one starting with 第 or a digit. */
function strippable(label: string): boolean {
  const first = label.charCodeAt(0);
  return first === DI || (first >= 0x30 && first <= 0x39);
}

/** A label row's own values: all of a space row's trailing numbers, a tab/pipe row's cells fitted to its columns. */
function ownValues(def: RowDef, parts: RowParts): CellToken[] {
  return asPrinted(parts.separator === 'space' ? parts.values : fitValues(parts.values, def.columns.length, parts.fenced));
}

/** A number printed with a leading zero (LEADING_ZERO). */
function zeroLed(t: CellToken): boolean {
  return t.kind === 'number' && LEADING_ZERO.test(fold(t.printed));
}

/** The tokens with each number printed with a leading zero (LEADING_ZERO) made a value that reads as no number. */
function asPrinted(tokens: CellToken[]): CellToken[] {
  return tokens.some(zeroLed) ? tokens.map((t) => (zeroLed(t) ? { kind: 'text', printed: t.printed } : t)) : tokens;
}

/**
 * Whether a tab/pipe row holds more cells than its columns with empty cells at both ends to drop, so that its values
 * fit its columns more than one way ("| 政府集中采购 | | ８６７４７７元 | |" in a table of three value columns: the
 * number is the first column's or the second's): its cells are not placed.
 */
function fitsTwoWays(def: RowDef, parts: RowParts): boolean {
  return parts.separator !== 'space' && parts.values.length > def.columns.length && fitsOf(parts.values, def.columns.length).length > 1;
}

function addLabel(stream: Stream, seen: Set<string>, label: Label): void {
  if (seen.has(label.def.key)) stream.repeated.add(label.def.key);
  seen.add(label.def.key);
  stream.labels.push(label);
  stream.runs.push([[]]);
}

function addFree(stream: Stream, tokens: CellToken[], line: Line, block: number, broken = false): void {
  const run = stream.runs[stream.runs.length - 1];
  const part = run[run.length - 1];
  const widths = digitWidths(line.raw);
  const width = tokens.length === 1 ? displayWidth(line.raw.trim()) : 0;
  for (const t of asPrinted(tokens)) part.push(broken ? { t, line: line.no, block, widths, width, broken } : { t, line: line.no, block, widths, width });
}

/** Which digits a line prints: 1 ASCII, 2 full-width, 3 both (a cell's printed text is folded, its width lost). */
function digitWidths(raw: string): number {
  return (/[0-9]/.test(raw) ? 1 : 0) | (FULL_DIGIT.test(raw) ? 2 : 0);
}

/** Whether line i is the last line with text on its page. */
function lastOnPage(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && lines[j].page === lines[i].page; j++) if (lines[j].raw.trim()) return false;
  return true;
}

/**
 * The items whose caption readStream has seen (`printed`), and the first label of each item printed before its
 * caption (`early`). (readStream's steps on them are module functions: under tsx a closure made per call is named at
 * run time.)
 */
interface Captions {
  printed: Set<string>;
  early: Map<string, string>;
}

/** A caption's item is printed; a label of that item printed before it runs the text down the columns. */
function captionOf(text: string, captions: Captions, stream: Stream): void {
  const item = itemOf(text);
  if (!item) return;
  captions.printed.add(item);
  stream.labelBeforeCaption ??= captions.early.get(item) ?? null;
}

/** A row label: the first of its item's labels printed before the item's caption is remembered. */
function labelled(def: RowDef, captions: Captions): void {
  const item = itemOf(def.item);
  if (item && !captions.printed.has(item) && !captions.early.has(item)) captions.early.set(item, def.zh);
}

/**
 * A row label after another item's numbers (`foreign`): those numbers stand between it and the label before, where no
 * reading may leave numbers ("现行有效件数", "69", "行政", "强制": 69 is not 行政强制's). Returns `foreign` after it: false.
 */
function fenceForeign(stream: Stream, foreign: boolean): false {
  if (foreign) stream.runs[stream.runs.length - 1].push([]);
  return false;
}

/** Whether numbers follow a row label of the caption's own item (`item`), with no caption or label since. */
function ownRowValues(stream: Stream, item: string | null): boolean {
  const last = stream.labels[stream.labels.length - 1];
  const run = stream.runs[stream.runs.length - 1];
  return !!last && item !== null && itemOf(last.def.item) === item && run.length === 1 && run[0].some((x) => x.t.kind === 'number' || x.t.kind === 'blank');
}

function readStream(defs: readonly RowDef[], lines: Line[], from: number, to: number): Stream {
  const byName = namesOf(defs);
  const beginnings = beginningsOf(defs);
  const stream: Stream = { labels: [], runs: [[[]]], repeated: new Set(), labelBeforeCaption: null };
  const seen = new Set<string>();
  /** Items whose caption has been printed, and the labels printed before their item's caption (see Captions). */
  const captions: Captions = { printed: new Set(), early: new Map() };
  let block = 0;
  /** The last caption's item, and whether a header of another item's table has been printed since. */
  let item: string | null = null;
  let foreign = false;
  /** Numbers printed since the header of another item's table: none, and that table's numbers are still to come. */
  let foreignValues = 0;
  /** The page whose footer has been printed: numbers after it, before the next page, stand out of the page's flow. */
  let footerPage: number | null = null;
  // Only text with its page breaks (form feeds) shows where a page ends.
  const paged = lines.length > 0 && lines[lines.length - 1].page > 0;
  for (let i = tableStart(lines, from, to, byName); i < to; i++) {
    if (skipped(lines[i])) {
      if (paged && isPageNoise(lines[i].raw)) footerPage = lines[i].page;
      block++;
      continue;
    }
    if (footerPage !== lines[i].page) footerPage = null;
    const parts = partsOf(lines[i]);
    // Numbers after a page's footer, the last text of the page (poppler's default mode prints a block placed low or
    // late there: "— 22 —", "142", then the next page's "行政强制"; 142 is 规章's, printed at the page's end): whose
    // they are is not in the flow, so they stand fenced off between the labels before and after them. (MuPDF may print
    // a page's footer before its body: numbers with more text after them on the page are in the flow.)
    if (footerPage !== null && !parts.label && parts.values.length && lastOnPage(lines, i)) {
      const run = stream.runs[stream.runs.length - 1];
      run.push([]);
      addFree(stream, parts.values, lines[i], block);
      run.push([]);
      continue;
    }
    const def = parts.label ? byName.get(bareLabel(parts.label)) : undefined;
    if (def) {
      foreign = fenceForeign(stream, foreign);
      captionOf(parts.label, captions, stream);
      labelled(def, captions);
      addLabel(stream, seen, { def, line: lines[i].no, own: ownValues(def, parts), space: parts.separator === 'space', cut: false, pieceWidth: 0, lastWidth: 0, ambiguous: fitsTwoWays(def, parts) });
      continue;
    }
    if (!parts.label) {
      if (foreign) foreignValues += parts.values.length;
      addFree(stream, parts.values, lines[i], block);
      continue;
    }
    if (!parts.values.length) {
      if (BROKEN_NUMBER.test(parts.label)) {
        addFree(stream, [{ kind: 'text', printed: parts.label }], lines[i], block, true);
        continue;
      }
      const joined = joinedLabel(lines, i, to, byName, beginnings);
      if (joined) {
        foreign = fenceForeign(stream, foreign);
        const last = joined.within ?? partsOf(lines[joined.last]);
        labelled(joined.def, captions);
        const lastWidth = joined.within ? 0 : lastValueWidth(lines[joined.last]);
        addLabel(stream, seen, { def: joined.def, line: lines[i].no, own: ownValues(joined.def, last), space: last.separator === 'space', cut: true, pieceWidth: joined.pieceWidth, lastWidth, ambiguous: fitsTwoWays(joined.def, last) });
        i = joined.last;
        continue;
      }
      // An item caption: no row's numbers cross it.
      if (parts.label.includes('第二十条')) {
        captionOf(parts.label, captions, stream);
        item = itemOf(parts.label);
        foreign = false;
        stream.runs[stream.runs.length - 1].push([]);
        continue;
      }
      // A column header of another item's table after a caption (poppler's default mode runs down the columns of
      // several tables: "第二十条第（八）项", "现行有效件数", "16"): the numbers after it are that table's, no row's of
      // this item, and they are fenced off as a caption fences a row's numbers. Other text separates nothing.
      // This item's own header right after another's, no number between ("现行有效件数", "本年收费金额（单位：万元）",
      // page footer, "25", "行政事业性收费"): the other table's numbers are still to come, and the numbers after
      // the own header may be theirs, so they stay fenced off.
      const items: Set<string> | null = item ? headerItems(parts.label) : null;
      // This item's own header after one of its row labels and numbers ("行政事业性收费", "/", "上一年项目数量",
      // "本年增/减", "9": the "/" is 本年增/减's, printed before the header): the cells do not come in the row's order,
      // so no count of them proves whose they are.
      if (items?.has(item!) && !foreign && ownRowValues(stream, item)) {
        addFree(stream, [{ kind: 'text', printed: parts.label }], lines[i], block, true);
        continue;
      }
      if (items && items.has(item!) === foreign && !(foreign && foreignValues === 0)) {
        foreign = !foreign;
        foreignValues = 0;
        stream.runs[stream.runs.length - 1].push([]);
      }
      continue;
    }
    // Numbers after text that names no row: they are the table's, but no label proves whose.
    if (foreign) foreignValues += parts.values.length;
    addFree(stream, parts.values, lines[i], block);
  }
  return stream;
}

/** How a label takes cells from the runs beside it: `after` from the start of the next, `before` from the end of the previous. */
interface Option {
  after: number;
  before: number;
}

/**
 * The ways a label may take its cells: a lone label all of them after or all before; a label with all its numbers on
 * its line none; a space row short of cells the rest from the lines after it (wrapped).
 */
function optionsOf(label: Label): Option[] {
  const n = label.def.columns.length;
  if (label.own.length === 0) return [{ after: n, before: 0 }, { after: 0, before: n }];
  if (label.space && label.own.length < n) return [{ after: n - label.own.length, before: 0 }];
  return [{ after: 0, before: 0 }];
}

const size = (part: Free[]) => part.length;

/**
 * Whether a run agrees with what the label before it takes after (`after`) and the label after it takes before
 * (`before`): without a caption inside, the run is exactly both; with one, the part before the first caption is the
 * first label's, the part after the last caption the second's, and nothing stands between captions.
 */
function runHolds(run: Run, after: number, before: number): boolean {
  if (run.length === 1) return size(run[0]) === after + before;
  for (let p = 1; p < run.length - 1; p++) if (size(run[p]) > 0) return false;
  return size(run[0]) === after && size(run[run.length - 1]) === before;
}

/**
 * The side of a run that belongs to one label only: the part before its first caption is the label's before it
 * (`left`), the part after its last caption the label's after it (`right`). Nothing may stand between captions, and
 * at the table's edges (`edge`) nothing on the side that has no label.
 */
function sideHolds(run: Run, side: 'left' | 'right', taken: number, edge: boolean): boolean {
  for (let p = 1; p < run.length - 1; p++) if (size(run[p]) > 0) return false;
  if (run.length === 1) return size(run[0]) === taken;
  if (edge && size(side === 'left' ? run[run.length - 1] : run[0]) > 0) return false;
  return side === 'left' ? size(run[0]) === taken : size(run[run.length - 1]) === taken;
}

/** One chain of labels first..last being read: the options tried so far and the readings that held. */
interface Chain {
  runs: Run[];
  options: Option[][];
  first: number;
  last: number;
  /** Labels in the whole table: the run after the last of them is the table's end. */
  count: number;
  choice: Option[];
  readings: Option[][];
}

/** Tries every option of label k and of the labels after it in the chain; stops at two readings (no proof then). */
function walk(c: Chain, k: number): void {
  if (c.readings.length > 1) return;
  if (k > c.last) {
    if (sideHolds(c.runs[k], 'left', c.choice[k - 1 - c.first].after, k === c.count)) c.readings.push(c.choice.slice());
    return;
  }
  for (const o of c.options[k]) {
    c.choice[k - c.first] = o;
    // The run before label k: the chain's left edge, or the run linking labels k-1 and k.
    const holds = k === c.first ? sideHolds(c.runs[k], 'right', o.before, k === 0) : runHolds(c.runs[k], c.choice[k - 1 - c.first].after, o.before);
    if (holds) walk(c, k + 1);
  }
}

/**
 * Places the labels' cells. Labels linked by caption-free runs form a chain whose readings are tried together (two
 * per lone label); a chain with exactly one reading that holds places its labels, any other leaves its lone and
 * wrapped labels unproved (labels with all their numbers on their line are placed all the same). Returns each
 * label's tokens (by index), null where unproved, and whether mayWrap left it unproved.
 */
function place(stream: Stream, trusted: boolean, paragraphs: boolean): { tokens: CellToken[] | null; wrapped: boolean }[] {
  const { labels, runs } = stream;
  const out: { tokens: CellToken[] | null; wrapped: boolean }[] = [];
  const options: Option[][] = [];
  for (const l of labels) options.push(l.ambiguous ? [] : trusted ? optionsOf(l) : optionsOf(l).filter((o) => o.after + o.before === 0));
  for (let first = 0; first < labels.length; ) {
    // A chain: labels first..last, linked by runs with no caption (run k links labels k-1 and k).
    let last = first;
    while (last + 1 < labels.length && runs[last + 1].length === 1) last++;
    // Only lone and wrapped labels take numbers from the runs: a chain of labels with their numbers on their lines
    // has nothing to read (each keeps its own numbers).
    let open = true;
    let takes = false;
    for (let k = first; k <= last; k++) {
      open &&= options[k].length > 0;
      takes ||= options[k].length !== 1 || options[k][0].after + options[k][0].before > 0;
    }
    // A broken number among the chain's runs: no count of them proves a placement.
    let broken = false;
    for (let k = first; k <= last + 1 && !broken; k++) broken = !!runs[k]?.some((part) => part.some((x) => x.broken));
    const chain: Chain | null = open && takes && !broken ? { runs, options, first, last, count: labels.length, choice: [], readings: [] } : null;
    if (chain) walk(chain, first);
    const reading = chain?.readings.length === 1 ? chain.readings[0] : null;
    for (let k = first; k <= last; k++) {
      const label = labels[k];
      const o = reading?.[k - first];
      const before = o ? runs[k][runs[k].length - 1].slice(runs[k][runs[k].length - 1].length - o.before) : [];
      const after = o ? runs[k + 1][0].slice(0, o.after) : [];
      // A label cut over several lines stands in a tall cell, whose row's cells poppler may print as separate blocks
      // (a blank line between them) in another column order: such a label takes cells from one block only.
      const wraps = !!o && label.cut && (mayWrap(before, label.pieceWidth) || mayWrap(after, label.pieceWidth) || ownMayWrap(label, after));
      const taken = o && !wraps && (!label.cut || (inOneBlock(before) && inOneBlock(after))) && !(paragraphs && blocksOfTwoKinds([...before, ...after])) ? [...before.map((x) => x.t), ...label.own, ...after.map((x) => x.t)] : null;
      out.push({ tokens: full(taken, label) ?? (label.ambiguous ? null : full(label.own, label)), wrapped: wraps });
    }
    first = last + 1;
  }
  return out;
}

/**
 * Whether most of the table's lines with text are followed by an empty line: each cell a paragraph, as poppler's
 * default mode prints a table (a caption and its header's first cell may share a block). Text of one cell a line
 * with an empty line here and there (copied from a PDF viewer) is not.
 */
function paragraphed(lines: Line[], from: number, to: number): boolean {
  let text = 0;
  let followed = 0;
  for (let i = from; i < to; i++) {
    if (isBlankLine(lines[i])) continue;
    text++;
    if (i + 1 < to && isBlankLine(lines[i + 1])) followed++;
  }
  return text > 0 && followed >= PARAGRAPHED * text;
}

/**
 * The tokens when they fill the label's columns: a row short of cells (spaces, or tabs where the PDF reader joined
 * words) does not show which cell is missing.
 */
function full(tokens: CellToken[] | null, label: Label): CellToken[] | null {
  return tokens && tokens.length >= label.def.columns.length ? tokens : null;
}

/**
 * Whether a label cut into pieces (a narrow column) takes cells printed a line each where a number may have wrapped in
 * its narrow cell: a number as wide as the label's widest piece, the next cell a number on a line of its own ("１０" /
 * "３" under 行政 / 事业 / 性收 / 费, for 上一年项目数量 103 and 本年增/减 blank: pdfCase('hunt45-pdf', 207)).
 */
function mayWrap(cells: Free[], pieceWidth: number): boolean {
  for (let k = 0; k + 1 < cells.length; k++) {
    const [a, b] = [cells[k], cells[k + 1]];
    if (a.t.kind === 'number' && b.t.kind === 'number' && a.width >= pieceWidth && b.width > 0 && b.line > a.line) return true;
  }
  return false;
}

/**
 * mayWrap across a cut label's own numbers and the cells it takes after them: its last own number as wide as its widest
 * piece, then a number on a line of its own ("行政" / "事业" / "性收" / "费１１" / "１０" for 上一年项目数量 111 and 本年增/减 0:
 * pypdf runs the wrapped "１" into the next cell's "０", pdfCase('hunt52-pdf', 299)).
 */
function ownMayWrap(label: Label, after: Free[]): boolean {
  return label.own.at(-1)?.kind === 'number' && label.lastWidth >= label.pieceWidth && after[0]?.t.kind === 'number' && after[0].width > 0;
}

/** The display width of a space row's last value as its line prints it ("费１１": 4; a cell's token is folded), else 0. */
function lastValueWidth(line: Line): number {
  const spans = partsOf(line).spans;
  return spans?.length ? displayWidth(line.raw.slice(spans[spans.length - 2], spans[spans.length - 1])) : 0;
}

const inOneBlock = (cells: Free[]) => cells.every((c) => c.block === cells[0].block);

/**
 * Whether a lone label's cells stand each in a text block of its own (an empty line between any two) and are printed
 * in two kinds of glyphs: digits of both widths (ASCII and full-width: two fonts), or a blank mark and a number.
 * poppler's default mode prints each cell a block (the table a paragraph a line: `paragraphs` in place), in the order
 * of its blocks, and cells of another font can come out in another order than their columns ("４", "３３７", "4" for 4,
 * 4, 337: pdfCase('hunt14-pdf', 536); "/", "114" for 114 and a blank: pdfCase('hunt21-pdf', 550)): their order is not
 * proved.
 */
function blocksOfTwoKinds(cells: Free[]): boolean {
  if (cells.length < 2) return false;
  let widths = 0;
  let kinds = 0;
  for (const [k, c] of cells.entries()) {
    if (k && c.block === cells[k - 1].block) return false;
    widths |= c.widths;
    kinds |= c.t.kind === 'blank' ? 1 : c.t.kind === 'number' ? 2 : 0;
  }
  return widths === 3 || kinds === 3;
}

/** The free numbers no placed label took, for the diagnostic. */
function shownRun(run: Run): string {
  return shownTokens(run.flat().map((c) => c.t));
}

/** Hyphens that read as a blank mark and may as well be a minus sign. */
const MINUS_MARKS: ReadonlySet<string> = new Set(['-', '－', '−']);

/** Whether two free cells stand on lines of their own, one after the other in one block. */
function linesApart(a: Free | undefined, b: Free | undefined): boolean {
  return !!a && !!b && a.line !== b.line && a.block === b.block;
}

function parseRows<T>(defs: readonly RowDef[], lines: Line[], from: number, to: number, log: DiagnosticLog, prefix: string, counts: PlacementCounts): T {
  const out: Record<string, unknown> = {};
  const stream = readStream(defs, lines, from, to);
  const found = new Set(stream.labels.map((l) => l.def.key));
  // A missing row's numbers could stand in any run, a repeated label could be either row, and in text that runs down
  // the table's columns a caption parts nothing: lone labels stay unread.
  const trusted = found.size === defs.length && stream.repeated.size === 0 && !stream.labelBeforeCaption;
  // A table printed a paragraph a cell in text with pages (poppler's default mode: its text blocks in its own order;
  // a terminal's dump of a web page, also a paragraph a cell, keeps the page's order and has no pages).
  const paged = lines.length > 0 && lines[lines.length - 1].page > 0;
  const placed = place(stream, trusted, paged && paragraphed(lines, from, to));
  const strayPoint = lonePoint(lines, from, to, paged);
  const freeOf = new Map<CellToken, Free>();
  for (const run of stream.runs) for (const part of run) for (const f of part) freeOf.set(f.t, f);
  const done = new Set<string>();
  stream.labels.forEach((label, k) => {
    const { def } = label;
    if (done.has(def.key)) return;
    done.add(def.key);
    const path = `${prefix}.${def.key}`;
    const n = def.columns.length;
    // A count below zero in a column other than 本年增/减 (the one column that can be): the cells are not in their
    // columns' order (poppler's default mode printed 行政强制's "-４" before "１１８" across a page footer, read as
    // 上一年项目数量 −4: pdfCase('hunt45-pdf', 492)).
    const outOfOrder = placed[k].tokens?.some((t, c) => t.kind === 'number' && t.value < 0 && def.columns[c] !== 'change') ?? false;
    // An amount read without its decimal point where a point stands alone near the table (poppler's default mode
    // printed 3.3's "." after the next section's heading: pdfCase('hunt47-pdf', 742), 33 read).
    const pointLost = strayPoint && (placed[k].tokens?.some((t, c) => t.kind === 'number' && /amount$/i.test(def.columns[c]) && !/[.．]/.test(t.printed)) ?? false);
    // A hyphen alone on its line (a blank mark) right before a number alone on the next line, beside 本年增/减: the
    // hyphen may be that number's minus sign, printed apart (pdf.js items: "-" then "３" for −3, a minus of another
    // font, the cell after it blank: pdfCase('hunt55-pdf', 17), read as blank and 3).
    const minusApart = placed[k].tokens?.some((t, c, all) => t.kind === 'blank' && MINUS_MARKS.has(t.printed) && all[c + 1]?.kind === 'number' && (def.columns[c] === 'change' || def.columns[c + 1] === 'change') && linesApart(freeOf.get(t), freeOf.get(all[c + 1]))) ?? false;
    const tokens = outOfOrder || pointLost || minusApart ? null : placed[k].tokens;
    if (!tokens) {
      const around = [shownRun(stream.runs[k]), label.own.map((t) => t.printed).join(' '), shownRun(stream.runs[k + 1])].filter(Boolean).join(' | ');
      const why = outOfOrder
        ? `读出的负数不在“本年增/减”列，数字的顺序与各列不符`
        : minusApart
        ? `“本年增/减”旁单独一行的短横线后紧跟单独一行的数字，短横线可能是空白单元格，也可能是该数字分开印出的负号，无法证明各数字所在的列`
        : pointLost
        ? `表格所在页面上有一个单独印出的小数点，读出的金额 ${(placed[k].tokens ?? []).map((t) => t.printed).join(' ')} 可能丢了它，无法证明`
        : !trusted
        ? stream.labelBeforeCaption && found.size === defs.length && stream.repeated.size === 0
          ? `“${stream.labelBeforeCaption}”印在其所属项目的标题之前（文本按列而非按行抽取），无法证明数字属于哪一行`
          : `表二的行标签${stream.repeated.size ? '有重复' : '不全'}，无法证明数字属于哪一行`
        : placed[k].wrapped
        ? `标签分多行印在窄格中，一个数字与标签最宽的一段同宽，可能折到了下一行，无法证明各数字所在的列`
        : label.ambiguous
          ? `该行的单元格多于列数，两端都有空单元格，数字可按不止一种方式对应到各列`
          : label.own.length
          ? `该行只有 ${label.own.length} 个数字，无法确定空格位置或其余数字所在`
          : '前后的数字个数与各行的列数对不上，无法证明哪些数字属于该行';
      log.warn('table-a-unproved', label.line, `${n} numbers beside the label “${def.zh}”`, around || 'no numbers', `表二“${def.zh}”行：${why}，记为空值`, path);
      out[def.key] = Object.fromEntries(def.columns.map((c) => [c, null]));
      counts.unread += n;
      return;
    }
    out[def.key] = toCells(def.columns, tokens, log, label.line, path);
    counts.label += Math.min(tokens.length, n);
    counts.unread += Math.max(0, n - tokens.length);
  });
  for (const def of defs) {
    if (found.has(def.key)) continue;
    out[def.key] = Object.fromEntries(def.columns.map((c) => [c, null]));
    log.warn('row-missing', null, `a table A row “${def.zh}”`, 'no such label', `表二缺少“${def.zh}”行，记为空值`, `${prefix}.${def.key}`);
    counts.unread += def.columns.length;
  }
  // Keys in the template's order, as before (a loop, not Object.fromEntries: this runs for every file).
  const ordered: Record<string, unknown> = {};
  for (const d of defs) ordered[d.key] = out[d.key];
  return ordered as T;
}

/**
 * Whether a decimal point stands alone on a line of the table's pages (text with pages: any line of a page the table
 * is printed on, the text after it too; else the table's own lines), or was given to a number there: some amount's
 * point printed apart from its digits.
 */
function lonePoint(lines: Line[], from: number, to: number, paged: boolean): boolean {
  const pages = new Set(lines.slice(from, to).map((l) => l.page));
  const scope = paged ? lines.filter((l) => pages.has(l.page)) : lines.slice(from, to);
  return scope.some((l) => LONE_POINT.test(l.raw) || POINT_GIVEN.test(l.raw));
}

export function parseTableA(lines: Line[], from: number, to: number, template: '2021' | '2019', log: DiagnosticLog) {
  const counts: PlacementCounts = { label: 0, arithmetic: 0, unread: 0 };
  if (template === '2019') {
    const proactive2019 = parseRows<Proactive2019>(PROACTIVE_2019_ROWS, lines, from, to, log, 'proactive2019', counts);
    return { proactive: null, proactive2019, placement: placementOf(counts) };
  }
  const proactive = parseRows<Proactive>(PROACTIVE_ROWS, lines, from, to, log, 'proactive', counts);
  return { proactive, proactive2019: null, placement: placementOf(counts) };
}
