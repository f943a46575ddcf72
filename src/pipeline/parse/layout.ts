/** Recognises the text layout without being told: how table cells are separated, or that they are not. */
import type { Source } from '../../schema';

export function detectLayout(text: string): Source['layout'] {
  const lines = text.split('\n');
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  // A web page flattened to text: the whole table on one line, its cells run together ("本年新收…数量640020470").
  if (longest > 1500 && /本年新收[^\n]{0,30}?\d{7,}/.test(text)) return 'flattened';
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  const md = count(/^\s*\|.*\|\s*$/);
  const pipe = count(/ \| /);
  const tab = count(/\t/);
  if (md >= 5 && md >= tab) return 'markdown-table';
  if (pipe >= 5 && pipe >= tab) return 'pipe';
  if (tab >= 5) return 'tsv';
  return count(/\S+(\s+\d+){6,}\s*$/) >= 3 ? 'pdf-text' : 'unknown';
}
