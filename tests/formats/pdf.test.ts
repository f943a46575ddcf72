/**
 * The PDF reader: lines and ruled tables rebuilt from text positions (synthetic pages), and printed PDFs read back
 * (fixtures made by tests/formats/make-fixtures.ts): a table over two pages, wrapped row labels, a scan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/generator/compare';
import { PLAIN_HTML_STYLE } from '../../src/generator/render-html';
import { parseReport } from '../../src/pipeline/parse';
import { blocksToText } from '../../src/pipeline/read/formats/blocks';
import { pagesToText, readPdf } from '../../src/pipeline/read/formats/pdf';
import { extractPdf, extractPdfPages } from '../../src/pipeline/read/formats/pdf-extract';
import { pdfBlocks, type PdfPage, type PdfRule, type PdfTextItem } from '../../src/pipeline/read/formats/pdf-layout';
import { extractPdfJs } from '../../src/pipeline/read/formats/pdf-pdfjs';
import { repairRadicals } from '../../src/pipeline/read/formats/radicals';
import { seedCases } from './support/cases';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

/** A text item of size 10 whose baseline is `y` (points from the top). */
const text = (str: string, x: number, y: number, width = str.length * 10): PdfTextItem => ({ str, x, y, width, size: 10 });
const h = (y: number, x0: number, x1: number): PdfRule => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): PdfRule => ({ x0: x, y0, x1: x, y1 });
/** A full grid of rules: every row and column line drawn edge to edge. */
const grid = (xs: number[], ys: number[]): PdfRule[] => [
  ...ys.map((y) => h(y, xs[0], xs[xs.length - 1])),
  ...xs.map((x) => v(x, ys[0], ys[ys.length - 1])),
];
const page = (items: PdfTextItem[], rules: PdfRule[]): PdfPage => ({ width: 600, height: 800, items, rules });
const linesOf = (pages: PdfPage[]) => blocksToText(pdfBlocks(pages), { paragraphs: false }).split('\n').filter(Boolean);

describe('pdfBlocks', () => {
  it('keeps a number drawn as two text items one number and never merges two neighbouring cells', () => {
    // "4" ends 1 pt before a column line and "5" starts 1 pt after it: closer than the two halves of "12".
    const items = [text('规章', 110, 115), text('1', 210, 115, 5), text('2', 215.2, 115, 5), text('4', 394, 115, 5), text('5', 401, 115, 5)];
    expect(linesOf([page(items, grid([100, 200, 300, 400, 500], [100, 120]))])).toEqual(['规章\t12\t4\t5']);
  });

  it('reads a row label wrapped onto two lines as one row, its numbers centred between the lines', () => {
    const items = [
      text('（二）部分公开（区分处理的，只计这一', 105, 113, 180),
      text('情形，不计其他情形）', 105, 126, 100),
      text('0', 310, 120, 5),
      text('3', 410, 120, 5),
      text('（七）总计', 105, 150, 50),
      text('3', 310, 150, 5),
      text('3', 410, 150, 5),
    ];
    expect(linesOf([page(items, grid([100, 300, 400, 500], [100, 135, 160]))])).toEqual([
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t3',
      '（七）总计\t3\t3',
    ]);
  });

  it('reads a label merged over several rows (no rule between them) as one cell spanning them', () => {
    const xs = [100, 200, 300, 400];
    const rules = [h(100, 100, 400), h(120, 200, 400), h(140, 100, 400), ...xs.map((x) => v(x, 100, 140))];
    const items = [text('（三）不予公开', 105, 124, 70), text('1.属于国家秘密', 205, 114, 70), text('0', 310, 114, 5), text('2.重复申请', 205, 134, 50), text('1', 310, 134, 5)];
    expect(linesOf([page(items, rules)])).toEqual(['（三）不予公开', '\t1.属于国家秘密\t0', '\t2.重复申请\t1']);
  });

  it('drops page numbers and running heads, so a table continues on the next page', () => {
    const head = text('伊宁市人民政府文件', 250, 40, 90);
    const pages = [
      page([head, text('一、本年新收', 105, 715, 60), text('21', 310, 715, 10), text('— 1 —', 280, 780, 30)], grid([100, 300, 400], [700, 720])),
      page([head, text('四、结转下年度继续办理', 105, 95, 110), text('3', 310, 95, 5), text('— 2 —', 280, 780, 30)], grid([100, 300, 400], [80, 100])),
    ];
    expect(linesOf(pages)).toEqual(['一、本年新收\t21', '四、结转下年度继续办理\t3']);
  });

  it('splits a line without ruling lines into cells only at wide gaps', () => {
    expect(linesOf([page([text('规章', 100, 200), text('1', 200, 200, 5), text('2', 205.2, 200, 5), text('3', 260, 200, 5)], [])])).toEqual(['规章\t12\t3']);
  });
});

describe('readPdf', () => {
  const yining = () => seedCases(PLAIN_HTML_STYLE).find((s) => s.file.startsWith('004'))!;

  it('reads a table that runs over two pages, with its header repeated, as one table', async () => {
    const pages = await extractPdf(fixture('two-page-table.pdf'));
    const pageOf = (s: string) => pages.findIndex((p) => p.items.some((i) => i.str.includes(s)));
    expect(pageOf('结转下年度继续办理')).toBeGreaterThan(pageOf('本年新收政府信息公开申请数量'));
    const read = await readPdf(fixture('two-page-table.pdf'), 'two-page-table.pdf');
    expect(read).toMatchObject({ reader: 'pdf-positions', encoding: 'unicode', diagnostics: [] });
    expect(read.text).not.toMatch(/—\s*\d+\s*—/);
    const parsed = parseReport({ text: read.text!, file: 'two-page-table.pdf' });
    expect(compareTables(yining().truth, parsed)).toEqual([]);
    expect({ agency: parsed.agencyName, year: parsed.year }).toEqual({ agency: '伊宁市人民政府', year: 2024 });
    expect(parsed.requests.disclosed).toMatchObject({ natural: 13, legal: 6, total: 19 });
  });

  it('joins row labels wrapped inside their cells into one row each', async () => {
    const pages = await extractPdf(fixture('two-page-table.pdf'));
    const baselines = new Set(pages.flatMap((p) => p.items.filter((i) => /部分公开（|计其他情形/.test(i.str)).map((i) => Math.round(i.y))));
    expect(baselines.size).toBeGreaterThan(1);
    const lines = (await readPdf(fixture('two-page-table.pdf'), 'x.pdf')).text!.split('\n');
    expect(lines).toContain('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0');
    expect(lines).toContain('\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0');
  });

  it('rejects a scanned PDF without a text layer: no OCR', async () => {
    const read = await readPdf(fixture('scanned.pdf'), 'scan.pdf');
    expect(read.text).toBeNull();
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'pdf-no-text', file: 'scan.pdf' })]);
    expect(read.diagnostics[0].message).toMatch(/扫描.*OCR/);
  });

  it('rejects a damaged file with an error instead of throwing', async () => {
    const read = await readPdf(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), 'bad.pdf');
    expect(read.text).toBeNull();
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'pdf-unreadable', file: 'bad.pdf' })]);
  });
});

describe('PDFium beside pdf.js', () => {
  const near = (r: PdfRule, q: PdfRule) => Math.max(Math.abs(r.x0 - q.x0), Math.abs(r.y0 - q.y0), Math.abs(r.x1 - q.x1), Math.abs(r.y1 - q.y1)) <= 0.05;
  /** Rules of `rules` with no rule of `reference` in the same place (PDFium works in single precision: 0.05 pt). */
  const unmatched = (rules: PdfRule[], reference: PdfRule[]) => rules.filter((r) => !reference.some((q) => near(r, q)));

  it('reads the printed fixture with PDFium to the same page geometry and the same text as pdf.js', async () => {
    const { pages, engine } = await extractPdfPages(fixture('two-page-table.pdf'));
    const reference = await extractPdfJs(fixture('two-page-table.pdf'));
    expect(engine).toBe('pdfium');
    const size = (ps: PdfPage[]) => ps.map((p) => `${p.width.toFixed(2)}×${p.height.toFixed(2)}`);
    expect(size(pages)).toEqual(size(reference));
    // Ruling lines: the same segments in the same places.
    expect(pages.map((p) => p.rules.length)).toEqual(reference.map((p) => p.rules.length));
    expect(pages.flatMap((p, i) => [...unmatched(p.rules, reference[i].rules), ...unmatched(reference[i].rules, p.rules)])).toEqual([]);
    expect(pages.flatMap((p) => p.rules).length).toBeGreaterThan(100);
    // Text items: the same characters on the same baselines, and the reader's text identical.
    const lonely = (ps: PdfPage[], others: PdfPage[]) =>
      ps.flatMap((p, i) => p.items.filter((t) => !others[i].items.some((o) => Math.abs(o.y - t.y) <= 0.1 && o.str.includes(t.str.trim()[0]))));
    expect(lonely(pages, reference)).toEqual([]);
    expect(lonely(reference, pages)).toEqual([]);
    expect(pagesToText(pages)).toBe(pagesToText(reference));
  });
});

describe('the pdf.js fallback', () => {
  it('reads a file PDFium refuses (no %PDF header) with pdf.js, says so, and gets the same text', async () => {
    const bytes = new Uint8Array(fixture('two-page-table.pdf'));
    bytes.set(new TextEncoder().encode('%XXX-1.4'), 0);
    const extraction = await extractPdfPages(bytes);
    expect(extraction).toMatchObject({ engine: 'pdfjs', pdfiumError: expect.stringMatching(/PDFium/) });
    const read = await readPdf(bytes, 'headless.pdf');
    expect(read.reader).toBe('pdf-positions-pdfjs');
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'pdf-read-by-pdfjs', file: 'headless.pdf' })]);
    expect(read.text).toBe((await readPdf(fixture('two-page-table.pdf'), 'two-page-table.pdf')).text);
  });
});

describe('repairRadicals', () => {
  it('turns CJK radicals that PDF text maps to back into ideographs, the simplified form where the glyph says so', () => {
    expect(repairRadicals('⼈⺠政府 发展和改⾰局 ⻔⼾⽹站 ⻅⾯ 第⼀项')).toBe('人民政府 发展和改革局 门户网站 见面 第一项');
  });
});
