/**
 * Markdown/TSV, as web pages and Word files converted to text look (seeds 001–003): `#` headings on some sections,
 * tab-separated cells, merged cells as empty tab fields, blank cells where the source left a cell empty.
 *
 * Two row shapes occur: a fixed grid (3 label columns + 7 numbers) and the compact shape of seed 001 where the
 * numbers follow the label fields directly and short rows end with a padding tab. A blank first or last number
 * would make those shapes ambiguous (padding or blank?), so there a null cell is printed with a mark.
 */
import type { DocumentParts } from '../document';
import type { Rng } from '../rng';
import type { ModelRow, ModelTable } from '../table-model';
import { assemble, spaced } from './assemble';
import { LABEL_COLUMNS, labelFields } from './grid';
import { markdownHooks } from './markdown-prose';

const WIDTH_B = LABEL_COLUMNS + 7;

function markEdges(cells: string[], mark: string): string[] {
  return cells.map((c, i) => (c === '' && (i === 0 || i === cells.length - 1) ? mark : c));
}

function pad(fields: string[], width: number): string[] {
  return [...fields, ...Array<string>(Math.max(0, width - fields.length)).fill('')];
}

function proactiveLines(tables: ModelTable[], mark: string): string[] {
  const width = Math.max(...tables.flatMap((t) => t.header.map((h) => h.length)));
  return tables.flatMap((t) => [
    pad([t.caption ?? ''], width).join('\t'),
    ...t.header.map((h) => pad(h, width).join('\t')),
    ...t.rows.map((r) => pad([r.labels[0].text, ...markEdges(r.cells, mark)], width).join('\t')),
  ]);
}

function requestRow(row: ModelRow, compact: boolean, mark: string, rng: Rng): string {
  const cells = markEdges(row.cells, mark);
  if (!compact) return [...labelFields(row.labels, 'empty'), ...cells].join('\t');
  // Seed 001: labels as written (merged cells empty), an empty field after a label that spans columns, and a
  // trailing tab on rows shorter than the grid.
  const labels = labelFields(row.labels, 'empty').filter((f, i, all) => f !== '' || all.slice(i).some((x) => x !== ''));
  const spacer = labels.length < LABEL_COLUMNS && rng.chance(0.7) ? [''] : [];
  const fields = [...labels, ...spacer, ...cells];
  return (fields.length < WIDTH_B ? [...fields, ''] : fields).join('\t');
}

function requestsLines(table: ModelTable, compact: boolean, mark: string, rng: Rng): string[] {
  const header = [
    pad([table.header[0][0], '', table.header[0][1]], WIDTH_B),
    pad(['', '', '', table.header[1][0], table.header[1][1], '', '', '', '', table.header[1][2]], WIDTH_B),
    pad(['', '', '', '', ...table.header[2]], WIDTH_B),
  ].map((h) => h.join('\t'));
  const rows = table.rows.map((r) => requestRow(r, compact, mark, rng));
  // Seed 002: a stray blank line in the middle of the table.
  if (rng.chance(0.2)) rows.splice(rng.int(3, rows.length - 3), 0, '');
  return [...header, ...rows];
}

function appealsLines(table: ModelTable, mark: string): string[] {
  const [top, middle, bottom] = table.header;
  return [
    pad([top[0], '', '', '', '', top[1]], 15).join('\t'),
    pad([...middle.slice(0, 5), middle[5], '', '', '', '', middle[6]], 15).join('\t'),
    pad(['', '', '', '', '', ...bottom.slice(5)], 15).join('\t'),
    markEdges(table.rows[0].cells, mark).join('\t'),
  ];
}

export function renderTsv(parts: DocumentParts, rng: Rng): { text: string; quirks: string[] } {
  const compact = rng.chance(0.5);
  const mark = parts.numbers.nullMarks.find((m) => m !== '') ?? '—';
  const hooks = markdownHooks(parts, rng);
  const lines = assemble(parts, {
    ...hooks,
    table: (key) =>
      spaced([
        (key === 'proactive'
          ? proactiveLines(parts.tables.proactive, mark)
          : key === 'requests'
            ? requestsLines(parts.tables.requests, compact, mark, rng)
            : appealsLines(parts.tables.appeals, mark)
        ).join('\n'),
      ]),
  });
  return { text: ['', '', ...lines].join('\n'), quirks: ['tabs', compact ? 'tsv-compact-rows' : 'tsv-grid-rows'] };
}
