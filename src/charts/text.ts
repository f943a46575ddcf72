/**
 * Text helpers for SVG built without a DOM: escaping untrusted report text and estimating text width
 * (there is no layout engine at build time, so widths are estimated from character classes).
 */

// Characters XML 1.0 forbids even when escaped; a single one would make the whole SVG unparseable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Whether a string holds anything escapeXml changes (a quick test: most labels hold nothing to escape). */
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escape text for SVG/XML content and attribute values; drops characters XML cannot contain. */
export function escapeXml(value: string | number): string {
  // Numbers print as digits, signs, '.', 'e', Infinity or NaN: nothing to escape.
  if (typeof value === 'number') return String(value);
  if (!NEEDS_ESCAPING.test(value)) return value;
  return value.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** Estimated advance of one character in em: CJK and full-width forms take a full em, Latin about 0.6. */
function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1;
  if (ch === ' ') return 0.3;
  return 0.6;
}

/** Estimated width of `text` in px at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize;
}

/** Runs of Latin letters, digits and number punctuation stay together; every other character is its own token. */
const TOKEN = /[A-Za-z0-9.,:;/%+\-_=&?#@'"()<>[\]]+|[\s\S]/gu;

const NO_LINE_START = /^[）」』》〉】，。、；：！？…·)\]}]/u;
const NO_LINE_END = /[（「『《〈【“([{]$/u;

/**
 * Break `text` into lines no wider than `maxWidth` px: greedy, between characters for Chinese (which has
 * no spaces) but not inside numbers or Latin words; a token wider than a line is cut by character.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const push = (token: string, w: number) => {
    // Closing punctuation never starts a line (it overhangs instead, as in Chinese typesetting).
    if (line && width + w > maxWidth && !NO_LINE_START.test(token)) {
      // An opening bracket never ends a line: it moves down with what it opens.
      const carried = NO_LINE_END.test(line) && line.length > 1 ? line.slice(-1) : '';
      lines.push(line.slice(0, line.length - carried.length).trimEnd());
      line = carried + token.trimStart();
      width = textWidth(line, fontSize);
    } else {
      line += token;
      width += w;
    }
  };
  for (const token of text.match(TOKEN) ?? []) {
    const w = textWidth(token, fontSize);
    if (w <= maxWidth) push(token, w);
    else for (const ch of token) push(ch, textWidth(ch, fontSize));
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * A template label without its numbering and trailing explanation, for chart axes:
 * "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "部分公开", "1.属于国家秘密" → "属于国家秘密".
 */
export function plainLabel(zh: string): string {
  return zh
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/^\d+\./, '')
    .replace(/（[^（）]*）$/, '')
    .trim();
}
