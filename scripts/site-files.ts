/**
 * The process src/integrations/site-files.ts starts beside `astro build` (run with tsx, with an IPC channel):
 *   node --import tsx scripts/site-files.ts <out dir> <site> <base>
 * writes the site's files that are not pages (src/integrations/site-files-write.ts), then, once Astro has written
 * their shells, the chart pages and embeds (src/integrations/chart-pages-write.ts) into <out dir>; prints one line of
 * counts and sends the chart pages' addresses to its parent (for the sitemap). The parent sends 'rendered' when
 * Astro has rendered all its pages. Outside Vite, src/lib/paths.ts reads the base path from `__BASE_PATH__` on the
 * global object, so it is set before the modules that build URLs are loaded.
 */
import { argv } from 'node:process';
import { RENDERED_MESSAGE } from '../src/lib/chart-shells';

const [outDir, site, base] = argv.slice(2);
if (!outDir || !site || !base) throw new Error('usage: scripts/site-files.ts <out dir> <site> <base>');
(globalThis as { __BASE_PATH__?: string }).__BASE_PATH__ = base;

let rendered = false;
process.on('message', (message) => {
  if (message === RENDERED_MESSAGE) rendered = true;
});

const started = performance.now();
const { writeSiteFiles } = await import('../src/integrations/site-files-write');
const { writeChartPages } = await import('../src/integrations/chart-pages-write');
const written = await writeSiteFiles(outDir, new URL(site));
const filesSeconds = ((performance.now() - started) / 1000).toFixed(1);
const pages = await writeChartPages(outDir, new URL(site), () => rendered);
console.log(
  `${written.reportFiles} report files, ${written.chartFiles} chart files and ${written.sources} source copies written in ${filesSeconds} s; ` +
    `${pages.pages} chart pages and ${pages.embeds} embeds in ${(pages.writeMs / 1000).toFixed(1)} s after waiting ${(pages.waitMs / 1000).toFixed(1)} s for their shells`,
);
await new Promise<void>((done) => (process.send ? process.send({ chartPages: pages.urls }, () => done()) : done()));
process.disconnect?.();
