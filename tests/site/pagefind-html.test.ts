/**
 * Pagefind is handed each page with the content of its excluded elements taken out (src/integrations/pagefind-html.ts):
 * on the built site's report and agency pages, it writes the very files, name for name (they are named by their
 * content's hash) and byte for byte, as when it reads the whole pages, with the real extended binary.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXCLUDED_FROM_INDEX, extendedBinaryPath } from '../../src/integrations/pagefind';
import { withoutExcluded } from '../../src/integrations/pagefind-html';
import { filesBelow } from '../../src/pipeline/merge';

const dist = inject('siteDist');
const work = await mkdtemp(join(tmpdir(), 'pagefind-html-'));

/** Every indexed page of the built site: report and agency pages. */
const built = ['reports', 'agencies'].flatMap((dir) =>
  readdirSync(join(dist, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dist, dir, e.name, 'index.html')))
    .map((e) => ({ url: `/${dir}/${e.name}/`, content: readFileSync(join(dist, dir, e.name, 'index.html'), 'utf8') })),
);
/**
 * An agency page with a chart drawn in it, as an agency of several years has (the seeds' agencies have one year
 * each): a built embed's figure (two inline SVGs, each named by an SVG title) put in an agency page's indexed body.
 */
const embedDir = join(dist, 'embed', readdirSync(join(dist, 'embed')).find((name) => name.startsWith('report-'))!);
const figure = /<figure class="chart-figure">[\s\S]*<\/figure>/.exec(readFileSync(join(embedDir, 'index.html'), 'utf8'))![0];
const agency = built.find((p) => p.url.startsWith('/agencies/'))!;
const withChart = { url: `${agency.url}chart/`, content: agency.content.replace('<div data-pagefind-body>', `<div data-pagefind-body>${figure}`) };
const pages = [...built, withChart];

/** Pagefind's files, by name, written from `pages` as `hand` gives them. */
async function bundle(name: string, hand: (html: string) => string): Promise<Map<string, Buffer>> {
  process.env.PAGEFIND_EXTENDED_BINARY_PATH ??= extendedBinaryPath();
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
  if (!index) throw new Error(errors.join('; '));
  try {
    for (const page of pages) expect((await index.addHTMLFile({ url: page.url, content: hand(page.content) })).errors).toEqual([]);
    const out = join(work, name);
    expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
    return new Map((await filesBelow(out)).map((file) => [file, readFileSync(join(out, file))]));
  } finally {
    await pagefind.close();
  }
}

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('Pagefind reading only what it indexes', () => {
  it('is handed much less of each report page', () => {
    const reports = pages.filter((p) => p.url.startsWith('/reports/'));
    expect(reports.length).toBeGreaterThanOrEqual(5);
    for (const page of reports) expect(withoutExcluded(page.content, EXCLUDED_FROM_INDEX).length).toBeLessThan(page.content.length * 0.6);
  });

  it('is handed a page with a chart without the drawing', () => {
    expect(withChart.content).toContain('<title id=');
    expect(withChart.content.length - agency.content.length).toBeGreaterThan(2000);
    const cut = withoutExcluded(withChart.content, EXCLUDED_FROM_INDEX);
    expect(cut.slice(cut.indexOf('<body'))).not.toMatch(/<title|<desc|<rect|<text/);
    expect(cut.length).toBeLessThan(withChart.content.length - 2000);
  });

  it('writes the same files, name for name and byte for byte, as from the whole pages', async () => {
    const whole = await bundle('whole', (html) => html);
    const cut = await bundle('cut', (html) => withoutExcluded(html, EXCLUDED_FROM_INDEX));
    expect([...cut.keys()].sort()).toEqual([...whole.keys()].sort());
    expect([...whole.keys()].filter((name) => name.startsWith('fragment/')).length).toBe(pages.length);
    for (const [name, bytes] of whole) expect(cut.get(name)?.equals(bytes), name).toBe(true);
  });
});
