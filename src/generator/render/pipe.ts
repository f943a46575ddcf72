/**
 * HTML tables turned into text with " | " between cells (the Shanghai 2019 corpus file): a merged cell is written
 * once, so rows carry different numbers of label fields, and an empty cell stays empty between its separators.
 * The numbers are always a row's last fields.
 */
import type { DocumentParts } from '../document';
import type { Rng } from '../rng';
import type { ModelTable } from '../table-model';
import { assemble, spaced } from './assemble';
import { labelFields } from './grid';

const SEP = ' | ';

function proactiveLines(tables: ModelTable[]): string[] {
  return tables.flatMap((t) => [t.caption ?? '', ...t.header.map((h) => h.join(SEP)), ...t.rows.map((r) => [r.labels[0].text, ...r.cells].join(SEP))]);
}

function requestsLines(table: ModelTable): string[] {
  return [...table.header.map((h) => h.join(SEP)), ...table.rows.map((r) => [...labelFields(r.labels, 'omit'), ...r.cells].join(SEP))];
}

function appealsLines(table: ModelTable): string[] {
  return [...table.header.map((h) => h.join(SEP)), table.rows[0].cells.join(SEP)];
}

export function renderPipe(parts: DocumentParts, rng: Rng): { text: string; quirks: string[] } {
  const published = `${parts.truth.year + 1}-0${rng.int(1, 3)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const lines = assemble(parts, {
    title: () => [parts.title.oneLine, `发布日期：${published}`, ''],
    intro: (text) => spaced([text]),
    heading: (section) => spaced([section.heading]),
    block: (block) => spaced([block.text]),
    table: (key) =>
      spaced([
        (key === 'proactive' ? proactiveLines(parts.tables.proactive) : key === 'requests' ? requestsLines(parts.tables.requests) : appealsLines(parts.tables.appeals)).join('\n'),
      ]),
    signature: (lines) => spaced(lines),
  });
  return { text: lines.join('\n'), quirks: ['pipes', 'merged-cells-omitted'] };
}
