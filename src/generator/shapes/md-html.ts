/**
 * `md-html`: Markdown whose tables are HTML, as PDF-to-Markdown converters write tables with merged cells (MinerU
 * writes every table so: `<html><body><table>…</table></body></html>`, the whole table on one line, with rowspan and
 * colspan). The prose is the other Markdown shapes'; the tables are the web page renderer's, in any of its layouts
 * (vertical header cells, group cells spanning many rows, wrapped labels, padded cells, Word's `&nbsp;` cells).
 */
import type { Rng } from '../rng';
import { tablesHtml, type HtmlStyle } from '../render-html';
import type { TableModels } from '../table-model';

/** A table's lines: each table on one line, wrapped in `<html><body>` or not, a blank line around it. */
export function htmlTableLines(key: 'proactive' | 'requests' | 'appeals', tables: TableModels, style: HtmlStyle, rng: Rng): string[] {
  const wrapped = rng.chance(0.7);
  return tablesHtml(key, tables, style).flatMap((html) => {
    const bare = html.replace(/ class="[^"]*"/g, '');
    return [wrapped ? `<html><body>${bare}</body></html>` : bare, ''];
  });
}
