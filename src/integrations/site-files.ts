/**
 * Writes the built site's files that are not pages (/reports/<id>.json and .csv, /charts/<id>.svg and .csv,
 * /sources/<path>: ./site-files-write.ts), then the chart pages and embeds (./chart-pages-write.ts, once Astro has
 * rendered their shells) in a process of its own, started when Astro starts building (after it has emptied the
 * output folder) and awaited when the pages are done: the files are written on the second core while Astro renders
 * pages on the first, without one Astro route per file. The chart pages' addresses go into `chartPages`, the array
 * given to the sitemap as its customPages (astro.config.mjs), filled before the sitemap is written. It also sets the
 * build's time (SITE_BUILT_AT, src/lib/built-at.ts) for the pages and that process alike, so charts print one time.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILT_AT_ENV } from '../lib/built-at';
import { RENDERED_MESSAGE } from '../lib/chart-shells';

interface Written {
  code: number | null;
  output: string;
  /** The chart pages' addresses, as the writer sent them. */
  chartPages: string[];
}

interface Writer {
  /** Tells the writer that Astro has rendered every page (the shells included). */
  rendered: () => void;
  done: Promise<Written>;
}

/** Runs the writer (scripts/site-files.ts) with tsx in `root`; `done` resolves with its exit code, output and pages. */
function startWriter(root: string, outDir: string, site: string, base: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/site-files.ts', outDir, site, base], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  let chartPages: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('message', (message: { chartPages?: string[] }) => (chartPages = message.chartPages ?? chartPages));
  const done = new Promise<Written>((resolve) => {
    child.on('error', (error) => resolve({ code: -1, output: `${output}${error.message}`, chartPages }));
    child.on('close', (code) => {
      process.off('exit', stop);
      resolve({ code, output: output.trim(), chartPages });
    });
  });
  return { rendered: () => child.connected && child.send(RENDERED_MESSAGE), done };
}

/** `chartPages`: filled with the addresses of the chart pages written (the sitemap's customPages). */
export default function siteFiles({ chartPages }: { chartPages: string[] }): AstroIntegration {
  let root = '';
  let outDir = '';
  let site = '';
  let base = '/';
  let writer: Writer | undefined;
  let ownTime = false;
  return {
    name: 'site-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        site = config.site ?? '';
        base = config.base;
      },
      'astro:build:start': () => {
        ownTime = !process.env[BUILT_AT_ENV];
        if (ownTime) process.env[BUILT_AT_ENV] = new Date().toISOString();
      },
      // The first step of the build after the output folder is emptied.
      'astro:build:setup': () => {
        writer ??= startWriter(root, outDir, site, base);
      },
      // Every page rendered, before any integration's astro:build:done (the sitemap needs the chart pages).
      'astro:build:generated': async ({ logger }) => {
        writer?.rendered();
        const result = await writer?.done;
        writer = undefined;
        if (ownTime) delete process.env[BUILT_AT_ENV];
        if (!result) throw new Error('the site-files writer was never started');
        if (result.code !== 0) throw new Error(`writing the site's files failed (exit ${result.code}): ${result.output}`);
        // One at a time: spread into a call, hundreds of thousands of addresses would overflow the stack.
        chartPages.length = 0;
        for (const url of result.chartPages) chartPages.push(url);
        logger.info(result.output);
      },
    },
  };
}
