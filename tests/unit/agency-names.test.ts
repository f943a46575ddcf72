/**
 * The agency name index of the search page (src/lib/search/agency-names.ts): over agencies drawn by the generator,
 * a query of part of a name or of a short form fetches one bucket that holds exactly the agencies a scan of the
 * whole list finds (recall and precision against that oracle), and a bucket stays small as the list grows.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateAgency } from '../../src/generator/agency';
import { rngFor } from '../../src/generator/rng';
import {
  agencyNameEntry,
  buildAgencyNameIndex,
  lookupFor,
  characterPairs,
  matchAgencies,
  type AgencyNameEntry,
} from '../../src/lib/search/agency-names';
import { queryTerms } from '../../src/lib/search/match';

function agencies(n: number, seed: string): AgencyNameEntry[] {
  const byName = new Map<string, AgencyNameEntry>();
  for (let i = 0; byName.size < n && i < n * 3; i++) {
    const { name, province, prefecture, county } = generateAgency(rngFor(`${seed}-${i}`, 'agency'));
    byName.set(name, agencyNameEntry({ name, slug: `a-${byName.size}`, region: { province, prefecture, county } }));
  }
  return [...byName.values()];
}

/** The oracle: every agency of the list whose name or a short form contains every term. */
function scan(list: AgencyNameEntry[], terms: string[]): string[] {
  return list
    .filter((a) => [a.name, ...(a.forms ?? [])].some((text) => terms.every((t) => text.normalize('NFKC').includes(t))))
    .map((a) => a.slug);
}

const LIST = agencies(3000, 'names');
const INDEX = buildAgencyNameIndex(LIST);

/** The agencies the search page lists for a query, or why it lists none without fetching a bucket. */
function lookup(query: string): string[] | 'tooCommon' | 'tooShort' {
  const terms = queryTerms(query);
  const where = lookupFor(terms, INDEX.manifest);
  if ('tooCommon' in where) return 'tooCommon';
  if ('tooShort' in where) return 'tooShort';
  return matchAgencies(terms, INDEX.buckets[where.bucket]).map((a) => a.slug);
}

describe('agency name index', () => {
  it('puts every agency in the bucket of each pair of its name and short forms', () => {
    expect(LIST.length).toBe(3000);
    expect(INDEX.manifest.buckets).toBe(INDEX.buckets.length);
    expect(INDEX.manifest.sizes).toEqual(INDEX.buckets.map((b) => b.length));
    for (const agency of LIST.slice(0, 300)) {
      const holding = INDEX.buckets.flatMap((b, i) => (b.includes(agency) ? [i] : []));
      for (const pair of characterPairs(agency.name)) {
        const where = lookupFor([pair], INDEX.manifest);
        if ('bucket' in where) expect(holding).toContain(where.bucket);
        else expect(INDEX.manifest.common).toContain(pair);
      }
    }
  });

  it('finds exactly the agencies a full scan finds, for parts of names and short forms (property)', () => {
    const texts = LIST.flatMap((a) => [a.name, ...(a.forms ?? [])]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 8 }), (i, start, length) => {
        const chars = [...texts[i]];
        const from = start % Math.max(1, chars.length - 1);
        const query = chars.slice(from, from + length).join('');
        fc.pre([...query].length >= 2);
        const found = lookup(query);
        const expected = scan(LIST, [query]);
        if (found === 'tooCommon') {
          // Only a query made of common pairs is refused, and it would have matched many agencies.
          expect(characterPairs(query).every((p) => INDEX.manifest.common.includes(p))).toBe(true);
          expect(expected.length).toBeGreaterThan(8);
          return;
        }
        expect(found).not.toBe('tooShort');
        expect([...found].sort()).toEqual(expected.sort());
        expect(found.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('finds an agency by a short form that is not part of its name', () => {
    const agency = LIST.find((a) => a.name.endsWith('人民政府') && a.name.length > 6)!;
    const short = agency.name.slice(-8).replace('人民政府', '政府');
    expect(agency.name.includes(short)).toBe(false);
    expect(lookup(short)).toContain(agency.slug);
  });

  it('needs every term of a query of several words, and leaves a single character to the full-text search', () => {
    const agency = LIST.find((a) => [...a.name].length >= 6)!;
    const chars = [...agency.name];
    const twoTerms = `${chars.slice(0, 2).join('')} ${chars.slice(-2).join('')}`;
    const found = lookup(twoTerms);
    expect(Array.isArray(found) && [...found].sort()).toEqual(scan(LIST, queryTerms(twoTerms)).sort());
    expect(found).toContain(agency.slug);
    expect(lookup(chars[0])).toBe('tooShort');
    expect(lookup('不存在的机关名称')).toEqual([]);
    expect(lookup('人民政府')).toBe('tooCommon');
  });

  it('keeps every bucket small whatever the number of agencies (common pairs index nothing)', () => {
    for (const n of [300, 3000, 12000]) {
      const index = n === 3000 ? INDEX : buildAgencyNameIndex(agencies(n, `size-${n}`));
      const sizes = index.manifest.sizes;
      expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(120);
      // What one lookup fetches at most, gzipped as a static host serves JSON: the largest bucket and the manifest
      // (the search bench's target for finding an agency is 50 KB).
      const largest = Math.max(...index.buckets.map((b) => gzipSync(JSON.stringify(b)).length));
      expect(largest + gzipSync(JSON.stringify(index.manifest)).length).toBeLessThan(30_000);
    }
  });
});
