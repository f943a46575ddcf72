/** Recognises the text layout without being told: how table cells are separated, or that they are not. */
import type { Source } from '../../schema';
import { fold, isWhitespace, lastVisible } from '../text';
import { MARK_SYMBOLS, MARK_WORD } from './digit-split';

/** What a row of numbers can end with, before folding (full-width digits and marks included): a cheap first test. */
const NUMBER_ROW_END = new Set(Array.from('0123456789０１２３４５６７８９,.，．-－—/／无', (ch) => ch.charCodeAt(0)));
/** A line ending in a row of at least six numbers or blank marks, as PDF text prints table rows. */
const NUMBER_ROW = /\S(?:\s+(?:\d[\d,.]*|[-—/无]))\s*(?:\s+(?:\d[\d,.]*|[-—/无])){5,}\s*$/;
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
    // Only a line's end can hold a row of numbers: testing the tail keeps this linear on very long lines.
    if (numberRows < 3 && NUMBER_ROW_END.has(line.charCodeAt(lastVisible(line))) && numberRow(fold(line.slice(-120)))) numberRows++;
  }
  if (md >= 5 && md >= tab) return 'markdown-table';
  if (pipe >= 5 && pipe >= tab) return 'pipe';
  if (tab >= 5) return 'tsv';
  return numberRows >= 3 ? 'pdf-text' : 'unknown';
}

/**
 * NUMBER_ROW.test(s), its backtracking spared on the many lines that end in a number but not in a row of them: a match
 * needs the last ROW_VALUES words (runs of characters other than whitespace, \s as isWhitespace reads it) each a whole value.
 */
function numberRow(s: string): boolean {
  let end = lastVisible(s) + 1;
  for (let n = 0; n < ROW_VALUES; n++) {
    let start = end;
    while (start > 0 && !isWhitespace(s.charCodeAt(start - 1))) start--;
    if (start === end || !isValueWord(s, start, end)) return false;
    end = start;
    while (end > 0 && isWhitespace(s.charCodeAt(end - 1))) end--;
  }
  return NUMBER_ROW.test(s);
}

/** Whether s[start, end) is one value as NUMBER_ROW reads it: an ASCII digit then digits, commas and points, or one mark. */
function isValueWord(s: string, start: number, end: number): boolean {
  const first = s.charCodeAt(start);
  if (end - start === 1 && VALUE_MARKS.has(first)) return true;
  if (first < 0x30 || first > 0x39) return false;
  for (let i = start + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e)) return false;
  }
  return true;
}
