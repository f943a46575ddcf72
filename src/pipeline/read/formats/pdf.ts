/** `.pdf`: text with positions → lines and ruled tables → parser text. A scan without a text layer is rejected. */
import type { Diagnostic, DiagnosticCode } from '../../../schema';
import { diagnostic } from '../../diagnostic';
import { isPageNoise } from '../../text';
import { blocksToText } from './blocks';
import { extractPdfPages, PdfReadError, type PdfExtraction } from './pdf-extract';
import { pdfBlocks, type PdfPage } from './pdf-layout';
import { repairRadicals } from './radicals';
import type { FormatReading } from './types';

const PDF_READER = 'pdf-positions';
/** The same reader on pdf.js's page geometry, for a file PDFium could not open. */
const PDF_READER_PDFJS = 'pdf-positions-pdfjs';
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
  let extraction: PdfExtraction;
  try {
    extraction = await extractPdfPages(bytes);
  } catch (error) {
    const found = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof PdfReadError && error.reason === 'encrypted')
      return failure(file, 'pdf-encrypted', '未加密的 PDF', `需要密码：${found}`, 'PDF 文件已加密，需要密码才能打开，无法读取');
    return failure(file, 'pdf-unreadable', '可以打开的 PDF 文件', found, 'PDF 文件已损坏或不是 PDF，无法读取');
  }
  const { pages, engine } = extraction;
  const reader = engine === 'pdfium' ? PDF_READER : PDF_READER_PDFJS;
  const fallback =
    engine === 'pdfjs'
      ? [
          diagnostic({
            severity: 'warning',
            code: 'pdf-read-by-pdfjs',
            file,
            expected: 'PDFium 可以打开的 PDF',
            found: extraction.pdfiumError ?? 'PDFium 无法打开',
            message: 'PDFium 无法打开此 PDF，改用 pdf.js 读取（更慢，文字与表格线的读法相同）',
          }),
        ]
      : [];
  if (textChars(pages) < MIN_TEXT_CHARS)
    return {
      ...failure(
        file,
        'pdf-no-text',
        '带文字层的 PDF（由 Word、WPS 等导出）',
        `${pages.length} 页，几乎没有可提取的文字`,
        '这是扫描版 PDF（只有图像，没有文字层），本站不做文字识别（OCR），无法读取。请提供可复制文字的 PDF、Word 或网页版本',
      ),
      reader,
    };
  const read = readPages(pages, file);
  return { text: read.text, encoding: PDF_ENCODING, reader, diagnostics: [...fallback, ...read.diagnostics] };
}
