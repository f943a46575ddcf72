// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import buildReport from './src/integrations/build-report.ts';
import downloads from './src/integrations/downloads.ts';
import pagefind from './src/integrations/pagefind.ts';
import siteFiles from './src/integrations/site-files.ts';
import sitemapAlias from './src/integrations/sitemap-alias.ts';
import siteUrlCheck, { basePath, siteUrl } from './src/integrations/site-url.ts';
import { CHART_SHELL_ID } from './src/lib/chart-shells.ts';

// SITE_URL sets the absolute origin used in permalinks, citations, Open Graph tags and sitemap.xml; a build without
// it warns. BASE_PATH (e.g. /nianbao/) is the path the site is published under: every link carries it, built by
// src/lib/paths.ts (src/integrations/site-url.ts; README: Publishing).
const site = siteUrl();
const base = basePath();
// The chart pages, written outside Astro's routes by the site-files integration, which fills this list before the
// sitemap is written; the shell pages it fills them from are deleted (src/lib/chart-shells.ts).
/** @type {string[]} */
const chartPages = [];

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Chart embeds (/embed/<id>/) are noindex copies of /charts/<id>/: keep them out of the sitemap.
  integrations: [
    siteUrlCheck(),
    mdx(),
    sitemap({ customPages: chartPages, filter: (page) => !page.includes('/embed/') && !page.includes(`/${CHART_SHELL_ID}/`) }),
    sitemapAlias(),
    // Before site-files: its astro:build:generated starts indexing, which site-files' then overlaps with the chart pages.
    pagefind(),
    siteFiles({ chartPages }),
    downloads(),
    buildReport(),
  ],
  // Separate caches let several builds (tests, helpers) run at once without sharing Astro's cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // The Content-Security-Policy (src/layouts/BaseLayout.astro) allows only same-origin files:
  // never inline stylesheets or scripts, however small.
  // concurrency: pages render while earlier ones are written to disk (−15 to −20 % page generation; BENCHMARKS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // __BASE_PATH__: the base path for src/lib/paths.ts, which builds every internal URL.
  vite: { build: { assetsInlineLimit: 0 }, define: { __BASE_PATH__: JSON.stringify(base) } },
});
