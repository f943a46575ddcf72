/**
 * The process src/integrations/site-files.ts starts beside `astro build` (run with tsx):
 *   node --import tsx scripts/site-files.ts <out dir> <site> <base>
 * writes the site's files that are not pages (src/integrations/site-files-write.ts) into <out dir> and prints one line of counts.
 * Outside Vite, src/lib/paths.ts reads the base path from `__BASE_PATH__` on the global object, so it is set before
 * the modules that build URLs are loaded.
 */
import { argv } from 'node:process';

const [outDir, site, base] = argv.slice(2);
if (!outDir || !site || !base) throw new Error('usage: scripts/site-files.ts <out dir> <site> <base>');
(globalThis as { __BASE_PATH__?: string }).__BASE_PATH__ = base;

const started = performance.now();
const { writeSiteFiles } = await import('../src/integrations/site-files-write');
const written = await writeSiteFiles(outDir, new URL(site));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${written.reportFiles} report files, ${written.chartFiles} chart files and ${written.sources} source copies written in ${seconds} s`);
