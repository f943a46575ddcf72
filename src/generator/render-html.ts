/**
 * A report as an HTML page, with its tables in the official layout: merged label cells as `rowspan`, two-level
 * column headers as `colspan` (法人或其他组织 over five columns, 行政诉讼 over ten). The page printed by Chromium gives
 * a PDF; the same flow of blocks written by a Word library gives a DOCX, so one layout serves three formats.
 *
 * A web page also carries site chrome (header, navigation, breadcrumbs, related links, footer, scripts) that an HTML
 * reader must leave out; the print variant has none and sets A4 pages with "— n —" page numbers.
 */
import type { DocumentParts } from './document';
import type { Rng } from './rng';
import type { LabelCell, ModelRow, ModelTable, TableModels } from './table-model';

export type HtmlParts = Pick<DocumentParts, 'title' | 'intro' | 'sections' | 'tables' | 'signature'>;

/** One table cell as laid out: its text and how far it spans. */
export interface LaidCell {
  text: string;
  rowspan: number;
  colspan: number;
  /** A header cell. */
  head: boolean;
  /** A number cell of tables B and C: printed on one line, as numbers are. */
  value?: boolean;
}

/** The report as a flow of blocks, in reading order: what every document format arranges. */
export type FlowBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading' | 'subheading' | 'paragraph' | 'signature'; text: string }
  | { kind: 'table'; rows: LaidCell[][]; repeatHeaderRows: number };

/**
 * How tables B and C are laid out. `official` is the template's grid; the others are shapes of web pages whose tables
 * differ from it, which PDF readers have to survive when such a page is printed:
 * - `vertical-headers`: column headers printed one character per line (自 / 然 / 人) in narrow columns;
 * - `group-spans`: the row-group cell 三、本年度办理结果 printed one character per line down the 22 rows it spans;
 * - `wrapped-labels`: row labels broken over several lines inside their cells;
 * - `padded-cells`: numbers padded with non-breaking spaces, and an empty spacer column at the right of every row.
 */
export const TABLE_LAYOUTS = ['official', 'vertical-headers', 'group-spans', 'wrapped-labels', 'padded-cells'] as const;
export type TableLayout = (typeof TABLE_LAYOUTS)[number];

export interface FlowStyle {
  /** Table A as one table per 第二十条 item instead of one table with caption rows. */
  splitProactive: boolean;
  /** The shape of tables B and C (see TABLE_LAYOUTS). */
  tableLayout: TableLayout;
  /** Table B's three header rows repeat at the top of every printed page (HTML `<thead>`, Word "repeat header row"). */
  repeatHeader: boolean;
}

export interface HtmlStyle extends FlowStyle {
  /** Wrap the article in site chrome (a saved web page) or print it bare (the source of a PDF). */
  chrome: boolean;
  /** The charset the page declares; the caller encodes the returned string accordingly. */
  charset: string;
  /** `<meta charset>` or the older `<meta http-equiv="Content-Type" content="…; charset=…">`. */
  charsetMeta: 'charset' | 'http-equiv';
  /** Section headings as `<h2>` elements or as bold paragraphs (`<p><strong>`), as Word-made pages have. */
  headings: 'h2' | 'strong';
  /** Cell text wrapped in `<p><span>` with `&nbsp;` in empty cells, as Word's HTML export writes it. */
  wordCells: boolean;
  /** Tables drawn with cell borders (ruling lines in a PDF), or without any, as many web pages style them. */
  ruled: boolean;
  /** Print variant: font size of table cells in px (small sizes keep a table on fewer pages). */
  cellFontPx: number;
  /** Print variant: the CSS font family (see PRINT_FONTS). */
  font: string;
}

/**
 * Fonts of the print variant. Chromium embeds a single-file TrueType font (Droid Sans Fallback) as a CID font, as
 * Word and WPS do, and quickly; OpenType CFF fonts and font collections (Noto CJK) become many Type 3 fonts whose
 * text maps some ideographs to CJK radicals — what Chrome on Linux prints — and take twice as long to print and read.
 */
export const PRINT_FONTS = { truetype: '"Droid Sans Fallback", "Noto Serif CJK SC", serif', noto: '"Noto Serif CJK SC", serif' } as const;

export const PLAIN_HTML_STYLE: HtmlStyle = {
  chrome: false,
  charset: 'utf-8',
  charsetMeta: 'charset',
  headings: 'h2',
  wordCells: false,
  splitProactive: false,
  repeatHeader: false,
  tableLayout: 'official',
  ruled: true,
  cellFontPx: 13,
  font: PRINT_FONTS.noto,
};

/** A random page style: web pages vary in charset declaration, heading markup, Word-made cells and table splits. */
export function pickHtmlStyle(rng: Rng): HtmlStyle {
  const gb = rng.chance(0.35);
  return {
    chrome: rng.chance(0.6),
    charset: gb ? rng.pick(['gbk', 'gb2312', 'GBK']) : rng.pick(['utf-8', 'UTF-8']),
    charsetMeta: rng.chance(0.5) ? 'charset' : 'http-equiv',
    headings: rng.chance(0.5) ? 'h2' : 'strong',
    wordCells: rng.chance(0.3),
    splitProactive: rng.chance(0.3),
    repeatHeader: rng.chance(0.5),
    tableLayout: 'official',
    ruled: true,
    cellFontPx: rng.pick([11, 12, 13]),
    font: PRINT_FONTS.truetype,
  };
}

/** The style with its tables in one of TABLE_LAYOUTS, with borders or without (`measure-shapes --table-layouts`). */
export function withTableLayout<S extends HtmlStyle>(style: S, rng: Rng): S {
  return { ...style, tableLayout: rng.pick(TABLE_LAYOUTS), ruled: rng.chance(0.5) };
}

const td = (text: string, rowspan = 1, colspan = 1, head = false): LaidCell => ({ text, rowspan, colspan, head });
const th = (text: string, rowspan = 1, colspan = 1): LaidCell => td(text, rowspan, colspan, true);

/** Table A: a caption row per 第二十条 item; a row with fewer values than the widest item lets its last cell span the rest. */
function proactiveRows(tables: ModelTable[]): LaidCell[][][] {
  const width = Math.max(...tables.flatMap((t) => t.header.map((h) => h.length)));
  const spread = (first: LaidCell, values: string[], head: boolean) => [
    first,
    ...values.map((v, i) => td(v, 1, i === values.length - 1 ? width - values.length : 1, head)),
  ];
  return tables.map((t) => [
    [td(t.caption ?? '', 1, width)],
    ...t.header.map((h) => spread(th(h[0]), h.slice(1), true)),
    ...t.rows.map((r) => spread(td(r.labels[0].text), r.cells, false)),
  ]);
}

/** How many rows a merged label cell spans: its first row and the following rows that continue it. */
function spanOf(rows: ModelRow[], i: number, level: LabelCell['level']): number {
  let n = 1;
  while (rows[i + n]?.labels.some((l) => l.level === level && !l.first)) n++;
  return n;
}

const LABEL_COLUMNS = 3;
const REQUEST_HEADER_ROWS = 3;

/** One character per line: how a narrow or vertical cell prints its text. */
const vertical = (text: string) => Array.from(text.replace(/\s+/g, '')).join('\n');
/** A row label broken over lines of at most this many characters (`wrapped-labels`). */
const WRAP_CHARS = 7;
const wrapped = (text: string) => (text.match(new RegExp(`.{1,${WRAP_CHARS}}`, 'gu')) ?? [text]).join('\n');

/** The text of a value or header cell and of a label cell under a table layout. */
function shaped(layout: TableLayout) {
  return {
    header: (text: string) => (layout === 'vertical-headers' ? vertical(text) : text),
    value: (text: string) => (layout === 'padded-cells' && text !== '' ? `\u00a0\u00a0${text}\u00a0` : text),
    label: (text: string, level: LabelCell['level']) =>
      layout === 'group-spans' && level === 0 ? vertical(text) : layout === 'wrapped-labels' ? wrapped(text) : text,
    /** The spacer column `padded-cells` adds at the right of every row. */
    pad: (row: LaidCell[]) => (layout === 'padded-cells' ? [...row, td('')] : row),
  };
}

/** Table B: header rows with 申请人情况 / 法人或其他组织 spans, label cells merged down their groups. */
function requestRows(table: ModelTable, layout: TableLayout): LaidCell[][] {
  const [top, middle, bottom] = table.header;
  const shape = shaped(layout);
  const head = [
    [th(top[0], 3, LABEL_COLUMNS), th(top[1], 1, 7)],
    [th(shape.header(middle[0]), 2), th(middle[1], 1, 5), th(shape.header(middle[2]), 2)],
    bottom.map((text) => th(shape.header(text))),
  ];
  const body = table.rows.map((row, i) => {
    // An outer or group label sits in its level's column; the own label takes the label columns left.
    const ownColspan = LABEL_COLUMNS - row.labels.filter((l) => l.level < 2).length;
    const labels = row.labels
      .filter((label) => label.first)
      .map((label) =>
        label.level === 2 ? td(shape.label(label.text, 2), 1, ownColspan) : td(shape.label(label.text, label.level), spanOf(table.rows, i, label.level)),
      );
    return [...labels, ...row.cells.map((text) => ({ ...td(shape.value(text)), value: true }))];
  });
  return [...head, ...body].map(shape.pad);
}

/** Table C: 行政复议 over five columns, 行政诉讼 over ten split in two groups of five, then one row of 15 numbers. */
function appealRows(table: ModelTable, layout: TableLayout): LaidCell[][] {
  const [top, middle, bottom] = table.header;
  const shape = shaped(layout);
  return [
    [th(top[0], 1, 5), th(top[1], 1, 10)],
    [...middle.slice(0, 5).map((text) => th(shape.header(text), 2)), th(middle[5], 1, 5), th(middle[6], 1, 5)],
    bottom.map((text) => th(shape.header(text))),
    table.rows[0].cells.map((text) => ({ ...td(shape.value(text)), value: true })),
  ].map(shape.pad);
}

function tableBlocks(key: 'proactive' | 'requests' | 'appeals', tables: TableModels, style: FlowStyle): FlowBlock[] {
  if (key === 'proactive') {
    const items = proactiveRows(tables.proactive);
    const grouped = style.splitProactive ? items : [items.flat()];
    return grouped.map((rows) => ({ kind: 'table', rows, repeatHeaderRows: 0 }));
  }
  if (key === 'requests')
    return [{ kind: 'table', rows: requestRows(tables.requests, style.tableLayout), repeatHeaderRows: style.repeatHeader ? REQUEST_HEADER_ROWS : 0 }];
  return [{ kind: 'table', rows: appealRows(tables.appeals, style.tableLayout), repeatHeaderRows: 0 }];
}

const TABLE_OF: Record<string, 'proactive' | 'requests' | 'appeals' | undefined> = { proactive: 'proactive', requests: 'requests', appeals: 'appeals' };

export function reportFlow(parts: HtmlParts, style: FlowStyle): FlowBlock[] {
  const flow: FlowBlock[] = [{ kind: 'title', lines: parts.title.blockLines }];
  if (parts.intro) flow.push({ kind: 'paragraph', text: parts.intro });
  for (const section of parts.sections) {
    flow.push({ kind: 'heading', text: section.heading });
    for (const block of section.blocks) flow.push({ kind: block.kind, text: block.text });
    const table = TABLE_OF[section.key];
    if (table) flow.push(...tableBlocks(table, parts.tables, style));
  }
  flow.push(...parts.signature.map((text) => ({ kind: 'signature' as const, text })));
  return flow;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function cellHtml(cell: LaidCell, style: HtmlStyle): string {
  const spans = `${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
  const tag = cell.head ? 'th' : 'td';
  const kind = cell.value ? ' class="v"' : '';
  // A line break inside a cell (a vertical header, a wrapped label) is a <br>, as web editors write it.
  const text = escapeHtml(cell.text).replaceAll('\n', '<br>');
  const body = style.wordCells ? `<p class="MsoNormal"><span>${cell.text === '' ? '&nbsp;' : text}</span></p>` : text;
  return `<${tag}${spans}${kind}>${body}</${tag}>`;
}

function tableHtml(block: Extract<FlowBlock, { kind: 'table' }>, style: HtmlStyle): string {
  const rows = block.rows.map((row) => `<tr>${row.map((c) => cellHtml(c, style)).join('')}</tr>`);
  const open = `<table class="report-table${style.ruled ? '' : ' unruled'}">`;
  if (!block.repeatHeaderRows) return `${open}${rows.join('')}</table>`;
  return `${open}<thead>${rows.slice(0, block.repeatHeaderRows).join('')}</thead><tbody>${rows.slice(block.repeatHeaderRows).join('')}</tbody></table>`;
}

function blockHtml(block: FlowBlock, style: HtmlStyle): string {
  switch (block.kind) {
    case 'title':
      return `<h1 class="article-title">${block.lines.map(escapeHtml).join('<br>')}</h1>`;
    case 'heading':
      return style.headings === 'h2' ? `<h2>${escapeHtml(block.text)}</h2>` : `<p><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'subheading':
      return `<p class="subheading"><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'signature':
      return `<p class="signature">${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block, style);
  }
}

/** One table's HTML (table A split per 第二十条 item gives several), each on one line. */
export function tablesHtml(key: 'proactive' | 'requests' | 'appeals', tables: TableModels, style: HtmlStyle): string[] {
  return tableBlocks(key, tables, style).map((b) => blockHtml(b, style));
}

/** The report's blocks as HTML: title, prose, tables, signature. */
export function articleHtml(parts: HtmlParts, style: HtmlStyle): string[] {
  return reportFlow(parts, style).map((b) => blockHtml(b, style));
}

/** Print stylesheet: A4 pages with "— n —" page numbers, ruled tables. */
export const printCss = (style: HtmlStyle) => `
@page { size: A4; margin: 25mm 20mm 22mm; @bottom-center { content: "— " counter(page) " —"; font-size: 12px; } }
body { font-family: ${style.font}; font-size: 15px; line-height: 1.6; margin: 0; }
h1 { font-size: 20px; text-align: center; }
h2 { font-size: 16px; margin: 12px 0 6px; }
p { margin: 4px 0; text-indent: 2em; }
p.signature { text-align: right; }
table.report-table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: ${style.cellFontPx}px; line-height: 1.35; }
table.report-table td, table.report-table th { border: 1px solid #000; padding: 3px 4px; text-align: center; font-weight: normal; }
table.report-table p { margin: 0; text-indent: 0; }
table.report-table.unruled td, table.report-table.unruled th { border: none; }
table.report-table td.v { white-space: nowrap; }
`;

const SITE_CSS = `
body { font-family: "Noto Sans CJK SC", sans-serif; }
.report-table { border-collapse: collapse; } .report-table td, .report-table th { border: 1px solid #999; }
`;

function chromeTop(siteName: string): string {
  return `<header class="site-header"><div class="logo">${escapeHtml(siteName)}</div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwgk/xxgk/">政府信息公开</a></li><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开工作年度报告</div>`;
}

function chromeBottom(siteName: string, year: number): string {
  // Related links name other years' reports and use the section words: traps for a reader that takes the first match.
  return `<aside class="related"><h3>相关链接</h3><ul><li><a href="#">${escapeHtml(siteName)}${year - 1}年政府信息公开工作年度报告</a></li><li><a href="#">政府信息公开指南</a></li><li><a href="#">收到和处理政府信息公开申请情况统计说明</a></li></ul></aside>
<footer class="site-footer"><p>主办单位：${escapeHtml(siteName)}办公室　网站标识码：2307000001</p><p>版权所有 © ${escapeHtml(siteName)}　ICP备案号：黑ICP备00000000号</p></footer>
<script>window.siteStats = { page: "ndbg", note: "本年新收 上年结转 行政复议" };</script>`;
}

/**
 * A whole page: the article alone for printing, or a saved web page where the title sits above the article body,
 * next to the publication date, inside site chrome.
 */
export function renderHtmlPage(parts: HtmlParts, style: HtmlStyle, site: { name: string; year: number } = { name: '人民政府门户网站', year: 2024 }): string {
  const meta = style.charsetMeta === 'charset' ? `<meta charset="${style.charset}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${style.charset}">`;
  const title = escapeHtml(parts.title.oneLine);
  const [heading, ...body] = articleHtml(parts, style);
  if (!style.chrome)
    return `<!DOCTYPE html>\n<html lang="zh-CN"><head>${meta}<title>${title}</title><style>${printCss(style)}</style></head>\n<body>\n${[heading, ...body].join('\n')}\n</body></html>\n`;
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head>${meta}<title>${title}_${escapeHtml(site.name)}</title><style>${SITE_CSS}</style>
<script src="/js/jquery.min.js"></script></head>
<body>
${chromeTop(site.name)}
<div class="main"><div class="article">
${heading}
<div class="info">发布时间：${site.year + 1}-01-20　来源：${escapeHtml(site.name)}　字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="article-content">
${body.join('\n')}
</div>
</div></div>
${chromeBottom(site.name, site.year)}
</body></html>\n`;
}
