/**
 * Readers for the formats agencies publish besides plain text: web pages, PDF and Word. Each turns the file into
 * text in a layout the parser already reads (tab-separated table rows, one paragraph or line per line), so every
 * format reaches the same canonical report.
 */
import { readDocx, rejectDoc } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import type { DocumentFormat } from './kinds';
import type { FormatReading } from './types';

export { DOCUMENT_FORMATS, documentFormatOf, type DocumentFormat } from './kinds';
export type { FormatReading } from './types';

export async function readDocument(format: DocumentFormat, bytes: Uint8Array, file: string): Promise<FormatReading> {
  switch (format) {
    case 'html':
      return readHtml(bytes, file);
    case 'pdf':
      return readPdf(bytes, file);
    case 'docx':
      return readDocx(bytes, file);
    case 'doc':
      return rejectDoc(file);
  }
}
