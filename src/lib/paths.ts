/** URL builders: every internal link to a data page is made here. */
import { pinyin } from 'pinyin-pro';

export const reportUrl = (id: string) => `/reports/${id}/`;
export const reportFileUrl = (id: string, ext: 'json' | 'csv') => `/reports/${id}.${ext}`;
export const agencyUrl = (slug: string) => `/agencies/${slug}/`;
export const downloadUrl = (name: string) => `/downloads/${name}`;
export const searchUrl = '/search/';
/** A region's statistics: /regions/<province slug>/<prefecture slug>/<county slug>/ (slugs from src/lib/regions.ts). */
export const regionUrl = (slugs: readonly string[]) => `/regions/${slugs.join('/')}/`;
export const regionYearUrl = (slugs: readonly string[], year: number) => `/regions/${slugs.join('/')}/${year}/`;
export const regionCoverageUrl = (slugs: readonly string[]) => `/regions/${slugs.join('/')}/coverage/`;
export const regionsUrl = '/regions/';
export const changesUrl = '/regions/changes/';

/** A source file's URL; each path segment is encoded (source paths are relative to the content folder). */
export function sourceUrl(path: string): string {
  return `/sources/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** A stable ASCII anchor for a region name, e.g. 河南省 → "region-he-nan-sheng". */
export function regionAnchor(name: string): string {
  const latin = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `region-${latin || 'unknown'}`;
}

/** The absolute permalink of a site path. */
export function permalink(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
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
