/** The line model: every line keeps its file line number; table rows are split into a label and value cells. */
import { compact, fold, isAsciiDigit, isNumberCharacter, isPageNoise, isTextCharacter, isWhitespace, lastVisible, readCell, type CellToken } from '../text';

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
  /** A line of spaces only that stands for a blank table cell (markSpaceCells). */
  spaceCell: boolean;
  /** The page the line is on (0-based): pdftotext starts each page with a form feed. */
  page: number;
  /**
   * Two numbers of two digit widths printed with no space between were split apart here (splitMixedWidths), not at the
   * line's end: in print order, which proves nothing.
   */
  glued: boolean;
}

/**
 * The file's lines (text split at \n) as Lines; `pages[i]`: the page of line i (all on page 0 without). Pushed one by
 * one: Array.prototype.map, once optimized, returns a holey array, and a list of lines that changes its kind of
 * elements after the first files sends every reader of lines back to unoptimized code (a "wrong map" deoptimization).
 */
export function toLines(raws: string[], lineOffset = 0, pages?: number[]): Line[] {
  const lines: Line[] = [];
  // parts and compact are set up front so that every Line has one shape for the engine.
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    lines.push({ no: i + 1 + lineOffset, raw, text: headingText(raw), parts: undefined, compact: undefined, spaceCell: false, page: pages?.[i] ?? 0, glued: false });
  }
  return lines;
}

/** The page of each line of a text whose pages start with a form feed (pdftotext): lines before the first are page 0. */
export function pagesOf(raws: string[]): number[] {
  let page = 0;
  return raws.map((raw) => (page += formFeeds(raw)));
}

/** How many form feeds a line holds (counted without splitting it: every line of a paged text is counted). */
function formFeeds(raw: string): number {
  let n = 0;
  for (let at = raw.indexOf('\f'); at >= 0; at = raw.indexOf('\f', at + 1)) n++;
  return n;
}

/** Whether a line holds no text: nothing or whitespace only, unless its spaces stand for a blank cell. */
export function isBlankLine(line: Line): boolean {
  return !line.spaceCell && lastVisible(line.raw) < 0;
}

const SPACES_ONLY = /^[ \u00a0\u3000]+$/;
/** A cell printed as nothing: an empty tab or pipe cell, a line of spaces, an empty paragraph. */
export const EMPTY_CELL: CellToken = { kind: 'blank', printed: '' };
const SPACE_CELL_PARTS: RowParts = { separator: 'space', fenced: false, label: '', values: [EMPTY_CELL], spans: null, mixed: false };
/** Rows (at least FLOWED_ROWS) whose labels end at this many places, or more, with one gap to their first value: the text flows (flowed). */
const FLOWED_LABEL_ENDS = 3;
const FLOWED_ROWS = 5;

/**
 * A table cell that holds only a space (Word's `&nbsp;` in an empty cell, or a web page's) comes out of MuPDF's text
 * (`mutool draw -F txt`, PyMuPDF's `get_text()`) as a line of one space, among its row's cells one per line; an empty
 * line ends each block (a row: its label, then its cells). A line of spaces is read as one blank cell only in such a
 * block: lines of text (the label) first, if any, then nothing but lines of numbers and lines of spaces, at least one
 * number among them; in a block without a label only between two lines of numbers. Anywhere else (a space between
 * the pieces of a label printed down a narrow column, a line of spaces between paragraphs) it is an empty line.
 */
export function markSpaceCells(lines: Line[]): Line[] {
  for (let i = 0; i < lines.length; i++) {
    if (!spacesOnly(lines[i].raw)) continue;
    let from = i;
    while (from > 0 && !endsBlock(lines[from - 1])) from--;
    let to = i + 1;
    while (to < lines.length && !endsBlock(lines[to])) to++;
    const kinds = lines.slice(from, to).map(cellKind);
    const cellsFrom = kinds.findIndex((k) => k !== 'text');
    if (cellsFrom < 0 || kinds.slice(cellsFrom).includes('text') || !kinds.includes('number')) {
      i = to - 1;
      continue;
    }
    const labelled = cellsFrom > 0;
    kinds.forEach((k, j) => {
      if (k !== 'space' || (!labelled && !(kinds.slice(0, j).includes('number') && kinds.slice(j + 1).includes('number')))) return;
      lines[from + j].spaceCell = true;
      lines[from + j].parts = SPACE_CELL_PARTS;
    });
    i = to - 1;
  }
  return lines;
}

/** An empty line (nothing, or whitespace that is not a cell's spaces) ends a block of MuPDF's text. */
const endsBlock = (line: Line) => lastVisible(line.raw) < 0 && !spacesOnly(line.raw);

/** SPACES_ONLY, tested only on a line that starts with such a space (most lines do not). */
function spacesOnly(raw: string): boolean {
  const first = raw.charCodeAt(0);
  return (first === 0x20 || first === 0xa0 || first === 0x3000) && SPACES_ONLY.test(raw);
}

/** What a line of a block holds: spaces only, one number, one blank mark (— / 无), or anything else. */
function cellKind(line: Line): 'space' | 'number' | 'mark' | 'text' {
  if (spacesOnly(line.raw)) return 'space';
  const parts = partsOf(line);
  if (parts.label || parts.values.length !== 1) return 'text';
  return parts.values[0].kind === 'number' ? 'number' : 'mark';
}

const HEADING_MARK = /^\s*#{1,6}\s+/;
const LEADING_GROUP = /^[0-9０-９]{1,3}(?:,[0-9０-９]{3})*$/;
const THOUSANDS_GROUP = /^[0-9０-９]{3}$/;

/**
 * A number printed with thousands separators and cut into pieces, one per line ("２" / "," / "６３１", as pdf.js gives
 * the text items of a cell whose comma comes from another font), read as one line "２,６３１": a comma alone on a
 * line between a group of one to three digits and a group of exactly three is no cell of its own. The pieces' other
 * lines are dropped from the list (each line keeps its file line number).
 */
export function joinThousands(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.raw.length > 3 || !LEADING_GROUP.test(line.raw.trim()) || lines[i + 1]?.raw.trim() !== ',' || !THOUSANDS_GROUP.test(lines[i + 2]?.raw.trim() ?? '')) {
      out?.push(line);
      continue;
    }
    out ??= lines.slice(0, i);
    let raw = line.raw.trim();
    while (lines[i + 1]?.raw.trim() === ',' && THOUSANDS_GROUP.test(lines[i + 2]?.raw.trim() ?? '')) {
      raw += `,${lines[i + 2].raw.trim()}`;
      i += 2;
    }
    out.push({ ...line, raw, text: raw });
  }
  return out ?? lines;
}

/** Tab and pipe rows mark their cells: a comma there is a cell's text, never a separator printed apart. */
const CELL_SEPARATOR = /[\t|｜]/;
/**
 * A number's first digit group as printed, one to three digits of one width (ASCII or full-width), never led by a zero
 * ("０ ７１３ , ３５２" is 0 and 713,352, not 0,713); and a later group, exactly three.
 */
const HEAD_GROUP = /^(?:[1-9][0-9]{0,2}|[１-９][０-９]{0,2})$/;
const TAIL_GROUP = /^(?:[0-9]{3}|[０-９]{3})$/;
/** A full-width digit (a font other than the ASCII digits'). */
export const FULL_DIGIT = /[０-９]/;

/**
 * A thousands separator printed apart from its number (pdftotext -layout puts a comma drawn a little higher or lower
 * on the line above or below, or at the end of its line: "," then "１２ ６２４" for １２,６２４), the number cut into two
 * words that a table reader would count as two cells, 12 and 624, each maybe in a row of its own. The comma's number
 * stands on its line or the line with text just before or after it: two words of one digit width side by side, the first of one
 * to three digits, the second of exactly three. Where the comma stands proves nothing (-layout puts it past the
 * number's end, over its last word, or over the next row's words). When exactly one such pair stands on those three
 * lines it is joined ("１２,６２４", padded to keep the columns after it) and the comma taken off its line (dropped when
 * nothing else is on it). Any other comma alone is left as it is: it stays text, never a cell. Lines of tab or pipe
 * cells are left alone (a cell holding a comma is a cell: the PDF reader's rows).
 */
export function joinCommasApart(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    // The line as an earlier comma left it: the comma on the line above may have joined a number on this one.
    const raw = (out ?? lines)[i].raw;
    if (!raw.includes(',') || CELL_SEPARATOR.test(raw)) continue;
    const at = loneComma(raw);
    if (at < 0) continue;
    const found: { k: number; from: number; to: number; joined: string }[] = [];
    // The lines with text just before and after it: poppler's default mode puts an empty line between blocks.
    const now = out ?? lines;
    let before = i - 1;
    while (before >= 0 && !now[before].raw.trim()) before--;
    let after = i + 1;
    while (after < now.length && !now[after].raw.trim()) after++;
    for (const k of [before, i, after]) {
      const line = now[k];
      if (!line || !line.raw.trim() || CELL_SEPARATOR.test(line.raw)) continue;
      const words = [...line.raw.matchAll(/\S+/g)];
      for (let w = 0; w + 1 < words.length; w++) {
        const [a, b] = [words[w], words[w + 1]];
        if (!HEAD_GROUP.test(a[0]) || !TAIL_GROUP.test(b[0]) || FULL_DIGIT.test(a[0]) !== FULL_DIGIT.test(b[0])) continue;
        const joined = `${a[0]},${b[0]}`;
        found.push({ k, from: a.index, to: b.index + b[0].length, joined: joined.padStart(b.index + b[0].length - a.index) });
      }
    }
    // A comma between a head group and a tail group on its own line ("７１３ , ３５２": pypdf puts a space on each side
    // of a comma it judges apart): those two are its number, whatever other pairs the lines hold.
    const between = betweenWords(raw, at);
    if (between) {
      out ??= lines.slice();
      out[i] = withRaw(lines[i], `${raw.slice(0, between.from)}${between.joined}${raw.slice(between.to)}`);
      continue;
    }
    // A comma alone on its line, at the line's start (text in reading order: a laid-out line puts it at its place),
    // between a line that ends in a head group and one that starts with a tail group: in reading order it stands between
    // them (pdf.js items: "４２１ ５８６ ３" / "," / "６５２" for 421, 586 and 3,652). Another pair beside it makes it ambiguous.
    const across = raw === ',' && before >= 0 && after < now.length ? acrossLines(now[before].raw, now[after].raw) : null;
    if (found.length + (across ? 1 : 0) !== 1) continue;
    out ??= lines.slice();
    if (across) {
      const head = out[before];
      const tail = out[after];
      const changed = `${head.raw.slice(0, across.from)}${across.joined}`;
      const rest = `${' '.repeat(across.to)}${tail.raw.slice(across.to)}`;
      out[before] = withRaw(head, changed);
      out[after] = withRaw(tail, rest.trim() ? rest : '');
      out[i] = withRaw(lines[i], '');
      continue;
    }
    const { k, from, to, joined } = found[0];
    const target = out[k];
    const changed = `${target.raw.slice(0, from)}${joined}${target.raw.slice(to)}`;
    out[k] = withRaw(target, changed);
    // A join keeps the line's length, so the comma stays where it was on its own line.
    const base = k === i ? changed : raw;
    const rest = `${base.slice(0, at)} ${base.slice(at + 1)}`;
    out[i] = withRaw(lines[i], rest.trim() ? rest : '');
  }
  return out ? out.filter((line, i) => line.raw !== '' || lines[i].raw === '') : lines;
}

/**
 * The number a comma standing alone joins on its own line: the word before it one to three digits, the word after it
 * exactly three of the same width ("７１３ , ３５２"), padded to the span they take; null when the words are not such.
 */
function betweenWords(raw: string, at: number): { from: number; to: number; joined: string } | null {
  const head = /(?<=^|\s)(\S+)\s+$/.exec(raw.slice(0, at));
  const tail = /^\s+(\S+)(?=\s|$)/.exec(raw.slice(at + 1));
  if (!head || !tail || !HEAD_GROUP.test(head[1]) || !TAIL_GROUP.test(tail[1]) || FULL_DIGIT.test(head[1]) !== FULL_DIGIT.test(tail[1])) return null;
  const to = at + 1 + tail[0].length;
  return { from: head.index, to, joined: `${head[1]},${tail[1]}`.padStart(to - head.index) };
}

/**
 * The number that a comma alone on its line joins across the lines around it: the line before ends in one to three
 * digits, the line after starts with exactly three of the same width (`from`: where the head starts on the line before;
 * `to`: where the tail ends on the line after).
 */
function acrossLines(before: string, after: string): { from: number; to: number; joined: string } | null {
  if (CELL_SEPARATOR.test(before) || CELL_SEPARATOR.test(after)) return null;
  const head = /(?<=^|\s)(\S+)\s*$/.exec(before);
  const tail = /^\s*(\S+)(?=\s|$)/.exec(after);
  if (!head || !tail || !HEAD_GROUP.test(head[1]) || !TAIL_GROUP.test(tail[1]) || FULL_DIGIT.test(head[1]) !== FULL_DIGIT.test(tail[1])) return null;
  return { from: head.index, to: tail[0].length, joined: `${head[1]},${tail[1]}` };
}

/**
 * Where the line's one comma standing alone is (a space or the line's edge on each side), or -1 when it has none or
 * more than one. A scan of the commas only: most lines with a comma hold none alone.
 */
function loneComma(raw: string): number {
  let found = -1;
  for (let at = raw.indexOf(','); at >= 0; at = raw.indexOf(',', at + 1)) {
    if ((at > 0 && !isWhitespace(raw.charCodeAt(at - 1))) || (at + 1 < raw.length && !isWhitespace(raw.charCodeAt(at + 1)))) continue;
    if (found >= 0) return -1;
    found = at;
  }
  return found;
}

/** A word of digits (and separators) whose digits change width once, at a digit: "５１2,012". */
const MIXED_WIDTHS = /(?<=^|\s)([０-９][０-９,]*[０-９]|[０-９])([0-9][0-9,.]*)(?=\s|$)|(?<=^|\s)([0-9][0-9,]*[0-9]|[0-9])([０-９][０-９,.]*)(?=\s|$)/g;
const AS_PRINTED = /^(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** A digit of one width right before one of the other: where MIXED_WIDTHS can match at all. */
const WIDTH_CHANGE = /[０-９][0-9]|[0-9][０-９]/;

/**
 * Two cells printed with no space between them whose digits differ in width ("５１2,012": 51 in a full-width font, 2,012
 * in an ASCII one, as pdftotext -layout glues a narrow column to the next) are two words: an agency prints the
 * digits of one number in one font, and read as one word they make a number no cell holds (512,012). Split where the
 * width changes, when each side reads as a number as printed. Their order is the print's: two fonts' runs glued so may
 * be interleaved (pdfCase('hunt24-pdf', 587): "２８126" for research's 28 and natural's 126), so the line is marked
 * (`glued`) and a table row read from it is not placed by that order alone (table-b.ts, outOfColumns) — unless the pair
 * ends the line ("５１2,012": otherOrg's 51 and the total, which the row's sum proves).
 */
export function splitMixedWidths(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].raw;
    if (!WIDTH_CHANGE.test(raw)) continue;
    let glued = false;
    const changed = raw.replace(MIXED_WIDTHS, (whole: string, a: string | undefined, b: string | undefined, c: string | undefined, d: string | undefined, at: number) => {
      const [head, tail] = a !== undefined ? [a, b!] : [c!, d!];
      if (!AS_PRINTED.test(fold(head)) || !AS_PRINTED.test(fold(tail))) return whole;
      // Glued to the line's last number (a row's total, which its sum proves), the order is kept; elsewhere it is not proved.
      if (raw.slice(at + whole.length).trim() !== '') glued = true;
      return `${head} ${tail}`;
    });
    if (changed === raw) continue;
    out ??= lines.slice();
    out[i] = { ...withRaw(lines[i], changed), glued };
  }
  return out ?? lines;
}

/** A page footer at a line's start: a dash, a page number (group 2) and the same dash ("— 120 —"). */
const FOOTER_AT_START = /^\s*([—–－-]) ?(\d{1,3}) ?\1/;
/** The same footer with more text right after it. */
const LEADING_FOOTER = new RegExp(`${FOOTER_AT_START.source}(?=\\S)`);
/** The same footer alone on its line. */
const FOOTER_ALONE = new RegExp(`${FOOTER_AT_START.source}\\s*$`);
const FOOTER_DASHES = new Set([0x2014, 0x2013, 0xff0d, 0x2d]);
const HAN = /[\u4e00-\u9fff]/;

/**
 * A page footer run into the start of a line of text ("— 27 —(七) 总计 24 8 …", "— 1 —康 巴 什 区…": pypdf prints a
 * page's footer first, before the page's first line, with no line break between): a dash, a page number, the same dash,
 * then text with a Chinese character in it. The line is cut in two lines with its file line number, the footer's and
 * the text's, so that a footer is noise wherever it stands. A line without a Chinese character after the footer is left
 * as it is ("— 3 — 0 5": blank marks and numbers of a row).
 */
export function splitLeadingFooters(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].raw;
    // Cheap test first: most lines start with no dash (their first visible character found without trimming a copy).
    const footer = FOOTER_DASHES.has(raw.charCodeAt(firstVisible(raw))) ? LEADING_FOOTER.exec(raw) : null;
    if (!footer || !HAN.test(raw.slice(footer[0].length))) {
      out?.push(lines[i]);
      continue;
    }
    out ??= lines.slice(0, i);
    out.push(withRaw(lines[i], footer[0]), withRaw(lines[i], raw.slice(footer[0].length)));
  }
  return out ?? lines;
}

/** The index of a line's first character that is not whitespace (its length when there is none). */
function firstVisible(raw: string): number {
  let i = 0;
  while (i < raw.length && isWhitespace(raw.charCodeAt(i))) i++;
  return i;
}

/**
 * The page footer run into the start of line `at` of numbers, when its page number follows the page numbers of the
 * footers printed alone before or after it (pypdf printed "— 120 —" before the next page's first line, a row of
 * table C starting with a blank mark: "— 120 —— 3 2 5 0 …", after "— 119 —" two pages up): the footer, else null.
 * splitLeadingFooters does not cut such a line (without a Chinese character after it, "— 3 — 0 5" is as well a row of
 * blank marks and numbers): its numbers are not proved a table's.
 */
export function footerRunIn(lines: Line[], at: number): string | null {
  const m = FOOTER_AT_START.exec(lines[at].raw);
  if (!m || FOOTER_ALONE.test(lines[at].raw)) return null;
  const page = Number(m[2]);
  /** The page number of line k's footer printed alone, else null. */
  const alone = (k: number): number | null => {
    const footer = FOOTER_ALONE.exec(lines[k].raw);
    return footer ? Number(footer[2]) : null;
  };
  let before: number | null = null;
  for (let k = at - 1; k >= 0 && before === null; k--) before = alone(k);
  let after: number | null = null;
  for (let k = at + 1; k < lines.length && after === null; k++) after = alone(k);
  return before === page - 1 || after === page + 1 ? m[0].trim() : null;
}

/**
 * A decimal point alone on a line right after a line holding one number and not before another (poppler's default
 * mode prints "７５" then "." for a cell "７.５" whose point comes from another font): the number's digits and its
 * point stand apart, so where the point goes is unknown. The point joins that number's line ("７５."), which then
 * reads as text, not as the number 75; the point's own line is dropped (each line keeps its file line number).
 */
export function joinLonePoints(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  /** The last line with text, as an index into the output (the input's until a line is dropped). */
  let last = -1;
  /** Lines of a number whose point stood apart before its label (numberAfterLabel): kept as text. */
  const pointed = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previous = last >= 0 ? (out ?? lines)[last] : undefined;
    const mark = loneMark(line.raw);
    // The 2019 template's header 本年增/减 as pdf.js items ("本年增" / "/" / "减"): the slash is the word's, not a
    // blank cell's mark.
    if (previous && mark === 'slash' && previous.raw.trim().endsWith('本年增') && nextText(lines, i + 1)?.raw.trim().startsWith('减')) {
      out ??= lines.slice(0, i);
      const next = nextText(lines, i + 1)!;
      const raw = `${previous.raw.trim()}/${next.raw.trim()}`;
      out[last] = { ...previous, raw, text: raw };
      i = lines.indexOf(next, i + 1);
      continue;
    }
    // "６４" / "." / "７" (pdf.js items of "６４.７", or "６２元") is a number in pieces, read so by the table readers.
    if (previous && mark === 'point' && LONE_NUMBER.test(previous.raw) && !STARTS_WITH_DIGIT.test(nextText(lines, i + 1)?.raw ?? '')) {
      out ??= lines.slice(0, i);
      const raw = `${previous.raw.trim()}${line.raw.trim()}`;
      out[last] = { ...previous, raw, text: raw };
      last = -1;
      continue;
    }
    // A point alone before a row's label, the number after the label ("." / "行政事业性收费" / "１５" for １.５, the point
    // at the head of a new page): where the point goes is unknown as well, and the number is not read as printed.
    // So for a point alone after a heading or a label that follows a number ("１３" / "三、行政机关收到…" / "." for １.３,
    // the point printed past the next table's heading, pdfCase('hunt29-pdf', 459)); with a number on each side, both.
    const lone = mark === 'point';
    const after = lone ? numberPastText(lines, i + 1, 1) : -1;
    const before = lone ? numberPastText(out ?? lines, (out ? out.length : i) - 1, -1) : -1;
    if (after >= 0 || before >= 0) {
      out ??= lines.slice(0, i);
      if (after >= 0) pointed.add(after);
      if (before >= 0) out[before] = withPoint(out[before]);
      continue;
    }
    const kept = pointed.has(i) ? withPoint(line) : line;
    out?.push(kept);
    if (lastVisible(line.raw) >= 0) last = out ? out.length - 1 : i;
  }
  return out ?? lines;
}

/** How many lines of text without digits may stand between a lone point and the number it belongs to (a row label). */
const MAX_POINT_LABEL_LINES = 2;

/**
 * The index of the first line holding one number from `from` on, going by `step` (1 forward, −1 backward), when at
 * least one and at most MAX_POINT_LABEL_LINES lines of text without digits stand before it; −1 otherwise.
 */
function numberPastText(lines: Line[], from: number, step: 1 | -1): number {
  let text = 0;
  for (let j = from; j >= 0 && j < lines.length; j += step) {
    if (isBlankLine(lines[j])) continue;
    if (LONE_NUMBER.test(lines[j].raw)) return text > 0 ? j : -1;
    if (/[0-9０-９]/.test(lines[j].raw) || ++text > MAX_POINT_LABEL_LINES) return -1;
  }
  return -1;
}

/**
 * A line's one visible character when it is a decimal point ("." or "．") or a slash ("/" or "／"), else null: the
 * character found by its two ends, so that a line with more than one (most lines) is ruled out at once.
 */
function loneMark(raw: string): 'point' | 'slash' | null {
  const at = lastVisible(raw);
  if (at < 0 || (at > 0 && !isWhitespace(raw.charCodeAt(at - 1)))) return null;
  for (let i = 0; i < at; i++) if (!isWhitespace(raw.charCodeAt(i))) return null;
  const c = raw.charCodeAt(at);
  return c === 0x2e || c === 0xff0e ? 'point' : c === 0x2f || c === 0xff0f ? 'slash' : null;
}

/** A number's line with a decimal point printed apart joined to it ("１５."): it then reads as text, not as the number. */
function withPoint(line: Line): Line {
  const raw = `${line.raw.trim()}.`;
  return { ...line, raw, text: raw, parts: undefined, compact: undefined };
}

/** The first line from index i on that is not blank. */
function nextText(lines: Line[], i: number): Line | undefined {
  while (i < lines.length && isBlankLine(lines[i])) i++;
  return lines[i];
}

const LONE_NUMBER = /^\s*[0-9０-９]+\s*$/;
const STARTS_WITH_DIGIT = /^\s*[0-9０-９]/;

/** The line trimmed and without Markdown heading marks; most lines start with neither a space nor a mark. */
function headingText(raw: string): string {
  const first = raw.charCodeAt(0);
  return (first === 0x23 || isWhitespace(first) ? raw.replace(HEADING_MARK, '') : raw).trim();
}

/** The line with its text replaced by `raw`: its heading text again, its cached row parts and folded text dropped. */
function withRaw(line: Line, raw: string): Line {
  return { ...line, raw, text: headingText(raw), parts: undefined, compact: undefined };
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
  /**
   * Space rows only: where each value stands on the line, as character offsets [start, end) of value k at 2k and 2k + 1
   * (pdftotext -layout keeps a table's columns by position). Null for tab and pipe rows.
   */
  spans: number[] | null;
  /**
   * Tab and pipe rows whose label cells hold a number after their text: a cell among the values read as no number and
   * ended them, so `values` are only the row's last cells.
   */
  mixed: boolean;
}

/**
 * The longest run of digits read off the end of a label it is printed against: a row's seven cells run together, six
 * digits each at most ("请数量1283500016179": pypdf's text of a Word-made PDF), which table B splits by its sums
 * (table-b.ts splitDigitRuns).
 */
export const MAX_GLUED_CHARACTERS = 42;
/** A number as printed, run into a label: no leading zero but a 0 alone or before a point. */
const GLUED_NUMBER = /^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?$/;

const MD_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
/**
 * pandoc's plain and simple tables: a run of hyphens over each column, the runs a space apart
 * ("-------------------- ---------------- ----------- --"). One run at least as wide as a short label, so that a row of
 * blank cells written as pandoc's en dash ("-- -- --") is not taken for one.
 */
const DASH_RULE = /^-{2,}(?: +-{2,})+$/;
const DASH_RULE_WIDE = /-{6,}/;

/** A table's rule line: Markdown's (pipes and hyphens) or pandoc's plain text's (runs of hyphens). */
export function isMarkdownRule(line: string): boolean {
  // A rule has a run of two hyphens: most lines are ruled out without trimming them.
  if (!line.includes('--')) return false;
  const t = line.trim();
  return MD_RULE.test(t) || (DASH_RULE.test(t) && DASH_RULE_WIDE.test(t));
}

function separatorOf(raw: string): Separator {
  if (raw.includes('\t')) return 'tab';
  if (startsWithPipe(raw) || raw.includes(' | ')) return 'pipe';
  return 'space';
}

/** Whether a line's first character that is not whitespace is a pipe (/^\s*\|/ without a regex: it runs on every row). */
function startsWithPipe(raw: string): boolean {
  let i = 0;
  while (i < raw.length && isWhitespace(raw.charCodeAt(i))) i++;
  return raw.charCodeAt(i) === PIPE;
}

const PIPE = 0x7c;

/** "| a | b |" starting at the line's first column; " |  | 0 |" is a pipe row whose first cell is blank. */
function isFenced(s: string): boolean {
  return s.charCodeAt(0) === PIPE && s.charCodeAt(lastVisible(s)) === PIPE;
}

/** A cell read from s[start, end) as printed (readCell trims it; trimming the bounds first saves a string). */
function cellAt(s: string, start: number, end: number): CellToken {
  while (start < end && isWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isWhitespace(s.charCodeAt(end - 1))) end--;
  return readCell(s.slice(start, end));
}

/** A cell of digits and thousands separators that reads as no number ("2,50": folded). */
const CUT_CELL = /^[0-9][0-9,]*$/;

/** The values at the end of a row, and where its label ends (0 when the row has no text cell). */
interface Tail {
  values: CellToken[];
  labelEnd: number;
  /** Tab and pipe rows: the label's cells hold a number after text (numberAfterText). */
  mixed: boolean;
  /** Space rows: RowParts.spans; null for tab and pipe rows. */
  spans: number[] | null;
}

/**
 * A number that ends s[start, end) right after a Chinese character or a closing mark (LABEL_CLOSE): where it starts (end
 * when there is none). Digits, or a number as printed with thousands separators or a decimal point ("费3,429": pypdf
 * runs a wrapped label's last piece into its number).
 */
function gluedDigits(s: string, start: number, end: number): number {
  let i = end;
  while (i > start && end - i < MAX_GLUED_CHARACTERS && isNumberCharacter(s.charCodeAt(i - 1))) i--;
  while (i < end && !isAsciiDigit(s.charCodeAt(i))) i++;
  if (i === end || i === start || isNumberCharacter(s.charCodeAt(i - 1))) return end;
  const before = s.charCodeAt(i - 1);
  if (!((before >= 0x4e00 && before <= 0x9fff) || LABEL_CLOSE.has(before))) return end;
  const run = s.slice(i, end);
  const digitsOnly = plainDigits(run);
  return digitsOnly || GLUED_NUMBER.test(run) ? i : end;
}

/** Whether a string is ASCII digits only. */
function plainDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isAsciiDigit(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Marks a label may end with, before a number run into it: a closing bracket or quotation mark ("…不计其他情形）0",
 * "…一稳定”3": pypdf leaves out a space it judges narrow; folded text, so ）is ")").
 */
const LABEL_CLOSE = new Set([0x29, 0x201d, 0x300d]);

/** Space-separated words: the trailing run of numbers and blank marks are the values, read from the end. */
function wordTail(s: string): Tail {
  const values: CellToken[] = [];
  // Filled from the end: [end, start] pairs, reversed at the end into [start, end] pairs in reading order.
  const spans: number[] = [];
  let end = lastVisible(s) + 1;
  while (end > 0) {
    let start = end - 1;
    // A word holding a text character is text whatever else it holds (readCell): the scan back to its start stops
    // there (a line of prose is one long word), and `start` is that character, which no number run into the label's
    // end can reach past (gluedDigits reads the same run from it as from the word's start).
    let text = isTextCharacter(s.charCodeAt(start));
    while (!text && start > 0 && !isWhitespace(s.charCodeAt(start - 1))) text = isTextCharacter(s.charCodeAt(--start));
    const token = text ? null : cellAt(s, start, end);
    if (!token || token.kind === 'text') {
      // A number run into the end of its label ("申请数量268": -layout text when the label fills its cell) is a value.
      const digits = gluedDigits(s, start, end);
      if (digits < end) {
        values.push(readCell(s.slice(digits, end)));
        spans.push(end, digits);
        end = digits;
      }
      return { values: values.reverse(), labelEnd: end, mixed: false, spans: spans.reverse() };
    }
    values.push(token);
    spans.push(end, start);
    end = start;
    while (end > 0 && isWhitespace(s.charCodeAt(end - 1))) end--;
  }
  return { values: values.reverse(), labelEnd: 0, mixed: false, spans: spans.reverse() };
}

/**
 * The cells of s[from, to) cut at `separator`: every cell after the last text cell is a value (an empty cell is a
 * blank value). Read from the end, so the label's cells are never read.
 */
function cellTail(s: string, separator: '\t' | '|', from: number, to: number): Tail {
  const values: CellToken[] = [];
  const code = separator.charCodeAt(0);
  // A fenced "|" alone has no cells; any other range holds at least one, maybe empty.
  for (let end = to; end >= from; ) {
    const cut = end > from ? lastIndexOfCode(s, code, end - 1) : -1;
    const start = cut >= from ? cut + 1 : from;
    const token = cellAt(s, start, end);
    // A cell of digits that reads as no number after the row's label ("２,５０", a number cut in its narrow cell) is a
    // value cell too: the values are only the row's last cells.
    if (token.kind === 'text') return { values: values.reverse(), labelEnd: end, mixed: (start > from && CUT_CELL.test(token.printed)) || numberAfterText(s, separator, from, start), spans: null };
    values.push(token);
    if (start === from) break;
    end = cut;
  }
  return { values: values.reverse(), labelEnd: 0, mixed: false, spans: null };
}

/** s.lastIndexOf(char, from) as a loop: V8 runs String.prototype.lastIndexOf in its runtime, a call per cell. */
function lastIndexOfCode(s: string, code: number, from: number): number {
  let i = from;
  while (i >= 0 && s.charCodeAt(i) !== code) i--;
  return i;
}

/**
 * Whether the cells of s[from, to) hold a number after a text cell: then the text cell that ended the values is not
 * the row's label but a value cell that reads as no number ("| 一、… | 25 | 8 | ？ | 40 |"), and the values are only
 * the row's last cells.
 */
function numberAfterText(s: string, separator: '\t' | '|', from: number, to: number): boolean {
  let digit = false;
  for (let i = from; i < to && !digit; i++) digit = isAsciiDigit(s.charCodeAt(i));
  if (!digit) return false;
  let text = false;
  for (let start = from; start < to; ) {
    let end = s.indexOf(separator, start);
    if (end < 0 || end > to) end = to;
    const kind = cellAt(s, start, end).kind;
    if (kind === 'text') text = true;
    else if (kind === 'number' && text) return true;
    start = end + 1;
  }
  return false;
}

/** s[0, end) without whitespace (and without pipes when they separate cells): the label as matched. */
function labelOf(s: string, end: number, dropPipes: boolean): string {
  let label = '';
  let kept = 0;
  for (let i = 0; i < end; i++) {
    const code = s.charCodeAt(i);
    if (!isWhitespace(code) && !(dropPipes && code === PIPE)) continue;
    if (i > kept) label += s.slice(kept, i);
    kept = i + 1;
  }
  return kept === 0 ? s.slice(0, end) : label + s.slice(kept, end);
}

/**
 * Splits a line into label and values. With tab or pipe separators every cell after the last text cell is a value
 * (an empty cell is a blank value); with spaces only the trailing run of numbers and blank marks are values.
 * One scan from the line's end over the folded text: only the value cells become strings.
 */
function rowParts(raw: string): RowParts {
  const separator = separatorOf(raw);
  // Folded once here, so that the per-cell folds in readCell find nothing left to do.
  const s = fold(raw);
  const fenced = separator === 'pipe' && isFenced(raw);
  let tail: Tail;
  if (separator === 'space') tail = wordTail(s);
  else if (separator === 'tab') tail = cellTail(s, '\t', 0, s.length);
  // A Markdown row's cells lie between its first and last pipes; a plain "a | b | " row keeps its last (maybe empty) cell.
  // The folded line decides the cut (a full-width ｜ at either end folds to |), the raw line what `fenced` reports.
  else if (s === raw ? fenced : isFenced(s)) tail = cellTail(s, '|', 1, lastVisible(s));
  else tail = cellTail(s, '|', 0, s.length);
  return { separator, fenced, label: labelOf(s, tail.labelEnd, separator === 'pipe'), values: tail.values, spans: tail.spans, mixed: tail.mixed };
}

/**
 * Whether the lines have no page footer and no page break: a text export (LibreOffice's) prints a document
 * without pages, and only there is an empty line among a table's cells read as an empty cell (paragraphCells). The
 * table readers ask it of the whole text: pdftotext's default mode parts a table's blocks by empty lines, and a table
 * on one page of it has no break of its own (pdfCase('hunt42-pdf', 484): "1.申请人无正当理由…" then "" "１" "０" "" "０"
 * "" "１", the next row's numbers, read as its seven cells).
 */
export function pageless(lines: Line[]): boolean {
  for (const line of lines) if (line.page !== lines[0].page || isPageNoise(line.raw)) return false;
  return true;
}

/**
 * Lines at + 1 … at + width read as one row's cells printed one a paragraph, an empty cell as an empty line (LibreOffice's
 * text export of a Word table; only in `pageless` text): each a number, a blank mark or empty, at least one of them empty and one a number, and
 * no cell on the next line with text after them. Null otherwise (then an empty line is no cell: it may part rows or paragraphs).
 */
export function paragraphCells(lines: Line[], at: number, width: number, stop: number): CellToken[] | null {
  if (at + width >= stop) return null;
  const cells: CellToken[] = [];
  let empty = false;
  for (let k = 1; k <= width; k++) {
    const line = lines[at + k];
    if (isBlankLine(line)) {
      cells.push(EMPTY_CELL);
      empty = true;
      continue;
    }
    const p = partsOf(line);
    if (p.label || p.values.length !== 1 || p.separator !== 'space') return null;
    cells.push(p.values[0]);
  }
  // The next line with text is no cell: a row's cells may not go on past empty lines or a page footer.
  let next = at + width + 1;
  while (next < stop && (isBlankLine(lines[next]) || isPageNoise(lines[next].raw))) next++;
  const after = next < stop ? partsOf(lines[next]) : null;
  if (after && !after.label && after.values.length) return null;
  return empty && cells.some((t) => t.kind === 'number') ? cells : null;
}

/**
 * The lines with paragraphCells' `cells` on one line, tab-separated: on line `at` after its label (`labelled`), or on
 * the first cell's line; the cells' other lines emptied. Returns `out` (a copy of `lines` made on the first call, then
 * changed in place), every line keeping its number and the list its length.
 */
export function withParagraphCells(lines: Line[], out: Line[] | null, at: number, cells: CellToken[], labelled: boolean): Line[] {
  const copy = out ?? lines.slice();
  const row = labelled ? at : at + 1;
  const raw = [...(labelled ? [lines[at].raw.trim()] : []), ...cells.map((t) => t.printed)].join('\t');
  for (let k = at + 1; k <= at + cells.length; k++) copy[k] = { ...lines[k], raw: '', text: '', parts: undefined, compact: undefined, spaceCell: false };
  copy[row] = { ...lines[row], raw, text: raw, parts: undefined, compact: undefined, spaceCell: false };
  return copy;
}

/**
 * Whether lines[from, to) are one paragraph a line: nearly every line with text is followed by exactly one empty line
 * (and at least `least` of them), as lynx dumps a table it cannot lay out, a cell a paragraph.
 */
export function doubleSpaced(lines: Line[], from: number, to: number, least: number): boolean {
  let text = 0;
  let single = 0;
  for (let i = from; i < to; i++) {
    if (isBlankLine(lines[i])) continue;
    text++;
    if (i + 2 < to && isBlankLine(lines[i + 1]) && !isBlankLine(lines[i + 2])) single++;
    else if (i + 1 < to && !isBlankLine(lines[i + 1])) return false;
  }
  return text >= least && single >= 0.8 * text;
}
/**
 * Where a line's values stand, on its page: positions on different pages are set this far apart, so that columns are
 * never matched across a page break (pdftotext -layout lays out each page on its own and moves the columns).
 */
export const PAGE_WIDTH = 1_000_000;

/** East Asian wide and full-width characters, two columns in a terminal (as wcwidth counts: ambiguous ones one). */
function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * Character offsets into a line (ascending, as RowParts.spans) as the columns a terminal shows them at: each wide
 * character before an offset counts two. (A character outside the Basic Multilingual Plane is two UTF-16 units and
 * two columns, so it counts right as it is.)
 */
export function displayOffsets(raw: string, offsets: number[]): number[] {
  const out = new Array<number>(offsets.length);
  let wide = 0;
  let i = 0;
  for (let k = 0; k < offsets.length; k++) {
    for (; i < offsets[k]; i++) if (isWide(raw.charCodeAt(i))) wide++;
    out[k] = offsets[k] + wide;
  }
  return out;
}

/** The columns a text takes as a terminal shows it (displayOffsets): a Chinese or full-width character two. */
export function displayWidth(text: string): number {
  return displayOffsets(text, [text.length])[0];
}

/**
 * Whether the rows of lines[from, to) keep their columns by display width, as a terminal shows text (w3m, lynx,
 * pandoc's plain tables: a Chinese or full-width character two columns wide), rather than one column a character
 * (pdftotext -layout). A table's rows of three or more values start and end their last value (the total column) at
 * nearly one column in the count their text was laid out in, and move with their labels' widths in the other: the
 * count under which more rows stand at one column exactly is the text's, else the count under which more stand
 * together (within two columns, a number's width); when they tie, characters. (Within two columns alone, a count that
 * scatters the values round one place can outvote one that puts most at one column: pdfCase('hunt25-pdf', 572).)
 * A doubtful pdftotext -layout table read by display width loses cells (its positions prove nothing then); a
 * terminal's table read by characters could misplace them, so a display count that wins by one row is taken.
 */
export function alignment(lines: Line[], from: number, to: number): { display: boolean; unproved: boolean } {
  const rows = labelledSpaceRows(lines, from, to);
  const { display, chars, wide } = togetherCounts(rows);
  const order = display[0] - chars[0] || display[1] - chars[1];
  // `unproved`: rows with wide characters stand as well together counted one way as the other (a table whose last
  // values are in no one column, its totals left blank): where a value stands then says nothing of its column.
  return { display: order > 0, unproved: (wide && order === 0) || flowed(rows) || evenlySpaced(rows) || spacedFromLabels(rows) };
}

/**
 * Whether every row of the table (at least FLOWED_ROWS of two values or more) separates each two of its values by the
 * same spaces, two or more, give or take one, however wide the values, while some rows print fewer values than others:
 * text that spaces cells rather than laying them out, a blank cell printed as nothing taking no room. pypdf puts three
 * spaces between any two cells of a web page's table (four after some), so a row's values stand where its label's
 * length puts them (pdfCase('lay31-pdf', 132): "不再处理其政府信息公开申请  0   0   0   0", four values for seven
 * columns, its 0s placed under other rows' values by that chance; pdfCase('lay32-pdf', 539): "3.其他   0   0   0   0"
 * among rows three and four spaces apart). A laid-out table's columns are as wide as their headers, and a blank cell
 * inside a row leaves its width; one whose every cell prints, at one place or a space apart, keeps its places
 * (pdfCase('lay33-pdf', 767, undefined, { tableLayouts: true }): pdftotext -layout printed a row of 0s and slashes a
 * space apart three columns right of the others', its first three cells last, which only their places show).
 */
function evenlySpaced(rows: readonly SpaceRow[]): boolean {
  let least = Infinity;
  let most = -1;
  let spaced = 0;
  let fewest = Infinity;
  let widest = 0;
  for (const { parts, spans } of rows) {
    fewest = Math.min(fewest, parts.values.length);
    widest = Math.max(widest, parts.values.length);
    if (parts.values.length < 2) continue;
    for (let k = 2; k < spans.length; k += 2) {
      const apart = spans[k] - spans[k - 1];
      least = Math.min(least, apart);
      most = Math.max(most, apart);
      if (least < 2 || most - least > 1) return false;
    }
    spaced++;
  }
  return spaced >= FLOWED_ROWS && fewest < widest;
}

/** A space row with a label and values (labelledSpaceRows): its line, its parts, and their spans (never null here). */
interface SpaceRow {
  line: Line;
  parts: RowParts;
  spans: number[];
}

/**
 * The lines of lines[from, to) that are space rows (values set apart by two spaces or more) with a label and values:
 * what alignment's tests (togetherCounts, flowed, evenlySpaced) each look at, gathered once.
 */
function labelledSpaceRows(lines: Line[], from: number, to: number): SpaceRow[] {
  const out: SpaceRow[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line.raw.includes('  ')) continue;
    const parts = partsOf(line);
    if (parts.spans && parts.values.length && parts.label) out.push({ line, parts, spans: parts.spans });
  }
  return out;
}

/**
 * Whether the table's rows print their values at one distance after their labels, wherever each label ends: text that
 * flows a table's cells rather than laying them out (lynx dumps a table it does not lay out so: each row's values
 * three spaces after its label, a blank cell printed as nothing), where rows whose labels end at the same place, or
 * two cells apart, line up by chance and make a false grid (webCase('lay18-web', 369): "二、上年结转…数量 ０ ０" under
 * the first two values of the row above, whose label is as wide, though its two zeros are its legal and total).
 */
function flowed(rows: readonly SpaceRow[]): boolean {
  const ends = new Set<number>();
  let gap = -1;
  let flowing = 0;
  for (const row of rows) {
    const { apart, shown } = labelEnd(row);
    if (gap >= 0 && apart !== gap) return false;
    gap = apart;
    ends.add(shown);
    flowing++;
  }
  return flowing >= FLOWED_ROWS && ends.size >= FLOWED_LABEL_ENDS;
}

/** Where a row's label ends, in display columns (`shown`), and how many characters its first value stands after it. */
function labelEnd({ line, spans }: SpaceRow): { apart: number; shown: number } {
  const end = line.raw.slice(0, spans[0]).trimEnd().length;
  return { apart: spans[0] - end, shown: displayOffsets(line.raw, [end])[0] };
}

/** At most this many characters between a row's label and its first value in text spaced from its labels (spacedFromLabels). */
const NEAR_LABEL = 6;

/**
 * Whether every row of the table (at least FLOWED_ROWS) prints its first value within NEAR_LABEL characters after its
 * label, while the labels end over more than NEAR_LABEL columns (by display width): each row spaced from its own label,
 * not laid out in columns (pypdf puts two to five spaces after a label, more where a cell is blank), so rows whose
 * values line up do so by chance (pdfCase('lay40-pdf', 201, undefined, { tableLayouts: true }): no row of seven, and
 * "3.要求提供公开出版物   ８     2   ０   0   10" placed by a grid of short rows as 科研机构 8, the 8 being 自然人's).
 * Laid-out text puts the first values of rows with short labels far from them, in the first value column.
 */
function spacedFromLabels(rows: readonly SpaceRow[]): boolean {
  if (rows.length < FLOWED_ROWS) return false;
  let first = Infinity;
  let last = -1;
  for (const row of rows) {
    const { apart, shown } = labelEnd(row);
    if (apart > NEAR_LABEL) return false;
    first = Math.min(first, shown);
    last = Math.max(last, shown);
  }
  return last - first > NEAR_LABEL;
}

/** How many rows' last values stand together counted by display width and by characters, and whether any row has wide characters. */
function togetherCounts(rows: readonly SpaceRow[]): { display: number[]; chars: number[]; wide: boolean } {
  const chars: number[][] = [[], []];
  const display: number[][] = [[], []];
  for (const { line, parts, spans } of rows) {
    if (parts.values.length < 3) continue;
    const last = spans.slice(-2);
    const shown = displayOffsets(line.raw, last);
    // A row without wide characters stands at the same columns in both counts.
    if (shown[1] === last[1]) continue;
    const page = line.page * PAGE_WIDTH;
    for (const k of [0, 1]) {
      chars[k].push(page + last[k]);
      display[k].push(page + shown[k]);
    }
  }
  return { display: togetherOf(display), chars: togetherOf(chars), wide: chars[0].length > 0 };
}

/**
 * The most of either count's positions that stand at one column exactly, and within two. (A module function: under
 * tsx a closure made per call is named at run time.)
 */
function togetherOf(xs: number[][]): number[] {
  return [0, 2].map((near) => Math.max(...xs.map((x) => mostTogether(x, near))));
}

/** The most of the positions that stand within `near` columns of one of them. */
function mostTogether(xs: number[], near: number): number {
  let most = 0;
  for (const x of xs) {
    let count = 0;
    for (const y of xs) if (Math.abs(x - y) <= near) count++;
    most = Math.max(most, count);
  }
  return most;
}

/** The raw line folded and without whitespace, computed once and kept on the line. */
export function compactOf(line: Line): string {
  return (line.compact ??= compact(line.raw));
}

/** rowParts of a line, computed once and kept on the line: each table reader looks at the same lines. */
export function partsOf(line: Line): RowParts {
  return (line.parts ??= rowParts(line.raw));
}

/** Whether a cell is printed as nothing (EMPTY_CELL or its like). */
export function isEmptyCell(t: CellToken): boolean {
  return t.kind === 'blank' && t.printed === '';
}

/**
 * The ways a tab/pipe row of more cells than `width` fits its columns: `lead` empty cells dropped at its start and the
 * rest, all empty, at its end; ways giving the same printed cells are one. None when an extra cell is not empty.
 */
export function fitsOf(values: CellToken[], width: number): CellToken[][] {
  const fits: CellToken[][] = [];
  const seen = new Set<string>();
  for (let lead = 0; lead <= values.length - width; lead++) {
    if (lead > 0 && !isEmptyCell(values[lead - 1])) break;
    if (!values.slice(lead + width).every(isEmptyCell)) continue;
    const fit = values.slice(lead, lead + width);
    const printed = fit.map((t) => t.printed).join('\u0000');
    if (!seen.has(printed)) {
      seen.add(printed);
      fits.push(fit);
    }
  }
  return fits;
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
