/**
 * Writes the small format fixtures kept in tests/fixtures/formats/ (run `npx tsx tests/formats/make-fixtures.ts`
 * after changing the renderers; the tests compare them with the seeds' text files, not with stored values):
 * - gbk-page.html       seed 000 as a saved web page: GBK bytes declared by <meta http-equiv>, site chrome, the title
 *                       above the article, Word-style cells;
 * - two-page-table.pdf  seed 004 printed by Chromium with a TrueType font embedded as a CID font (as Word does), table B
 *                       running over a page break with its header repeated, wrapped row labels, "— n —" page numbers;
 * - scanned.pdf         a page holding only a picture, as a scan without a text layer;
 * - report.docx         seed 002 (blank cells) as a Word document with merged cells.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { PLAIN_HTML_STYLE, PRINT_FONTS } from '../../src/generator/render-html';
import { seedCases } from './support/cases';
import { openPrinter } from './support/print';
import { docxBytes, htmlBytes, pdfBytes } from './support/render';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/formats');

/** A grey "scan": noise on white, no text anywhere. */
function scanPng(): Buffer {
  const png = new PNG({ width: 240, height: 320 });
  for (let i = 0; i < png.data.length; i += 4) {
    const v = 200 + ((i * 7919) % 55);
    png.data.set([v, v, v, 255], i);
  }
  return PNG.sync.write(png);
}

async function main() {
  await mkdir(FIXTURES_DIR, { recursive: true });
  const seeds = seedCases(PLAIN_HTML_STYLE);
  const seed = (prefix: string) => seeds.find((s) => s.file.startsWith(prefix))!;

  const page = { ...seed('000'), style: { ...PLAIN_HTML_STYLE, chrome: true, charset: 'gb2312', charsetMeta: 'http-equiv' as const, headings: 'strong' as const, wordCells: true } };
  await writeFile(path.join(FIXTURES_DIR, 'gbk-page.html'), htmlBytes(page));

  await writeFile(path.join(FIXTURES_DIR, 'report.docx'), await docxBytes(seed('002')));

  const printer = await openPrinter();
  try {
    const yining = { ...seed('004'), style: { ...PLAIN_HTML_STYLE, repeatHeader: true, font: PRINT_FONTS.truetype, cellFontPx: 13 } };
    await writeFile(path.join(FIXTURES_DIR, 'two-page-table.pdf'), await pdfBytes(yining, printer));
    const scan = `<!DOCTYPE html><html><head><style>@page { size: A4; margin: 20mm }</style></head><body><img src="data:image/png;base64,${scanPng().toString('base64')}" style="width:160mm"></body></html>`;
    await writeFile(path.join(FIXTURES_DIR, 'scanned.pdf'), await printer.pdf(scan));
  } finally {
    await printer.close();
  }
}

await main();
