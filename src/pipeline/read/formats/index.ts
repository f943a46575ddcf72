/**
 * Readers for the formats agencies publish besides plain text: web pages, PDF and Word. Each turns the file into
 * text in a layout the parser already reads (tab-separated table rows, one paragraph or line per line), so every
 * format reaches the same canonical report.
 */
import path from 'node:path';
import { readDocx, rejectDoc } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import type { FormatReading } from './types';

export type { FormatReading } from './types';

/** Document formats by file extension; `.doc` is recognised only to say how to convert it. */
export const DOCUMENT_FORMATS = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx', '.doc': 'doc' } as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[keyof typeof DOCUMENT_FORMATS];

export function documentFormatOf(file: string): DocumentFormat | null {
  const ext = path.posix.extname(file).toLowerCase();
  return ext in DOCUMENT_FORMATS ? DOCUMENT_FORMATS[ext as keyof typeof DOCUMENT_FORMATS] : null;
}

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
