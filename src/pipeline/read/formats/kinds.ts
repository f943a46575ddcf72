/** Which document formats exist, by file extension: apart from the readers, so finding files loads none of them. */
import path from 'node:path';

/** Document formats by file extension; `.doc` is recognised only to say how to convert it. */
export const DOCUMENT_FORMATS = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx', '.doc': 'doc' } as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[keyof typeof DOCUMENT_FORMATS];

export function documentFormatOf(file: string): DocumentFormat | null {
  const ext = path.posix.extname(file).toLowerCase();
  return ext in DOCUMENT_FORMATS ? DOCUMENT_FORMATS[ext as keyof typeof DOCUMENT_FORMATS] : null;
}
