/** Recognises the text layout without being told: how table cells are separated, or that they are not. */
import type { Source } from '../../schema';
import { fold } from './text';

export function detectLayout(text: string): Source['layout'] {
  const lines = text.split('\n');
  // A web page flattened to text: the table's cells run together on one line ("…数量640020470二、上年结转…").
  if (/本年新收[^\n\t|]{0,20}?数量 ?\d[\d ]*(?:二、)?上年结转/.test(text)) return 'flattened';
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  const md = count(/^\s*\|.*\|\s*$/);
  const pipe = count(/ \| /);
  const tab = count(/\t/);
  if (md >= 5 && md >= tab) return 'markdown-table';
  if (pipe >= 5 && pipe >= tab) return 'pipe';
  if (tab >= 5) return 'tsv';
  // Only a line's end can hold a row of numbers: testing the tail keeps this linear on very long lines.
  return lines.filter((l) => /\S(?:\s+(?:\d[\d,.]*|[-—/无]))\s*(?:\s+(?:\d[\d,.]*|[-—/无])){5,}\s*$/.test(fold(l.slice(-120)))).length >= 3 ? 'pdf-text' : 'unknown';
}
