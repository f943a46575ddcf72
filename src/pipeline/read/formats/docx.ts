/** `.docx`: Word → HTML with mammoth (merged cells become rowspan/colspan) → the HTML reader. */
import { diagnostic } from '../../diagnostic';
import { htmlToText } from './html';
import type { FormatReading } from './types';

const DOCX_READER = 'docx-mammoth';

export async function readDocx(bytes: Uint8Array, file: string): Promise<FormatReading> {
  try {
    // Loaded on the first Word file: mammoth takes about 0.3 s to load, in every thread, and most corpora have no .docx.
    const { default: mammoth } = await import('mammoth');
    // Images are not read: the report's numbers are in text and tables, and inlining pictures costs time and memory.
    const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: skipImages, externalFileAccess: false });
    return { text: htmlToText(value), encoding: 'utf-8', reader: DOCX_READER, diagnostics: [] };
  } catch (error) {
    return {
      text: null,
      encoding: null,
      reader: DOCX_READER,
      diagnostics: [
        diagnostic({
          severity: 'error',
          code: 'docx-unreadable',
          file,
          expected: '可以打开的 Word 文档（.docx）',
          found: error instanceof Error ? error.message.split('\n')[0] : String(error),
          message: 'Word 文档已损坏或不是 .docx 格式，无法读取',
        }),
      ],
    };
  }
}

/** Old binary Word (.doc) has no maintained reader here: the file is rejected with what to do instead. */
export function rejectDoc(file: string): FormatReading {
  return {
    text: null,
    encoding: null,
    reader: 'none',
    diagnostics: [
      diagnostic({
        severity: 'error',
        code: 'doc-unsupported',
        file,
        expected: '.docx、PDF、HTML 或文本文件',
        found: '旧版 Word 文档（.doc）',
        message: '不支持旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 或 PDF 后重新提交',
      }),
    ],
  };
}
