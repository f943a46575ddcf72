/** Table C (administrative reconsideration and litigation): 15 numbers, three groups of five, in template order. */
import { APPEAL_COLUMNS, APPEAL_GROUPS, type Appeals, type TablePlacement } from '../../schema';
import { shownTokens, toCells } from './cells';
import { meets, overlapBlocks } from './columns';
import { NULL_APPEAL_ROW } from './null-rows';
import { placementOf } from './placement';
import type { DiagnosticLog } from './diagnostics';
import { compactOf, displayOffsets, doubleSpaced, EMPTY_CELL, fitValues, footerRunIn, isBlankLine, isMarkdownRule, pageless, paragraphCells, partsOf, withParagraphCells, type Line } from './lines';
import { fold, isPageNoise, readJoinedDigits, type CellToken } from '../text';
import { splitDigits, SPLIT_CAP, TABLE_C } from './digit-split';

const COLS = APPEAL_COLUMNS.map((c) => c.key);
const WIDTH = APPEAL_GROUPS.length * COLS.length;
/** A row label that may precede a group's five numbers in layouts that print one row per group. */
const GROUP_LABEL = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|行政诉讼[(（]?(未经复议直接起诉|复议后起诉)[)）]?)$/;

/** The table's first header cell: reading starts there (numbers before it belong to what precedes the table). */
const HEADER_START = /^[#|]*行政复议/;
/** The words of table C's header: a header repeated between two groups (a Markdown table per group) is made of them. */
const HEADER_WORDS = /行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|总计|[#|()（）·、]/g;

/**
 * Whether text standing between the numbers, before the number at `position`, names that number's own column (a
 * header cell printed just before its number, as poppler's default mode prints 洪泽区's 总计 / 0) or, at a group's
 * start, the header of the group (its name, its columns' names): then the numbers stand beside their labels. Any
 * other text breaks the proof of the order.
 */
function namesNext(text: string, position: number): boolean {
  if (APPEAL_COLUMNS[position % COLS.length].zh.includes(text)) return true;
  return position % COLS.length === 0 && text.replace(HEADER_WORDS, '') === '';
}

/**
 * The first line of the table's header in lines[from, to) — 行政复议, maybe cut over lines (行政 / 复议), or the
 * column headers when the group row is not printed — or -1 when none is printed. A page footer may stand inside it.
 */
function headerStart(lines: Line[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = compactOf(lines[i]);
    if (!c || c.length > 40 || c.includes('情况')) continue;
    if (HEADER_START.test(c) || /^[#|]*结果维/.test(c)) return i;
    if (!/^[#|]*行/.test(c)) continue;
    // 行政 / 复议: the next non-empty line completes it.
    for (let j = i + 1; j < to && j <= i + 4; j++) {
      const next = compactOf(lines[j]);
      if (!next || isPageNoise(lines[j].raw)) continue;
      if (HEADER_START.test(c + next)) return i;
      break;
    }
  }
  return -1;
}

/** The fewest lines with text table C (header words and numbers) needs to be read as one paragraph a line. */
const MIN_DOUBLED = 20;
/** A word of the columns' header, or a piece of one (结果维 / 持, 总 / 计): none of the groups' names. */
const COLUMN_WORD = /^[结果维持纠正其他尚未审总计]+$/;
/** A number stands in a header block's column when its span meets the block widened by this many columns each side. */
const SLACK = 1;

/**
 * The fifteen cells by position, in text laid out on a terminal's grid (w3m's or lynx's dump, pandoc's plain text:
 * display width, a Chinese character two columns). The header's column words, wrapped or not, make fifteen blocks of
 * overlapping spans, left to right; each number must stand within SLACK columns of exactly one block, the numbers in
 * the blocks' order. A number on a line after the first line of values that stands under one of that line's numbers
 * continues it (digits stacked in a narrow column: "１" over "０" is 10). Cells with no number are blank. Null when a
 * number stands near no block or near two, or when a group's total is then not the sum of its four results (C1,
 * blank cells as 0: a misplaced number, or the agency's own break, which then stays unread rather than guessed).
 */
function byHeader(headerLines: Line[], valueLines: Line[]): CellToken[] | null {
  const at = (line: Line, spans: number[]) => displayOffsets(line.raw, spans);
  const words: [number, number][] = [];
  for (const line of headerLines)
    for (const m of line.raw.matchAll(/\S+/g)) if (COLUMN_WORD.test(m[0])) words.push(at(line, [m.index, m.index + m[0].length]) as [number, number]);
  const { lo, hi } = overlapBlocks(words);
  if (lo.length !== WIDTH || !valueLines.length) return null;
  const [main, ...rest] = valueLines;
  const parts = partsOf(main);
  if (parts.separator !== 'space' || !parts.spans || parts.label) return null;
  const spans = at(main, parts.spans);
  // Text that puts its numbers one space apart (pdftotext -raw, copied text) keeps no columns: where a number stands
  // says nothing of its column.
  let wide = 0;
  for (let k = 2; k + 1 < spans.length; k += 2) wide += spans[k] - spans[k - 1] > 1 ? 1 : 0;
  if (wide * 3 < 2 * (spans.length / 2 - 1)) return null;
  const values = parts.values.slice();
  const printed = values.map((v) => v.printed);
  for (const line of rest) {
    const p = partsOf(line);
    if (p.separator !== 'space' || !p.spans || p.label || p.values.some((v) => v.kind !== 'number')) return null;
    const pieceSpans = at(line, p.spans);
    for (let k = 0; k < p.values.length; k++) {
      const under = values.findIndex((_, j) => meets(pieceSpans[2 * k], pieceSpans[2 * k + 1], spans[2 * j], spans[2 * j + 1], SLACK));
      if (under < 0 || values[under].kind !== 'number') return null;
      printed[under] += p.values[k].printed;
    }
  }
  for (let k = 0; k < values.length; k++) {
    if (printed[k] === values[k].printed) continue;
    const joined = readJoinedDigits(printed[k]);
    if (!joined) return null;
    values[k] = joined;
  }
  // The block each number stands in: exactly one within SLACK columns (a number between two is no proof).
  const cells = new Array<CellToken>(WIDTH).fill(EMPTY_CELL);
  let last = -1;
  for (let k = 0; k < values.length; k++) {
    const near: number[] = [];
    for (let b = 0; b < WIDTH; b++) if (meets(spans[2 * k], spans[2 * k + 1], lo[b], hi[b], SLACK)) near.push(b);
    if (near.length !== 1 || near[0] <= last) return null;
    cells[near[0]] = values[k];
    last = near[0];
  }
  for (let g = 0; g < APPEAL_GROUPS.length; g++) if (!groupAddsUp(cells, g)) return null;
  return cells;
}

/**
 * Whether a line of values stands under the line of values before it, each of its numbers under one of that line's,
 * fewer than there (digits of numbers wrapped in narrow columns), in text that keeps its columns by spaces.
 */
function stackedPieces(valueLines: Line[], display: boolean): boolean {
  for (let i = 1; i < valueLines.length; i++) {
    const above = partsOf(valueLines[i - 1]);
    const below = partsOf(valueLines[i]);
    if (!above.spans || !below.spans || below.label || below.values.length >= above.values.length || valueLines[i].no !== valueLines[i - 1].no + 1) continue;
    const a = display ? displayOffsets(valueLines[i - 1].raw, above.spans) : above.spans;
    const b = display ? displayOffsets(valueLines[i].raw, below.spans) : below.spans;
    // (Written inline: under tsx a closure held in a named constant is named at run time, per call.)
    if (below.values.every((v, k) => v.kind === 'number' && above.values.some((_, j) => meets(b[2 * k], b[2 * k + 1], a[2 * j], a[2 * j + 1], SLACK)))) return true;
  }
  return false;
}

/**
 * The table's fifteen cells printed one a paragraph, an empty cell as an empty line (LibreOffice's text export), right
 * after the header's last line: one tab-separated line (on the first cell's line) when every group keeps C1 with empty cells as 0 (lines.ts
 * paragraphCells); else the lines as printed.
 */
function cellParagraphs(lines: Line[], header: number, to: number): Line[] {
  let v = header;
  while (v < to && (isBlankLine(lines[v]) || !partsOf(lines[v]).values.length)) v++;
  if (v >= to || v === header || isBlankLine(lines[v - 1])) return lines;
  const cells = paragraphCells(lines, v - 1, WIDTH, to);
  const totals = cells ? APPEAL_GROUPS.map((_, g) => cells[g * COLS.length + COLS.length - 1]) : [];
  if (!cells || !totals.every((t) => t.kind === 'number') || !totals.some((t) => t.kind === 'number' && t.value > 0) || !APPEAL_GROUPS.every((_, g) => groupAddsUp(cells, g))) return lines;
  // The whole text is scanned for pages last: it is the dearest test.
  if (!pageless(lines)) return lines;
  return withParagraphCells(lines, null, v - 1, cells, false);
}

/** Whether a column's name (结果维持 … 总计) stands whole on no line of the header: its words were cut where they wrapped. */
function headerCut(headerLines: Line[]): boolean {
  const texts = headerLines.map(compactOf);
  return APPEAL_COLUMNS.some((c) => !texts.some((t) => t.includes(c.zh)));
}

/** C1 for group g of fifteen cells: its total is the sum of its four results (blank cells as 0). */
function groupAddsUp(cells: CellToken[], g: number): boolean {
  let sum = 0;
  for (let c = 0; c < COLS.length - 1; c++) {
    const t = cells[g * COLS.length + c];
    if (t.kind === 'text') return false;
    if (t.kind === 'number') sum += t.value;
  }
  const total = cells[g * COLS.length + COLS.length - 1];
  return total.kind !== 'text' && Math.abs((total.kind === 'number' ? total.value : 0) - sum) < 1e-6;
}
/**
 * Whether fifteen cells that break C1 as read add up in every group once two neighbouring numbers are read as one
 * number wrapped in its cell and an empty cell (printed as nothing) is put back somewhere.
 */
function wrappedAndEmpty(tokens: CellToken[]): boolean {
  for (let j = 0; j + 1 < tokens.length; j++) {
    const [a, b] = [tokens[j], tokens[j + 1]];
    if (a.kind !== 'number' || b.kind !== 'number') continue;
    const joined = readJoinedDigits(a.printed + b.printed);
    if (joined?.kind !== 'number') continue;
    const rest = [...tokens.slice(0, j), joined, ...tokens.slice(j + 2)];
    for (let k = 0; k <= rest.length; k++) if (APPEAL_GROUPS.every((_, g) => groupAddsUp([...rest.slice(0, k), EMPTY_CELL, ...rest.slice(k)], g))) return true;
  }
  return false;
}

/** Every cell null, none read. A module function: under tsx a closure made per call is named at run time. */
function nulls(appeals: Appeals): { appeals: Appeals; placement: TablePlacement } {
  for (const g of APPEAL_GROUPS) appeals[g.key] = { ...NULL_APPEAL_ROW };
  return { appeals, placement: placementOf({ label: 0, arithmetic: 0, unread: WIDTH }) };
}

/**
 * Table C's fifteen cells printed as one run of digits ("1010000000050000": pypdf's text of a Word-made PDF, the real
 * 洪泽区 2023 among them): the run, when a line's one value is digits only, fifteen at least; else null. parseTableC
 * does not split it: a blank cell leaves no digit, and fourteen cells can split into fifteen that keep every group's
 * total (officeCase('shape-office', 46) read by pypdf), with no sum across the groups to show it.
 */
function digitRun(values: CellToken[]): string | null {
  if (values.length !== 1 || values[0].kind !== 'number') return null;
  const digits = fold(values[0].printed);
  return /^\d+$/.test(digits) && digits.length >= WIDTH ? digits : null;
}

/**
 * The one way a run of digits splits into the table's cells, when there is one: fifteen digits, every one but the last
 * a 0 ("000000000000000", pypdf's text of a Word-made PDF whose table C is all zeros). A number is not printed with a
 * leading zero, so no cell there holds two digits, and each digit is a cell; none was left blank either, since a blank
 * cell prints nothing and the fifteen digits would then fill fourteen cells, one of two digits. Any other run (more
 * digits, or a digit other than 0 before the last) splits more ways once a blank cell may have left no digit. `printed`:
 * the run as printed (its digits' widths kept where it has one character a digit).
 */
function onlySplit(run: string, printed: string): CellToken[] | null {
  if (run.length !== WIDTH || !/^0*\d$/.test(run)) return null;
  const chars = [...printed.trim()];
  return [...run].map((d, k) => ({ kind: 'number' as const, value: Number(d), printed: chars.length === WIDTH ? chars[k] : d }));
}

export function parseTableC(source: Line[], from: number, to: number, log: DiagnosticLog, display = false): { appeals: Appeals; placement: TablePlacement } {
  const tokens: CellToken[] = [];
  let first: number | null = null;
  /** Text standing between the numbers that is not their own column's header: the order is not proved. */
  let breaking: { line: number; text: string } | null = null;
  /** Value cells after the fifteenth: more numbers than the table has, none of them proved. */
  let extra = 0;
  /** A header word stands among the numbers (namesNext): they stand beside their labels. */
  let spokenBetween = false;
  /** Whether a header word stands right before each number (after the first): `wordBefore` until the next number. */
  const worded: boolean[] = [];
  let wordBefore = false;
  const header = headerStart(source, from, to);
  const lines = header < 0 ? source : cellParagraphs(source, header, to);
  /** The lines of the header before the first number, and the lines the numbers stand on. */
  const headerLines: Line[] = [];
  const valueLines: Line[] = [];
  // One cell a paragraph (lynx): an empty cell is one empty line more between two numbers.
  const doubled = header >= 0 && doubleSpaced(lines, header, to, MIN_DOUBLED);
  for (let i = header < 0 ? from : header; i < to; i++) {
    const raw = lines[i].raw;
    if (doubled && isBlankLine(lines[i]) && first !== null && tokens.length < WIDTH) {
      let j = i;
      while (j < to && isBlankLine(lines[j])) j++;
      const next = j < to ? partsOf(lines[j]) : null;
      if (next?.values.length && !next.label) for (let k = i + 1; k < j; k++) tokens.push(EMPTY_CELL);
      i = j - 1;
      continue;
    }
    if (isBlankLine(lines[i]) || isPageNoise(raw) || isMarkdownRule(raw)) continue;
    const parts = partsOf(lines[i]);
    if (first === null && !parts.values.length) headerLines.push(lines[i]);
    if (!parts.values.length || (parts.label && !GROUP_LABEL.test(parts.label))) {
      if (first !== null && tokens.length < WIDTH && !breaking && parts.label && !namesNext(parts.label, tokens.length)) breaking = { line: lines[i].no, text: parts.label };
      if (first !== null && tokens.length < WIDTH && parts.label) spokenBetween = wordBefore = true;
      continue;
    }
    // An empty tab or pipe row is layout; an empty fenced Markdown row is a group whose cells were all left blank, and
    // a line of spaces among the numbers (markSpaceCells) a cell left blank.
    if (!parts.fenced && !lines[i].spaceCell && parts.values.every((v) => v.kind === 'blank' && v.printed === '')) continue;
    const footer = parts.separator === 'space' ? footerRunIn(lines, i) : null;
    if (footer) {
      log.warn('table-c-unproved', lines[i].no, `${WIDTH} numbers of table C`, `a page footer run into the numbers: ${raw.trim()}`, `表四的数字行“${raw.trim()}”以页码“${footer}”开头（提取文字时页脚与下一页的第一行连在一起），其后的短横线可能是空白单元格，也可能是页码的一部分，无法确定各数字所在的列，记为空值`, 'appeals');
      return nulls({} as Appeals);
    }
    const run = tokens.length === 0 && parts.separator === 'space' ? digitRun(parts.values) : null;
    const split = run ? onlySplit(run, parts.values[0].printed) : null;
    if (run && !split) {
      const splits = splitDigits(run, TABLE_C).length;
      const ways = splits >= SPLIT_CAP ? `${splits} or more splits` : `${splits} ${splits === 1 ? 'split' : 'splits'}`;
      log.warn('digits-ambiguous', lines[i].no, `table C's ${WIDTH} cells apart`, `${run}: ${ways}`, `表四的 ${WIDTH} 个数字连写为“${run}”：空白单元格在连写时不留数字，即使按各组总计只有一种拆分方式也无法证明（本表没有各组之间的核对），记为空值`);
      continue;
    }
    const values = split ?? (parts.separator === 'space' ? parts.values : fitValues(parts.values, Math.max(0, WIDTH - tokens.length), parts.fenced));
    valueLines.push(lines[i]);
    if (tokens.length >= WIDTH) {
      extra += values.length;
      continue;
    }
    // Without a header, numbers one or two a line could be anything printed after table B: only rows are read.
    if (header < 0 && values.length < COLS.length && !breaking) breaking = { line: lines[i].no, text: '（无表头）' };
    first ??= lines[i].no;
    worded[tokens.length] = wordBefore;
    wordBefore = false;
    tokens.push(...values);
  }
  if (extra && tokens.length === WIDTH && !breaking) breaking = { line: first ?? 0, text: `（表后另有 ${extra} 个数字）` };
  const appeals = {} as Appeals;
  // Blank cells printed as nothing, or digits stacked in narrow columns, in text that keeps the columns by position:
  // each number in the column of the header word it stands under.
  // Only where the header and the numbers share one grid of columns (a terminal's dump, pandoc): pdftotext -layout
  // sets a Chinese header word one character wide where it prints two digits' width, so its header drifts from the
  // numbers under it (pdfCase('shape-pdf', 18): 尚未审 over the 其他结果 column's number).
  // Digits of a number wrapped onto the line under it (a narrow column: "５" over "４" is 54) are no cells of their own.
  const stacked = stackedPieces(valueLines, display);
  // Numbers on two lines or more in such text (a terminal's dump centring each cell in its row's height: the totals of
  // a narrow 总/计 column a line lower, webCase('lay15-web', 218, { tableLayouts: true })): placed by position only.
  const tall = display && valueLines.length > 1;
  const placed = display && header >= 0 && (tokens.length < WIDTH || extra || stacked || tall) ? byHeader(headerLines, valueLines) : null;
  if (tall && !placed && tokens.length === WIDTH) {
    const shown = valueLines.map((l) => l.raw.trim()).join(' / ');
    log.warn('table-c-unproved', first, `${WIDTH} numbers of table C under their columns' header words`, `numbers on ${valueLines.length} lines: ${shown}`, `表四的数字分在 ${valueLines.length} 行（${shown}），无法按表头位置确定各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  if (stacked && !placed) {
    const shown = valueLines.map((l) => l.raw.trim()).join(' / ');
    log.warn('table-c-unproved', first, `${WIDTH} numbers of table C, one a cell`, `digits under the numbers of the line above: ${shown}`, `表四的数字在窄列中折行（${shown}），无法确定各数字，记为空值`, 'appeals');
    return nulls(appeals);
  }
  if (placed) {
    APPEAL_GROUPS.forEach((g, gi) => {
      appeals[g.key] = toCells(COLS, placed.slice(gi * COLS.length, (gi + 1) * COLS.length), log, first, `appeals.${g.key}`);
    });
    return { appeals, placement: placementOf({ label: WIDTH, arithmetic: 0, unread: 0 }) };
  }
  if (tokens.length !== WIDTH) {
    log.warn(
      tokens.length ? 'table-c-count' : 'table-c-missing',
      first,
      `${WIDTH} numbers of table C`,
      tokens.length ? `${tokens.length} values: ${shownTokens(tokens)}` : 'none',
      tokens.length ? `表四应有 ${WIDTH} 个数字，实际 ${tokens.length} 个，无法对应，记为空值` : '没有找到表四（行政复议、行政诉讼）的数字，记为空值',
      'appeals',
    );
    return nulls(appeals);
  }
  if (breaking) {
    const shown = shownTokens(tokens);
    log.warn('table-c-unproved', breaking.line, `${WIDTH} numbers of table C after its header, in the header's order`, `“${breaking.text}” among the numbers ${shown}`, `表四的数字被不属于其表头的文字“${breaking.text}”隔开，无法证明各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  // Header words between the numbers of a group (column blocks: each column's header piece and its number, as
  // pdfminer boxes them), then a group's numbers with none: those stand apart from their header, after the blocks, in
  // the order the extraction tool put its blocks (pdfCase('lay22-pdf', 166, undefined, { tableLayouts: true }): "维 持
  // 0 纠 正 3 结 果 0 审 结 0 3 | 维 持 0 … 0 0 | 0 0 0 0 0", the words of the second page's header, for 0 0 0 0 0 | 0 3
  // 0 0 3 | 0 …: C1 holds either way). (A group with none before the blocks follows the whole header: in order.)
  const wordsOf = APPEAL_GROUPS.map((_, g) => worded.slice(g * COLS.length, (g + 1) * COLS.length).filter(Boolean).length);
  if (wordsOf.some((n, g) => n === 0 && wordsOf.slice(0, g).some((m) => m > 1))) {
    const shown = shownTokens(tokens);
    log.warn('table-c-unproved', first, `${WIDTH} numbers of table C each beside its column's header word, or after the whole header`, `header words between the numbers of a group, none among a later group's: ${shown}`, `表四前面组的数字与各列表头逐列交错印出，后面组的数字却与表头分开、印在最后，各文本块的先后由文本抽取工具排定，无法证明各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  // Numbers one a line, C1 broken as read, that add up in every group with a number wrapped in its narrow cell ("１２" /
  // "５" for 125) and a cell printed as nothing put back (officeCase('hunt15-office', 117), MuPDF: "0 0 ０ 0 29 | 29 37
  // ３０ １２ ５ | 0 13 0 0 13" for 0 0 — 0 0 | 29 29 37 30 125 | …): the count of fifteen proves no order.
  const oneALine = !display && valueLines.every((l) => partsOf(l).values.length === 1);
  if (oneALine && !APPEAL_GROUPS.every((_, g) => groupAddsUp(tokens, g)) && wrappedAndEmpty(tokens)) {
    const shown = shownTokens(tokens);
    log.warn('table-c-unproved', first, `${WIDTH} numbers of table C, one a cell, each group adding up (C1)`, `one a line, C1 broken as printed and kept with two read as one and an empty cell: ${shown}`, `表四的数字逐行印出，按印出顺序各组合计不符（C1），而把其中相邻两个数字看作一个折行的数、再补一个空单元格则各组都相符，无法确定各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  // Numbers a paragraph a line (an empty line between any two) after a header whose words are cut (结果维 / 持: laid out on
  // a page, then extracted), no header word among them: each a text block of its own, in the order the extraction tool
  // put its blocks, not the row's (poppler's default mode: "２８ ０ ３８ ２７ ０ １４ …" for 28 17 0 38 83 | 0 27 0 14 41 |
  // 0 …, pdfCase('hunt12-pdf', 388)). C1 holding in that order proves no order either: any two of a group's first four
  // cells, or two groups, can change places and keep it (pdfCase('lay22-pdf', 770, undefined, { tableLayouts: true }):
  // "０ １６ ３ ２８ ４７ ０ ３３ ２３ ０ ５６ ０ ０ ０ ０ ０" for … | 0 0 0 0 0 | 33 23 0 0 56; pdfCase('lay23-pdf', 118, …):
  // "0 １ 1 0 2 | …" for 1 0 1 0 2, a 0 and a 1 in two fonts; pdfCase('hunt36-pdf', 148): a 0 and a blank mark). Read only
  // when every number is printed alike, so that every order is the same reading. Numbers on consecutive lines are one
  // block, a row's cells in the row's order (MuPDF's text of 洪泽区's PDF, whose own C1 breaks are reported).
  // A block may hold several numbers of one baseline ("０", "３８", "３８", "１９", "３５ ２８ ３５ １１７", seven "０" for
  // 0 0 0 38 38 | 19 35 28 35 117 | 0 …, pdfCase('hunt19-pdf', 427): two of the first group's zeros printed last).
  const apart = !display && !spokenBetween && headerCut(headerLines) && valueLines.length > APPEAL_GROUPS.length && valueLines.every((l, k) => k === 0 || l.no > valueLines[k - 1].no + 1);
  if (apart && tokens.some((t) => t.printed !== tokens[0].printed)) {
    const shown = shownTokens(tokens);
    log.warn('table-c-unproved', first, `${WIDTH} numbers of table C in the order of its columns`, `a paragraph each after the header, in the extraction tool's order: ${shown}`, `表四的 ${WIDTH} 个数字各自单独成段、与表头分开，先后由文本抽取工具排定；即使按此顺序各组合计（C1）相符，组内各格或各组互换位置后也仍相符，无法证明各数字所在的列，记为空值`, 'appeals');
    return nulls(appeals);
  }
  APPEAL_GROUPS.forEach((g, gi) => {
    appeals[g.key] = toCells(COLS, tokens.slice(gi * COLS.length, (gi + 1) * COLS.length), log, first, `appeals.${g.key}`);
  });
  // The fifteen numbers of one printed row, in the order of the header: each stands in its header's position; apart
  // from the header, fifteen alike (any order the same reading).
  return { appeals, placement: placementOf(apart ? { label: 0, arithmetic: WIDTH, unread: 0 } : { label: WIDTH, arithmetic: 0, unread: 0 }) };
}

