/**
 * PDF bytes → page geometry with PDFium (Chromium's PDF engine, compiled to WebAssembly: `@embedpdf/pdfium`): the
 * same `PdfPage` that pdf-extract.ts gives with pdf.js, about ten times faster (BENCHMARKS.md, issue 15).
 *
 * Text items are rebuilt from PDFium's characters by pdf.js's own rules (`getTextContent`), so the readers above see
 * the same items: a run of glyphs in one font and size on one baseline is one item; a gap of 0.102–0.6 font sizes
 * (or a space glyph) puts one space into it, a wider gap, a step back or a change of font or line starts the next
 * item. Ruling lines are the page's path objects (inside form XObjects too) that are stroked or filled: a stroked
 * subpath gives each of its segments, a filled one its bounding box; a subpath with curves is no ruling line.
 * Coordinates are points from the top-left corner of the page as shown (crop box, page rotation), pdf.js's viewport.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';
import type { PdfPage, PdfRule, PdfTextItem } from './pdf-layout';
import { apply, multiply, type Matrix, type Point } from './pdf-matrix';


const WASM_PATH = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm');

/** PDFium's page object types and path segment types (fpdf_edit.h). */
const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEGMENT_LINETO = 0;
const SEGMENT_MOVETO = 2;
/** FPDF_GetLastError: the document needs a password. */
const ERR_PASSWORD = 4;

/** pdf.js's getTextContent thresholds, in font sizes (evaluator.js). */
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;
/** No glyph advances further than this many font sizes. */
const MAX_ADVANCE = 3;

/** The characters pdf.js replaces by their NFKC form in text content (pdf.js `normalizeUnicode`). */
const PDFJS_NORMALIZED =
  /[\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+/gu;

/**
 * The PDFium functions this file calls, taken straight from the wasm exports: the package's wrappers go through
 * `ccall` and its checks on every call, which cost as much as PDFium's own work on a page of text (every character
 * is several calls).
 */
const NATIVE = [
  'FPDFFont_GetBaseFontName',
  'FPDFFormObj_CountObjects',
  'FPDFFormObj_GetObject',
  'FPDFPageObj_GetMatrix',
  'FPDFPageObj_GetType',
  'FPDFPage_CountObjects',
  'FPDFPage_GetObject',
  'FPDFPage_GetRotation',
  'FPDFPathSegment_GetClose',
  'FPDFPathSegment_GetPoint',
  'FPDFPathSegment_GetType',
  'FPDFPath_CountSegments',
  'FPDFPath_GetDrawMode',
  'FPDFPath_GetPathSegment',
  'FPDFTextObj_GetFont',
  'FPDFText_ClosePage',
  'FPDFText_CountChars',
  'FPDFText_GetCharOrigin',
  'FPDFText_GetFontSize',
  'FPDFText_GetLooseCharBox',
  'FPDFText_GetMatrix',
  'FPDFText_GetTextObject',
  'FPDFText_GetUnicode',
  'FPDFText_IsGenerated',
  'FPDFText_LoadPage',
  'FPDF_CloseDocument',
  'FPDF_ClosePage',
  'FPDF_GetLastError',
  'FPDF_GetPageBoundingBox',
  'FPDF_GetPageCount',
  'FPDF_LoadMemDocument',
  'FPDF_LoadPage',
] as const;
type Heap = WrappedPdfiumModule['pdfium'] & { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAPF64: Float64Array; HEAP32: Int32Array };
type Pdfium = Record<(typeof NATIVE)[number], (...args: number[]) => number> & { pdfium: Heap };

/** Compiles and starts PDFium (about 50 ms); the wasm comes from the package, not the network. */
async function start(): Promise<Pdfium> {
  const wasm = readFileSync(WASM_PATH);
  const module = await init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } as never);
  module.PDFiumExt_Init();
  const exports = module.pdfium.wasmExports as unknown as Record<string, unknown>;
  const missing = NATIVE.filter((name) => typeof exports[name] !== 'function');
  if (missing.length) throw new Error(`PDFium: the package exports no ${missing.join(', ')}`);
  return Object.assign(Object.fromEntries(NATIVE.map((name) => [name, exports[name]])), { pdfium: module.pdfium as Heap }) as Pdfium;
}

let loaded: Promise<Pdfium> | null = null;

/** PDFium, started once per thread. */
function pdfium(): Promise<Pdfium> {
  loaded ??= start();
  return loaded;
}

/** pdf.js's PageViewport at scale 1: PDF user space → points from the top-left of the page as displayed. */
function viewport(box: [number, number, number, number], rotation: number): { width: number; height: number; transform: Matrix } {
  const [x0, y0, x1, y1] = box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const sideways = a === 0;
  const offsetX = sideways ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const offsetY = sideways ? Math.abs(cx - x0) : Math.abs(cy - y0);
  return {
    width: sideways ? y1 - y0 : x1 - x0,
    height: sideways ? x1 - x0 : y1 - y0,
    transform: [a, b, c, d, offsetX - a * cx - c * cy, offsetY - b * cx - d * cy],
  };
}

/** Reads PDFium's out-parameters from a scratch buffer in wasm memory (the heap's views are replaced when it grows). */
class Scratch {
  readonly ptr: number;
  private readonly heap: Heap;
  constructor(m: Pdfium) {
    this.heap = m.pdfium;
    this.ptr = m.pdfium.wasmExports.malloc(64);
  }
  float(i: number): number {
    return this.heap.HEAPF32[(this.ptr >> 2) + i];
  }
  double(i: number): number {
    return this.heap.HEAPF64[(this.ptr >> 3) + i];
  }
  int(i: number): number {
    return this.heap.HEAP32[(this.ptr >> 2) + i];
  }
  matrix(): Matrix {
    return [this.float(0), this.float(1), this.float(2), this.float(3), this.float(4), this.float(5)];
  }
  free() {
    this.heap.wasmExports.free(this.ptr);
  }
}

interface OpenItem {
  chars: string[];
  /** Start (origin of the first glyph) and end (after the last glyph's advance), in view coordinates. */
  x: number;
  y: number;
  endX: number;
  endY: number;
  size: number;
  font: string;
}

/** The page's characters → pdf.js-shaped text items (see the file comment). */
function pageText(m: Pdfium, page: number, s: Scratch, toView: (x: number, y: number) => Point): PdfTextItem[] {
  const text = m.FPDFText_LoadPage(page);
  if (!text) return [];
  const items: PdfTextItem[] = [];
  let open: OpenItem | null = null;
  let spaceSeen = false;
  // pdf.js starts a new item where the font's name changes, not where another font object of the same name is used;
  // a font without a base font name (Chromium's Type3 fonts) stands for itself.
  const names = new Map<number, string>();
  const fontName = (font: number): string => {
    const known = names.get(font);
    if (known !== undefined) return known;
    const length = m.FPDFFont_GetBaseFontName(font, s.ptr, 64);
    const name = (length > 1 && length <= 64 ? String(m.pdfium.UTF8ToString(s.ptr)) : '') || `#${font}`;
    names.set(font, name);
    return name;
  };
  // Font and size are the text object's: read once per object (a run of characters), not once per character.
  const styles = new Map<number, { size: number; font: string }>();
  const styleOf = (object: number, k: number) => {
    const known = styles.get(object);
    if (known) return known;
    m.FPDFText_GetMatrix(text, k, s.ptr);
    const [, , c, d] = s.matrix();
    const style = { size: m.FPDFText_GetFontSize(text, k) * Math.hypot(c, d), font: fontName(m.FPDFTextObj_GetFont(object)) };
    styles.set(object, style);
    return style;
  };
  const flush = () => {
    if (open) {
      const str = open.chars.join('').replace(PDFJS_NORMALIZED, (run) => run.normalize('NFKC'));
      if (str) items.push({ str, x: open.x, y: open.y, width: open.endX - open.x, size: open.size });
    }
    open = null;
  };
  try {
    const count = m.FPDFText_CountChars(text);
    for (let k = 0; k < count; k++) {
      if (m.FPDFText_IsGenerated(text, k) === 1) continue;
      const code = m.FPDFText_GetUnicode(text, k);
      if (code === 0) continue;
      const ch = String.fromCodePoint(code);
      if (/\s/.test(ch)) {
        spaceSeen = true;
        continue;
      }
      const { size, font } = styleOf(m.FPDFText_GetTextObject(text, k), k);
      m.FPDFText_GetCharOrigin(text, k, s.ptr, s.ptr + 8);
      const originX = s.double(0);
      const originY = s.double(1);
      const [x, y] = toView(originX, originY);
      m.FPDFText_GetLooseCharBox(text, k, s.ptr);
      // The loose box spans the glyph's advance from its origin (FS_RECTF: left, top, right, bottom in user space);
      // its right edge as displayed is where the glyph ends.
      // A glyph of a vertical font gets a box many font sizes wide: it advances downwards, and is one size wide.
      const boxEnd = Math.max(toView(s.float(0), s.float(1))[0], toView(s.float(2), s.float(3))[0]);
      const endX = boxEnd - x > MAX_ADVANCE * size ? x + size : boxEnd;
      let space = false;
      if (open) {
        const o: OpenItem = open;
        const advance = x - o.endX;
        const shift = Math.abs(y - o.endY);
        const sameStyle = o.font === font && Math.abs(o.size - size) < 1e-3;
        if (!sameStyle || advance < NEGATIVE_SPACE * o.size || shift > o.size * VERTICAL_SHIFT_RATIO || advance > SPACE_IN_FLOW_MAX * o.size) flush();
        else space = spaceSeen || advance >= SPACE_IN_FLOW_MIN * o.size;
      }
      spaceSeen = false;
      if (!open) open = { chars: [], x, y, endX: x, endY: y, size, font };
      const current: OpenItem = open;
      if (space) current.chars.push(' ');
      current.chars.push(ch);
      current.endX = Math.max(endX, x);
      current.endY = y;
    }
    flush();
  } finally {
    m.FPDFText_ClosePage(text);
  }
  return items;
}

/** Subpaths of a path object as point lists in its own space; a subpath with curves is dropped. */
function subpaths(m: Pdfium, path: number, s: Scratch): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  let curved = false;
  const end = () => {
    if (current.length > 1 && !curved) out.push(current);
    current = [];
    curved = false;
  };
  const n = m.FPDFPath_CountSegments(path);
  for (let i = 0; i < n; i++) {
    const segment = m.FPDFPath_GetPathSegment(path, i);
    const type = m.FPDFPathSegment_GetType(segment);
    m.FPDFPathSegment_GetPoint(segment, s.ptr, s.ptr + 4);
    const point: Point = [s.float(0), s.float(1)];
    if (type === SEGMENT_MOVETO) {
      end();
      current.push(point);
    } else if (type === SEGMENT_LINETO) current.push(point);
    else curved = true;
    if (m.FPDFPathSegment_GetClose(segment) && current.length) {
      const [fx, fy] = current[0];
      const [lx, ly] = current[current.length - 1];
      if (fx !== lx || fy !== ly) current.push(current[0]);
    }
  }
  end();
  return out;
}

/** Ruling lines of the page's painted paths, form XObjects included. */
function pageRules(m: Pdfium, page: number, s: Scratch, toView: (x: number, y: number) => Point): PdfRule[] {
  const rules: PdfRule[] = [];
  const walk = (count: number, get: (i: number) => number, outer: Matrix) => {
    for (let i = 0; i < count; i++) {
      const object = get(i);
      const type = m.FPDFPageObj_GetType(object);
      if (type !== OBJ_PATH && type !== OBJ_FORM) continue;
      if (!m.FPDFPageObj_GetMatrix(object, s.ptr)) continue;
      const matrix = multiply(outer, s.matrix());
      if (type === OBJ_FORM) {
        walk(m.FPDFFormObj_CountObjects(object), (j) => m.FPDFFormObj_GetObject(object, j), matrix);
        continue;
      }
      if (!m.FPDFPath_GetDrawMode(object, s.ptr, s.ptr + 4)) continue;
      const fill = s.int(0) !== 0;
      const stroke = s.int(1) !== 0;
      if (!fill && !stroke) continue;
      for (const pts of subpaths(m, object, s)) {
        const view = pts.map(([x, y]) => toView(...apply(matrix, x, y)));
        // A filled subpath counts by its bounding box (a thin rectangle is a rule); a stroked one by each segment.
        if (fill) {
          const xs = view.map((p) => p[0]);
          const ys = view.map((p) => p[1]);
          rules.push({ x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
        }
        if (stroke) for (let j = 1; j < view.length; j++) rules.push({ x0: view[j - 1][0], y0: view[j - 1][1], x1: view[j][0], y1: view[j][1] });
      }
    }
  };
  walk(m.FPDFPage_CountObjects(page), (i) => m.FPDFPage_GetObject(page, i), [1, 0, 0, 1, 0, 0]);
  return rules;
}

export type PdfiumOpenError = 'encrypted' | 'damaged';

export class PdfiumOpenFailure extends Error {
  constructor(readonly reason: PdfiumOpenError) {
    super(reason === 'encrypted' ? 'PDFium: the document needs a password' : 'PDFium: the file is damaged or not a PDF');
  }
}

/** Every page's text and rules. Throws PdfiumOpenFailure for a file PDFium cannot open. */
export async function extractPdfium(bytes: Uint8Array): Promise<PdfPage[]> {
  const m = await pdfium();
  const { wasmExports } = m.pdfium;
  // PDFium reads the document from wasm memory for as long as it is open. The heap's view is taken after malloc:
  // growing the memory replaces it.
  const data = wasmExports.malloc(Math.max(1, bytes.length));
  m.pdfium.HEAPU8.set(bytes, data);
  const s = new Scratch(m);
  const doc = m.FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (!doc) throw new PdfiumOpenFailure(m.FPDF_GetLastError() === ERR_PASSWORD ? 'encrypted' : 'damaged');
    const pages: PdfPage[] = [];
    const count = m.FPDF_GetPageCount(doc);
    for (let n = 0; n < count; n++) {
      const page = m.FPDF_LoadPage(doc, n);
      if (!page) throw new PdfiumOpenFailure('damaged');
      try {
        m.FPDF_GetPageBoundingBox(page, s.ptr);
        // FS_RECTF: left, top, right, bottom.
        const box: [number, number, number, number] = [s.float(0), s.float(3), s.float(2), s.float(1)];
        const view = viewport(box, (m.FPDFPage_GetRotation(page) * 90) % 360);
        const toView = (x: number, y: number) => apply(view.transform, x, y);
        const items = pageText(m, page, s, toView);
        // A page without text (a scan) needs no rules.
        const rules = items.length ? pageRules(m, page, s, toView) : [];
        pages.push({ width: view.width, height: view.height, items, rules });
      } finally {
        m.FPDF_ClosePage(page);
      }
    }
    return pages;
  } finally {
    if (doc) m.FPDF_CloseDocument(doc);
    s.free();
    wasmExports.free(data);
  }
}
