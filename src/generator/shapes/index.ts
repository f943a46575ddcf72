/**
 * Extraction shapes: the texts people get out of a report with the tools they use, each with the report's known true
 * values. Two families:
 * - text shapes, made straight from the table model (fast, no tools): `cell-lines` (one cell per line, as poppler's
 *   default mode and copy-and-paste from a PDF viewer give it), the PDF-to-Markdown shapes of markdown.ts, and
 *   `md-html` (md-html.ts: Markdown whose tables are HTML, as MinerU writes them);
 * - PDF shapes (pdf.ts): the report printed to PDF by Chromium, then turned into text by `pdftotext` (default,
 *   `-layout`, `-raw`), by pdf.js (text items in content order, one per line) and by MuPDF's `mutool`.
 *
 *   const r = generateShaped('s-1', 'md-detached');   // r.text, r.truth
 */
import { INJECTABLE_RULES } from '../breaks';
import { documentParts, type DocumentParts } from '../document';
import { pickHtmlStyle } from '../render-html';
import { assemble } from '../render/assemble';
import { markdownHooks } from '../render/markdown-prose';
import { paginate, wrap } from '../render/wrap';
import { rngFor, type Rng } from '../rng';
import { generateTruth, type TruthOptions } from '../truth';
import type { Truth } from '../types';
import type { ShapeTweaks } from './adversarial';
import { cellLines, pickCellLineStyle } from './cell-lines';
import { MARKDOWN_SHAPES, markdownTableLines, type MarkdownShape } from './markdown';
import { htmlTableLines } from './md-html';

export const TEXT_SHAPES = ['cell-lines', ...MARKDOWN_SHAPES, 'md-html'] as const;
export type TextShape = (typeof TEXT_SHAPES)[number];

export const PDF_SHAPES = ['pdftotext', 'pdftotext-layout', 'pdftotext-raw', 'pdfjs-items', 'pdf-lines', 'mutool', 'pdfminer', 'pypdf'] as const;
export type PdfShape = (typeof PDF_SHAPES)[number];

export type Shape = TextShape | PdfShape;
export const SHAPES: readonly Shape[] = [...TEXT_SHAPES, ...PDF_SHAPES];

/** A report in one extraction shape: the text a content file would hold, and its true values. */
export interface ShapedReport {
  name: string;
  shape: Shape;
  text: string;
  truth: Truth;
  /** Value paths of the rows whose numbers the text does not hold (md-labels-only's lost run, a dropped number row). */
  absent: string[];
}

/** Every tenth report breaks a consistency rule, which a reader must report as printed, never repair. */
export function shapeTruthOptions(i: number): TruthOptions {
  return i % 10 === 3 ? { breaks: [INJECTABLE_RULES[i % INJECTABLE_RULES.length]] } : {};
}

/** The parts every shape lays out; `blankAllowed` as in a layout that keeps empty cells apart. */
export function shapeParts(truth: Truth, rng: Rng, blankAllowed: boolean): DocumentParts {
  return documentParts(truth, rng.fork('parts'), { blankAllowed, plainNumbers: false, spaceSeparated: true });
}

/** Prose of a PDF copy-and-paste: title and paragraphs wrapped at the page width, page footers. */
function cellLinesText(parts: DocumentParts, rng: Rng, tweaks: ShapeTweaks): string {
  const style = {
    ...pickCellLineStyle(rng.fork('style')),
    footersInRows: tweaks.footersInRows ?? false,
    columnBlocks: tweaks.columnBlocks ?? null,
    proactiveColumns: tweaks.proactiveColumns ?? false,
  };
  const width = rng.int(26, 34);
  const lines = assemble(parts, {
    title: () => parts.title.blockLines,
    intro: (text) => wrap(text, width),
    heading: (section) => [section.heading],
    block: (block) => wrap(block.text, width),
    table: (key) => cellLines(key, parts.tables, style, rng.fork(key)),
    signature: (sig) => sig,
  });
  return paginate(lines, rng.int(60, 90), rng.pick(['dash', 'emdash', 'none'] as const)).join('\n');
}

function markdownText(parts: DocumentParts, shape: MarkdownShape | 'md-html', rng: Rng, tweaks: ShapeTweaks, absent: string[]): string {
  const style = shape === 'md-html' ? pickHtmlStyle(rng.fork('html-style')) : null;
  const lines = assemble(parts, {
    ...markdownHooks(parts, rng.fork('prose')),
    table: (key) => (style ? htmlTableLines(key, parts.tables, style, rng.fork(key)) : markdownTableLines(key, parts.tables, shape as MarkdownShape, rng.fork(key), tweaks, absent)),
  });
  return lines.join('\n');
}

/** A report in a text shape; `tweaks` damage it adversarially (adversarial.ts), the truth staying the same. */
export function generateShaped(seed: string, shape: TextShape, options: TruthOptions = {}, tweaks: ShapeTweaks = {}): ShapedReport {
  const truth = generateTruth(seed, options);
  const rng = rngFor(seed, `shape-${shape}`);
  // A PDF prints an empty cell as nothing, which one-cell-per-line text cannot show: there a null cell has a mark.
  const parts = shapeParts(truth, rng, shape !== 'cell-lines');
  if (tweaks.requests) parts.tables = { ...parts.tables, requests: tweaks.requests(parts.tables.requests, rng.fork('tweak')) };
  // A row the tweak prints without its numbers (dropped-row): the text does not hold them.
  const absent = parts.tables.requests.rows.filter((row) => row.cells.every((c) => c === '') && row.values.some((v) => v !== null)).map((row) => row.path);
  const text = shape === 'cell-lines' ? cellLinesText(parts, rng, tweaks) : markdownText(parts, shape, rng, tweaks, absent);
  return { name: `g${seed.replace(/[^a-z0-9-]/gi, '-')}-${shape}`, shape, text, truth, absent };
}

export { MARKDOWN_SHAPES, type MarkdownShape } from './markdown';
export { ADVERSARIES, type Adversary, type ShapeTweaks } from './adversarial';
