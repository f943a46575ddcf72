/**
 * A page as Pagefind is handed it (src/integrations/pagefind.ts): the same HTML with the content of every element that
 * the index's exclude selectors match taken out, the element's own tags kept. Pagefind skips those elements anyway,
 * but reading them was a quarter to a third of its CPU on a report page, whose tables (some 175 numbers in about
 * 20 KB of markup) are two thirds of its HTML (BENCHMARKS.md, "Pagefind reads only what it indexes"). What Pagefind
 * writes is the same, file for file (tests/site/pagefind-html.test.ts on the built site).
 *
 * The selectors understood are the simple ones the index uses: a tag name (`table`), an id (`#cite`), a class
 * (`.byline`); any other selector is left to Pagefind. Cutting is by the page's tags, which is exact for the pages
 * this site writes: every `<` of their text and attribute values is escaped, so each one starts a tag. A page whose
 * body holds anything else that could hide a `<` (a comment, a script, a style, raw text) or whose tags do not
 * balance is handed over as it is, as is an element holding a `data-pagefind-` attribute (a filter or metadata,
 * which Pagefind reads even inside excluded elements).
 */

/** A simple selector: one of a tag name, an id, a class. */
interface SimpleSelector {
  tag?: string;
  id?: string;
  className?: string;
}

/**
 * Elements whose content is raw text or could hide a `<` that starts no tag: a page holding one is not cut. Not
 * `title`: in a body it is an inline SVG's accessible name (every chart drawn in a page has one), and its text is
 * escaped as all text is.
 */
const UNSAFE_IN_BODY = /<!--|<(script|style|textarea|template|noscript|iframe|xmp|plaintext|noembed|noframes)[\s>/]/i;
/** An opening or closing tag: its name and its attributes. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const PAGEFIND_ATTRIBUTE = 'data-pagefind-';
/** A tag's id and class, as this site writes attribute values: in double quotes. */
const ID_ATTRIBUTE = /(?:^|\s)id="([^"]*)"/;
const CLASS_ATTRIBUTE = /(?:^|\s)class="([^"]*)"/;

function parseSelector(selector: string): SimpleSelector | null {
  const s = selector.trim();
  if (/^[a-z][a-z0-9-]*$/i.test(s)) return { tag: s.toLowerCase() };
  if (/^#[\w-]+$/.test(s)) return { id: s.slice(1) };
  if (/^\.[\w-]+$/.test(s)) return { className: s.slice(1) };
  return null;
}

function matches(selectors: readonly SimpleSelector[], tag: string, attrs: string): boolean {
  const id = ID_ATTRIBUTE.exec(attrs)?.[1];
  const classes = CLASS_ATTRIBUTE.exec(attrs)?.[1].split(/\s+/) ?? [];
  return selectors.some(
    (s) => (s.tag !== undefined && s.tag === tag) || (s.id !== undefined && s.id === id) || (s.className !== undefined && classes.includes(s.className)),
  );
}

/**
 * Where the element whose opening tag ends at `from` ends: its closing tag's start and the index just past it,
 * counting the tags of the same name on the way; null when it does not close.
 */
function elementEnd(html: string, tag: string, from: number): { innerEnd: number; end: number } | null {
  const tags = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : m[0].endsWith('/>') ? 0 : 1;
    if (depth === 0) return { innerEnd: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** `html` with the content of the elements `selectors` match taken out (see above); `html` itself where not safe. */
export function withoutExcluded(html: string, selectors: readonly string[]): string {
  const simple = selectors.map(parseSelector).filter((s): s is SimpleSelector => s !== null);
  const bodyAt = html.search(/<body[\s>]/i);
  if (simple.length === 0 || bodyAt < 0 || UNSAFE_IN_BODY.test(html.slice(bodyAt))) return html;
  let out = html.slice(0, bodyAt);
  let copied = bodyAt;
  TAG.lastIndex = bodyAt;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [open, closing, name, attrs] = m;
    const tag = name.toLowerCase();
    if (closing || VOID_ELEMENTS.has(tag) || open.endsWith('/>') || !matches(simple, tag, attrs)) continue;
    const innerStart = m.index + open.length;
    const element = elementEnd(html, tag, innerStart);
    if (!element) return html;
    // An element holding filters or metadata is read by Pagefind: left whole, and searched inside as any other.
    if (html.slice(innerStart, element.innerEnd).includes(PAGEFIND_ATTRIBUTE)) continue;
    out += html.slice(copied, innerStart);
    copied = element.innerEnd;
    TAG.lastIndex = element.end;
  }
  return out + html.slice(copied);
}
