/**
 * The site side of the merge (README: "Building in shards"): the shards' built folders put beside the merge's own,
 * and one sitemap for them all. Files are hard-linked (copied across file systems), never read.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { z } from 'zod/v4';
import { indexScopes, writeSearchRuntime, type IndexSummary } from '../src/integrations/pagefind';
import { readDataFile } from '../src/lib/read-data-file';
import { readSummaries } from '../src/lib/report-parts';
import { scopePages } from '../src/lib/search-scope-pages';
import { SCOPE_ENTRY, scopeBundlePath } from '../src/lib/search/scopes';
import { filesBelow, linkFile, type MergeResult } from '../src/pipeline/merge';
import { AgencyIndexEntry } from '../src/schema/report';
import { REPORT_CHART_SUFFIXES } from '../src/charts/catalog';
import { reportChartId } from '../src/charts/chart-ids';

/** Renames at a time on libuv's thread pool (moveAbsent). */
const RENAMES_IN_FLIGHT = 16;
/** URLs per sitemap file, as @astrojs/sitemap writes them (the protocol allows 50,000). */
const SITEMAP_ENTRIES = 45_000;
const SITEMAP_FILE = /^sitemap-\d+\.xml$/;
/** Files every build writes for itself; the merged site's are written by the merge (sitemaps) or by Pagefind. */
const MERGE_OWN = (file: string) =>
  SITEMAP_FILE.test(file) || file === 'sitemap-index.xml' || file === 'sitemap.xml' || file.startsWith('pagefind/') || file.startsWith('downloads/');

/** The files (relative to a built site) of a report's pages, its charts and embeds. */
export function reportPageFiles(id: string): string[] {
  const charts = REPORT_CHART_SUFFIXES.map((suffix) => reportChartId(id, suffix));
  return [
    `reports/${id}/index.html`,
    `reports/${id}.json`,
    `reports/${id}.csv`,
    ...charts.flatMap((c) => [`charts/${c}/index.html`, `embed/${c}/index.html`, `charts/${c}.svg`, `charts/${c}.png`, `charts/${c}.csv`]),
  ];
}

/**
 * Links every file of each shard's built site into `siteDir` where the merge wrote none (the merge's pages, such as
 * the home page every build renders, win), except a shard's sitemaps and search index and the pages of its
 * reports another shard has (`dropped`, per shard). Returns how many files were linked.
 */
export async function assembleShards(siteDir: string, shardSites: readonly string[], dropped: readonly string[][]): Promise<number> {
  const present = new Set(await filesBelow(siteDir));
  let linked = 0;
  for (const [i, shardSite] of shardSites.entries()) {
    const skip = new Set((dropped[i] ?? []).flatMap(reportPageFiles));
    for (const file of await filesBelow(shardSite)) {
      if (present.has(file) || skip.has(file) || MERGE_OWN(file)) continue;
      await linkFile(path.join(shardSite, file), path.join(siteDir, file));
      present.add(file);
      linked++;
    }
  }
  return linked;
}

/**
 * Moves every entry of `fromDir` into `toDir` where `toDir` has none, a directory both have entry by entry in turn,
 * leaving the files the merged site writes itself (MERGE_OWN: sitemaps, search index, downloads) where they are: the
 * pages of a site built in two processes (scripts/build.ts), whose reports' folder is thrown away after. One rename
 * for a folder the other build has not (reports/, sources/), one for each entry of a folder both have (charts/,
 * embed/), instead of a link for each of the reports' 1.6 million files at 100,000 reports (assembleShards: not done
 * after 18 minutes on the 2-core machine). Returns how many entries were moved.
 */
export async function moveAbsent(fromDir: string, toDir: string, below = ''): Promise<number> {
  const limit = pLimit(RENAMES_IN_FLIGHT);
  const entries = await readdir(fromDir, { withFileTypes: true });
  const relativeOf = (name: string) => (below ? `${below}/${name}` : name);
  const moved = await Promise.all(
    entries.map((entry) =>
      limit(async () => {
        const relative = relativeOf(entry.name);
        if (MERGE_OWN(entry.isDirectory() ? `${relative}/` : relative)) return 0;
        const target = path.join(toDir, entry.name);
        const existing = await stat(target).catch(() => null);
        if (existing === null) {
          await rename(path.join(fromDir, entry.name), target);
          return 1;
        }
        return entry.isDirectory() && existing.isDirectory() ? -1 : 0;
      }),
    ),
  );
  let count = moved.reduce((sum: number, m) => sum + Math.max(0, m), 0);
  // Folders both have, one after another (each moves its entries RENAMES_IN_FLIGHT at a time).
  for (const [i, entry] of entries.entries()) {
    if (moved[i] === -1) count += await moveAbsent(path.join(fromDir, entry.name), path.join(toDir, entry.name), relativeOf(entry.name));
  }
  return count;
}

/** The <url> entries of a sitemap file, and what comes before the first. */
function sitemapEntries(xml: string): { head: string; entries: { loc: string; xml: string }[] } {
  const first = xml.indexOf('<url>');
  const head = first < 0 ? xml.replace(/<\/urlset>\s*$/, '') : xml.slice(0, first);
  const entries = [...xml.matchAll(/<url>[\s\S]*?<\/url>/g)].map((m) => ({ loc: /<loc>([^<]*)<\/loc>/.exec(m[0])?.[1] ?? '', xml: m[0] }));
  return { head, entries };
}

/**
 * One sitemap for the merged site: the pages of the merge's sitemaps and of every shard's (each address once, the
 * merge's first), written as sitemap-0.xml, sitemap-1.xml … of SITEMAP_ENTRIES each, with sitemap-index.xml and its
 * copy sitemap.xml (src/integrations/sitemap-alias.ts) listing them at the address the merge's index used.
 */
export async function mergeSitemaps(siteDir: string, shardSites: readonly string[]): Promise<number> {
  // Astro's sitemap files are at the top of a built site: listing every file below it (1.6 million at 100,000
  // reports) to find them cost minutes.
  const sitemapsOf = async (dir: string) => (await readdir(dir).catch(() => [])).filter((f) => SITEMAP_FILE.test(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const index = await readFile(path.join(siteDir, 'sitemap-index.xml'), 'utf8');
  const firstLoc = /<loc>([^<]*)<\/loc>/.exec(index)?.[1];
  if (!firstLoc) throw new Error(`no sitemap listed in ${path.join(siteDir, 'sitemap-index.xml')}`);
  const base = firstLoc.slice(0, firstLoc.lastIndexOf('/') + 1);
  let head = '';
  const seen = new Set<string>();
  const entries: { loc: string; xml: string }[] = [];
  for (const dir of [siteDir, ...shardSites]) {
    for (const file of await sitemapsOf(dir)) {
      const parsed = sitemapEntries(await readFile(path.join(dir, file), 'utf8'));
      head ||= parsed.head;
      for (const e of parsed.entries) {
        if (seen.has(e.loc)) continue;
        seen.add(e.loc);
        entries.push(e);
      }
    }
  }
  // In address order, as @astrojs/sitemap lists them.
  entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  const files = Math.max(1, Math.ceil(entries.length / SITEMAP_ENTRIES));
  for (const file of await sitemapsOf(siteDir)) await rm(path.join(siteDir, file));
  for (let k = 0; k < files; k++) {
    await writeFile(path.join(siteDir, `sitemap-${k}.xml`), `${head}${entries.slice(k * SITEMAP_ENTRIES, (k + 1) * SITEMAP_ENTRIES).map((e) => e.xml).join('')}</urlset>`);
  }
  const indexHead = index.slice(0, index.indexOf('<sitemap>'));
  const listed = Array.from({ length: files }, (_, k) => `<sitemap><loc>${base}sitemap-${k}.xml</loc></sitemap>`).join('');
  const merged = `${indexHead}${listed}</sitemapindex>`;
  await writeFile(path.join(siteDir, 'sitemap-index.xml'), merged);
  await writeFile(path.join(siteDir, 'sitemap.xml'), merged);
  return entries.length;
}

/**
 * The merged site's search index (src/lib/search/scopes.ts): a scope of reports whose pages all come from one shard
 * that had no report left out takes that shard's bundle as it is (linked); the agencies' scopes (their pages are the
 * merge's) were indexed by the merge's own build (src/integrations/pagefind.ts), and are indexed here only where
 * their bundle is missing; report scopes spread over several shards are indexed here; then the runtime bundle and
 * the scopes' manifest (made from the bundles in pagefind/). `taken`: the scopes found indexed (shards' or the merge
 * build's). `move`: the shards' sites are thrown away after (a site built in two processes), so a bundle taken is
 * moved, one rename of its folder, instead of linked file by file (76 s for the 67 bundles of 100,000 reports).
 */
export async function mergeSearchIndex(
  siteDir: string,
  dataDir: string,
  shardSites: readonly string[],
  merged: Pick<MergeResult, 'shardOf' | 'dropped'>,
  { move = false } = {},
): Promise<{ taken: number; indexed: IndexSummary }> {
  const reports = readSummaries(dataDir);
  const agencies = readDataFile(path.join(dataDir, 'agencies.json'), z.array(AgencyIndexEntry));
  const toIndex = [];
  let taken = 0;
  for (const entry of scopePages(reports, agencies)) {
    if (entry.scope.kind === 'agencies' && existsSync(path.join(siteDir, scopeBundlePath(entry.scope.id), SCOPE_ENTRY))) {
      taken++;
      continue;
    }
    const shards = new Set(entry.scope.kind === 'reports' ? entry.files.map((f) => merged.shardOf.get(f.split('/')[1])) : [undefined]);
    const [shard] = shards;
    const bundle = scopeBundlePath(entry.scope.id);
    const own = shards.size === 1 && shard !== undefined && merged.dropped[shard].length === 0 ? await filesBelow(path.join(shardSites[shard], bundle)) : [];
    if (own.length === 0) {
      toIndex.push(entry);
      continue;
    }
    const [from, to] = [path.join(shardSites[shard!], bundle), path.join(siteDir, bundle)];
    if (move && !existsSync(to)) {
      await mkdir(path.dirname(to), { recursive: true });
      await rename(from, to);
    } else for (const file of own) await linkFile(path.join(from, file), path.join(to, file));
    taken++;
  }
  const indexed = await indexScopes(siteDir, toIndex);
  // Last: the runtime bundle, and the scopes' manifest made from the bundles now in pagefind/.
  await writeSearchRuntime(siteDir);
  return { taken, indexed };
}
