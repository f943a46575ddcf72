/** Read stage: one input file → a SourceDocument (decoded text, metadata overrides, diagnostics). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, MetaOverrides } from '../../schema';
import { decodeBytes } from './decode';
import { textFormatOf, type TextFormat } from './discover';
import { documentFormatOf, readDocument, type DocumentFormat } from './formats';
import { expandBoxTables } from './formats/box-tables';
import { expandHtmlInText } from './formats/html-in-text';
import { splitFrontMatter } from './front-matter';
import { mergeMeta, validateMeta } from './meta';
import { readSidecar } from './sidecar';

export { discoverFiles, unsupportedFormatDiagnostic, type Discovered } from './discover';

export interface SourceDocument {
  /** Path relative to the content folder, forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  format: TextFormat | DocumentFormat;
  /**
   * Which reader made the text: `text`, `text-html-tables` (a text with HTML tables made into lines), or a document
   * reader (`html-dom`, `pdf-positions`, `docx-mammoth`).
   */
  reader: string;
  /** Detected encoding; null when the bytes could not be read as text. */
  encoding: string | null;
  /** Decoded text with LF line ends and front matter removed; null when the file is empty, binary or undecodable. */
  text: string | null;
  /** Lines of front matter removed from the top of `text`. */
  lineOffset: number;
  /** Front-matter and sidecar fields that override inference. */
  meta: MetaOverrides;
  diagnostics: Diagnostic[];
}

/** The reader of .txt and .md files; with HTML tables inside (html-in-text.ts), made into text lines. */
const TEXT_READER = 'text';
const TEXT_HTML_READER = 'text-html-tables';
const TEXT_DRAWN_READER = 'text-drawn-tables';

/**
 * A text or Markdown file's body as the parser reads it: HTML tables inside made into the web page reader's lines,
 * then tables drawn with box characters or as grid tables (a terminal's dump of a page) made into such lines too.
 */
export function textOfBody(body: string): { text: string; reader: string } {
  const html = expandHtmlInText(body);
  const drawn = expandBoxTables(html.text);
  return { text: drawn.text, reader: html.tables ? TEXT_HTML_READER : drawn.tables ? TEXT_DRAWN_READER : TEXT_READER };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads `relPath` (a file found by discoverFiles) under `contentDir`: text is decoded, documents are converted to text.
 * `read`: its bytes and their SHA-256 when the caller read them already (for the cache key), so they are not read twice.
 */
export async function readSource(contentDir: string, relPath: string, read?: { bytes: Buffer; sha256: string }): Promise<SourceDocument> {
  const format = textFormatOf(relPath) ?? documentFormatOf(relPath);
  if (format === null) throw new Error(`readSource: not a readable format: ${relPath}`);
  // Blocking reads (here and for the sidecars): see readIfExistsSync.
  const bytes = read?.bytes ?? readFileSync(path.join(contentDir, relPath));
  const base = { path: relPath, sha256: read?.sha256 ?? sha256(bytes), bytes: bytes.length, format, reader: TEXT_READER };

  const sidecar = readSidecar(contentDir, relPath);
  const fromSidecar = sidecar.name
    ? validateMeta(sidecar.data, { file: relPath, label: `旁置元数据文件 ${sidecar.name}`, line: null })
    : { meta: {}, diagnostics: [] };

  // HTML, PDF and Word carry no front matter: their readers return the text, metadata comes from a sidecar.
  const document = documentFormatOf(relPath);
  if (document !== null) {
    const read = await readDocument(document, bytes, relPath);
    return {
      ...base,
      reader: read.reader,
      encoding: read.encoding,
      text: read.text,
      lineOffset: 0,
      meta: fromSidecar.meta,
      diagnostics: [...read.diagnostics, ...sidecar.diagnostics, ...fromSidecar.diagnostics],
    };
  }

  const decoded = decodeBytes(bytes, relPath);
  if (!decoded.ok) {
    return {
      ...base,
      encoding: null,
      text: null,
      lineOffset: 0,
      meta: fromSidecar.meta,
      diagnostics: [...decoded.diagnostics, ...sidecar.diagnostics, ...fromSidecar.diagnostics],
    };
  }

  const front = splitFrontMatter(decoded.text, relPath);
  const fromFront = validateMeta(front.data, { file: relPath, label: '前置元数据', line: 1 });
  const merged = mergeMeta(fromFront.meta, fromSidecar.meta, relPath);
  // Line numbers after an HTML or a drawn table count the lines made of it, as for a web page's text.
  const body = textOfBody(front.body);
  return {
    ...base,
    reader: body.reader,
    encoding: decoded.encoding,
    text: body.text,
    lineOffset: front.lineOffset,
    meta: merged.meta,
    diagnostics: [
      ...decoded.diagnostics,
      ...front.diagnostics,
      ...fromFront.diagnostics,
      ...sidecar.diagnostics,
      ...fromSidecar.diagnostics,
      ...merged.diagnostics,
    ],
  };
}
