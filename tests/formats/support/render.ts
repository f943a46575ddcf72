/** A case as the bytes of an HTML page, a Word document or (printed by Chromium) a PDF. */
import iconv from 'iconv-lite';
import { articleHtml, printCss, renderHtmlPage, reportFlow, type HtmlStyle } from '../../../src/generator/render-html';
import { flowToDocx } from '../../../src/generator/render-docx';
import type { FormatCase } from './cases';
import type { Printer } from './print';

/** The page in the charset it declares (GB2312 and GBK pages are written as GBK bytes). */
export function htmlBytes(c: FormatCase): Buffer {
  const html = renderHtmlPage(c.parts, c.style, { name: c.truth.agencyName, year: c.truth.year });
  return /^gb/i.test(c.style.charset) ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
}

export function docxBytes(c: FormatCase): Promise<Buffer> {
  return flowToDocx(reportFlow(c.parts, c.style));
}

export function pdfBytes(c: FormatCase, printer: Printer, style: Partial<HtmlStyle> = {}): Promise<Buffer> {
  return printer.pdf(renderHtmlPage(c.parts, { ...c.style, ...style, chrome: false }));
}

/** Many reports in one printed document, each starting on a new page: one font embedding for the whole batch. */
export function batchHtml(cases: FormatCase[], style: HtmlStyle): string {
  const sections = cases.map((c) => `<section class="report">${articleHtml(c.parts, { ...c.style, font: style.font, cellFontPx: style.cellFontPx }).join('\n')}</section>`);
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>${printCss(style)} section.report { break-before: page; }</style></head>\n<body>\n${sections.join('\n')}\n</body></html>\n`;
}
