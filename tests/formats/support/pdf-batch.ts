/**
 * Prints many reports as one PDF and reads each back from its own pages: printing and font embedding are paid once
 * per batch, which keeps hundreds of PDF round trips within a test run. Each report starts on a new page with its
 * title; the pages between two titles are that report's. The text comes from the same functions `readPdf` uses.
 */
import { PRINT_FONTS, PLAIN_HTML_STYLE } from '../../../src/generator/render-html';
import { extractPdf } from '../../../src/pipeline/read/formats/pdf-extract';
import { pdfBlocks, type PdfPage } from '../../../src/pipeline/read/formats/pdf-layout';
import { pagesToText } from '../../../src/pipeline/read/formats/pdf';
import { repairRadicals } from '../../../src/pipeline/read/formats/radicals';
import type { FormatCase } from './cases';
import type { Printer } from './print';
import { batchHtml } from './render';

const compact = (s: string) => s.replace(/\s+/g, '');

function firstLine(page: PdfPage): string {
  const block = pdfBlocks([page]).find((b) => b.kind === 'text');
  return block && block.kind === 'text' ? compact(repairRadicals(block.text)) : '';
}

/** Each case's pages, found by its title at the top of the page where it starts. */
function splitByTitle(pages: PdfPage[], cases: FormatCase[]): PdfPage[][] {
  const starts: number[] = [];
  pages.forEach((page, p) => {
    const next = cases[starts.length];
    if (!next) return;
    const line = firstLine(page);
    if (line.length >= 2 && compact(next.parts.title.blockLines[0]).startsWith(line)) starts.push(p);
  });
  if (starts.length !== cases.length) throw new Error(`found ${starts.length} of ${cases.length} report starts in the printed batch`);
  return starts.map((s, i) => pages.slice(s, starts[i + 1] ?? pages.length));
}

export interface PrintedCase {
  c: FormatCase;
  text: string;
  pages: number;
}

export async function printAndRead(cases: FormatCase[], printer: Printer, batchSize = 50): Promise<PrintedCase[]> {
  const style = { ...PLAIN_HTML_STYLE, font: PRINT_FONTS.truetype };
  const batches = Array.from({ length: Math.ceil(cases.length / batchSize) }, (_, i) => cases.slice(i * batchSize, (i + 1) * batchSize));
  // Chromium prints the next batches while this process reads the first.
  const printed = batches.map((batch) => printer.pdf(batchHtml(batch, style)));
  const out: PrintedCase[] = [];
  for (const [i, batch] of batches.entries()) {
    const pages = await extractPdf(await printed[i]);
    splitByTitle(pages, batch).forEach((own, k) => out.push({ c: batch[k], text: pagesToText(own), pages: own.length }));
  }
  return out;
}
