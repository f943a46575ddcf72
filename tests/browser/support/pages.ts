/** The pages every page-level browser test visits: one of each kind the site has. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { agencyUrl, reportUrl } from '../../../src/lib/paths';
import { provinceSlug, provinceUrl } from '../../../src/lib/regions';
import { hasPage, type SiteData } from './site';

/** Paginated listings inside folders of chart pages: not chart pages themselves. */
const LISTINGS = new Set(['reports', 'trends']);

/** The first page under a folder of the built site ("/charts/<id>/"), if there is one. */
function firstPageUnder(dist: string, folder: string, prefix = ''): string | undefined {
  const dir = join(dist, folder);
  try {
    const ids = readdirSync(dir, { withFileTypes: true }).filter(
      (e) => e.isDirectory() && e.name.startsWith(prefix) && !LISTINGS.has(e.name) && hasPage(dist, `/${folder}/${e.name}/`),
    );
    return ids.length ? `/${folder}/${ids.map((e) => e.name).sort()[0]}/` : undefined;
  } catch {
    return undefined;
  }
}

export interface SitePage {
  name: string;
  path: string;
}

/**
 * Home, agencies, one province's agencies, one agency, one report, compare, quality, data, source files, the
 * chart listings, the region pages (index, a province, its newest year, its coverage grid, the largest changes),
 * search (empty and with results), one chart, one region chart and one embed.
 * Fixed paths are always listed (a missing one must fail the tests); chart and embed pages when built.
 */
export function sitePages(dist: string, data: SiteData): SitePage[] {
  const report = data.reports[0];
  const province = data.reports.map((r) => r.agency.region.province).find((p): p is string => Boolean(p));
  if (!province) throw new Error('no report of the test data has a province');
  /** The province's newest year, for its region year page. */
  const yearOf = (name: string) => Math.max(...data.reports.filter((r) => r.agency.region.province === name).map((r) => r.year));
  const pages: SitePage[] = [
    { name: 'home', path: '/' },
    { name: 'agencies', path: '/agencies/' },
    { name: 'province', path: provinceUrl(province) },
    { name: 'agency', path: agencyUrl(report.agency.slug) },
    { name: 'report', path: reportUrl(report.id) },
    { name: 'compare', path: '/compare/' },
    { name: 'quality', path: '/quality/' },
    { name: 'data', path: '/data/' },
    { name: 'sources', path: '/data/sources/' },
    { name: 'charts', path: '/charts/' },
    { name: 'report charts', path: '/charts/reports/' },
    { name: 'regions', path: '/regions/' },
    { name: 'region', path: `/regions/${provinceSlug(province)}/` },
    { name: 'region year', path: `/regions/${provinceSlug(province)}/${yearOf(province)}/` },
    { name: 'region coverage', path: `/regions/${provinceSlug(province)}/coverage/` },
    { name: 'largest changes', path: '/regions/changes/' },
    { name: 'search', path: '/search/' },
    // With a query, so Pagefind's script and WebAssembly run under the CSP and the results are checked too.
    { name: 'search results', path: `/search/?q=${encodeURIComponent('依申请公开')}` },
  ];
  const chart = firstPageUnder(dist, 'charts');
  const regionChart = firstPageUnder(dist, 'charts', 'region-');
  if (regionChart) pages.push({ name: 'region chart', path: regionChart });
  const embed = firstPageUnder(dist, 'embed');
  if (chart) pages.push({ name: 'chart', path: chart });
  if (embed) pages.push({ name: 'embed', path: embed });
  return pages;
}
