/**
 * Builds the Pagefind full-text index over the built site (hook `astro:build:done`).
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed (report and agency pages), and only
 * their folders are scanned (INDEXED_PAGES); filters and result metadata come from src/components/search/SearchMeta.astro.
 * Chinese needs the `pagefind_extended` binary: it segments text of pages with lang="zh-CN" with jieba
 * (and indexes character pairs), where the plain binary would index each run of Han characters as one word.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { arch, memoryUsage, platform } from 'node:process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as pagefind from 'pagefind';

/** The path of the extended binary shipped in the platform package `@pagefind/<platform>-<arch>`. */
export function extendedBinaryPath(): string {
  const executable = platform === 'win32' ? 'pagefind_extended.exe' : 'pagefind_extended';
  const os = platform === 'win32' ? 'windows' : platform;
  return createRequire(import.meta.url).resolve(`@pagefind/${os}-${arch}/bin/${executable}`);
}

/**
 * Parts of indexed pages that are not the report's own words: navigation, tables (numbers and the
 * template's fixed labels, identical in every report: the search page matches the labels itself, see
 * src/lib/search/table-headers.ts), charts, and the site's derived sections. `#charts`
 * only repeats the agency's name and the template's wording in its three chart titles: indexed, it lengthened
 * the postings of words such as 行政复议 on every report page, which every query for them downloads.
 */
export const EXCLUDED_FROM_INDEX = ['nav', 'table', 'svg', '#indicators', '#charts', '#diagnostics', '#source', '#cite'];

/**
 * The HTML files Pagefind reads: the folders of the pages with `data-pagefind-body`
 * (src/components/report/ReportPage.astro, src/components/agency/AgencyPage.astro). Reading every page of the
 * site instead (charts and their embeds are three quarters of it) took most of Pagefind's time and gigabytes of
 * its memory at 10,000 reports, to index nothing more. A page type that gains `data-pagefind-body` must be added here.
 */
export const INDEXED_PAGES = '{reports,agencies}/**/*.html';

/** PAGEFIND=0 builds the site without its search index (to measure the pages alone; a published site needs it). */
export const SKIP_INDEX_ENV = 'PAGEFIND';

export interface IndexSummary {
  /** HTML files Pagefind read (those matching INDEXED_PAGES). */
  scanned: number;
  /** Pages in the index (those with data-pagefind-body), by language. */
  indexed: Record<string, number>;
  ms: number;
}

/** Indexes the HTML files of INDEXED_PAGES under `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function indexSite(siteDir: string): Promise<IndexSummary> {
  // The Node API picks its binary from this variable first; pinning it makes a silent fallback to the
  // non-extended binary (which cannot segment Chinese) impossible.
  process.env.PAGEFIND_EXTENDED_BINARY_PATH ??= extendedBinaryPath();
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
    return { scanned: added.page_count, indexed, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/**
 * A full, compacting garbage collection of this (Astro's) process. Pagefind's binary needs gigabytes while it writes
 * a large index, and Astro's heap still holds the build's garbage then, spread thinly over pages a plain collection
 * keeps (at 3,000 reports: 487 MB of old space for 164 MB of live objects). Compacting first returns those pages and
 * lowers the peak of the two processes together. `gc` is only reachable once its flag is set; the compaction flag
 * is switched off again afterwards.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--compact-on-every-full-gc');
  (runInNewContext('gc') as () => void)();
  setFlagsFromString('--no-compact-on-every-full-gc');
}

const residentMb = () => Math.round(memoryUsage.rss() / 2 ** 20);
const heapUsedMb = () => Math.round(memoryUsage().heapUsed / 2 ** 20);

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const resident = residentMb();
        collectGarbage();
        const skip = process.env[SKIP_INDEX_ENV] === '0';
        logger.info(`Astro's process: ${resident} MB resident, ${heapUsedMb()} MB of heap in use after garbage collection; ${skip ? 'not indexing' : 'indexing'}`);
        if (skip) {
          logger.warn(`${SKIP_INDEX_ENV}=0: no search index was built (the site's search finds nothing)`);
          return;
        }
        const { scanned, indexed, ms } = await indexSite(siteDir);
        const languages = Object.entries(indexed);
        const total = languages.reduce((sum, [, count]) => sum + count, 0);
        logger.info(`indexed ${total} of ${scanned} HTML pages in ${ms} ms (${languages.map(([l, n]) => `${l}: ${n}`).join(', ')})`);
        if (total === 0) logger.warn('no page was indexed: search will find nothing');
        // The search page only loads the index of its own language (zh-cn); pages in another index are unreachable.
        const stray = languages.filter(([lang]) => lang !== 'zh-cn');
        if (stray.length > 0) logger.warn(`pages indexed under another language than zh-CN will not be found: ${stray.map(([l]) => l).join(', ')}`);
      },
    },
  };
}
