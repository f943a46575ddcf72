/**
 * The five seed reports as an agency would also publish them: a saved web page (UTF-8 and GBK), a Word document and
 * a PDF printed by Chromium in Noto CJK (whose text maps some ideographs to CJK radicals). Each must read to exactly
 * the numbers of its text file — every cell of tables A, B and C — and the same agency and year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTables } from '../../src/generator/compare';
import { PLAIN_HTML_STYLE, PRINT_FONTS } from '../../src/generator/render-html';
import { parseReport } from '../../src/pipeline/parse';
import { readDocument, type FormatReading } from '../../src/pipeline/read/formats';
import { extractPdf } from '../../src/pipeline/read/formats/pdf-extract';
import { extractPdfJs } from '../../src/pipeline/read/formats/pdf-pdfjs';
import { repairRadicals } from '../../src/pipeline/read/formats/radicals';
import { seedCases, type SeedCase } from './support/cases';
import { openPrinter, type Printer } from './support/print';
import { docxBytes, htmlBytes, pdfBytes } from './support/render';

const seeds = seedCases(PLAIN_HTML_STYLE);

function sameAsText(seed: SeedCase, read: FormatReading) {
  expect(read.text, JSON.stringify(read.diagnostics)).not.toBeNull();
  const parsed = parseReport({ text: read.text!, file: seed.file });
  expect(compareTables(seed.truth, parsed)).toEqual([]);
  expect({ agency: parsed.agencyName, year: parsed.year }).toEqual({ agency: seed.parsed.agencyName, year: seed.parsed.year });
}

describe.each(seeds.map((s, i) => ({ ...s, i })))('seed $file', (seed) => {
  it('as a web page with site chrome reads to the numbers of its text file', async () => {
    const gbk = seed.i % 2 === 1;
    const style = { ...PLAIN_HTML_STYLE, chrome: true, charset: gbk ? 'gbk' : 'utf-8', charsetMeta: gbk ? ('http-equiv' as const) : ('charset' as const), wordCells: gbk };
    sameAsText(seed, await readDocument('html', htmlBytes({ ...seed, style }), `${seed.file}.html`));
  });

  it('as a Word document reads to the numbers of its text file', async () => {
    sameAsText(seed, await readDocument('docx', await docxBytes(seed), `${seed.file}.docx`));
  });
});

describe('the seeds printed to PDF in Noto CJK', () => {
  let printer: Printer;
  const pdfs: Buffer[] = [];
  beforeAll(async () => {
    printer = await openPrinter();
    for (const seed of seeds) pdfs.push(await pdfBytes(seed, printer, { font: PRINT_FONTS.noto, repeatHeader: true }));
  });
  afterAll(() => printer?.close());

  it.each(seeds.map((s, i) => ({ file: s.file, i })))('$file reads to the numbers of its text file', async ({ i }) => {
    sameAsText(seeds[i], await readDocument('pdf', pdfs[i], `${seeds[i].file}.pdf`));
  });

  it('repairs the CJK radicals that Chromium writes for Noto CJK ideographs', async () => {
    const itemText = (pages: Awaited<ReturnType<typeof extractPdf>>) => pages.flatMap((p) => p.items.map((i) => i.str)).join('');
    // pdf.js (the fallback) reads the radicals of the font's Unicode map; PDFium folds them to ideographs itself.
    const viaPdfJs = itemText(await extractPdfJs(pdfs[0]));
    expect(viaPdfJs).toMatch(/[\u2e80-\u2fdf]/);
    expect(repairRadicals(viaPdfJs)).not.toMatch(/[\u2e80-\u2fdf]/);
    // The same characters either way (items differ in order and spaces): PDFium's are the repaired ones.
    const chars = (text: string) => [...text.replace(/\s+/g, '')].sort().join('');
    expect(chars(itemText(await extractPdf(pdfs[0])))).toBe(chars(repairRadicals(viaPdfJs)));
    const read = await readDocument('pdf', pdfs[0], 'seed.pdf');
    expect(read.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(read.text).toContain('人民政府');
  });
});
