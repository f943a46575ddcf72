/**
 * Web dump shapes: a report's web page (render-html.ts: its table layouts, site chrome and all) turned into text by
 * the tools people point at a saved page:
 * - `web-w3m` (`w3m -dump`) and `web-lynx` (`lynx -dump`): the page as an 80-column terminal shows it;
 *   `web-w3m-boxes`: the same page with `border="1"` on its tables (as pages exported from Word have them), which
 *   w3m draws with box characters (`┌──┬──┐`, `│a │b │`): the read stage makes such tables lines again. Columns are
 *   kept by display width (a Chinese or full-width character is two columns wide, where pdftotext -layout counts one
 *   a character), numbers too long for a narrow column wrap onto the next line ("１" over "３"), a blank cell prints as
 *   nothing, and lynx often puts cells one space apart;
 * - `web-pandoc` (`pandoc -f html -t plain`): tables as grids of space-aligned columns, long cells wrapped inside
 *   their column, merged cells once.
 * The pages are written in UTF-8 (how a tool decodes GBK is not what is measured). Dumps are cached under
 * `.cache/web-dumps/`, keyed by the pages and the tools' arguments: a second run only reads them back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pickHtmlStyle, renderHtmlPage, withTableLayout } from '../render-html';
import { rngFor } from '../rng';
import { generateTruth } from '../truth';
import type { Truth } from '../types';
import { shapeParts, shapeTruthOptions } from './index';
import { cachedJson, canRun, inBatches, inParallel, pandocTexts, run } from './tools';

export const WEB_SHAPES = ['web-w3m', 'web-w3m-boxes', 'web-lynx', 'web-pandoc'] as const;
export type WebShape = (typeof WEB_SHAPES)[number];

const W3M_ARGS = ['-dump', '-cols', '80', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8'];
/** pandoc's arguments besides its formats (`-f html -t plain`). */
const PANDOC_ARGS = ['--columns=72'];

/**
 * Each shape's tool and its arguments before the page's file (80 columns, as each tool's default terminal), and how
 * the page is changed first, if it is.
 */
const TOOLS: Record<WebShape, { command: string; args: string[]; version: string; page?: (html: string) => string }> = {
  'web-w3m': { command: 'w3m', args: W3M_ARGS, version: '-version' },
  // Tables with a border attribute (pages exported from Word have them): w3m draws them with box characters.
  'web-w3m-boxes': { command: 'w3m', args: W3M_ARGS, version: '-version', page: (html) => html.replace(/<table\b/g, '<table border="1"') },
  'web-lynx': { command: 'lynx', args: ['-dump', '-nolist', '-width=80', '-display_charset=utf-8', '-assume_charset=utf-8'], version: '-version' },
  'web-pandoc': { command: 'pandoc', args: ['-f', 'html', '-t', 'plain', ...PANDOC_ARGS], version: '--version' },
};

const DEFAULT_CACHE_DIR = path.resolve('.cache/web-dumps');

export interface WebCase {
  name: string;
  truth: Truth;
  /** The saved page, in UTF-8. */
  html: string;
}

/**
 * Report `i` of a run of web pages named `prefix` (seed `${prefix}-${i}`); every tenth breaks a rule. With
 * `tableLayouts`, its tables in one of TABLE_LAYOUTS (see pdfCase).
 */
export function webCase(prefix: string, i: number, options: { tableLayouts?: boolean } = {}): WebCase {
  const seed = `${prefix}-${i}`;
  const truth = generateTruth(seed, shapeTruthOptions(i));
  const rng = rngFor(seed, 'web-shape');
  const picked = { ...pickHtmlStyle(rng.fork('style')), charset: 'UTF-8' };
  const style = options.tableLayouts ? withTableLayout(picked, rng.fork('table-layout')) : picked;
  return { name: `g${seed.replace(/[^a-z0-9-]/gi, '-')}-web`, truth, html: renderHtmlPage(shapeParts(truth, rng, true), style) };
}

/** The web shapes whose tool can be run here (Debian w3m, lynx, pandoc; CI installs them). */
export function webShapesInstalled(): WebShape[] {
  return WEB_SHAPES.filter((shape) => canRun(TOOLS[shape].command, TOOLS[shape].version));
}

type Texts = Partial<Record<WebShape, string>>;

/** A batch's dumps by the given tools: from the cache when the same pages were dumped before. */
function batchTexts(batch: WebCase[], shapes: WebShape[], cacheDir: string): Promise<Texts[]> {
  return cachedJson(cacheDir, [JSON.stringify(shapes.map((s) => [s, TOOLS[s].args])), JSON.stringify(batch.map((c) => c.html))], () => dumped(batch, shapes));
}

/** A batch's dumps by the given tools. */
async function dumped(batch: WebCase[], shapes: WebShape[]): Promise<Texts[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'web-dump-'));
  try {
    const files = batch.map((c, k) => {
      const file = path.join(dir, `${String(k).padStart(3, '0')}.html`);
      writeFileSync(file, c.html);
      return file;
    });
    const texts: Texts[] = batch.map(() => ({}));
    // pandoc reads the whole batch in one run (pandocTexts); the terminal browsers start in a few milliseconds.
    const pandocRun = shapes.includes('web-pandoc') ? pandocTexts(files, 'html', 'plain', PANDOC_ARGS, dir) : Promise.resolve([]);
    const jobs = files.flatMap((file, k) =>
      shapes
        .filter((shape) => shape !== 'web-pandoc')
        .map((shape) => async () => {
          const { command, args, page } = TOOLS[shape];
          const input = page ? file.replace(/\.html$/, `-${shape}.html`) : file;
          if (page) writeFileSync(input, page(batch[k].html));
          const { stdout } = await run(command, [...args, input], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, LANG: 'C.UTF-8', TERM: 'dumb' } });
          texts[k][shape] = stdout;
        }),
    );
    await inParallel(jobs);
    (await pandocRun).forEach((text, k) => (texts[k]['web-pandoc'] = text));
    return texts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WebShaped {
  c: WebCase;
  texts: Texts;
}

/** Dumps the cases' pages with every installed tool, in cached batches. */
export async function readWebShapes(cases: WebCase[], options: { cacheDir?: string } = {}): Promise<WebShaped[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const shapes = webShapesInstalled();
  return shapes.length ? inBatches(cases, (batch) => batchTexts(batch, shapes, cacheDir)) : [];
}
