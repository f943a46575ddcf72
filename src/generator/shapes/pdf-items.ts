/**
 * Text items of every page with pdf.js, in content order, without the ruling lines that the PDF reader also
 * collects (src/pipeline/read/formats/pdf-extract.ts): operator lists cost most of a page's reading time, and the
 * PDF shapes need only the text.
 */
import type { PdfPage } from '../../pipeline/read/formats/pdf-layout';
import { openPdfJs, pdfjs } from '../../pipeline/read/formats/pdf-pdfjs';

/** Every page's text items (positions in points from the top-left corner; no rules). */
export async function pdfTextPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await pdfjs();
  const doc = await openPdfJs(lib, bytes).promise;
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
