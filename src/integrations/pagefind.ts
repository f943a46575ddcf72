/**
 * Builds the Pagefind full-text index over the built site (hook `astro:build:done`).
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed (report and agency pages);
 * filters and result metadata come from src/components/search/SearchMeta.astro.
 * Chinese needs the `pagefind_extended` binary: it segments text of pages with lang="zh-CN" with jieba
 * (and indexes character pairs), where the plain binary would index each run of Han characters as one word.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { arch, platform } from 'node:process';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The path of the extended binary shipped in the platform package `@pagefind/<platform>-<arch>`. */
export function extendedBinaryPath(): string {
  const executable = platform === 'win32' ? 'pagefind_extended.exe' : 'pagefind_extended';
  const os = platform === 'win32' ? 'windows' : platform;
  return createRequire(import.meta.url).resolve(`@pagefind/${os}-${arch}/bin/${executable}`);
}

/**
 * Parts of indexed pages that are not the report's own words: navigation, tables (numbers and the
 * template's fixed labels, identical in every report), charts, and the site's derived sections.
 */
export const EXCLUDED_FROM_INDEX = ['nav', 'table', 'svg', '#indicators', '#diagnostics', '#source', '#cite'];

export interface IndexSummary {
  /** HTML files Pagefind read. */
  scanned: number;
  /** Pages in the index (those with data-pagefind-body), by language. */
  indexed: Record<string, number>;
  ms: number;
}

/** Indexes the HTML files under `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function indexSite(siteDir: string): Promise<IndexSummary> {
  // The Node API picks its binary from this variable first; pinning it makes a silent fallback to the
  // non-extended binary (which cannot segment Chinese) impossible.
  process.env.PAGEFIND_EXTENDED_BINARY_PATH ??= extendedBinaryPath();
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
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

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
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
