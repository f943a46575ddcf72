/**
 * Finding an agency by part of its name or a short form, without the full-text index: a small name index of its
 * own, split into buckets by the character pairs of the names. A name (with its short forms, ./aliases.ts) sits in
 * the bucket of every pair of adjacent characters it contains, so every name containing a query of two or more
 * characters sits in the bucket of each of the query's pairs: the search page fetches the smallest of those buckets
 * (the manifest lists their sizes) and keeps the names that contain the whole query. One query costs one bucket
 * and the manifest, a few kilobytes whatever the number of agencies. Pairs that many names share (人民, 政府) are
 * listed in the manifest and index nothing: a query made only of them (人民政府) would match a large part of the
 * list, so the page asks for a more specific name instead of fetching it.
 * Names and terms are compared as the full-text search compares them (./match.ts `normalise`: NFKC, lower case, no
 * whitespace or ignored marks). Pure; imported by the browser script (src/client/agency-finder.ts) and the build
 * (src/lib/agency-name-index.ts).
 */
import { agencyShortForms } from './aliases';
import { normalise } from './match';

/** One agency in a bucket: name, slug, region label and short forms (only when it has some). */
export interface AgencyNameEntry {
  name: string;
  slug: string;
  region: string;
  forms?: string[];
}

/** What the search page reads first: how many buckets there are, how many names each holds, the common pairs. */
export interface AgencyNameManifest {
  buckets: number;
  sizes: number[];
  common: string[];
}

export interface AgencyNameIndex {
  manifest: AgencyNameManifest;
  buckets: AgencyNameEntry[][];
}

/** Where a query is looked up: one bucket, or nowhere because every pair is common or the query has no pair. */
export type AgencyNameLookup = { bucket: number } | { tooCommon: true } | { tooShort: true };

/** Names a bucket should hold on average: about 8 KB of JSON before compression. */
const NAMES_PER_BUCKET = 120;
/** Character pairs a name has on average (a 12-character name has 11): sets the number of buckets. */
const PAIRS_PER_NAME = 10;
/** A pair in more names than this is common: it indexes nothing. */
const COMMON_NAMES = 4 * NAMES_PER_BUCKET;

/** The pairs of adjacent characters of a normalised text (by code point), each once. */
export function characterPairs(text: string): string[] {
  const chars = [...text];
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  return [...pairs];
}

/** An agency's entry: its short forms (./aliases.ts) when it has some, its region as search results show it. */
export function agencyNameEntry(agency: {
  name: string;
  slug: string;
  region: { province: string | null; prefecture: string | null; county: string | null };
}): AgencyNameEntry {
  const { province, prefecture, county } = agency.region;
  const forms = agencyShortForms(agency.name);
  const region = [province, prefecture, county].filter(Boolean).join(' ');
  return forms.length ? { name: agency.name, slug: agency.slug, region, forms } : { name: agency.name, slug: agency.slug, region };
}

/** FNV-1a over the UTF-16 code units: the same bucket in the build and in every browser. */
export function bucketOf(pair: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pair.length; i++) {
    hash ^= pair.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

const pairsOfEntry = (entry: AgencyNameEntry) =>
  new Set([entry.name, ...(entry.forms ?? [])].flatMap((text) => characterPairs(normalise(text))));

/** Builds the buckets; entries keep the order they are given in (the site gives them sorted by name). */
export function buildAgencyNameIndex(entries: readonly AgencyNameEntry[]): AgencyNameIndex {
  const pairsOf = entries.map(pairsOfEntry);
  const names = new Map<string, number>();
  for (const pairs of pairsOf) for (const pair of pairs) names.set(pair, (names.get(pair) ?? 0) + 1);
  const common = [...names].filter(([, n]) => n > COMMON_NAMES).map(([pair]) => pair).sort();
  const count = Math.max(1, Math.ceil((entries.length * PAIRS_PER_NAME) / NAMES_PER_BUCKET));
  const buckets: AgencyNameEntry[][] = Array.from({ length: count }, () => []);
  entries.forEach((entry, i) => {
    const targets = new Set<number>();
    for (const pair of pairsOf[i]) if (names.get(pair)! <= COMMON_NAMES) targets.add(bucketOf(pair, count));
    for (const target of [...targets].sort((a, b) => a - b)) buckets[target].push(entry);
  });
  return { manifest: { buckets: count, sizes: buckets.map((b) => b.length), common }, buckets };
}

/** Where to look a query up: the smallest bucket among the pairs of its terms that are not common. */
export function lookupFor(terms: readonly string[], manifest: AgencyNameManifest): AgencyNameLookup {
  const common = new Set(manifest.common);
  let best: number | null = null;
  let pairs = 0;
  for (const term of terms) {
    for (const pair of characterPairs(normalise(term))) {
      pairs++;
      if (common.has(pair)) continue;
      const bucket = bucketOf(pair, manifest.buckets);
      if (best === null || manifest.sizes[bucket] < manifest.sizes[best]) best = bucket;
    }
  }
  if (best !== null) return { bucket: best };
  return pairs > 0 ? { tooCommon: true } : { tooShort: true };
}

/** The entries of a bucket whose name, or one of whose short forms, contains every term. */
export function matchAgencies(terms: readonly string[], entries: readonly AgencyNameEntry[]): AgencyNameEntry[] {
  const wanted = terms.map((term) => normalise(term)).filter(Boolean);
  if (wanted.length === 0) return [];
  return entries.filter((entry) =>
    [entry.name, ...(entry.forms ?? [])].some((text) => {
      const name = normalise(text);
      return wanted.every((term) => name.includes(term));
    }),
  );
}
