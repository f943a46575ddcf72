/**
 * Office shapes: generated reports written as Word files (render-docx.ts), made PDFs by LibreOffice (`soffice
 * --headless --convert-to pdf`, as agencies export their Word reports), then read as the PDF shapes read Chromium's
 * prints: poppler's `pdftotext` (default, -layout, -raw), MuPDF's `mutool`, pypdf's `extract_text()` (`office-pypdf`:
 * a row's cells run together into one run of digits, "请数量133000420", as pypdf prints a Word-made PDF), pdf.js words in lines by position
 * (pdfplumber's `extract_text()`), and the pipeline's own PDF reader (`office-reader`: what `npm run data` makes of
 * the .pdf file). LibreOffice lays tables out as Word does: label columns a few characters wide, each cell's lines
 * apart, table A's items one small table each; poppler's default mode reads such tables down their columns.
 *
 * Converted batches are cached under `.cache/office-pdfs/`, keyed by the documents' content (the generator's code
 * and seeds): a second run only reads the texts back.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPdf } from '../../pipeline/read/formats/pdf';
import { generateTruth } from '../truth';
import { pickHtmlStyle, reportFlow } from '../render-html';
import { rngFor } from '../rng';
import type { Truth } from '../types';
import { shapeParts, shapeTruthOptions } from './index';
import { hasMutool, hasPdftotext, hasPypdf, mutoolPages, POPPLER_MODES, popplerPages, positionLines, pypdfFiles } from './pdf';
import { pdfTextPages } from './pdf-items';
import { canRun, inBatches, soffice, writeDocxFiles, writeWhole } from './tools';

export const OFFICE_SHAPES = ['office-pdftotext', 'office-pdftotext-layout', 'office-pdftotext-raw', 'office-mutool', 'office-pypdf', 'office-pdf-lines', 'office-reader'] as const;
export type OfficeShape = (typeof OFFICE_SHAPES)[number];

const DEFAULT_CACHE_DIR = path.resolve('.cache/office-pdfs');
/** Bumped when the way a batch is converted or read changes without the documents changing. */
const CACHE_VERSION = 'v1';

export interface OfficeCase {
  name: string;
  truth: Truth;
  /** The report's flow (title, prose, tables), as the Word file lays it out. */
  flow: ReturnType<typeof reportFlow>;
}

/** Report `i` of a run named `prefix` (seed `${prefix}-${i}`); every tenth breaks a rule. */
export function officeCase(prefix: string, i: number): OfficeCase {
  const seed = `${prefix}-${i}`;
  const truth = generateTruth(seed, shapeTruthOptions(i));
  const rng = rngFor(seed, 'office-shape');
  return { name: `g${seed.replace(/[^a-z0-9-]/gi, '-')}-office`, truth, flow: reportFlow(shapeParts(truth, rng, true), pickHtmlStyle(rng.fork('style'))) };
}

/** Whether LibreOffice's soffice can be run (Debian libreoffice-writer-nogui; CI installs it). */
export function hasSoffice(): boolean {
  return canRun('soffice', '--version');
}

type Texts = Partial<Record<OfficeShape, string>>;

/** The shapes this project's own code makes of a PDF: read again on every run, never cached (the code changes). */
async function ownTexts(bytes: Buffer): Promise<Texts> {
  return { 'office-reader': (await readPdf(bytes, 'report.pdf')).text ?? '', 'office-pdf-lines': (await pdfTextPages(bytes)).map(positionLines).join('\n') };
}

/** The tools a run reads the PDFs with, besides this project's own readers. */
interface OfficeTools {
  poppler: boolean;
  mutool: boolean;
  pypdf: boolean;
}

/** One report's PDF read by the installed tools (poppler, mutool) whose texts `known` lacks. */
async function toolTexts(file: string, tools: OfficeTools, known: Texts = {}): Promise<Texts> {
  const texts: Texts = { ...known };
  const join = (pages: string[]) => pages.map((p) => `${p}\f`).join('');
  if (texts['office-pdftotext'] !== undefined && (!tools.mutool || texts['office-mutool'] !== undefined)) return texts;
  if (tools.poppler) {
    texts['office-pdftotext'] = join(await popplerPages(file, POPPLER_MODES.pdftotext));
    texts['office-pdftotext-layout'] = join(await popplerPages(file, POPPLER_MODES['pdftotext-layout']));
    texts['office-pdftotext-raw'] = join(await popplerPages(file, POPPLER_MODES['pdftotext-raw']));
  }
  if (tools.mutool) texts['office-mutool'] = join(await mutoolPages(file));
  return texts;
}

/**
 * A batch's texts. The PDFs and the tools' texts are cached (keyed by the documents' content); the texts this
 * project's code makes (its PDF reader, pdf-lines) are made again from the cached PDFs.
 */
async function batchTexts(batch: OfficeCase[], cacheDir: string, tools: OfficeTools): Promise<Texts[]> {
  const key = createHash('sha256').update(CACHE_VERSION).update(JSON.stringify(batch.map((c) => c.flow))).digest('hex').slice(0, 32);
  const json = path.join(cacheDir, `${key}.json`);
  const pdfs = path.join(cacheDir, key);
  const pdfOf = (k: number) => path.join(pdfs, `${String(k).padStart(3, '0')}.pdf`);
  let cached: Texts[] | null = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Texts[]) : null;
  const complete = (t: Texts[]) => (!tools.poppler || t[0]?.['office-pdftotext'] !== undefined) && (!tools.mutool || t[0]?.['office-mutool'] !== undefined) && (!tools.pypdf || t[0]?.['office-pypdf'] !== undefined);
  const converted = batch.every((_, k) => existsSync(pdfOf(k)));
  if (cached && converted && !complete(cached)) {
    // Converted before and read by fewer tools: only the texts it lacks are read (LibreOffice is not run again).
    const known = await withPypdf(cached, batch.map((_, k) => pdfOf(k)), tools);
    cached = await Promise.all(batch.map((_, k) => toolTexts(pdfOf(k), tools, known[k])));
    writeWhole(json, JSON.stringify(cached));
  } else if (!cached || !complete(cached) || !converted) {
    cached = await convertBatch(batch, pdfs, tools);
    writeWhole(json, JSON.stringify(cached));
  }
  const tooled = cached;
  return Promise.all(batch.map(async (_, k) => ({ ...tooled[k], ...(await ownTexts(readFileSync(pdfOf(k)))) })));
}

/**
 * The batch's texts with pypdf's added where missing (when installed): one Python process for the batch; its pages are
 * strings a Python script joins with a line break.
 */
async function withPypdf(texts: Texts[], pdfs: string[], tools: OfficeTools): Promise<Texts[]> {
  const missing = tools.pypdf ? pdfs.flatMap((pdf, k) => (texts[k]['office-pypdf'] === undefined ? [k] : [])) : [];
  if (!missing.length) return texts;
  const read = await pypdfFiles(missing.map((k) => pdfs[k]));
  const out = texts.map((t) => ({ ...t }));
  missing.forEach((k, m) => (out[k]['office-pypdf'] = read[m].join('\n')));
  return out;
}

/** Writes the batch's Word files, has LibreOffice convert them into `out`, and reads the PDFs with the tools. */
async function convertBatch(batch: OfficeCase[], out: string, tools: OfficeTools): Promise<Texts[]> {
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'office-'));
  try {
    const files = await writeDocxFiles(batch, dir);
    await soffice(files, 'pdf', out, dir);
    const pdfs = files.map((file) => path.join(out, path.basename(file).replace(/\.docx$/, '.pdf')));
    const known = await withPypdf(pdfs.map(() => ({})), pdfs, tools);
    const texts: Texts[] = [];
    for (const [k, pdf] of pdfs.entries()) texts.push(await toolTexts(pdf, tools, known[k]));
    return texts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface OfficeShaped {
  c: OfficeCase;
  texts: Texts;
}

/** Writes, converts and reads the cases in cached batches (pdftotext and mutool shapes only when installed). */
export async function readOfficeShapes(cases: OfficeCase[], options: { cacheDir?: string } = {}): Promise<OfficeShaped[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const tools = { poppler: hasPdftotext(), mutool: hasMutool(), pypdf: hasPypdf() };
  return inBatches(cases, (batch) => batchTexts(batch, cacheDir, tools));
}
