/**
 * Copies the data set downloads (data/downloads/, listed by src/lib/download-files.ts) into the built site's
 * /downloads/ after the build, file to file: never read into the build's memory (an endpoint must hold its whole
 * response; the SQLite file alone is 261 MB at 20,000 reports and 1.3 GB at 100,000). A build of the reports' pages
 * alone (BUILD_PART=shard) copies none: the site's downloads are the merge's (its data is the whole set), and a
 * shard's copy (4.6 GB at 100,000 reports in a two-process build) was never taken (scripts/shard-site.ts, MERGE_OWN).
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendersAggregatePages } from '../lib/build-part';
import { DATA_DIR } from '../lib/data-dir';
import { listDownloads } from '../lib/download-files';

export default function downloadsIntegration(): AstroIntegration {
  return {
    name: 'downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!rendersAggregatePages()) {
          logger.info('a build of the reports\' pages alone: no downloads copied (the merge\'s are the site\'s)');
          return;
        }
        const target = join(fileURLToPath(dir), 'downloads');
        const { files } = listDownloads(DATA_DIR);
        await mkdir(target, { recursive: true });
        for (const name of files) await copyFile(join(DATA_DIR, 'downloads', name), join(target, name));
        logger.info(`${files.length} data set downloads copied to ${target}`);
      },
    },
  };
}
