/**
 * The merged site equals one build (README: "Building in shards"). With SITE_SHARDS=<n> the site project's setup
 * builds the seeds once as one site and once as n shards merged (tests/setup/build-site.ts), and every other site
 * and browser test checks the merged one; here the two are compared file by file: the same files, every page with
 * the same links and the same text, every other file the same bytes, the build time aside (drawn on charts and
 * printed on /data/). Without SITE_SHARDS there is no merged site to compare: skipped, saying so.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { SCOPES_MANIFEST } from '../../src/lib/search/scopes';
import { SKIP_MARKER } from '../support/tools';
import { checkLinks } from './link-check';

const shards = inject('siteShards');
const single = inject('singleDist');
const merged = inject('siteDist');

/** Every file under `dir`, relative, with `/`. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The build time in every form the site prints it (ISO, and Beijing time, its date and time in separate SVG runs). */
const BUILD_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z|\d{4}-\d{2}-\d{2}|\b\d{2}:\d{2}\b/g;
const withoutTime = (text: string) => text.replace(BUILD_TIME, '<time>');

/** Search index files are named by their contents' hash; the index is compared by its scopes' page counts. */
const SEARCH_INDEX = /^pagefind\//;
/**
 * Each bundle of the search index (the runtime's and one per scope) with its page count by language (its hash is of
 * the pages' words, which include the build time on pages that show a chart).
 */
function bundles(dist: string, files: string[]): Record<string, Record<string, number>> {
  const entries = files.filter((f) => /^pagefind\/(?:[^/]+\/)?pagefind-entry\.json$/.test(f));
  const counts = (f: string) => {
    const { languages } = JSON.parse(readFileSync(join(dist, f), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.fromEntries(Object.entries(languages).map(([lang, { page_count }]) => [lang, page_count]));
  };
  return Object.fromEntries(entries.map((f) => [f, counts(f)]));
}

function links(file: string): string[] {
  const root = parse(readFileSync(file, 'utf8'));
  return root.querySelectorAll('[href], [src]').map((el) => `${el.tagName} ${el.getAttribute('href') ?? el.getAttribute('src')}`);
}

const SKIPPED = shards === 0 ? ` ${SKIP_MARKER}SITE_SHARDS not set: no sharded build to compare]` : '';

describe.skipIf(shards === 0)(`the seeds built as ${shards} shards and merged, beside one build (SITE_SHARDS)${SKIPPED}`, () => {
  const singleFiles = shards ? filesOf(single) : [];
  const mergedFiles = shards ? filesOf(merged) : [];

  it('has the same files', () => {
    expect(mergedFiles.filter((f) => !SEARCH_INDEX.test(f))).toEqual(singleFiles.filter((f) => !SEARCH_INDEX.test(f)));
    // Not vacuous: every seed's page is there, built by its shard.
    expect(mergedFiles.filter((f) => /^reports\/[^/]+\/index\.html$/.test(f)).length).toBe(5);
  });

  it('indexes the same pages for search, scope by scope', () => {
    const found = bundles(merged, mergedFiles);
    expect(found).toEqual(bundles(single, singleFiles));
    // Not vacuous: the runtime's bundle and at least one scope of reports and one of agencies.
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(3);
    // The manifest the search page reads lists the same scopes (written last, from the bundles in place).
    const manifest = (dist: string) => JSON.parse(readFileSync(join(dist, 'pagefind', SCOPES_MANIFEST), 'utf8')) as unknown[];
    expect(manifest(merged)).toEqual(manifest(single));
    expect(manifest(merged).length).toBe(Object.keys(found).length - 1);
  });

  it('has pages with the same links and the same text, the build time aside', () => {
    const pages = singleFiles.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      expect(links(join(merged, page)), page).toEqual(links(join(single, page)));
      expect(withoutTime(readFileSync(join(merged, page), 'utf8')), page).toBe(withoutTime(readFileSync(join(single, page), 'utf8')));
    }
  });

  it('has the same downloads, sources, data files, charts and sitemap (PNGs drawn with the build time aside)', () => {
    const others = singleFiles.filter((f) => !f.endsWith('.html') && !f.endsWith('.png') && !SEARCH_INDEX.test(f));
    expect(others).toContain('downloads/reports.sqlite');
    for (const file of others) {
      const [a, b] = [readFileSync(join(merged, file)), readFileSync(join(single, file))];
      if (file.startsWith('downloads/') || file.startsWith('sources/')) expect(a.equals(b), file).toBe(true);
      else expect(withoutTime(a.toString('utf8')), file).toBe(withoutTime(b.toString('utf8')));
    }
  });

  it('resolves every internal link', () => {
    const { checked, broken } = checkLinks(merged);
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
