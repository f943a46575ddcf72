/** /robots.txt — everything may be crawled; points crawlers at the sitemap index. */
import type { APIRoute } from 'astro';
import { homeUrl, permalink, sitemapUrl } from '../lib/paths';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${homeUrl}\n\nSitemap: ${permalink(sitemapUrl, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
