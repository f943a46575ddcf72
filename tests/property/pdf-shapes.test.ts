/**
 * The parser on text extracted from printed PDFs: 1,000 generated reports printed by Chromium (print variants with
 * narrow group-label and header cells, repeated headers, page numbers inside tables), then read by poppler's
 * `pdftotext` (default, -layout, -raw), by pdf.js (text items in content order, one per line; and its words in lines by
 * position, as pdfplumber's `extract_text()` makes them) and by MuPDF's
 * `mutool draw -F txt` (one cell per line, a cell holding a space as a line of one space) and pdfminer.six's `pdf2txt`
 * (labels in a block, each row's numbers a line after them, in the order of its layout analysis; the first 200 reports
 * only, PDFMINER_REPORTS below) and pypdf's `page.extract_text()` (content order, a group label run into a row's label, a
 * label into its first number, pages joined by line breaks). Every cell of
 * tables A, B and C must be exact or null with a diagnostic: zero wrong, zero silent; the exact/null/wrong table of
 * each shape is printed. Each shape also shows, on its own text, the difficulty it is there for.
 *
 * Chromium comes from tests/support/chromium.ts (the system's or npm's); the poppler shapes need Debian's
 * poppler-utils, the mutool shape mupdf-tools, the pdfminer shape python3-pdfminer and the pypdf shape python3-pypdf; without them their tests are skipped with the reason in their
 * titles (tests/support/tools.ts).
 * Printed batches and their texts are cached under
 * .cache/shape-pdfs/ (keyed by the printed HTML), so a second run only parses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDefects, describeMetadata, describeUnnamed, describeUntranslated, measurePdfShapes, type ShapeMeasure } from '../../src/bench/shapes';
import { PDF_SHAPES, type PdfShape } from '../../src/generator/shapes';
import { addReport, emptyTally, formatTallies } from '../../src/generator/shapes/measure';
import { pdfCase, readPdfShapes, type PdfShaped } from '../../src/generator/shapes/pdf';
import { parseReport } from '../../src/pipeline/parse';
import { openPrinter, type Printer } from '../formats/support/print';
import { describeWithTool, mutool, pdfminer, pdftotext, pypdf, titleWithTools, type Tool } from '../support/tools';

const REPORTS = 1000;
/**
 * pdf2txt (pure Python) takes about 8 s of CPU for a batch of 50 printed reports, more than the other six readers
 * together: the pdfminer shape reads the first 200 reports here, so that CI stays under 20 minutes (a fresh-clone
 * `.ci/run` took 21 min with 1,000, 2026-12-04); `npm run measure-shapes` reads 1,000 of every shape.
 */
const PDFMINER_REPORTS = 200;
/**
 * pypdf (pure Python too) takes about 3 s a batch of 50: it reads the first 100 here (a fresh-clone `.ci/run` with 500
 * took 21 min 22 s, 2026-12-06), `npm run measure-shapes` 1,000 (0 wrong, 91.56 %; hunt51 92.00 %).
 */
const PYPDF_REPORTS = 100;
/** How many printed reports a shape is read on here. */
const reportsOf = (shape: PdfShape) => (shape === 'pdfminer' ? PDFMINER_REPORTS : shape === 'pypdf' ? PYPDF_REPORTS : REPORTS);
const POPPLER = !pdftotext.missing;
const MUTOOL = !mutool.missing;
const PDFMINER = !pdfminer.missing;
const PYPDF = !pypdf.missing;

/**
 * Shapes where the parser still gives wrong or silent cells: none since branch h13-wrong (1,000 reports each, every
 * canonical cell counted, a number in a cell the source does not print as wrong): pdftotext 12.56 % exact (the
 * in-order readings of numbers printed apart from a label block were guesses and are refused), -layout 96.30 %,
 * -raw 93.76 %, pdf.js 82.17 %, 0 wrong and 0 silent in each; since branch h13-exact (blank cells printed as
 * nothing: short rows placed by position, or by the cells every reading that holds the row's total agrees on)
 * -layout 96.54 %, -raw 94.16 %, pdf.js 85.49 %, still 0 wrong; and at main fc93e5d (labels cut into one pdf.js item
 * per piece joined, numbers cut at their thousands separator joined, table A labels over up to six lines) pdftotext
 * 12.59 %, -layout 96.54 %, -raw 94.50 %, pdf.js 93.34 %, 0 wrong. PARSER_VERSION 1.5.0 (branch h13-default): column
 * blocks read in the header's order only when the header cell above each block names it (poppler prints the 自然人
 * block third in pdfCase('shape-pdf', 264), where print order gave wrong cells the shape happened not to reach):
 * pdftotext 11.98 %, the other shapes unchanged, 0 wrong.
 */
const KNOWN_DEFECTS: Partial<Record<PdfShape, string>> = {};

/** The tool a shape needs: pdftotext for the poppler shapes, mutool for MuPDF's, pdf2txt for pdfminer's, pypdf for its own; pdf.js is an npm dependency. */
const SHAPE_TOOLS: Partial<Record<PdfShape, Tool>> = { mutool, pdfminer, pypdf };
const toolsOf = (shape: PdfShape): Tool[] => (shape.startsWith('pdftotext') ? [pdftotext] : SHAPE_TOOLS[shape] ? [SHAPE_TOOLS[shape]] : []);

let printer: Printer | null = null;
let measures: ShapeMeasure[] = [];
let sample: PdfShaped[] = [];

beforeAll(async () => {
  printer = await openPrinter();
  const print = (html: string) => printer!.pdf(html);
  measures = await measurePdfShapes(REPORTS, print, 'shape-pdf', { poppler: POPPLER, mutool: MUTOOL, pdfminer: PDFMINER, pdfminerCases: PDFMINER_REPORTS, pypdf: PYPDF, pypdfCases: PYPDF_REPORTS });
  // The same first reports again (from the cache): their texts for the difficulty checks.
  sample = await readPdfShapes(Array.from({ length: 100 }, (_, i) => pdfCase('shape-pdf', i)), print, { poppler: POPPLER, mutool: MUTOOL, pdfminer: PDFMINER, pdfminerCases: PDFMINER_REPORTS, pypdf: PYPDF, pypdfCases: PYPDF_REPORTS });
}, 3_600_000);

afterAll(async () => {
  await printer?.close();
  if (measures.length) console.log(`\nPDF extraction shapes, ${REPORTS} printed reports:\n${formatTallies(measures.map((m) => [m.shape, m.tally]))}\n`);
});

const share = (shape: PdfShape, test: (text: string) => boolean) => sample.filter((s) => test(s.texts[shape] ?? '')).length / sample.length;
const lines = (text: string) => text.split('\n').map((l) => l.trim());

describe.each(PDF_SHAPES.map((shape) => ({ shape })))('parseReport on the $shape shape', ({ shape }) => {
  const known = KNOWN_DEFECTS[shape];
  const missing = toolsOf(shape).some((t) => t.missing);
  const title = titleWithTools(`${reportsOf(shape)} printed reports: every cell of tables A, B and C is exact or null with a diagnostic (zero wrong, zero silent), every diagnostic said in Chinese, naming what it expected and what it found`, toolsOf(shape));
  (known && !missing ? it.fails : it.skipIf(missing))(known && !missing ? `${title} — FAILS today: ${known}` : title, () => {
    const m = measures.find((x) => x.shape === shape)!;
    expect(m.tally.reports).toBe(reportsOf(shape));
    expect(m.tally.wrong + m.tally.silent + m.tally.crashed, describeDefects(m)).toBe(0);
    expect(m.untranslated.count, describeUntranslated(m)).toBe(0);
    expect(m.unnamed.count, describeUnnamed(m)).toBe(0);
    expect(m.metadata.wrong, describeMetadata(m)).toBe(0);
  });
});

describeWithTool(pdftotext, 'pdftotext -layout printing a row’s words out of their columns’ order', () => {
  // Beyond the 1,000 reports above, 3 of the next 1,000 get wrong cells in -layout (24 cells, 2026-12-03): poppler
  // prints the numbers of the first two applicant columns in each other's places (462 under 自然人 printed after 93 under
  // 商业企业, at consistent positions, every rule still holding), which neither the order nor the positions of the text
  // can show. Printed alone, two of them still do.
  it.fails('pdfCase(shape-pdf, 1228) and (1199) read by pdftotext -layout: zero wrong cells — FAILS today: 16 and 6 wrong', async () => {
    const cases = [1228, 1199].map((i) => pdfCase('shape-pdf', i));
    const read = await readPdfShapes(cases, (html) => printer!.pdf(html), { poppler: true });
    const m = read.map((r) => {
      const parsed = parseReport({ text: r.texts['pdftotext-layout']!, file: 'a.txt' });
      return addReport(emptyTally(), r.c.truth, parsed, parsed.diagnostics, []).filter((v) => v.verdict === 'wrong').length;
    });
    expect(m).toEqual([0, 0]);
  });
});

describeWithTool(pdftotext, 'the poppler shapes reproduce the real difficulties', () => {
  it('pdftotext: one cell per line, group labels one or two characters per line, header words split, footers inside tables', () => {
    expect(share('pdftotext', (t) => lines(t).some((l) => /^(三、|本年|度办|理结|果)$/.test(l)))).toBeGreaterThan(0.3);
    expect(share('pdftotext', (t) => lines(t).some((l) => /^(商业|商业企|科研)( |$)/.test(l)))).toBeGreaterThan(0.3);
    // A page number between table B's first and last row labels (a table over a page break: about a quarter of the reports).
    expect(share('pdftotext', (t) => /^—\s*\d+\s*—$/m.test(t.slice(t.indexOf('一、本年新收'), t.indexOf('四、结转下年度'))))).toBeGreaterThan(0.15);
    // Labels and numbers on separate lines: the first row's label stands alone on its line.
    expect(share('pdftotext', (t) => lines(t).includes('一、本年新收政府信息公开申请数量'))).toBeGreaterThan(0.5);
  });

  it('pdftotext -layout keeps a row on one line; -raw follows the content stream', () => {
    expect(share('pdftotext-layout', (t) => /一、本年新收政府信息公开申请数量\s+[\d０-９,—\-/无]+(\s+[\d０-９,—\-/无]+){3,}/.test(t))).toBeGreaterThan(0.5);
    expect(share('pdftotext-raw', (t) => t.includes('一、本年新收政府信息公开申请数量'))).toBeGreaterThan(0.9);
  });
});

describeWithTool(mutool, 'the mutool shape reproduces its difficulty', () => {
  it('mutool: one cell per line, a block per table cell, a cell holding a space as a line of one space', () => {
    const tableB = (t: string) => t.slice(t.indexOf('一、本年新收'), t.indexOf('四、结转下年度'));
    expect(share('mutool', (t) => lines(t).includes('一、本年新收政府信息公开申请数量'))).toBeGreaterThan(0.9);
    // Word-style cells (`&nbsp;` in an empty cell) are one HTML style of several: 3 of these 100 reports (2026-12-03).
    expect(share('mutool', (t) => /\n \n/.test(tableB(t)))).toBeGreaterThanOrEqual(0.02);
  });
});

describeWithTool(pdfminer, 'the pdfminer shape reproduces its difficulty', () => {
  it('pdfminer: a table’s labels in one block, each row’s numbers a line of their own after them', () => {
    expect(share('pdfminer', (t) => /1\.属于国家秘密\s*\n\s*2\.其他法律/.test(t))).toBeGreaterThan(0.9);
    expect(share('pdfminer', (t) => lines(t).includes('一、本年新收政府信息公开申请数量'))).toBeGreaterThan(0.5);
    // A whole row's numbers as one line of their own, apart from the label block (pdfCase('hunt9-pdf', 138)): 4 of
    // these 100 reports (2026-12-03); most rows' numbers come in boxes of a few cells.
    expect(share('pdfminer', (t) => /^[\d０-９,—\-/无]+( [\d０-９,—\-/无]+){6}$/m.test(t))).toBeGreaterThanOrEqual(0.02);
  });
});

describeWithTool(pypdf, 'the pypdf shape reproduces its difficulty', () => {
  it('pypdf: a page’s footer before its first line, a group label run into a row’s label, cells and labels run into numbers', () => {
    expect(share('pypdf', (t) => /^[—-] ?\d+ ?[—-]\S/m.test(t))).toBeGreaterThan(0.9);
    expect(share('pypdf', (t) => /果[（(]一[）)] ?予以公开/.test(t))).toBeGreaterThan(0.5);
    // A row's first number run into its label past a closing bracket ("…其他情形）1 0 0 …").
    expect(share('pypdf', (t) => /情形[）)][\d０-９]/.test(t))).toBeGreaterThan(0.2);
    // A title set with letter spacing comes out a character at a time.
    expect(share('pypdf', (t) => /政 府 信 息 公 开/.test(t))).toBeGreaterThan(0.3);
  });
});

describe('words in lines by position (pdfplumber’s extract_text)', () => {
  it('pdf-lines: a row’s label and numbers on one line, a wrapped label’s numbers between its lines, group labels beside rows', () => {
    expect(share('pdf-lines', (t) => /^一、本年新收政府信息公开申请数量( [\d０-９,—\-/无]+){4,}$/m.test(t))).toBeGreaterThan(0.5);
    expect(share('pdf-lines', (t) => /\n[\d ]+\n情形）/.test(t))).toBeGreaterThan(0.05);
    expect(share('pdf-lines', (t) => /^(本年|度办|理结) /m.test(t))).toBeGreaterThan(0.2);
  });
});

describe('pdf.js text items', () => {
  it('are one item per line, a row label apart from its numbers', () => {
    expect(share('pdfjs-items', (t) => lines(t).some((l) => /^一、本年新收政府信息公开申请数量$/.test(l)))).toBeGreaterThan(0.5);
    expect(share('pdfjs-items', (t) => !lines(t).some((l) => /^\d+\s+\d+$/.test(l)))).toBeGreaterThan(0.9);
  });
});
