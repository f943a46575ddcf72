/** Recognises the text layout without being told: how table cells are separated, or that they are not. */
import type { Source } from '../../schema';
import { fold, lastVisible } from '../text';
import { MARK_SYMBOLS, MARK_WORD } from './digit-split';

/** What a row of numbers can end with, before folding (full-width digits and marks included): a cheap first test. */
const NUMBER_ROW_END = new Set(Array.from('0123456789０１２３４５６７８９,.，．-－—/／无', (ch) => ch.charCodeAt(0)));
/** A line ending in a row of at least six numbers or blank marks, as PDF text prints table rows. */
const NUMBER_ROW = /\S(?:\s+(?:\d[\d,.]*|[-—/无]))\s*(?:\s+(?:\d[\d,.]*|[-—/无])){5,}\s*$/;
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
    if (numberRows < 3 && NUMBER_ROW_END.has(line.charCodeAt(lastVisible(line))) && NUMBER_ROW.test(fold(line.slice(-120)))) numberRows++;
  }
  if (md >= 5 && md >= tab) return 'markdown-table';
  if (pipe >= 5 && pipe >= tab) return 'pipe';
  if (tab >= 5) return 'tsv';
  return numberRows >= 3 ? 'pdf-text' : 'unknown';
}
