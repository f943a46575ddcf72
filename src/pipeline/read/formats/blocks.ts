/** What a document reader produces before it becomes parser text: lines of prose and tables, in reading order. */
import { gridLines, type TableGrid } from './table-grid';

export type Block = { kind: 'text'; text: string } | { kind: 'table'; grid: TableGrid };

/**
 * The text the parser reads: each text block on a line, each table row on a tab-separated line.
 * `paragraphs`: text blocks are whole paragraphs (HTML, Word), so a blank line follows each, as in text converted
 * from web pages; PDF lines are physical lines, printed one after the other as PDF text extraction does.
 */
export function blocksToText(blocks: Block[], { paragraphs }: { paragraphs: boolean }): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') {
      lines.push(block.text);
      if (paragraphs) lines.push('');
    } else {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      lines.push(...gridLines(block.grid), '');
    }
  }
  return lines.join('\n');
}
