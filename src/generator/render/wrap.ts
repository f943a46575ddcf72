/**
 * Line geometry of text extracted from a PDF: lines broken every ~30 characters mid-sentence (never inside a run
 * of ASCII digits or letters), spaces around ASCII runs ("2024 年"), page breaks with footers ("- 3 -", "— 4 —")
 * and a leading space on the first line of a page.
 */
import type { Rng } from '../rng';

/** Puts spaces around runs of ASCII digits and letters, as PDF text extraction does with mixed scripts. */
export function spaceAsciiRuns(text: string): string {
  return text.replace(/([^\x00-\x7F])([0-9A-Za-z])/g, '$1 $2').replace(/([0-9A-Za-z])([^\x00-\x7F])/g, '$1 $2');
}

/** Breaks text into lines of about `width` characters, keeping ASCII runs (numbers, words) whole. */
export function wrap(text: string, width: number): string[] {
  const tokens = text.match(/[\x21-\x7E]+|\s+|[^\s\x21-\x7E]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line.length + token.length > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

export type FooterStyle = 'none' | 'dash' | 'emdash';

export function footer(style: FooterStyle, page: number): string | null {
  if (style === 'dash') return `- ${page} -`;
  if (style === 'emdash') return `— ${page} —`;
  return null;
}

/**
 * Cuts lines into pages of `pageLength` non-empty lines: a footer after each page (unless 'none') and a leading space
 * on the first line of the next page (seeds 000 and 004).
 */
export function paginate(lines: string[], pageLength: number, style: FooterStyle): string[] {
  const out: string[] = [];
  let onPage = 0;
  let page = 1;
  let startOfPage = false;
  for (const line of lines) {
    if (line.trim() === '') {
      out.push(line);
      continue;
    }
    if (onPage === pageLength) {
      const f = footer(style, page++);
      if (f) out.push(f);
      onPage = 0;
      startOfPage = true;
    }
    out.push(startOfPage ? ` ${line}` : line);
    startOfPage = false;
    onPage++;
  }
  const last = footer(style, page);
  if (last) out.push(last);
  return out;
}

/** Splits text into pieces of 1–`max` characters: vertical header text, one or two characters per line. */
export function chunks(text: string, rng: Rng, max: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const n = Math.min(rng.int(1, max), chars.length - i);
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

/** Blank lines between all lines (seeds 000 and 004 come out of the PDF that way). */
export function doubleSpaced(lines: string[]): string[] {
  return lines.flatMap((l) => (l === '' ? [l] : [l, '']));
}
