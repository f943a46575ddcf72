/** Character-level helpers shared by the readers and the parser: normalisation, numbers as printed, noise lines. */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** The ASCII form of each full-width character U+FF01…U+FF5E. */
const HALF_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0x21 + i));

/**
 * Folds full-width digits, letters, parentheses and punctuation to their ASCII forms (１２ → 12, （ → (), as NFKC
 * does for these characters. Hand-rolled because it runs on every table cell: String.normalize is the parser's
 * hottest call otherwise, and most lines have nothing to fold.
 */
export function fold(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  // One scan that copies the runs between folded characters (a replace callback per character costs more).
  let out = '';
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (foldCode(c) === c) continue;
    if (i > kept) out += s.slice(kept, i);
    out += c === 0x3000 ? ' ' : HALF_WIDTH[c - 0xff01];
    kept = i + 1;
  }
  return kept < s.length ? out + s.slice(kept) : out;
}

/** A character as fold gives it: a full-width form as its ASCII one, the ideographic space as a space. */
export function foldCode(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
}

/** An ASCII digit. */
export const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** A character of a number as printed once folded: an ASCII digit, a comma or a point. */
export const isNumberCharacter = (code: number) => isAsciiDigit(code) || code === 0x2c || code === 0x2e;

/** Folded and stripped of all whitespace: the form labels are matched in. */
export function compact(s: string): string {
  const f = fold(s);
  // One scan that copies the runs between whitespace (cheaper than a global replace for these short strings).
  let out = '';
  let kept = 0;
  for (let i = 0; i < f.length; i++) {
    if (!isWhitespace(f.charCodeAt(i))) continue;
    if (i > kept) out += f.slice(kept, i);
    kept = i + 1;
  }
  return kept === 0 ? f : kept < f.length ? out + f.slice(kept) : out;
}

/** A run of whitespace, for collapseSpaces. */
const WHITESPACE_RUN = /\s+/g;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Markdown's escape of ASCII punctuation ("\\-" for "-"). */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;
/**
 * Marks that agencies print in a cell instead of a number. They are not numbers: the cell is null with a diagnostic.
 * "---" and "--" are how pandoc's Markdown writes a cell's em dash and en dash (its smart punctuation).
 */
const NULL_MARKS = new Set(['—', '-', '–', '－', '/', '无', '——', '--', '---', '\\', '×', '/']);

export type CellToken =
  | { kind: 'number'; value: number; printed: string }
  | { kind: 'blank'; printed: string }
  | { kind: 'text'; printed: string };

const WU = '无'.charCodeAt(0);

/**
 * The value of a cell of 1 to 15 ASCII digits ("0012" → 12), or -1. Most cells are such plain integers: read digit by
 * digit without a regex (exact, as 15 digits stay below 2^53).
 */
function plainInteger(s: string): number {
  if (s.length === 0 || s.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A number as printed: no leading zero (a 0 is never continued), thousands separators where they belong. */
const NUMBER_AS_PRINTED = /^(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)$/;

/** Whether a cell reads 0. */
export function isZeroCell(t: CellToken | undefined): boolean {
  return t?.kind === 'number' && t.value === 0;
}

/**
 * The number the pieces of one cell make when joined (digits stacked in a narrow column: "１," / "２３" / "８" is
 * 1,238), or null when they do not read as a number as printed.
 */
export function readJoinedDigits(printed: string): CellToken | null {
  const digits = fold(printed);
  return NUMBER_AS_PRINTED.test(digits) ? readCell(digits) : null;
}

/** "\\-" → "-": a backslash before ASCII punctuation is Markdown's escape; a backslash alone stays (a blank mark). */
function unescapeMarkdown(f: string): string {
  return f.length > 1 && f.includes('\\') ? f.replace(MARKDOWN_ESCAPE, '$1') : f;
}

/** The Chinese characters a cell may hold and still read as a number or a blank mark: a unit after it, or 无. */
const NUMBER_CHARACTERS = new Set(Array.from('万元件条项个无', (ch) => ch.charCodeAt(0)));

/**
 * Whether a cell holds a Chinese character that no number or blank mark holds (a row label's words: "1.属于国家秘密",
 * "（一）予以公开"): such a cell is text, which readCell then says without folding it or testing its patterns.
 */
function hasTextCharacter(printed: string): boolean {
  for (let i = 0; i < printed.length; i++) if (isTextCharacter(printed.charCodeAt(i))) return true;
  return false;
}

/** A Chinese character that no number or blank mark holds: any cell holding one reads as text (readCell). */
export function isTextCharacter(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff && !NUMBER_CHARACTERS.has(code);
}

/** Reads one table cell as printed. "1,002" and "１２" are numbers; "", "—", "/", "无" are blanks; anything else is text. */
export function readCell(raw: string): CellToken {
  if (raw === '') return { kind: 'blank', printed: '' };
  const plain = plainInteger(raw);
  if (plain >= 0) return { kind: 'number', value: plain, printed: raw };
  // A cell that starts with a Chinese character is text (label words), except the blank mark 无.
  const first = raw.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && first !== WU) return { kind: 'text', printed: raw.trim() };
  const printed = raw.trim();
  if (hasTextCharacter(printed)) return { kind: 'text', printed };
  // Markdown escapes ASCII punctuation at a cell's start: pandoc writes a cell "-" as "\-".
  const f = unescapeMarkdown(compact(printed));
  if (f === '' || NULL_MARKS.has(f) || NULL_MARKS.has(printed)) return { kind: 'blank', printed };
  // A unit printed in the cell ("251000元", "12件") does not change the number.
  const n = f.replace(/(?:万元|元|件|条|项|个)$/, '');
  if (NUMBER.test(n)) return { kind: 'number', value: Number(n.replace(/,/g, '')), printed };
  return { kind: 'text', printed };
}

/** Page footers and page numbers that PDF extraction leaves inside tables: "— 4 —", "- 3 -", "第 2 页". */
export function isPageNoise(line: string): boolean {
  // Cheap tests first: a footer is short and has a page number beside a dash, a slash or 页.
  // A footer printed inside a wide text layout has spaces around it: only then is a long line measured again.
  if (line.length > 30 && ((!isWhitespace(line.charCodeAt(0)) && !isWhitespace(line.charCodeAt(line.length - 1))) || visibleLength(line) > 30)) return false;
  if (!digitAndDash(line)) return false;
  return footerLike(line);
}

/** The marks a footer prints beside its page number: - — – － / ／ 页. */
function isFooterMark(c: number): boolean {
  return c === 0x2d || c === 0x2f || c === 0x2013 || c === 0x2014 || c === 0xff0d || c === 0xff0f || c === 0x9875;
}

/** Whether a line holds an ASCII digit and a footer mark (/\d/ and /[-—–－/／页]/ in one scan: it runs on every table line). */
function digitAndDash(line: string): boolean {
  let digit = false;
  let mark = false;
  for (let i = 0; i < line.length && !(digit && mark); i++) {
    const c = line.charCodeAt(i);
    if (isAsciiDigit(c)) digit = true;
    else if (isFooterMark(c)) mark = true;
  }
  return digit && mark;
}

/**
 * The footer patterns, remembered per line: each table reader asks about the same lines (a row of numbers and blank
 * marks passes the cheap tests above), and a line's own string keeps its hash.
 */
const footerLike = memoByString((line: string): boolean => {
  const f = compact(line);
  // At most two dashes a side: "— 0 — — — — —" is a row of blank cells, not a footer.
  const footer = /^[-—–－]{1,2}(\d{1,4})[-—–－]{1,2}$/.exec(f);
  // Pages count from 1: "— 0 —" is a row of cells.
  return (!!footer && Number(footer[1]) >= 1) || /^第\d+页(共\d+页)?$/.test(f) || isPageOf(fold(line).trim());
});

/** "2/5": page 2 of 5. "0 / 0" is two cells and a blank mark. */
function isPageOf(s: string): boolean {
  const m = /^(\d{1,3}) ?\/ ?(\d{1,3})$/.exec(s);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "二〇二四" → 2024; null when the string is not four Chinese digits. */
export function chineseYear(s: string): number | null {
  if ([...s].length !== 4) return null;
  let n = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Remembers a function of one label. Reports print the same template labels again and again, so the row tables'
 * pattern lists are tested once per distinct label; the cache is emptied when it grows past `max` entries, and long
 * strings (prose, a 5 MB line) are never kept.
 */
export function memoByString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  // The last string asked, whose answer is then found without a lookup: readers ask of one line's label several times running.
  let lastKey: string | null = null;
  let lastValue: T | undefined;
  return (s) => {
    if (s === lastKey) return lastValue as T;
    if (s.length > 120) return fn(s);
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    lastKey = s;
    lastValue = v;
    return v as T;
  };
}

/**
 * Whitespace runs as one space each (s.replace(/\s+/g, ' ')): the string itself when it has no run to collapse, as most
 * prose lines have none (a scan is cheaper than the replace, which builds a new string).
 */
export function collapseSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWhitespace(c) && (c !== 0x20 || (i + 1 < s.length && isWhitespace(s.charCodeAt(i + 1))))) return s.replace(WHITESPACE_RUN, ' ');
  }
  return s;
}

/** Length without whitespace: the visible width of a line (folding never changes it). */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isWhitespace(s.charCodeAt(i))) n++;
  return n;
}

/** Whether a UTF-16 code unit is whitespace as \s and String.prototype.trim see it, for scanning without building strings. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  // Above ASCII only a few scattered code points are spaces; Chinese text (above U+3000) costs one comparison.
  if (code < 0xa0 || code > 0x3000) return code === 0xfeff;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** Index of the last non-whitespace character, or -1. */
export function lastVisible(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isWhitespace(s.charCodeAt(i))) i--;
  return i;
}

/** True for characters that are ASCII letters or digits (they need a space when two wrapped lines are joined). */
export function isAsciiWord(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9]/.test(ch);
}
