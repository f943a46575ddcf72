/**
 * Re-flows prose. PDF-extracted text breaks lines at the page width, mid-sentence and mid-word (含 / 金量), often with
 * a blank line after every line and a space at the start of a page. Chinese joins without a space. Headings and list
 * items keep their own lines; a paragraph ends where a line ends a sentence short of the full width.
 */
import type { Line } from './lines';
import { collapseSpaces, isAsciiWord, isPageNoise, visibleLength } from '../text';

export interface Paragraph {
  text: string;
  line: number;
}

/** How a document wraps its lines, measured once over the whole text. */
export interface WrapProfile {
  /** The typical full-line length in characters, or 0 when lines are not wrapped at a fixed width. */
  width: number;
  /** Whether blank lines separate paragraphs (false when a blank line follows nearly every line). */
  blankBreaks: boolean;
}

export function wrapProfile(lines: Line[]): WrapProfile {
  // Visible lengths of the non-empty lines; "followed by blank" counts non-empty lines with an empty line next.
  const all = lines.map((l) => visibleLength(l.raw));
  const lengths: number[] = [];
  let followedByBlank = 0;
  for (let i = 0; i < all.length; i++) {
    if (all[i] === 0) continue;
    lengths.push(all[i]);
    if (i + 1 < all.length && all[i + 1] === 0) followedByBlank++;
  }
  if (lengths.length < 8) return { width: 0, blankBreaks: true };
  const width = nthSmallest(lengths, Math.floor(lengths.length * 0.9));
  let near = 0;
  for (const n of lengths) if (n >= width * 0.85 && n <= width + 2) near++;
  const wrapped = width <= 80 && near / lengths.length >= 0.35;
  return { width: wrapped ? width : 0, blankBreaks: followedByBlank / lengths.length < 0.5 };
}

/** Lengths up to this are counted (nthSmallest) rather than sorted. */
const MAX_COUNTED = 4096;

/** The k-th smallest (0-based) of non-negative integers, as a sorted copy's [k]: counted when they are small (a line's length). */
function nthSmallest(xs: number[], k: number): number {
  let max = 0;
  for (const x of xs) if (x > max) max = x;
  if (max > MAX_COUNTED) return Int32Array.from(xs).sort()[k]; // typed arrays sort numerically
  // A plain array: a typed array costs more to set up than these few lengths cost to count.
  const counts = new Array<number>(max + 1).fill(0);
  for (const x of xs) counts[x]++;
  let seen = 0;
  for (let v = 0; v < max; v++) if ((seen += counts[v]) > k) return v;
  return max;
}

const STARTS_ITEM = /^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．)）](?!\d)|[①-⑳]|[-*•·]\s)/;
const ENDS_SENTENCE = /[。！？；：!?;:…”’」』)）]$/;

export function reflow(lines: Line[], profile: WrapProfile): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Open | null = null;
  for (const l of lines) {
    const text = collapseSpaces(l.text).trim();
    if (!text) {
      if (profile.blankBreaks && current && !(profile.width && current.lastFull)) current = close(out, current);
      continue;
    }
    if (isPageNoise(text)) continue;
    const full = profile.width > 0 && visibleLength(text) >= profile.width * 0.85;
    const item = STARTS_ITEM.test(text);
    const c = current as typeof current;
    const prev = c?.parts.at(-1) ?? '';
    const continues =
      c !== null &&
      !item &&
      (c.lastFull || !ENDS_SENTENCE.test(prev)) &&
      // A short heading line ("（一）主动公开") stands alone even without a full stop.
      !(c.item && c.parts.length === 1 && !c.lastFull);
    if (continues && c) {
      c.parts.push((isAsciiWord(prev.at(-1)) && isAsciiWord(text[0]) ? ' ' : '') + text);
      c.lastFull = full;
    } else {
      close(out, current);
      current = { parts: [text], line: l.no, lastFull: full, item };
    }
  }
  close(out, current);
  return out;
}

/** A paragraph being re-flowed. */
interface Open {
  parts: string[];
  line: number;
  lastFull: boolean;
  item: boolean;
}

/** Ends the open paragraph, if any; returns null (the paragraph now open). A module function, not a closure: under tsx a closure made per call is named at run time. */
function close(out: Paragraph[], current: Open | null): null {
  if (current) out.push({ text: current.parts.join(''), line: current.line });
  return null;
}
