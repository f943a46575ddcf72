/** Recognises the text layout without being told: how table cells are separated, or that they are not. */
import type { Source } from '../../schema';
import { fold, foldCode, isAsciiDigit, isNumberCharacter, isWhitespace, lastVisible } from '../text';
import { MARK_SYMBOLS, MARK_WORD } from './digit-split';

/** What a row of numbers can end with, before folding (full-width digits and marks included): a cheap first test. */
const NUMBER_ROW_END = new Set(Array.from('0123456789０１２３４５６７８９,.，．-－—/／无', (ch) => ch.charCodeAt(0)));
/** A line ending in a row of at least six numbers or blank marks, as PDF text prints table rows. */
const NUMBER_ROW = /\S(?:\s+(?:\d[\d,.]*|[-—/无]))\s*(?:\s+(?:\d[\d,.]*|[-—/无])){5,}\s*$/;
/** Only a line's end can hold a row of numbers: NUMBER_ROW reads this many last characters (linear on very long lines). */
const ROW_TAIL = 120;
/** The fewest values NUMBER_ROW finds at a line's end, and the marks it reads as one. */
const ROW_VALUES = 6;
const VALUE_MARKS = new Set(Array.from('-—/无', (ch) => ch.charCodeAt(0)));
/**
 * A web page flattened to text: table B's first row run together with its label and the next row's on one line
 * ("…数量640020470二、上年结转…"), its blank cells maybe printed as marks ("…数量15/1/3/19二、上年结转…"), its digits
 * maybe full-width or with thousands separators, as the page shows them ("…数量１,２３４５６…").
 */
const FLATTENED = (() => {
  // The text is not folded yet: full-width digits, "／" and "－" too; a number may keep its thousands separator.
  const mark = `${MARK_SYMBOLS}／－`;
  const digit = '\\d０-９';
  return new RegExp(`本年新收[^\\n\\t|]{0,20}?数量 ?(?:[${digit}${mark},， ]|${MARK_WORD})*[${digit}${mark}无](?:[${digit}${mark},， ]|${MARK_WORD})*(?:二、)?上年结转`);
})();

/** `lines`: the text split at \n, when the caller has it already. */
export function detectLayout(text: string, lines = text.split('\n')): Source['layout'] {
  // A web page flattened to text: the table's cells run together on one line ("…数量640020470二、上年结转…").
  // Blank cells may print a mark ("15/1/3/19"); 无 also begins 无法提供 and 无正当理由.
  if (FLATTENED.test(text)) return 'flattened';
  let md = 0;
  let pipe = 0;
  let tab = 0;
  let numberRows = 0;
  for (const line of lines) {
    if (line.includes('\t')) tab++;
    if (line.includes('|')) {
      if (/^\s*\|.*\|\s*$/.test(line)) md++;
      if (line.includes(' | ')) pipe++;
    }
    if (numberRows < 3 && NUMBER_ROW_END.has(line.charCodeAt(lastVisible(line))) && numberRow(line)) numberRows++;
  }
  if (md >= 5 && md >= tab) return 'markdown-table';
  if (pipe >= 5 && pipe >= tab) return 'pipe';
  if (tab >= 5) return 'tsv';
  return numberRows >= 3 ? 'pdf-text' : 'unknown';
}

/**
 * NUMBER_ROW.test(fold(line.slice(-ROW_TAIL))), its fold and backtracking spared on the many lines that end in a digit
 * or a comma but not in a row of numbers: a match needs the tail's last ROW_VALUES words (runs of characters other
 * than whitespace, \s as isWhitespace reads it) each a whole value. They are read on the line unfolded: folding keeps
 * each character's place and whether it is whitespace.
 */
function numberRow(line: string): boolean {
  const from = Math.max(0, line.length - ROW_TAIL);
  let end = lastVisible(line) + 1;
  for (let n = 0; n < ROW_VALUES; n++) {
    const start = valueStart(line, from, end);
    if (start < 0) return false;
    end = start;
    while (end > from && isWhitespace(line.charCodeAt(end - 1))) end--;
  }
  return NUMBER_ROW.test(fold(line.slice(-ROW_TAIL)));
}

/**
 * Where the word of line[from, end) that ends at `end` starts, when it is one value as NUMBER_ROW reads it folded (an
 * ASCII digit then digits, commas and points, or one mark); else -1. Read from its end, so that a word that is no
 * value (a line of prose) is given up at its last character that no value holds.
 */
function valueStart(line: string, from: number, end: number): number {
  if (end <= from) return -1;
  let start = end;
  while (start > from && !isWhitespace(line.charCodeAt(start - 1))) {
    const c = foldCode(line.charCodeAt(start - 1));
    // A character other than a digit, a comma or a point: a value only as a mark alone.
    if (!isNumberCharacter(c)) return start === end && VALUE_MARKS.has(c) && (start - 1 === from || isWhitespace(line.charCodeAt(start - 2))) ? start - 1 : -1;
    start--;
  }
  return isAsciiDigit(foldCode(line.charCodeAt(start))) ? start : -1;
}
