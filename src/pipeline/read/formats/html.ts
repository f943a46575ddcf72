/** `.html` / `.htm`: a saved web page → parser text. */
import { blocksToText } from './blocks';
import { decodeHtml } from './html-charset';
import { htmlBlocks } from './html-dom';
import { repairRadicals } from './radicals';
import type { FormatReading } from './types';

const HTML_READER = 'html-dom';

/** An HTML string (a page, or Word converted to HTML) → the text the parser reads. */
export function htmlToText(html: string): string {
  return repairRadicals(blocksToText(htmlBlocks(html), { paragraphs: true }));
}

export function readHtml(bytes: Uint8Array, file: string): FormatReading {
  const decoded = decodeHtml(bytes, file);
  if (!decoded.ok) return { text: null, encoding: null, reader: HTML_READER, diagnostics: decoded.diagnostics };
  return { text: htmlToText(decoded.text), encoding: decoded.encoding, reader: HTML_READER, diagnostics: decoded.diagnostics };
}
