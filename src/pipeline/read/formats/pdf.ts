/** `.pdf`: text with positions → lines and ruled tables → parser text. A scan without a text layer is rejected. */
import type { Diagnostic, DiagnosticCode } from '../../../schema';
import { diagnostic } from '../../diagnostic';
import { isPageNoise } from '../../text';
import { blocksToText } from './blocks';
import { extractPdf, PdfReadError } from './pdf-extract';
import { pdfBlocks, type PdfPage } from './pdf-layout';
import { repairRadicals } from './radicals';
import type { FormatReading } from './types';

const PDF_READER = 'pdf-positions';
/** PDF text comes from the fonts' Unicode maps, not from a byte encoding. */
const PDF_ENCODING = 'unicode';
/** Fewer characters than this outside page numbers and the file is taken for a scan. */
const MIN_TEXT_CHARS = 20;

function textChars(pages: PdfPage[]): number {
  return pages.flatMap((p) => p.items).filter((i) => !isPageNoise(i.str)).reduce((n, i) => n + i.str.replace(/\s+/g, '').length, 0);
}

function failure(file: string, code: DiagnosticCode, expected: string, found: string, message: string): FormatReading {
  return { text: null, encoding: null, reader: PDF_READER, diagnostics: [diagnostic({ severity: 'error', code, file, expected, found, message })] };
}

/** Page geometry → the text the parser reads, and what the reader noticed on the way (see pdf-columns.ts). */
function readPages(pages: PdfPage[], file: string): { text: string; diagnostics: Diagnostic[] } {
  const sink = { file, diagnostics: [] as Diagnostic[] };
  return { text: repairRadicals(blocksToText(pdfBlocks(pages, sink), { paragraphs: false })), diagnostics: sink.diagnostics };
}

/** Page geometry → the text the parser reads. */
export function pagesToText(pages: PdfPage[]): string {
  return readPages(pages, '').text;
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<FormatReading> {
  let pages: PdfPage[];
  try {
    pages = await extractPdf(bytes);
  } catch (error) {
    const found = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof PdfReadError && error.reason === 'encrypted')
      return failure(file, 'pdf-encrypted', '未加密的 PDF', `需要密码：${found}`, 'PDF 文件已加密，需要密码才能打开，无法读取');
    return failure(file, 'pdf-unreadable', '可以打开的 PDF 文件', found, 'PDF 文件已损坏或不是 PDF，无法读取');
  }
  if (textChars(pages) < MIN_TEXT_CHARS)
    return failure(
      file,
      'pdf-no-text',
      '带文字层的 PDF（由 Word、WPS 等导出）',
      `${pages.length} 页，几乎没有可提取的文字`,
      '这是扫描版 PDF（只有图像，没有文字层），本站不做文字识别（OCR），无法读取。请提供可复制文字的 PDF、Word 或网页版本',
    );
  const read = readPages(pages, file);
  return { text: read.text, encoding: PDF_ENCODING, reader: PDF_READER, diagnostics: read.diagnostics };
}
