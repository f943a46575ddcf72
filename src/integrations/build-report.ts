/** Prints what `astro build` wrote: the number of HTML pages and of other files (endpoints, assets). */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildPart } from '../lib/build-part';

function countFiles(dir: string): { html: number; other: number } {
  const counts = { html: 0, other: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    if (join(entry.parentPath, entry.name).endsWith('.html')) counts.html += 1;
    else counts.other += 1;
  }
  return counts;
}

export default function buildReport(): AstroIntegration {
  return {
    name: 'build-report',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        // A build of one part of the site (src/lib/build-part.ts) is put together with another after it: its files are
        // not the site's, and listing them costs minutes at national scale (1.6 million files at 100,000 reports).
        const part = buildPart();
        if (part !== 'all') {
          logger.info(`${pages.length} routes rendered (${part} part of the site: files not counted)`);
          return;
        }
        const counts = countFiles(fileURLToPath(dir));
        logger.info(`${pages.length} routes rendered; ${counts.html} HTML pages and ${counts.other} other files written to ${fileURLToPath(dir)}`);
      },
    },
  };
}
