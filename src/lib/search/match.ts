/**
 * Exact matching of search queries against page text, shared by the search page script and its tests.
 *
 * Pagefind finds candidate pages (see `indexQuery`); whether a page really contains the query is
 * decided here, on text normalised the same way on both sides (NFKC, lower case, no whitespace or
 * zero-width characters), so that PDF line breaks or Pagefind's word separators never hide a match.
 */
import { SHORT_FORMS_ID } from './aliases';

/** Whitespace and the zero-width characters Pagefind puts between segmented Chinese words. */
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/u;

/** Text as compared by search, with the position in the original text of each of its UTF-16 units. */
export interface NormalisedText {
  text: string;
  /** `start[i]` is where the character that produced `text[i]` begins in the original. */
  start: number[];
  /** `end[i]` is where that character ends in the original. */
  end: number[];
}

function normaliseChar(char: string): string {
  return [...char.normalize('NFKC').toLowerCase()].filter((c) => !IGNORED.test(c)).join('');
}

/** Normalises text character by character, keeping a map back to the original positions. */
function normaliseText(input: string): NormalisedText {
  const out: NormalisedText = { text: '', start: [], end: [] };
  let offset = 0;
  for (const char of input) {
    const normalised = normaliseChar(char);
    out.text += normalised;
    for (let i = 0; i < normalised.length; i += 1) {
      out.start.push(offset);
      out.end.push(offset + char.length);
    }
    offset += char.length;
  }
  return out;
}

/** The normalised form of a string (no position map). */
export function normalise(input: string): string {
  return normaliseText(input).text;
}

/**
 * The terms of a query: split on whitespace (after NFKC, so full-width spaces count), normalised,
 * without punctuation at either end (quotes around a phrase), duplicates removed.
 */
export function queryTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .split(/\s+/u)
    .map((term) => normalise(term).replace(/^\p{P}+|\p{P}+$/gu, ''))
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/** The overlapping pairs of adjacent Han characters in a text (after NFKC, like query terms). */
export function hanPairs(text: string): string[] {
  const pairs: string[] = [];
  for (const run of text.normalize('NFKC').match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(chars[i] + chars[i + 1]);
  }
  return pairs;
}

/** Han runs and other runs of letters or digits in a term: the words of the queries sent to Pagefind. */
const QUERY_RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** At most this many pairs of a run are sent to Pagefind (one more index chunk each, see `indexQueries`). */
export const MAX_PAIRS_PER_RUN = 4;

/**
 * The queries that may be sent to Pagefind for the given terms, the broadest first; each adds one word to the one
 * before, so it finds a subset of its pages, and every one of them still finds every page containing the terms.
 *
 * Pagefind's index holds every pair of adjacent Chinese characters, and it returns the pages holding ALL the words of
 * a query. So each run of Han characters is sent as character pairs: a page containing the run contains each of its
 * pairs, so no such page is missed, and pages that only contain the pairs are removed afterwards by `containsAll`.
 * The first query sends ONE pair per run, the least common according to `commonPairs` (most common first; see
 * common-pairs.ts; a pair missing from that list is rarer than all listed ones): Pagefind downloads the index chunk of
 * every word it is sent, and the chunk of a pair in every report (行政) grows with the corpus. The later queries add,
 * one at a time, the run's other pairs that are not listed as common, those sharing no character with a pair already
 * chosen first, up to MAX_PAIRS_PER_RUN a run (an eight-character run is covered by four): each costs one more index
 * chunk a bundle and narrows the candidates the page must load to check (`search-page.ts` narrows only when the
 * candidates are many). Listed pairs are never added: their chunks are the largest and they narrow little.
 * Single Han characters and other runs (digits, Latin) are sent as they are, in every query.
 */
export function indexQueries(terms: string[], commonPairs: readonly string[] = []): string[] {
  const commonness = new Map(commonPairs.map((pair, i) => [pair, commonPairs.length - i]));
  const rarity = (pair: string) => commonness.get(pair) ?? 0;
  const words: string[] = [];
  const extra: string[] = [];
  for (const term of terms) {
    for (const run of term.match(QUERY_RUN) ?? []) {
      const pairs = /\p{Script=Han}/u.test(run) ? hanPairs(run) : [];
      if (pairs.length === 0) {
        words.push(run);
        continue;
      }
      // The first of the least common pairs (a pair not listed has commonness 0).
      const first = pairs.reduce((best, pair, i) => (rarity(pair) < rarity(pairs[best]) ? i : best), 0);
      words.push(pairs[first]);
      const chosen = [first];
      const overlaps = (i: number) => chosen.some((c) => Math.abs(c - i) < 2);
      const rest = pairs.map((_, i) => i).filter((i) => i !== first && !commonness.has(pairs[i]));
      for (const disjoint of [true, false]) {
        for (const i of rest) {
          if (chosen.length >= MAX_PAIRS_PER_RUN || chosen.includes(i) || (disjoint && overlaps(i))) continue;
          if (chosen.some((c) => pairs[c] === pairs[i])) continue;
          chosen.push(i);
          extra.push(pairs[i]);
        }
      }
    }
  }
  const queries = [[...new Set(words)]];
  for (const word of extra) if (!queries.at(-1)!.includes(word)) queries.push([...queries.at(-1)!, word]);
  return queries.map((q) => q.join(' '));
}

/**
 * A word of `indexQueries` as the search page sends it to Pagefind: a pair of Han characters in double quotes, which
 * Pagefind searches as that exact word (every pair of a page's Han text is a word of its index), not as a prefix; a
 * prefix search also matches, where a bundle's loaded index chunk has no word starting with the pair, the longest
 * word the pair starts with (its first character), and so every page of that bundle holding that character. Other
 * words (single characters, digits, Latin) are sent as they are: searched as prefixes.
 */
export function pagefindTerm(word: string): string {
  return /^\p{Script=Han}{2}$/u.test(word) ? `"${word}"` : word;
}

/** The broadest query of `indexQueries`: one pair per run of Han characters. */
export function indexQuery(terms: string[], commonPairs: readonly string[] = []): string {
  return indexQueries(terms, commonPairs)[0];
}

/**
 * Whether every term (as returned by `queryTerms`) occurs in one of the texts (page content, title,
 * agency name) or of the `normalisedTexts` (the headers of the tables the page shows, normalised once per page
 * load). Each text is searched on its own, so no match is made up across two of them.
 */
export function containsAll(texts: string[], terms: string[], normalisedTexts: readonly string[] = []): boolean {
  const haystacks = texts.map(normalise).concat(normalisedTexts);
  return terms.every((term) => haystacks.some((haystack) => haystack.includes(term)));
}

/**
 * The official tables as the search page receives them (src/lib/search/table-headers.ts): by table name, the
 * section of the report page the table is in, and its header texts. The headers are not in the search index.
 */
export type TableHeaderMap = Record<string, { section: string; everyReportPage: boolean; headers: string[] }>;

/** A table with its headers also normalised as query terms are, once, for matching. */
export type SearchTables = Record<string, TableHeaderMap[string] & { normalised: string[] }>;

export function searchTables(tables: TableHeaderMap): SearchTables {
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, { ...table, normalised: table.headers.map(normalise) }]));
}

/** The tables with a header that contains the term (a normalised query term). */
export function tablesWithTerm(term: string, tables: SearchTables): string[] {
  return Object.keys(tables).filter((name) => tables[name].normalised.some((header) => header.includes(term)));
}

/** The first header, among the given tables', that contains one of the terms, and the table it is in. */
export function headerMatch(terms: string[], shown: string[], tables: SearchTables): { table: string; header: string } | null {
  for (const table of shown) {
    const at = tables[table]?.normalised.findIndex((h) => terms.some((term) => h.includes(term))) ?? -1;
    if (at >= 0) return { table, header: tables[table].headers[at] };
  }
  return null;
}

/** A match of a term in the original text: [start, end) in UTF-16 units. */
export interface Match {
  start: number;
  end: number;
}

/** Every occurrence of the terms in the text, in original positions, sorted and without overlaps. */
export function findMatches(text: string, terms: string[]): Match[] {
  const normalised = normaliseText(text);
  const found: Match[] = [];
  for (const term of terms) {
    let at = normalised.text.indexOf(term);
    while (at !== -1) {
      found.push({ start: normalised.start[at], end: normalised.end[at + term.length - 1] });
      at = normalised.text.indexOf(term, at + term.length);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Match[] = [];
  for (const match of found) {
    const last = merged.at(-1);
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

/** A piece of an excerpt; `mark` pieces are the matched text. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A short excerpt around the first match, as text pieces to render with text nodes and <mark>
 * (never as HTML). Falls back to the start of the text when nothing matches.
 */
export function excerpt(text: string, terms: string[], radius = 40): ExcerptPart[] {
  const matches = findMatches(text, terms);
  const first = matches[0] ?? { start: 0, end: 0 };
  const from = Math.max(0, first.start - radius);
  const to = Math.min(text.length, Math.max(first.end + radius, from + 2 * radius));
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const match of matches) {
    if (match.start < from || match.end > to) continue;
    if (match.start > at) parts.push({ text: text.slice(at, match.start), mark: false });
    parts.push({ text: text.slice(match.start, match.end), mark: true });
    at = match.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  if (from > 0) parts.unshift({ text: '…', mark: false });
  if (to < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** An element with an id, as Pagefind reports it: `location` is the index of its first word. */
export interface Anchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** Pagefind's word separators in a page's raw content: whitespace and zero-width spaces. */
const WORD_SEPARATOR = /[\s\u200b]+/u;

/**
 * The section in which the first match of the terms lies, so a result can link to it: the id of the
 * outermost element starting there (a <section id="overview"> before its <h2 id="overview-heading">)
 * and the text of its heading. `rawContent` is Pagefind's `raw_content`, whose words anchor locations count.
 */
export function sectionOfMatch(rawContent: string, anchors: Anchor[], terms: string[]): { id: string; title: string } | null {
  const first = findMatches(rawContent, terms)[0];
  if (!first) return null;
  const wordIndex = rawContent.slice(0, first.start).split(WORD_SEPARATOR).filter(Boolean).length;
  // A match that begins mid-word belongs to that word, which was already counted.
  const startsMidWord = first.start > 0 && !WORD_SEPARATOR.test(rawContent[first.start - 1]);
  const location = startsMidWord ? wordIndex - 1 : wordIndex;
  const before = anchors.filter((a) => a.id && a.location <= location);
  if (before.length === 0) return null;
  const start = Math.max(...before.map((a) => a.location));
  const here = before.filter((a) => a.location === start);
  if (here.some((a) => a.id === SHORT_FORMS_ID)) return null;
  const heading = here.find((a) => /^h[1-6]$/i.test(a.element)) ?? here[0];
  return { id: here[0].id, title: heading.text.trim() };
}
