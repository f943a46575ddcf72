/**
 * The link check of a built site: every internal href and src on every page resolves to a built file, and its
 * #anchor exists. `base` is the path the site is published under (`/nianbao/`): a page's links must stay below it.
 * `siteUrl` (SITE_URL) makes absolute links to the site's own address count as internal too (canonical, og:url,
 * permalinks), so they are checked the same way.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { exists, fileFor, htmlPages } from './html';

/** The origin pages are read at; any origin would do, links relative to it are the site's own. */
const ORIGIN = 'http://site.test';

export interface LinkCheck {
  /** Internal links and resources checked. */
  checked: number;
  /** Absolute links to `siteUrl` among them. */
  absolute: number;
  /** `page: link (why)` for each that does not resolve. */
  broken: string[];
}

export function checkLinks(dist: string, options: { base?: string; siteUrl?: string } = {}): LinkCheck {
  const base = (options.base ?? '/').replace(/\/*$/, '/');
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsOf.has(file)) idsOf.set(file, new Set(parse(readFileSync(file, 'utf8')).querySelectorAll('[id]').map((e) => e.id)));
    return idsOf.get(file)!;
  };
  const result: LinkCheck = { checked: 0, absolute: 0, broken: [] };
  for (const page of htmlPages(dist)) {
    // The page's address: its path in dist/ under the base path.
    const address = `${base}${page.path.slice(1)}`;
    const html = parse(readFileSync(page.file, 'utf8'));
    for (const el of html.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      const url = new URL(raw, ORIGIN + address);
      if (url.origin !== ORIGIN && url.origin !== siteOrigin) continue;
      result.checked += 1;
      if (url.origin === siteOrigin) result.absolute += 1;
      if (!url.pathname.startsWith(base)) {
        result.broken.push(`${address}: ${raw} (outside the base path ${base})`);
        continue;
      }
      const path = `/${url.pathname.slice(base.length)}`;
      if (!exists(dist, path)) {
        result.broken.push(`${address}: ${raw}`);
        continue;
      }
      const file = fileFor(dist, path);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && file.endsWith('.html') && !ids(file).has(anchor)) result.broken.push(`${address}: ${raw} (no #${anchor})`);
    }
  }
  return result;
}
