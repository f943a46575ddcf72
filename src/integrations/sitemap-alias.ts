/**
 * Crawlers and people look for /sitemap.xml; @astrojs/sitemap writes /sitemap-index.xml (an index of sitemap-N.xml
 * files, valid at any URL). After the build, the index is copied to /sitemap.xml. Register after sitemap().
 */
import type { AstroIntegration } from 'astro';
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export default function sitemapAlias(): AstroIntegration {
  return {
    name: 'sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await copyFile(`${out}/sitemap-index.xml`, `${out}/sitemap.xml`);
        logger.info('sitemap.xml written (a copy of sitemap-index.xml)');
      },
    },
  };
}
