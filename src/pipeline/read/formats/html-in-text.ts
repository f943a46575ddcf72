/**
 * HTML inside a text or Markdown file. PDF-to-Markdown converters write a table with merged cells as HTML (MinerU
 * writes every table so, `<html><body><table>…</table></body></html>` on one line), and a line break inside a Markdown
 * table cell as `<br>`. Left as they are, the tags stand between every label and number and the tables are lost. Each
 * `<table>` becomes the lines the web page reader makes of a table (one tab-separated line a row, merged cells
 * spread over the rows and columns they span); a `<br>` elsewhere becomes a space, so that a line stays a line.
 */
import { blocksToText } from './blocks';
import { fragmentBlocks } from './html-dom';

/** A table with the page wrapper some converters put around it; the shortest match, so tables side by side stay two. */
const TABLE = /(?:<html>\s*)?(?:<body>\s*)?<table\b[\s\S]*?<\/table>(?:\s*<\/body>)?(?:\s*<\/html>)?/gi;
const BREAK = /<br\s*\/?>/gi;
const ANY_HTML = /<(?:table|br)\b/i;

export interface HtmlInText {
  text: string;
  /** How many HTML tables became text lines. */
  tables: number;
}

export function expandHtmlInText(text: string): HtmlInText {
  if (!ANY_HTML.test(text)) return { text, tables: 0 };
  let tables = 0;
  const expanded = text
    .replace(TABLE, (html) => {
      tables++;
      // Blank lines around the table trimmed, not the tabs of empty cells at the end of its last row.
      return `\n${blocksToText(fragmentBlocks(html), { paragraphs: true }).replace(/^\n+|\n+$/g, '')}\n`;
    })
    .replace(BREAK, ' ');
  return { text: expanded, tables };
}
