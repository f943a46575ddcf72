/**
 * PDF shapes: generated reports printed to PDF (the HTML renderer, printed by Chromium in batches, each report from a
 * new page) and turned into text by the tools people use:
 * - `pdftotext` (poppler, default mode): one cell per line in reading order, column blocks, vertical labels;
 * - `pdftotext-layout`: columns kept by spaces, labels wrapped inside their column;
 * - `pdftotext-raw`: content-stream order;
 * - `pdfjs-items`: pdf.js text items in content order, one item per line;
 * - `pdf-lines`: the page's words in lines by position, as pdfplumber's `extract_text()` makes them (words whose tops
 *   lie within 3 pt form one line, left to right, a space where two words stand more than 3 pt apart): a table row on
 *   one line when its cells are aligned, a number cell centred in a tall row on a line of its own or of a label's;
 * - `mutool`: MuPDF's `mutool draw -F txt` (the text PyMuPDF's `page.get_text()` gives too): one cell per line in row
 *   order, a blank line after each table cell's block, and a cell that holds only a space (Word's `&nbsp;` in an empty
 *   cell) as a line of one space;
 * - `pdfminer`: pdfminer.six's `pdf2txt` (its `extract_text()`): text boxes in its layout analysis's order;
 * - `pypdf`: pypdf's `page.extract_text()` (what LangChain's PyPDFLoader and many Python pipelines hand on): content
 *   order, a line break where the text moves to another line, a group label's last character run into the first row's
 *   label ("果(一) 予以公开"), a label run into its first number ("数量１２ ４"), spaces put between words it judges apart.
 * Print variants reproduce what makes real PDFs hard: narrow group-label columns (三、本年度办理结果 one or two
 * characters per line), narrow header cells (商业企 / 业), table B's header repeated on every page, page numbers
 * ("— 3 —") printed inside tables that run over a page break, and several cell font sizes.
 *
 * Printed batches are cached under `.cache/shape-pdfs/` keyed by the SHA-256 of the printed HTML, which the seeds and
 * the generator's code determine: a re-run with the same generator prints nothing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pdfBlocks, type PdfPage } from '../../pipeline/read/formats/pdf-layout';
import { repairRadicals } from '../../pipeline/read/formats/radicals';
import type { AgencyTruth } from '../agency';
import type { DocumentParts } from '../document';
import { articleHtml, pickHtmlStyle, printCss, PLAIN_HTML_STYLE, PRINT_FONTS, withTableLayout, type HtmlStyle } from '../render-html';
import { rngFor, type Rng } from '../rng';
import { generateTruth } from '../truth';
import type { Truth } from '../types';
import { shapeParts, shapeTruthOptions, type PdfShape } from './index';
import { pdfTextPages } from './pdf-items';
import { canRun, writeWhole } from './tools';

const DEFAULT_CACHE_DIR = path.resolve('.cache/shape-pdfs');
/** Bumped when the way a batch is printed changes without the HTML changing. */
const CACHE_VERSION = 'v1';

const run = promisify(execFile);

export interface PrintVariant {
  /** Outer and group label cells one or two characters wide: their text comes out vertically, between the rows. */
  narrowGroups: boolean;
  /** Applicant header cells narrow enough to split words (商业企 / 业). */
  narrowHeader: boolean;
  /** Cell font size in px. */
  cellFontPx: 11 | 12 | 13 | 14;
}

export interface PdfCase {
  name: string;
  truth: Truth;
  parts: DocumentParts;
  style: HtmlStyle;
  variant: PrintVariant;
}

function pickVariant(rng: Rng): PrintVariant {
  return { narrowGroups: rng.chance(0.6), narrowHeader: rng.chance(0.6), cellFontPx: rng.pick([11, 12, 13, 14] as const) };
}

/**
 * Report `i` of a printed run named `prefix` (seed `${prefix}-${i}`); every tenth breaks a rule. `agency` replaces the
 * agency its seed draws (src/generator/distinct.ts). With `tableLayouts` its tables are laid out in one of the web
 * pages' TABLE_LAYOUTS (vertical headers, row-group cells, wrapped labels, padded cells; with borders or without, as
 * `pdf-layouts.test.ts` prints them for the pipeline's own reader) instead of the official grid: `npm run
 * measure-shapes -- --table-layouts`.
 */
export function pdfCase(prefix: string, i: number, agency?: AgencyTruth, options: { tableLayouts?: boolean } = {}): PdfCase {
  const seed = `${prefix}-${i}`;
  const truth = generateTruth(seed, { ...shapeTruthOptions(i), agency });
  const rng = rngFor(seed, 'pdf-shape');
  const picked = { ...pickHtmlStyle(rng.fork('style')), chrome: false, font: PRINT_FONTS.truetype };
  const style = options.tableLayouts ? withTableLayout(picked, rng.fork('table-layout')) : picked;
  return { name: `g${seed.replace(/[^a-z0-9-]/gi, '-')}-pdf`, truth, parts: shapeParts(truth, rng, true), style, variant: pickVariant(rng.fork('variant')) };
}

const VARIANT_CSS = `
section.narrow-groups table.report-table td[rowspan] { width: 1.1em; }
section.narrow-header table.report-table th { width: 2.2em; }
${[11, 12, 13, 14].map((px) => `section.fs-${px} table.report-table { font-size: ${px}px; }`).join('\n')}
`;

/** Many reports in one printed document, each starting on a new page, each with its print variant. */
export function batchHtml(cases: PdfCase[]): string {
  const base = { ...PLAIN_HTML_STYLE, font: PRINT_FONTS.truetype };
  const sections = cases.map((c) => {
    const classes = ['report', `fs-${c.variant.cellFontPx}`, c.variant.narrowGroups ? 'narrow-groups' : '', c.variant.narrowHeader ? 'narrow-header' : ''].filter(Boolean);
    return `<section class="${classes.join(' ')}">${articleHtml(c.parts, c.style).join('\n')}</section>`;
  });
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>${printCss(base)} section.report { break-before: page; }${VARIANT_CSS}</style></head>\n<body>\n${sections.join('\n')}\n</body></html>\n`;
}

/** Whether poppler's pdftotext can be run (Debian poppler-utils; CI installs it, a developer machine may not). */
export function hasPdftotext(): boolean {
  return canRun('pdftotext', '-v');
}

export const POPPLER_MODES: Record<Exclude<PdfShape, 'pdfjs-items' | 'pdf-lines' | 'mutool' | 'pdfminer' | 'pypdf'>, string[]> = { pdftotext: [], 'pdftotext-layout': ['-layout'], 'pdftotext-raw': ['-raw'] };

/** Whether MuPDF's mutool can be run (Debian mupdf-tools; CI installs it, a developer machine may not). */
export function hasMutool(): boolean {
  return canRun('mutool', '-v');
}

/** Whether pdfminer.six's pdf2txt can be run (Debian python3-pdfminer; CI installs it, a developer machine may not). */
export function hasPdfminer(): boolean {
  return canRun('pdf2txt', '--version');
}

/**
 * The Python that has pypdf (Debian python3-pypdf installs it for the system's /usr/bin/python3; a python3 earlier on
 * PATH, pyenv's for one, may lack it), or null.
 */
export const pypdfPython: () => string | null = (() => {
  let found: string | null | undefined;
  return () => (found ??= ['/usr/bin/python3', 'python3'].find((python) => spawnSync(python, ['-c', 'import pypdf']).status === 0) ?? null);
})();

/** Whether pypdf can be run (Debian python3-pypdf; CI installs it, a developer machine may not). */
export function hasPypdf(): boolean {
  return pypdfPython() !== null;
}

const compact = (s: string) => s.replace(/\s+/g, '');

function firstLine(page: PdfPage): string {
  const block = pdfBlocks([page]).find((b) => b.kind === 'text');
  return block && block.kind === 'text' ? compact(repairRadicals(block.text)) : '';
}

/** The first page of each case, found by its title at the top of the page. */
function reportStarts(pages: PdfPage[], cases: PdfCase[]): number[] {
  const starts: number[] = [];
  pages.forEach((page, p) => {
    const next = cases[starts.length];
    if (!next) return;
    const line = firstLine(page);
    if (line.length >= 2 && compact(next.parts.title.blockLines[0]).startsWith(line)) starts.push(p);
  });
  if (starts.length !== cases.length) throw new Error(`found ${starts.length} of ${cases.length} report starts in the printed batch`);
  return starts;
}

export interface PdfShaped {
  c: PdfCase;
  pages: number;
  /** The report's text in each shape (poppler shapes only when pdftotext is installed, mutool's when mutool is). */
  texts: Partial<Record<PdfShape, string>>;
}

export interface PdfShapeOptions {
  batchSize?: number;
  /** Folder for printed batches and their texts; null: nothing kept. */
  cacheDir?: string | null;
  /** Read the poppler shapes too (default: when pdftotext is installed). */
  poppler?: boolean;
  /** Read the mutool shape too (default: when mutool is installed). */
  mutool?: boolean;
  /** Read the pdfminer shape too (default: when pdf2txt is installed). */
  pdfminer?: boolean;
  /** Read the pdfminer shape for the batches of the first this many cases only (pdf2txt, pure Python, is slow). */
  pdfminerCases?: number;
  /** Read the pypdf shape too (default: when pypdf is installed). */
  pypdf?: boolean;
  /** Read the pypdf shape for the batches of the first this many cases only (pure Python: about 3 s a batch of 50). */
  pypdfCases?: number;
}

/** The text tools a run reads the printed batches with, besides pdf.js. */
interface Tools {
  poppler: boolean;
  mutool: boolean;
  pdfminer: boolean;
  pypdf: boolean;
}

/** What one printed batch reads as: each report's first page, and every page's text in each shape. */
interface BatchText {
  pages: number;
  starts: number[];
  texts: Partial<Record<PdfShape, string[]>>;
}

/** pdftotext's text of each page (it ends every page with a form feed). */
export async function popplerPages(file: string, args: string[]): Promise<string[]> {
  const { stdout } = await run('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const pages = stdout.split('\f');
  pages.pop();
  return pages;
}

/** mutool's text of each page (it ends every page with a form feed and a line break). */
export async function mutoolPages(file: string): Promise<string[]> {
  const { stdout } = await run('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const pages = stdout.split('\f\n');
  pages.pop();
  return pages;
}

/** pdf2txt's text of each page (it ends every page with a form feed). */
export async function pdfminerPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdf2txt', [file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const pages = stdout.split('\f');
  pages.pop();
  return pages;
}

/** Prints each file's pages, each page's `extract_text()` followed by a form feed, each file followed by FILE_END. */
const PYPDF_SCRIPT = "import sys\nfrom pypdf import PdfReader\nfor name in sys.argv[1:]:\n    for page in PdfReader(name).pages:\n        sys.stdout.write(page.extract_text() + '\\f')\n    sys.stdout.write('\\x1e')\n";
const FILE_END = '\x1e';

/**
 * pypdf's text of each page of each file (`page.extract_text()`), one Python process for them all: starting Python
 * and importing pypdf costs more than reading a report's few pages.
 */
export async function pypdfFiles(files: string[]): Promise<string[][]> {
  const python = pypdfPython();
  if (!python) throw new Error('pypdf is not installed (Debian python3-pypdf)');
  const { stdout } = await run(python, ['-c', PYPDF_SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  const out = stdout.split(FILE_END);
  out.pop();
  return out.map((text) => {
    const pages = text.split('\f');
    pages.pop();
    return pages;
  });
}

/** pypdf's text of each page of one file. */
export async function pypdfPages(file: string): Promise<string[]> {
  return (await pypdfFiles([file]))[0];
}

/** pdfplumber's tolerances (`extract_text`'s defaults x_tolerance = y_tolerance = 3, in points). */
const LINE_TOLERANCE = 3;

/**
 * A page's text as pdfplumber's `extract_text()` gives it: words (pdf.js items, cut at their spaces) clustered into
 * lines by their tops (a word joins the line while its top is within 3 pt of the previous word's, in top order), each
 * line left to right, words more than 3 pt apart joined with a space.
 */
export function positionLines(page: PdfPage): string {
  const words = page.items.flatMap((item) => {
    const top = item.y - item.size;
    const per = item.str.length ? item.width / item.str.length : 0;
    const out: { top: number; x0: number; x1: number; text: string }[] = [];
    for (const m of item.str.matchAll(/\S+/g)) out.push({ top, x0: item.x + m.index * per, x1: item.x + (m.index + m[0].length) * per, text: m[0] });
    return out;
  });
  words.sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: (typeof words)[] = [];
  let last = -Infinity;
  for (const w of words) {
    if (w.top > last + LINE_TOLERANCE) lines.push([]);
    lines[lines.length - 1].push(w);
    last = w.top;
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x0 - b.x0);
      return line.map((w, k) => (k && w.x0 - line[k - 1].x1 > LINE_TOLERANCE ? ` ${w.text}` : w.text)).join('');
    })
    .join('\n');
}

/** The tools' shapes of a batch, each read from its PDF: pdftotext once per mode, mutool, pdf2txt, pypdf. */
function toolModes(file: string, tools: Tools): [PdfShape, () => Promise<string[]>][] {
  return [
    ...(tools.poppler ? (Object.entries(POPPLER_MODES) as [PdfShape, string[]][]).map(([shape, args]): [PdfShape, () => Promise<string[]>] => [shape, () => popplerPages(file, args)]) : []),
    ...(tools.mutool ? [['mutool', () => mutoolPages(file)] as [PdfShape, () => Promise<string[]>]] : []),
    ...(tools.pdfminer ? [['pdfminer', () => pdfminerPages(file)] as [PdfShape, () => Promise<string[]>]] : []),
    ...(tools.pypdf ? [['pypdf', () => pypdfPages(file)] as [PdfShape, () => Promise<string[]>]] : []),
  ];
}

/**
 * Reads one printed batch: pdf.js once (page items, report starts) and every tool, all at once; with `known` (the
 * batch read before by fewer tools), only the shapes it lacks.
 */
async function readBatch(file: string, batch: PdfCase[], tools: Tools, known: BatchText | null = null): Promise<BatchText> {
  const modes = toolModes(file, tools).filter(([shape]) => !known?.texts[shape]);
  const [pages, ...toolTexts] = await Promise.all([known ? null : pdfTextPages(readFileSync(file)), ...modes.map(([, read]) => read())]);
  const texts: BatchText['texts'] = pages ? { 'pdfjs-items': pages.map((p) => p.items.map((item) => item.str).join('\n')), 'pdf-lines': pages.map(positionLines) } : { ...known!.texts };
  const count = pages?.length ?? known!.pages;
  modes.forEach(([shape], k) => {
    if (toolTexts[k].length !== count) throw new Error(`${shape}: ${toolTexts[k].length} pages, pdf.js read ${count}`);
    texts[shape] = toolTexts[k];
  });
  return { pages: count, starts: pages ? reportStarts(pages, batch) : known!.starts, texts };
}

/** Where a batch's PDF and texts are cached: by its printed HTML. */
function batchFiles(html: string, cacheDir: string): { json: string; pdf: string } {
  const key = createHash('sha256').update(CACHE_VERSION).update(html).digest('hex').slice(0, 32);
  return { json: path.join(cacheDir, `${key}.json`), pdf: path.join(cacheDir, `${key}.pdf`) };
}

/** A batch's texts from the cache, when the same HTML was printed and read before (by these tools or fewer). */
function cachedText(json: string): BatchText | null {
  return existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as BatchText) : null;
}

/** Whether a cached batch holds every shape `tools` read. */
function complete(cached: BatchText, tools: Tools): boolean {
  return toolModes('', tools).every(([shape]) => cached.texts[shape]) && !!cached.texts['pdf-lines'];
}

/**
 * Every batch's texts, one batch read at a time while Chromium prints the next: reading (pdfminer about 8 s a batch
 * of 50, pdf.js 4 s, the others under 1 s) is slower than printing (5 s), and reading each batch as soon as it was
 * printed piled up a dozen pdf2txt processes by the end of 1,000 reports, starving the tests beside it.
 */
async function batchTexts(htmls: string[], batches: PdfCase[][], print: (html: string) => Promise<Buffer>, tools: (b: number) => Tools, cacheDir: string): Promise<BatchText[]> {
  const files = htmls.map((html) => batchFiles(html, cacheDir));
  const cached = files.map(({ json }, b) => {
    const known = cachedText(json);
    return known && complete(known, tools(b)) ? known : null;
  });
  const printed: (Promise<void> | undefined)[] = [];
  const startPrinting = (b: number) => {
    if (b >= batches.length || printed[b] || cached[b] || existsSync(files[b].pdf)) return;
    // After the batch before: Chromium prints one batch at a time.
    printed[b] = (printed[b - 1] ?? Promise.resolve()).catch(() => undefined).then(async () => writeWhole(files[b].pdf, await print(htmls[b])));
    // A failed print is thrown where the loop waits for it; one printed ahead of a failure is never waited for.
    printed[b].catch(() => undefined);
  };
  const out: BatchText[] = [];
  for (const [b, batch] of batches.entries()) {
    startPrinting(b);
    startPrinting(b + 1);
    await printed[b];
    let read = cached[b];
    if (!read) {
      // A batch printed before and read by fewer tools: only the shapes it lacks are read (its PDF is cached beside it).
      const known = existsSync(files[b].pdf) ? cachedText(files[b].json) : null;
      read = await readBatch(files[b].pdf, batch, tools(b), known);
      writeWhole(files[b].json, JSON.stringify(read));
    }
    out.push(read);
  }
  return out;
}

/** Prints the cases in batches and reads every report back in every PDF shape. */
export async function readPdfShapes(cases: PdfCase[], print: (html: string) => Promise<Buffer>, options: PdfShapeOptions = {}): Promise<PdfShaped[]> {
  const batchSize = options.batchSize ?? 50;
  const temporary = options.cacheDir === null ? mkdtempSync(path.join(tmpdir(), 'shape-pdfs-')) : null;
  const cacheDir = temporary ?? options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const tools: Tools = { poppler: options.poppler ?? hasPdftotext(), mutool: options.mutool ?? hasMutool(), pdfminer: options.pdfminer ?? hasPdfminer(), pypdf: options.pypdf ?? hasPypdf() };
  const batches = Array.from({ length: Math.ceil(cases.length / batchSize) }, (_, i) => cases.slice(i * batchSize, (i + 1) * batchSize));
  try {
    const miner = (b: number) => tools.pdfminer && b * batchSize < (options.pdfminerCases ?? Infinity);
    const pypdf = (b: number) => tools.pypdf && b * batchSize < (options.pypdfCases ?? Infinity);
    const read = await batchTexts(batches.map(batchHtml), batches, print, (b) => ({ ...tools, pdfminer: miner(b), pypdf: pypdf(b) }), cacheDir);
    return batches.flatMap((batch, b) => {
      const { pages, starts, texts } = read[b];
      return batch.map((c, k) => {
        const [from, to] = [starts[k], starts[k + 1] ?? pages];
        // pdftotext ends every page with a form feed, as its real output does; pdf.js items are lines; pypdf's pages
        // are strings that a Python script joins with a line break (LangChain's loaders, most scripts).
        const own = Object.fromEntries(
          Object.entries(texts).flatMap(([shape, pageTexts]) => {
            if ((shape === 'pdfminer' && !miner(b)) || (shape === 'pypdf' && !pypdf(b))) return [];
            const pages = pageTexts.slice(from, to);
            return [[shape, shape === 'pdfjs-items' || shape === 'pdf-lines' || shape === 'pypdf' ? pages.join('\n') : pages.map((p) => `${p}\f`).join('')]];
          }),
        );
        return { c, pages: to - from, texts: own };
      });
    });
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
