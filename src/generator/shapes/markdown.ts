/**
 * PDF-to-Markdown shapes (../shared/corpus: the 上海市科委 2024 pdf-to-markdown file, the 沭阳县 OCR Markdown): a
 * converter finds some of a table's rows as Markdown tables and leaves the rest as loose text lines.
 * - `md-split`: table B broken into several Markdown tables, each under its own `|---|` line, some headed by a row of
 *   header fragments (`| 业 | 构 | 益组织 | 务机构 |  |`), header text and table A's small tables as loose lines;
 * - `md-detached`: runs of rows whose labels stand as loose lines in one block and whose numbers stand in label-less
 *   Markdown rows (`| 1 | 0 | 0 | 0 | 0 | 0 | 1 |`) in another, before or after the labels; a run's first label
 *   sometimes printed at the end of the run before's label block, rows away from its numbers (上海市科委: 1.本机关不掌握
 *   among 不予公开's labels; that row's numbers then sometimes before the run's other labels), and a page number
 *   alone on a line among the number rows;
 * - `md-labels-only`: as detached, but one run's numbers are lost: its labels stand without values (those cells can
 *   only be null);
 * - `md-shifted`: rows shifted by one cell: an extra leading cell (`| 三、 | （一）予以公开 | 9 | …`), a trailing empty
 *   cell, a header row one cell wider than the rows.
 */
import type { Rng } from '../rng';
import type { ShapeTweaks } from './adversarial';
import { chunks, wrap } from '../render/wrap';
import type { ModelRow, ModelTable, TableModels } from '../table-model';

export const MARKDOWN_SHAPES = ['md-split', 'md-detached', 'md-labels-only', 'md-shifted'] as const;
export type MarkdownShape = (typeof MARKDOWN_SHAPES)[number];

const mdRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => `|${'---|'.repeat(n)}`;

const ownLabel = (row: ModelRow) => row.labels.find((l) => l.level === 2)?.text ?? '';

/** Header fragments as a converter finds them: the tails of the wrapped sub-headers, padded with empty cells. */
function fragmentHeader(table: ModelTable, width: number, rng: Rng): string[] {
  const bottom = table.header[table.header.length - 1];
  const tails = bottom.map((h) => {
    const parts = wrap(h, rng.int(2, 3));
    return parts[parts.length - 1];
  });
  return [...tails, ...Array<string>(Math.max(0, width - tails.length)).fill('')];
}

/** Header text that did not become a table: loose lines, words run together or split. */
function looseHeader(table: ModelTable, rng: Rng): string[] {
  return table.header.flatMap((row) => (rng.chance(0.5) ? [row.join('')] : row.flatMap((cell) => wrap(cell, rng.int(4, 14)))));
}

/** Labels as loose lines: the vertical outer and group labels in fragments, the row label wrapped. */
function looseLabel(row: ModelRow, rng: Rng): string[] {
  const lines: string[] = [];
  for (const l of row.labels) {
    if (!l.first) continue;
    lines.push(...(l.level < 2 ? chunks(l.text, rng, 3) : wrap(l.text, rng.int(8, 14))));
  }
  return lines;
}

/** A row as a Markdown table row: its own label (sometimes the first-row group labels before it) and its cells. */
function labelledRow(row: ModelRow, shape: MarkdownShape, rng: Rng): string {
  const groups = row.labels.filter((l) => l.first && l.level < 2).map((l) => l.text);
  const lead = groups.length && rng.chance(0.5) ? groups : [];
  let cells = [...lead, ownLabel(row), ...row.cells];
  if (shape === 'md-shifted' && rng.chance(0.3)) {
    cells = rng.chance(0.5) ? [rng.pick(['', '三、', '果', '（三）不']), ...cells] : [...cells, ''];
  }
  return mdRow(cells);
}

interface Run {
  start: number;
  end: number;
  /** The run's numbers are lost (md-labels-only). */
  lost: boolean;
}

/** One to three runs of 2–6 consecutive rows whose labels stand apart from their numbers. */
function detachedRuns(count: number, shape: MarkdownShape, rng: Rng): Run[] {
  if (shape !== 'md-detached' && shape !== 'md-labels-only') return [];
  const runs: Run[] = [];
  let at = rng.int(0, 3);
  const n = rng.int(1, 3);
  while (runs.length < n && at < count - 2) {
    const end = Math.min(count, at + rng.int(2, 6));
    runs.push({ start: at, end, lost: false });
    at = end + rng.int(1, 4);
  }
  if (shape === 'md-labels-only' && runs.length) runs[rng.int(0, runs.length - 1)].lost = true;
  return runs;
}

/**
 * A detached run's number rows, each its own one-row Markdown table; `valueRows` drops or doubles one (the path of a
 * dropped row goes into `absent`).
 */
function valueBlock(rows: ModelRow[], tweak: NonNullable<ShapeTweaks['detached']>['valueRows'], rng: Rng, absent: string[]): string[] {
  let printed = rows.map((row) => [mdRow(row.cells), rule(row.cells.length)]);
  if (tweak) {
    const i = rng.int(0, printed.length - 1);
    if (tweak === 'drop-one') absent.push(rows[i].path);
    printed = tweak === 'drop-one' ? printed.filter((_, k) => k !== i) : printed.flatMap((p, k) => (k === i ? [p, p] : [p]));
  }
  // A page number printed between the rows of a table that runs onto the next page.
  if (printed.length > 1 && rng.chance(0.2)) printed.splice(rng.int(1, printed.length - 1), 0, [String(rng.int(1, 9))]);
  return printed.flat();
}

function requestLines(table: ModelTable, shape: MarkdownShape, rng: Rng, tweaks: ShapeTweaks, absent: string[]): string[] {
  const rows = table.rows;
  const width = 1 + rows[0].cells.length;
  const out: string[] = [...looseHeader(table, rng)];
  const runs = detachedRuns(rows.length, shape, rng);
  // Table breaks: after these rows a new Markdown table starts.
  const breaks = new Set(Array.from({ length: rng.int(1, 4) }, () => rng.int(1, rows.length - 1)));
  let open = false;
  const startTable = (first: boolean) => {
    const header = first || rng.chance(0.5) ? fragmentHeader(table, width + (shape === 'md-shifted' ? 1 : 0), rng) : null;
    if (header) out.push(mdRow(header), rule(header.length));
    open = header !== null;
    return header !== null;
  };
  let first = true;
  /** Where the last run's label block ends in `out`, while no other run came after it. */
  let labelsEnd = -1;
  for (let i = 0; i < rows.length; ) {
    const run = runs.find((r) => r.start === i);
    if (run) {
      const labelRows = rows.slice(run.start, run.end).map((row) => looseLabel(row, rng));
      // The run's first label printed at the end of the run before's label block.
      const early = labelsEnd >= 0 && !tweaks.detached?.shuffleLabels && rng.chance(0.4) ? labelRows.shift()! : [];
      if (early.length) out.splice(labelsEnd, 0, ...early);
      const labels = (tweaks.detached?.shuffleLabels ? rng.shuffle(labelRows) : labelRows).flat();
      if (run.lost) absent.push(...rows.slice(run.start, run.end).map((row) => row.path));
      const values = run.lost ? [] : valueBlock(rows.slice(run.start, run.end), tweaks.detached?.valueRows, rng, absent);
      const valuesFirst = rng.chance(0.5);
      // After a label moved away, the row's numbers sometimes come before the run's other labels (上海市科委: "| 4 … |",
      // then 2.没有现成… and 3.补正…, then their rows).
      const lead = early.length && !valuesFirst && values.length > 2 && rng.chance(0.5) ? values.splice(0, 2) : [];
      out.push(...lead, ...(valuesFirst ? [...values, ...labels] : [...labels, ...values]));
      labelsEnd = valuesFirst ? out.length : out.length - values.length;
      open = false;
      i = run.end;
      continue;
    }
    if (!open || breaks.has(i)) {
      if (!startTable(first)) {
        // The first row of a table without a header row is its header.
        out.push(labelledRow(rows[i], shape, rng), rule(width));
        open = true;
        first = false;
        i++;
        continue;
      }
    }
    first = false;
    out.push(labelledRow(rows[i], shape, rng));
    i++;
  }
  return out;
}

/** Table A: the first items as loose lines ("行政许可 97"), the others as small Markdown tables. */
function proactiveLines(tables: ModelTable[], rng: Rng): string[] {
  const loose = rng.int(0, tables.length);
  return tables.flatMap((t, i) => {
    const caption = t.caption ? [t.caption] : [];
    if (i < loose) return [...caption, t.header[0].join(''), ...t.rows.map((r) => `${ownLabel(r)} ${r.cells.join(' ')}`.trim())];
    return [...caption, mdRow(t.header[0]), rule(t.header[0].length), ...t.rows.map((r) => mdRow([ownLabel(r), ...r.cells]))];
  });
}

/** Table C: the upper header rows loose, the lowest as the Markdown header, then the row of 15 numbers. */
function appealLines(table: ModelTable, rng: Rng): string[] {
  const [top, middle, bottom] = table.header;
  const cells = table.rows[0].cells;
  const head = bottom.map((h) => (rng.chance(0.5) ? h.slice(-2) : h));
  return [top.join(''), middle.join(''), mdRow(head), rule(head.length), mdRow(cells), rule(cells.length)];
}

/**
 * One table's lines in a Markdown shape. The value paths of rows whose numbers the text does not hold (a lost run of
 * md-labels-only, a dropped number row) are added to `absent`.
 */
export function markdownTableLines(
  key: 'proactive' | 'requests' | 'appeals',
  tables: TableModels,
  shape: MarkdownShape,
  rng: Rng,
  tweaks: ShapeTweaks = {},
  absent: string[] = [],
): string[] {
  const lines =
    key === 'proactive' ? proactiveLines(tables.proactive, rng) : key === 'requests' ? requestLines(tables.requests, shape, rng, tweaks, absent) : appealLines(tables.appeals, rng);
  return ['', ...lines, ''];
}
