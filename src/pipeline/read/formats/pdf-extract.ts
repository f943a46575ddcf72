/**
 * PDF bytes → page geometry (text items with positions, ruling lines; pdf-layout.ts's `PdfPage`). PDFium reads every
 * file it can open (pdf-pdfium.ts); a file it cannot open, unless for want of a password, gets a second try with
 * pdf.js (pdf-pdfjs.ts), and the reading says which library made it.
 */
import { PdfReadError } from './pdf-errors';
import type { PdfPage } from './pdf-layout';
import { extractPdfium, PdfiumOpenFailure } from './pdf-pdfium';
import { extractPdfJs } from './pdf-pdfjs';

export { PdfReadError, type PdfOpenError } from './pdf-errors';

export type PdfEngine = 'pdfium' | 'pdfjs';

export interface PdfExtraction {
  pages: PdfPage[];
  engine: PdfEngine;
  /** Why PDFium did not read the file, when pdf.js did. */
  pdfiumError?: string;
}

/** Every page's text and rules, and which library read them. Throws PdfReadError for a file neither can open. */
export async function extractPdfPages(bytes: Uint8Array): Promise<PdfExtraction> {
  try {
    return { pages: await extractPdfium(bytes), engine: 'pdfium' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PdfiumOpenFailure && error.reason === 'encrypted') throw new PdfReadError('encrypted', message);
    return { pages: await extractPdfJs(bytes), engine: 'pdfjs', pdfiumError: message };
  }
}

/** Every page's text and rules. Throws PdfReadError for a file that cannot be opened. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  return (await extractPdfPages(bytes)).pages;
}
