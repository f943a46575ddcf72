/**
 * An HTML document (a saved web page, or Word converted by mammoth) → blocks: the report body found among the site
 * chrome, its paragraphs and headings as text lines, its tables as grids with rowspan/colspan expanded.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { SECTIONS } from '../../../schema';
import type { Block } from './blocks';
import { cellText, type GridCell, type TableGrid } from './table-grid';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Never content: scripts, styles, forms, embedded objects, navigation. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'button', 'input', 'textarea', 'nav']);
/** Elements that start and end a line of text; everything else is inline. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol',
  'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'center', 'hr', 'form', 'fieldset',
  'caption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'body', 'html',
]);
/** Where site chrome lives: a title found inside one of these is not the report's. */
const CHROME = new Set(['nav', 'aside', 'footer']);

/** Words of the report's own headings and table labels: the element holding most of them is the report body. */
const MARKERS = [
  ...SECTIONS.map((s) => s.zh),
  '第二十条',
  '本年新收',
  '上年结转',
  '予以公开',
  '结转下年度',
  '复议后起诉',
];
/** Fewer markers than this and the page is not taken for a report: the whole body is read. */
const MIN_MARKERS = 3;
const TITLE_TEXT = /(?:年度报告|年报)/;
const YEAR_TEXT = /(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}/;

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function hidden(el: Element): boolean {
  return attr(el, 'hidden') !== undefined || /display\s*:\s*none/i.test(attr(el, 'style') ?? '');
}

function skipped(el: Element): boolean {
  return SKIPPED.has(el.tagName) || hidden(el);
}

/** Raw text of a subtree (scripts, styles and hidden elements left out). */
function rawText(node: Node, memo: Map<Node, string>): string {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let text = '';
  if (node.nodeName === '#text') text = (node as DefaultTreeAdapterTypes.TextNode).value;
  else if (!isElement(node) || !skipped(node)) text = childrenOf(node).map((c) => rawText(c, memo)).join('');
  memo.set(node, text);
  return text;
}

/** Collects text lines and tables in document order. */
class BlockWriter {
  readonly blocks: Block[] = [];
  private inline = '';

  text(s: string) {
    this.inline += s;
  }

  /** Ends the current line: HTML whitespace collapses; NBSP and the ideographic space count as spaces too. */
  flush() {
    const line = this.inline.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (line) this.blocks.push({ kind: 'text', text: line });
    this.inline = '';
  }

  table(grid: TableGrid) {
    this.flush();
    this.blocks.push({ kind: 'table', grid });
  }
}

/** The rows of a table, not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childrenOf(table).filter(isElement)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...childrenOf(child).filter(isElement).filter((r) => r.tagName === 'tr'));
  }
  return rows;
}

const cellsOf = (row: Element) => childrenOf(row).filter(isElement).filter((c) => (c.tagName === 'td' || c.tagName === 'th') && !hidden(c));

function containsTable(node: Node): boolean {
  return childrenOf(node).some((c) => isElement(c) && (c.tagName === 'table' || containsTable(c)));
}

const span = (el: Element, name: string) => Math.min(1000, Math.max(1, Number.parseInt(attr(el, name) ?? '1', 10) || 1));

/** The HTML table model: each cell takes the first free slot of its row; rowspan and colspan occupy slots below and right. */
function readGrid(table: Element): TableGrid {
  const rows = rowsOf(table);
  const taken: boolean[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const td of cellsOf(row)) {
      while (taken[r][c]) c++;
      const rowspan = Math.min(span(td, 'rowspan'), rows.length - r);
      const colspan = span(td, 'colspan');
      for (let i = r; i < r + rowspan; i++) for (let j = c; j < c + colspan; j++) taken[i][j] = true;
      const lines = new BlockWriter();
      visit(td, lines, true);
      lines.flush();
      cells.push({ text: cellText(lines.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join(' ')), row: r, col: c, rowspan, colspan });
      c += colspan;
      cols = Math.max(cols, c);
    }
  });
  return { rows: rows.length, cols, cells };
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function inHeading(el: Element): boolean {
  for (let p = el.parentNode; p && isElement(p); p = p.parentNode) if (HEADINGS.has(p.tagName)) return true;
  return false;
}

function visit(node: Node, out: BlockWriter, inCell = false): void {
  if (node.nodeName === '#text') {
    out.text((node as DefaultTreeAdapterTypes.TextNode).value);
    return;
  }
  if (!isElement(node)) {
    for (const child of childrenOf(node)) visit(child, out, inCell);
    return;
  }
  if (skipped(node)) return;
  if (node.tagName === 'br') {
    // A heading is one line even when the page breaks it (伊美区人民政府<br>2024年…年度报告).
    if (inHeading(node)) out.text(' ');
    else out.flush();
    return;
  }
  // A table whose cells hold tables lays out the page; its cells are read as blocks.
  if (node.tagName === 'table' && !inCell && !containsTable(node)) {
    out.table(readGrid(node));
    return;
  }
  const block = BLOCKS.has(node.tagName);
  if (block) out.flush();
  for (const child of childrenOf(node)) visit(child, out, inCell);
  if (block) out.flush();
}

function* elements(node: Node): Generator<Element> {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

function find(node: Node, tag: string): Element | undefined {
  for (const el of elements(node)) if (el.tagName === tag) return el;
  return undefined;
}

const markerCount = (text: string) => {
  const compact = text.replace(/\s+/g, '');
  return MARKERS.filter((m) => compact.includes(m)).length;
};

/** The smallest element that holds as many of the report's markers as the whole page. */
function reportBody(body: Element, memo: Map<Node, string>): Element {
  const best = markerCount(rawText(body, memo));
  if (best < MIN_MARKERS) return body;
  let current = body;
  for (;;) {
    const next = childrenOf(current)
      .filter(isElement)
      .find((c) => !skipped(c) && markerCount(rawText(c, memo)) === best);
    if (!next) return current;
    current = next;
  }
}

function insideChrome(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentNode && isElement(p.parentNode) ? p.parentNode : null) if (CHROME.has(p.tagName)) return true;
  return false;
}

/** A title line: names a year and the report, short, not a sentence quoting the title (现发布《…年度报告》。). */
const looksLikeTitle = (text: string) => TITLE_TEXT.test(text) && YEAR_TEXT.test(text) && text.length <= 120 && !/[《。]/.test(text);

/**
 * The report's title when the body found does not start with one (pages often put the title in an element of its
 * own above the article): the first heading or "title" element outside navigation, sidebars and footers that reads
 * like a report title, else the document's <title>.
 */
function outsideTitle(doc: Node, body: Element, head: string[], memo: Map<Node, string>): string | null {
  if (head.some(looksLikeTitle)) return null;
  const bodyNodes = new Set<Node>(elements(body));
  const normal = (el: Element) => rawText(el, memo).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const candidates = [...elements(doc)].filter((el) => !bodyNodes.has(el) && el !== body && !insideChrome(el) && !skipped(el));
  const byTag = ['h1', 'h2', 'h3'].flatMap((tag) => candidates.filter((el) => el.tagName === tag));
  const byClass = candidates.filter((el) => /title/i.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`));
  for (const el of [...byTag, ...byClass]) {
    const text = normal(el);
    if (looksLikeTitle(text)) return text;
  }
  const title = find(doc, 'title');
  const text = title ? normal(title) : '';
  return looksLikeTitle(text) ? text : null;
}

/** The blocks of an element and all it holds. */
function blocksOf(el: Element): Block[] {
  const out = new BlockWriter();
  visit(el, out);
  out.flush();
  return out.blocks;
}

/** Reads a piece of HTML (a table cut out of a text) into blocks: all of it, with no search for the article. */
export function fragmentBlocks(html: string): Block[] {
  const body = find(parse(html), 'body');
  return body ? blocksOf(body) : [];
}

/** Reads an HTML string into blocks. */
export function htmlBlocks(html: string): Block[] {
  const doc = parse(html);
  // parse5 builds html, head and body for any input, as browsers do.
  const body = find(doc, 'body');
  if (!body) return [];
  const memo = new Map<Node, string>();
  const article = reportBody(body, memo);
  const blocks = blocksOf(article);
  const head = blocks.slice(0, 5).flatMap((b) => (b.kind === 'text' ? [b.text] : []));
  const title = outsideTitle(doc, article, head, memo);
  return title ? [{ kind: 'text', text: title }, ...blocks] : blocks;
}
