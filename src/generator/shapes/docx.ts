/**
 * Word-file text shapes: the generated reports written as Word files (render-docx.ts; officeCase, the documents of
 * the office shapes) and turned into text straight from the .docx, as people do with the file an agency published:
 * - `docx-pandoc-plain` (`pandoc -t plain`): tables as grids of space-aligned columns, merged cells once;
 * - `docx-pandoc-markdown` (`pandoc -t markdown`): grid or pipe tables, Markdown escapes;
 * - `docx-pandoc-gfm` (`pandoc -t gfm`): pipe tables whose blank mark "-" is escaped ("\-");
 * - `docx-soffice-text` (LibreOffice's "Text (encoded)" export): each table cell a paragraph of its own;
 * - `docx-reader`: the pipeline's own Word reader (read/formats/docx.ts, mammoth), as a .docx dropped into content/ is read.
 * Texts are cached under `.cache/docx-texts/`, keyed by the documents and the tools' arguments.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDocument } from '../../pipeline/read/formats';
import { hasSoffice, type OfficeCase } from './office';
import { cachedJson, canRun, inBatches, pandocTexts, soffice, writeDocxFiles } from './tools';

export const DOCX_SHAPES = ['docx-pandoc-plain', 'docx-pandoc-markdown', 'docx-pandoc-gfm', 'docx-soffice-text', 'docx-reader'] as const;
export type DocxShape = (typeof DOCX_SHAPES)[number];

/** pandoc's output format per shape (the others are LibreOffice's). */
const PANDOC_TO: Partial<Record<DocxShape, string>> = { 'docx-pandoc-plain': 'plain', 'docx-pandoc-markdown': 'markdown', 'docx-pandoc-gfm': 'gfm' };
const SOFFICE_TEXT = 'txt:Text (encoded):UTF8';
const DEFAULT_CACHE_DIR = path.resolve('.cache/docx-texts');

type Texts = Partial<Record<DocxShape, string>>;

/** The Word-file shapes whose tool can be run here (Debian pandoc, libreoffice-writer-nogui; the reader always). */
export function docxShapesInstalled(): DocxShape[] {
  const pandoc = canRun('pandoc', '--version');
  const libreOffice = hasSoffice();
  return DOCX_SHAPES.filter((s) => (s === 'docx-reader' ? true : PANDOC_TO[s] ? pandoc : libreOffice));
}

/**
 * A batch's texts by the given tools: from the cache when the same documents were converted before, else from its Word
 * files (`written` writes them on first call, once for every call on the batch).
 */
function batchTexts(batch: OfficeCase[], shapes: DocxShape[], cacheDir: string, written: () => Promise<{ dir: string; files: string[] }>): Promise<Texts[]> {
  return cachedJson(cacheDir, [JSON.stringify([shapes, SOFFICE_TEXT]), JSON.stringify(batch.map((c) => c.flow))], () => converted(batch, shapes, written));
}

/** A batch's texts by the given tools, from its Word files. */
async function converted(batch: OfficeCase[], shapes: DocxShape[], written: () => Promise<{ dir: string; files: string[] }>): Promise<Texts[]> {
  const { dir, files } = await written();
  const texts: Texts[] = batch.map(() => ({}));
  const pandocShapes = shapes.filter((s) => PANDOC_TO[s]);
  // One pandoc run per format over the whole batch (pandocTexts).
  await Promise.all(pandocShapes.map(async (shape) => (await pandocTexts(files, 'docx', PANDOC_TO[shape]!, [], dir)).forEach((text, k) => (texts[k][shape] = text))));
  if (shapes.includes('docx-reader')) {
    for (const [k, file] of files.entries()) texts[k]['docx-reader'] = (await readDocument('docx', readFileSync(file), path.basename(file))).text ?? '';
  }
  if (shapes.includes('docx-soffice-text')) {
    const out = path.join(dir, 'text');
    await soffice(files, SOFFICE_TEXT, out, dir);
    files.forEach((file, k) => (texts[k]['docx-soffice-text'] = readFileSync(path.join(out, path.basename(file).replace(/\.docx$/, '.txt')), 'utf8')));
  }
  return texts;
}

export interface DocxShaped {
  c: OfficeCase;
  texts: Texts;
}

/** Converts the cases' Word files with every installed tool, in cached batches. */
export async function readDocxShapes(cases: OfficeCase[], options: { cacheDir?: string } = {}): Promise<DocxShaped[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  // The reader's texts are cached apart, so that the tools' cached texts stay valid.
  const installed = docxShapesInstalled();
  const tools = installed.filter((s) => s !== 'docx-reader');
  return inBatches(cases, async (batch) => {
    // The batch's Word files, written once for the tools and the reader when either is not cached.
    let dir: string | null = null;
    let files: Promise<string[]> | null = null;
    const written = async () => {
      dir ??= mkdtempSync(path.join(tmpdir(), 'docx-text-'));
      return { dir, files: await (files ??= writeDocxFiles(batch, dir)) };
    };
    try {
      const [fromTools, fromReader] = await Promise.all([tools.length ? batchTexts(batch, tools, cacheDir, written) : batch.map(() => ({})), batchTexts(batch, ['docx-reader'], cacheDir, written)]);
      return fromTools.map((t, k) => ({ ...t, ...fromReader[k] }));
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
}
