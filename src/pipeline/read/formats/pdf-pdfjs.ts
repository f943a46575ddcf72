/**
 * PDF bytes → page geometry with pdf.js (legacy build, runs in Node without a worker thread): the text items with
 * their positions, and the ruling lines the page draws (stroked segments and thin filled rectangles), both in points
 * from the page's top-left corner. The reader's second choice, for a file PDFium cannot open (pdf-extract.ts): it
 * spends about ten times PDFium's time on a page, parsing and repairing every embedded font twice.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PdfReadError } from './pdf-errors';
import type { PdfPage, PdfRule, PdfTextItem } from './pdf-layout';
import { apply, multiply, type Matrix } from './pdf-matrix';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

let loaded: Promise<PdfJs> | null = null;

/** Loads pdf.js once; its worker module is loaded into this thread (pdf.js's "fake worker"), so no file URL is resolved at run time. */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/**
 * pdf.js's CMaps (PDFs in the predefined Chinese encodings need them), standard fonts and image decoders, from the
 * package. In Node pdf.js reads them with fs, so these are paths; it wants them to end with a slash.
 */
const PACKAGE_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dirUrl = (name: string) => `${path.join(PACKAGE_DIR, name)}/`;

/** pdf.js path opcodes inside a constructPath buffer (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Subpaths of a path buffer as point lists; a subpath with curves is no ruling line and is dropped. */
function subpaths(buffer: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  let curved = false;
  const end = () => {
    if (current.length > 1 && !curved) out.push(current);
    current = [];
    curved = false;
  };
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    if (op === MOVE) {
      end();
      current.push([buffer[k], buffer[k + 1]]);
      k += 2;
    } else if (op === LINE) {
      current.push([buffer[k], buffer[k + 1]]);
      k += 2;
    } else if (op === CURVE) {
      curved = true;
      k += 6;
    } else if (op === QUAD) {
      curved = true;
      k += 4;
    } else if (op === CLOSE) {
      if (current.length) current.push(current[0]);
    } else break;
  }
  end();
  return out;
}

async function pageRules(page: PdfPageProxy, lib: PdfJs, toView: (x: number, y: number) => [number, number]): Promise<PdfRule[]> {
  const { OPS } = lib;
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const list = await page.getOperatorList();
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const point = (x: number, y: number) => toView(...apply(ctm, x, y));
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = multiply(ctm, args[0] as ArrayLike<number>);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [paint, [buffer]] = args as [number, [ArrayLike<number> | null]];
      if (!buffer || (!strokes.has(paint) && !fills.has(paint))) return;
      for (const pts of subpaths(buffer)) {
        const view = pts.map(([x, y]) => point(x, y));
        // A filled subpath counts by its bounding box (a thin rectangle is a rule); a stroked one by each segment.
        if (fills.has(paint)) {
          const xs = view.map((p) => p[0]);
          const ys = view.map((p) => p[1]);
          rules.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
        }
        if (strokes.has(paint)) for (let j = 1; j < view.length; j++) rules.push({ x0: view[j - 1][0], y0: view[j - 1][1], x1: view[j][0], y1: view[j][1] });
      }
    }
  });
  return rules;
}

async function pageText(page: PdfPageProxy, toView: (x: number, y: number) => [number, number]): Promise<PdfTextItem[]> {
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    const [x, y] = toView(e, f);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    items.push({ str: item.str, x, y, width: item.width, size });
  }
  return items;
}

/**
 * A document loading task with the options every pdf.js reading of this project uses (the generator's pdf.js items
 * shape too). pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
 */
export function openPdfJs(lib: PdfJs, bytes: Uint8Array): ReturnType<PdfJs['getDocument']> {
  return lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dirUrl('standard_fonts'),
    wasmUrl: dirUrl('wasm'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

/** Every page's text and rules. Throws PdfReadError for a file pdf.js cannot open. */
export async function extractPdfJs(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await pdfjs();
  const task = openPdfJs(lib, bytes);
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    const message = error instanceof Error ? error.message : String(error);
    throw new PdfReadError(name === 'PasswordException' ? 'encrypted' : 'damaged', message);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const toView = (x: number, y: number) => viewport.convertToViewportPoint(x, y) as [number, number];
      const items = await pageText(page, toView);
      // A page without text (a scan) needs no rules: skipping them also skips decoding its images.
      const rules = items.length ? await pageRules(page, lib, toView) : [];
      pages.push({ width: viewport.width, height: viewport.height, items, rules });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
