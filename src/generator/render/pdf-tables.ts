/**
 * Tables as PDF text extraction leaves them (seeds 000/004, Hongze corpus file): cells separated by spaces, header
 * text split one or two characters per line, row labels wrapped over several lines, a row's numbers on the label's
 * last line, on their own line, wrapped onto the next line, or on the line before the label; group labels printed
 * vertically, or interleaved one character per line with the rows; table C as one line of 15 numbers.
 * Every row keeps its 7 value tokens in order, so the table stays decodable.
 */
import type { Rng } from '../rng';
import type { ModelRow, ModelTable } from '../table-model';
import { chunks, wrap } from './wrap';

export interface PdfTableStyle {
  header: 'vertical' | 'fragments';
  /** 'stacked': group labels printed (in pieces) before their rows; 'interleaved': the Hongze layout. */
  groups: 'stacked' | 'interleaved';
  labelWidth: number;
  /** One long row label loses characters (其他法律行政止公开). */
  dropChars: boolean;
  /** One long row label gets a stray space (只计这一情 形). */
  innerSpace: boolean;
}

export function pickPdfTableStyle(rng: Rng): PdfTableStyle {
  return {
    header: rng.chance(0.6) ? 'vertical' : 'fragments',
    groups: rng.chance(0.35) ? 'interleaved' : 'stacked',
    labelWidth: rng.int(12, 18),
    dropChars: rng.chance(0.1),
    innerSpace: rng.chance(0.15),
  };
}

type Placement = 'inline' | 'after' | 'wrapped' | 'before' | 'middle';

function placeNumbers(fragments: string[], tokens: string[], placement: Placement, rng: Rng): string[] {
  const numbers = tokens.join(' ');
  switch (placement) {
    case 'inline':
      return [...fragments.slice(0, -1), `${fragments[fragments.length - 1]} ${numbers}`];
    case 'after':
      return [...fragments, numbers];
    case 'wrapped': {
      const k = rng.int(4, tokens.length - 1);
      return [...fragments, tokens.slice(0, k).join(' '), tokens.slice(k).join(' ')];
    }
    case 'before':
      return [numbers, ...fragments];
    case 'middle': {
      const k = rng.int(1, fragments.length - 1);
      return [...fragments.slice(0, k), numbers, ...fragments.slice(k)];
    }
  }
}

function pickPlacement(fragments: number, interleaved: boolean, rng: Rng): Placement {
  const entries: [Placement, number][] = fragments > 1 ? [['inline', 3], ['after', 4], ['wrapped', 2]] : [['inline', 12], ['after', 1]];
  if (interleaved) entries.push(['before', fragments > 1 ? 4 : 2], ...(fragments > 1 ? [['middle', 3] as [Placement, number]] : []));
  return rng.weighted(entries);
}

/** Removes 1–3 characters from the middle of a label, past its item number. */
function dropChars(label: string, rng: Rng): string {
  const start = rng.int(4, label.length - 4);
  return label.slice(0, start) + label.slice(start + rng.int(1, Math.min(3, label.length - start - 3)));
}

function withSpace(label: string, rng: Rng): string {
  const at = rng.int(5, label.length - 2);
  return `${label.slice(0, at)} ${label.slice(at)}`;
}

interface RowText {
  row: ModelRow;
  lines: string[];
}

function rowText(row: ModelRow, label: string, style: PdfTableStyle, rng: Rng): RowText {
  const fragments = wrap(label, style.labelWidth);
  return { row, lines: placeNumbers(fragments, row.cells, pickPlacement(fragments.length, style.groups === 'interleaved', rng), rng) };
}

/** Puts each character of a vertical label in front of a label line ("本 3.危及…") or on a line of its own. */
function interleave(text: string, lines: string[], rng: Rng): string[] {
  const out = [...lines];
  let at = rng.int(0, Math.max(0, Math.floor(out.length / 4)));
  for (const ch of text) {
    while (at < out.length && /^[\d\s—\-/，,.０-９]+$/.test(out[at])) at++;
    if (at < out.length && rng.chance(0.6)) out[at] = `${ch} ${out[at]}`;
    else out.splice(at, 0, ch);
    at++;
  }
  return out;
}

function requestsHeader(table: ModelTable, style: PdfTableStyle, rng: Rng): string[] {
  const note = wrap(table.header[0][0], rng.int(18, 26));
  const columns = ['自然人', ...table.header[2], '总计'];
  if (style.header === 'fragments') {
    return ['申请人情况', '法人或其他组织', ...note, ...fragmentRows(columns)];
  }
  const pieces = [...chunks('自然人', rng, 2), '法人或其他组织', ...chunks('总计', rng, 2), ...table.header[2].flatMap((c) => chunks(c, rng, 2))];
  // A PDF sometimes puts two header pieces on one line (总计商业).
  const merged = pieces.reduce<string[]>((acc, p) => (acc.length && rng.chance(0.1) ? [...acc.slice(0, -1), acc[acc.length - 1] + p] : [...acc, p]), []);
  return [...note, '申请人情况', ...merged];
}

/** Column labels read across the page: the first two characters of every column, then the next two … */
function fragmentRows(columns: string[]): string[] {
  const split = columns.map((c) => c.match(/.{1,2}/gu) ?? []);
  const depth = Math.max(...split.map((s) => s.length));
  return Array.from({ length: depth }, (_, i) => split.map((s) => s[i]).filter(Boolean).join(' '));
}

export function requestsLines(table: ModelTable, style: PdfTableStyle, rng: Rng): { lines: string[]; quirks: string[] } {
  const quirks = new Set<string>();
  const long = table.rows.filter((r) => r.labels[r.labels.length - 1].text.length >= 10);
  // Only numbered sub-rows lose characters: their item number and place in the group still identify them.
  const subRows = long.filter((r) => /^\d\./.test(r.labels[r.labels.length - 1].text));
  const dropped = style.dropChars && subRows.length ? rng.pick(subRows) : null;
  const spacedRow = style.innerSpace && long.length ? rng.pick(long) : null;
  const texts = table.rows.map((row) => {
    let label = row.labels[row.labels.length - 1].text;
    if (row === dropped) label = dropChars(label, rng);
    if (row === spacedRow) label = withSpace(label, rng);
    return rowText(row, label, style, rng);
  });
  if (dropped) quirks.add('label-dropped-chars');
  if (spacedRow) quirks.add('label-inner-space');
  for (const t of texts) {
    if (t.lines.length > 1 && t.lines.some((l) => !/\d/.test(l))) quirks.add('multi-line-label');
    if (/^[\d\s—\-/，,.０-９]+$/.test(t.lines[0]) && t.lines.length > 1) quirks.add('numbers-before-label');
    if (t.lines.filter((l) => /^[\d\s—\-/，,.０-９]+$/.test(l)).length > 1) quirks.add('wrapped-numbers');
  }
  const body = style.groups === 'interleaved' ? interleavedBody(texts, rng) : stackedBody(texts, rng);
  if (style.groups === 'interleaved') quirks.add('interleaved-vertical-labels');
  quirks.add(style.header === 'vertical' ? 'vertical-header' : 'fragmented-header');
  return { lines: [...requestsHeader(table, style, rng), ...body], quirks: [...quirks] };
}

/** Seeds 000/004: an outer or group label printed in pieces of 1–3 characters before its first row. */
function stackedBody(texts: RowText[], rng: Rng): string[] {
  return texts.flatMap(({ row, lines }) => [
    ...row.labels.filter((l) => l.level < 2 && l.first).flatMap((l) => chunks(l.text, rng, l.level === 0 ? 2 : 3)),
    ...lines,
  ]);
}

/** Hongze: a group label on a line in the middle of its rows; the outer label's characters interleaved with rows. */
function interleavedBody(texts: RowText[], rng: Rng): string[] {
  const out: string[] = [];
  let region: string[] = [];
  let outer: string | null = null;
  let i = 0;
  while (i < texts.length) {
    const group = texts[i].row.labels.find((l) => l.level === 1)?.text;
    const outerLabel = texts[i].row.labels.find((l) => l.level === 0)?.text ?? null;
    if (outer && !outerLabel) {
      out.push(...interleave(outer, region, rng));
      region = [];
    }
    outer = outerLabel;
    let block: string[];
    if (group) {
      const members: string[][] = [];
      while (i < texts.length && texts[i].row.labels.some((l) => l.level === 1 && l.text === group)) members.push(texts[i++].lines);
      const middle = Math.floor(members.length / 2);
      block = [...members.slice(0, middle).flat(), group, ...members.slice(middle).flat()];
    } else block = texts[i++].lines;
    (outer ? region : out).push(...block);
  }
  if (outer) out.push(...interleave(outer, region, rng));
  return out;
}

export function appealsLines(table: ModelTable, style: PdfTableStyle, rng: Rng): string[] {
  const [, middle, bottom] = table.header;
  const head =
    style.header === 'fragments'
      ? ['行政复议 行政诉讼', '未经复议直接起诉 复议后起诉', ...fragmentRows(bottom)]
      : ['行政复议 行政诉讼', ...middle.slice(0, 5).flatMap((c) => chunks(c, rng, 2)), '未经复议直接起诉 复议后起诉', ...bottom.slice(5).flatMap((c) => chunks(c, rng, 2))];
  return [...head, table.rows[0].cells.join(' ')];
}

export function proactiveLines(tables: ModelTable[], rng: Rng): string[] {
  const sep = rng.chance(0.8) ? ' ' : '';
  return tables.flatMap((t) => [t.caption ?? '', t.header[0].join(sep), ...t.rows.map((r) => [r.labels[0].text, ...r.cells].join(' '))]);
}
