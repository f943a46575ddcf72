/**
 * Text items of every page with pdf.js, in content order, without the ruling lines that the PDF reader also
 * collects (src/pipeline/read/formats/pdf-extract.ts): operator lists cost most of a page's reading time, and the
 * PDF shapes need only the text.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PdfPage } from '../../pipeline/read/formats/pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const PACKAGE_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dirUrl = (name: string) => `${path.join(PACKAGE_DIR, name)}/`;

let loaded: Promise<PdfJs> | null = null;

/** pdf.js with its worker module loaded into this thread, as the PDF reader does. */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** Every page's text items (positions in points from the top-left corner; no rules). */
export async function pdfTextPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await pdfjs();
  const doc = await lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: dirUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dirUrl('standard_fonts'),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfPage['items'] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const [x, y] = viewport.convertToViewportPoint(e, f) as [number, number];
        items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b) || item.height });
      }
      pages.push({ width: viewport.width, height: viewport.height, items, rules: [] });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
