/**
 * Damaged inputs for the parser's robustness tests: truncated files, lost or doubled lines, stray bytes, sections
 * out of order, empty and binary files. Cuts and insertions never land inside a number (a number cut short is a
 * different valid number, which no parser could notice), so every change is one a parser can see or ignore.
 */
import type { Rng } from './rng';

export const CORRUPTIONS = ['truncate', 'delete-lines', 'duplicate-lines', 'insert-bytes', 'swap-sections', 'empty', 'binary'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

const NUMERIC = /[0-9０-９.,，．]/;
const DIGITS = /\p{Nd}/u;

/** Positions between two characters neither of which belongs to a number. */
function safePositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) if (!NUMERIC.test(text[i - 1]) && !NUMERIC.test(text[i])) out.push(i);
  return out;
}

function truncate(text: string, rng: Rng): string {
  const at = safePositions(text);
  return at.length ? text.slice(0, rng.pick(at)) : '';
}

function deleteLines(text: string, rng: Rng): string {
  const lines = text.split('\n');
  for (let n = rng.int(1, 3); n > 0 && lines.length > 1; n--) lines.splice(rng.int(0, lines.length - 1), 1);
  return lines.join('\n');
}

function duplicateLines(text: string, rng: Rng): string {
  const lines = text.split('\n');
  for (let n = rng.int(1, 3); n > 0; n--) {
    const i = rng.int(0, lines.length - 1);
    lines.splice(i, 0, lines[i]);
  }
  return lines.join('\n');
}

/** Random bytes (no digits once decoded) at a few places that touch no number; invalid UTF-8 becomes U+FFFD. */
function insertBytes(text: string, rng: Rng): string {
  const decoder = new TextDecoder('utf-8');
  let out = text;
  for (let n = rng.int(1, 3); n > 0; n--) {
    const at = safePositions(out);
    if (!at.length) break;
    const p = rng.pick(at);
    let junk: string;
    do {
      junk = decoder.decode(Uint8Array.from({ length: rng.int(1, 8) }, () => rng.int(0, 255)));
    } while (DIGITS.test(junk) || NUMERIC.test(junk) || /[-+−—–－/\\无]/.test(junk));
    out = out.slice(0, p) + junk + out.slice(p);
  }
  return out;
}

const SECTION_HEADING = /[一二三四五六]、(?:行政机关)?(?:总体情况|主动公开政府信息情况|收到和处理|因政府信息公开|政府信息公开行政复议|政府信息公开工作存在|存在的主要问题|其他需要报告)/g;

/** Swaps two sections (heading to next heading), e.g. table C's section before table B's. */
function swapSections(text: string, rng: Rng): string {
  const starts = [...text.matchAll(SECTION_HEADING)].map((m) => m.index!);
  if (starts.length < 3) return deleteLines(text, rng);
  const i = rng.int(0, starts.length - 3);
  const [a, b, c] = [starts[i], starts[i + 1], starts[i + 2]];
  return text.slice(0, a) + text.slice(b, c) + text.slice(a, b) + text.slice(c);
}

function binary(rng: Rng): string {
  return new TextDecoder('utf-8').decode(Uint8Array.from({ length: rng.int(1, 4000) }, () => rng.int(0, 255)));
}

export function corrupt(text: string, kind: Corruption, rng: Rng): string {
  switch (kind) {
    case 'truncate':
      return truncate(text, rng);
    case 'delete-lines':
      return deleteLines(text, rng);
    case 'duplicate-lines':
      return duplicateLines(text, rng);
    case 'insert-bytes':
      return insertBytes(text, rng);
    case 'swap-sections':
      return swapSections(text, rng);
    case 'empty':
      return '';
    case 'binary':
      return binary(rng);
  }
}
