/**
 * Writes the built site's files that are not pages (/reports/<id>.json and .csv, /charts/<id>.svg and .csv,
 * /sources/<path>: ./site-files-write.ts) in a process of its own, started when Astro starts building (after it has
 * emptied the output folder) and awaited when the pages are done: the files are written on the second core while
 * Astro renders pages on the first, without one Astro route per file. It also sets the build's time
 * (SITE_BUILT_AT, src/lib/built-at.ts) for the pages and that process alike, so charts print one time.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILT_AT_ENV } from '../lib/built-at';

interface Written {
  code: number | null;
  output: string;
}

/** Runs the writer (scripts/site-files.ts) with tsx in `root`; resolves with its exit code and output. */
function startWriter(root: string, outDir: string, site: string, base: string): Promise<Written> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/site-files.ts', outDir, site, base], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => child.kill();
  process.once('exit', stop);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => {
    child.on('error', (error) => done({ code: -1, output: `${output}${error.message}` }));
    child.on('close', (code) => {
      process.off('exit', stop);
      done({ code, output: output.trim() });
    });
  });
}

export default function siteFiles(): AstroIntegration {
  let root = '';
  let outDir = '';
  let site = '';
  let base = '/';
  let writer: Promise<Written> | undefined;
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
      'astro:build:done': async ({ logger }) => {
        const result = await writer;
        writer = undefined;
        if (ownTime) delete process.env[BUILT_AT_ENV];
        if (!result) throw new Error('the site-files writer was never started');
        if (result.code !== 0) throw new Error(`writing the site's files failed (exit ${result.code}): ${result.output}`);
        logger.info(result.output);
      },
    },
  };
}
