/**
 * Every URL of the site is built here, and only here: tests/unit/urls.test.ts fails when another module of src/
 * spells a site path by hand. Each builder returns the path a browser requests, base path included: the site is
 * built for one base path (BASE_PATH, Astro's `base` in astro.config.mjs), so `reportUrl(id)` is `/reports/<id>/`
 * for a site at the root of its host and `/nianbao/reports/<id>/` for one published at https://example.gov.cn/nianbao/.
 * `permalink()` makes such a path absolute with SITE_URL (embed snippets, citations, social cards).
 * The browser's code uses this module too (the Pagefind bundle), so it imports nothing.
 */

/**
 * The base path without its trailing slash: '' for a site at the root of its host, '/nianbao' under a sub-path.
 * astro.config.mjs has Vite write Astro's `base` in place of `__BASE_PATH__` (src/env.d.ts), in the pages and in
 * the browser's code; code run outside Vite (the CLIs, unit tests) has none, and no base path, unless it is set on the
 * global object first (scripts/site-files.ts, which writes files of the built site). Not Astro's
 * `import.meta.env.BASE_URL`: in the pages, an environment variable BASE_URL of the shell running the build (vitest
 * sets one to `/`) takes its place.
 */
export const BASE_PATH = (typeof __BASE_PATH__ === 'string' ? __BASE_PATH__ : '/').replace(/\/+$/, '');

/** A path from the site's root (`/reports/…`) as the browser requests it. */
const at = (path: string) => `${BASE_PATH}${path}`;

// Pages and files at fixed addresses.
export const homeUrl = at('/');
export const agenciesUrl = at('/agencies/');
export const regionsUrl = at('/regions/');
export const changesUrl = at('/regions/changes/');
export const compareUrl = at('/compare/');
export const chartsUrl = at('/charts/');
/** The paginated list of agency trend charts. */
export const chartTrendsUrl = at('/charts/trends/');
/** The paginated list of each report's charts. */
export const reportChartsUrl = at('/charts/reports/');
export const qualityUrl = at('/quality/');
export const dataUrl = at('/data/');
/** The paginated list of source files with their SHA-256. */
export const sourcesListUrl = at('/data/sources/');
export const aboutUrl = at('/about/');
export const guideUrl = at('/guide/');
export const searchUrl = at('/search/');
/** The search page with a query filled in (it searches on load). */
export const searchQueryUrl = (q: string) => `${searchUrl}?${new URLSearchParams({ q })}`;
export const faviconUrl = at('/favicon.svg');
/** Written by @astrojs/sitemap (and copied to sitemap.xml by src/integrations/sitemap-alias.ts). */
export const sitemapUrl = at('/sitemap-index.xml');
/** Pagefind's browser API, written after the build by src/integrations/pagefind.ts. */
export const pagefindUrl = at('/pagefind/pagefind.js');
/** The folder of Pagefind's runtime bundle (its primary index), and the bundle of one search scope (src/lib/search/scopes.ts). */
export const pagefindRuntimeUrl = at('/pagefind/');
export const pagefindScopeUrl = (id: string) => at(`/pagefind/${id}/`);
/**
 * The URL of the one record of Pagefind's runtime bundle, as Pagefind stores it (without the base path). Pagefind's
 * browser side needs a primary bundle with an index before it merges others: the runtime bundle (pagefind.js and its
 * WebAssembly, loaded once whatever the scopes) holds this record (src/integrations/pagefind.ts), which the search
 * page drops from its results.
 */
export const RUNTIME_RECORD_URL = '/pagefind/runtime/';
/** The manifest of the search scopes (src/lib/search/scopes.ts), written beside the bundles. */
export const pagefindScopesUrl = at('/pagefind/scopes.json');
/** The script an embed page loads to post its height to the host page (src/charts/embed.ts). */
export const embedScriptUrl = at('/embed/resize.js');

// Data pages and files.
export const reportUrl = (id: string) => at(`/reports/${id}/`);
export const reportFileUrl = (id: string, ext: 'json' | 'csv') => at(`/reports/${id}.${ext}`);
export const agencyUrl = (slug: string) => at(`/agencies/${slug}/`);
/** The agencies of one province (the slug from provinceSlug in src/lib/regions.ts, whose provinceUrl takes a name). */
export const agenciesInProvinceUrl = (slug: string) => at(`/agencies/regions/${slug}/`);
export const downloadUrl = (name: string) => at(`/downloads/${name}`);
/** A region's statistics: /regions/<province slug>/<prefecture slug>/<county slug>/ (slugs from src/lib/regions.ts). */
export const regionUrl = (slugs: readonly string[]) => at(`/regions/${slugs.join('/')}/`);
export const regionYearUrl = (slugs: readonly string[], year: number) => at(`/regions/${slugs.join('/')}/${year}/`);
export const regionCoverageUrl = (slugs: readonly string[]) => at(`/regions/${slugs.join('/')}/coverage/`);
/** Chunk n (1-based) of the compare page's rows as JSON, fetched by the page's script. */
export const compareChunkUrl = (n: number) => at(`/compare/rows-${n}.json`);
/** The agency name index of the search page: its manifest, and bucket n (src/lib/search/agency-names.ts). */
export const agencyNamesManifestUrl = at('/search/agencies/index.json');
export const agencyNamesBucketUrl = (n: number) => at(`/search/agencies/${n}.json`);

// Charts: the permalink page, its files and its embed page (ids from src/charts/chart-ids.ts).
export type ChartFileType = 'svg' | 'png' | 'csv';
export const chartUrl = (id: string) => at(`/charts/${id}/`);
export const chartFileUrl = (id: string, type: ChartFileType) => at(`/charts/${id}.${type}`);
export const embedUrl = (id: string) => at(`/embed/${id}/`);

/** A source file's URL; each path segment is encoded (source paths are relative to the content folder). */
export function sourceUrl(path: string): string {
  return at(`/sources/${path.split('/').map(encodeURIComponent).join('/')}`);
}

/**
 * Where a URL built here is in the built site's folder (dist/): the path without the base path, each segment
 * decoded (`/nianbao/sources/%E6%8A%A5.md` → `sources/报.md`), as Astro writes its routes' files.
 */
export function builtFile(url: string): string {
  return url.slice(BASE_PATH.length + 1).split('/').map(decodeURIComponent).join('/');
}

/**
 * The absolute address of a URL built here: SITE_URL's origin, the base path, the path (`site` is Astro's `site`,
 * i.e. SITE_URL). Without a site the path itself.
 */
export function permalink(url: string, site: URL | string | undefined): string {
  return site ? new URL(url, site).href : url;
}

/** An outside address from the data, only when it is http(s): `javascript:` and other schemes are never made links. */
export function webUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
