/**
 * The seed site built for https://example.gov.cn/nianbao/ (BASE_PATH=/nianbao/, SITE_URL=https://example.gov.cn;
 * tests/setup/build-subpath.ts), read as files: every link stays under /nianbao/ and resolves (the link check of
 * tests/site/links.test.ts), and every absolute address (canonical, citation, embed snippet, social card, chart CSV,
 * sitemap, robots.txt) is SITE_URL + base path + path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { chartFileUrl, chartUrl, compareChunkUrl, embedUrl, reportFileUrl, reportUrl } from '../../src/lib/paths';
import { exists, htmlPages, readPage, readReports } from '../site/html';
import { checkLinks } from '../site/link-check';

const dist = inject('subpathDist');
const base = inject('subpathBase');
const siteUrl = inject('subpathSiteUrl');
const reports = readReports(inject('subpathData'));
/** A path of src/lib/paths.ts (built here, in a test, for the root) as the sub-path site spells it. */
const under = (path: string) => `${base.replace(/\/$/, '')}${path}`;
/** …and as an absolute address. */
const absolute = (path: string) => `${siteUrl}${under(path)}`;
/** A chart of the build that has a PNG (the preview of a shared link), from the folder of chart pages. */
const chartIds = htmlPages(dist)
  .map((p) => /^\/charts\/([^/]+)\/$/.exec(p.path)?.[1])
  .filter((id): id is string => Boolean(id) && id !== 'reports' && id !== 'trends' && exists(dist, `/charts/${id}.png`))
  .sort();

describe(`the seed site built for ${siteUrl}${base}`, () => {
  it('passes the link check: every internal href and src stays under the base path and resolves', () => {
    const pages = htmlPages(dist).length;
    const { checked, absolute: absoluteLinks, broken } = checkLinks(dist, { base, siteUrl });
    expect(checked).toBeGreaterThan(100);
    // Every page's canonical link is absolute (all but the 404 page's, which has none): those are checked too.
    expect(absoluteLinks).toBeGreaterThanOrEqual(pages - 1);
    expect(broken).toEqual([]);
  });

  it('gives a report page its canonical address and citation permalink under the base path', () => {
    const report = reports[0];
    const page = readPage(dist, reportUrl(report.id));
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(absolute(reportUrl(report.id)));
    expect(page.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(absolute(reportUrl(report.id)));
    expect(page.querySelectorAll('a').some((a) => a.getAttribute('href') === absolute(reportUrl(report.id)))).toBe(true);
    expect(page.querySelector(`a[href="${under(reportFileUrl(report.id, 'json'))}"]`)).not.toBeNull();
  });

  it('gives a chart its permalink, embed snippet, social card image and CSV sources under the base path', () => {
    expect(chartIds.length).toBeGreaterThan(0);
    const id = chartIds[0];
    const page = readPage(dist, chartUrl(id));
    const snippet = page.querySelector('#embed-code')?.textContent ?? '';
    expect(snippet).toContain(`<iframe src="${absolute(embedUrl(id))}"`);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(absolute(chartFileUrl(id, 'png')));
    expect(page.querySelectorAll('a').some((a) => a.textContent.trim() === absolute(chartUrl(id)))).toBe(true);
    const embed = readPage(dist, embedUrl(id));
    expect(embed.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(absolute(chartUrl(id)));
    expect(embed.querySelector('script[src]')?.getAttribute('src')).toBe(under('/embed/resize.js'));
    const rows = parseCsv(readFileSync(join(dist, 'charts', `${id}.csv`), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const sources = rows.map((r) => r.source_url).filter(Boolean);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.startsWith(`${siteUrl}${base}reports/`), source).toBe(true);
  });

  it('lists the sitemap and robots.txt addresses under the base path, each a built page', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((loc) => {
      expect(loc.startsWith(`${siteUrl}${base}`), loc).toBe(true);
      const file = join(dist, loc.slice(`${siteUrl}${base}`.length));
      return [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    });
    expect(locs).toContain(absolute(reportUrl(reports[0].id)));
    const outside = locs.filter((loc) => !loc.startsWith(`${siteUrl}${base}`) || !exists(dist, `/${loc.slice(`${siteUrl}${base}`.length)}`));
    expect(outside).toEqual([]);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${siteUrl}${base}sitemap-index.xml`);
  });

  it('points the compare page’s script at its row chunks under the base path', () => {
    const chunks = JSON.parse(readPage(dist, '/compare/').querySelector('[data-chunks]')?.getAttribute('data-chunks') ?? '[]') as string[];
    expect(chunks[0]).toBe(under(compareChunkUrl(1)));
    for (const chunk of chunks) expect(exists(dist, chunk.slice(under('').length)), chunk).toBe(true);
  });
});
