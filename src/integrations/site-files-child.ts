/**
 * The process src/integrations/site-files.ts starts beside `astro build` (run with tsx):
 *   node --import tsx src/integrations/site-files-child.ts <out dir> <site> <base>
 * writes the site's files that are not pages (src/lib/site-files.ts) into <out dir> and prints one line of counts.
 * Outside Vite, src/lib/paths.ts reads the base path from `__BASE_PATH__` on the global object, so it is set before
 * the modules that build URLs are loaded.
 */
import { argv } from 'node:process';

const [outDir, site, base] = argv.slice(2);
if (!outDir || !site || !base) throw new Error('usage: site-files-child.ts <out dir> <site> <base>');
(globalThis as { __BASE_PATH__?: string }).__BASE_PATH__ = base;

const started = performance.now();
const { writeSiteFiles } = await import('../lib/site-files');
const written = await writeSiteFiles(outDir, new URL(site));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${written.reportFiles} report files, ${written.chartFiles} chart files and ${written.sources} source copies written in ${seconds} s`);
