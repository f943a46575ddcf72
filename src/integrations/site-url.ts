/**
 * SITE_URL is the origin of every permalink, citation, embed snippet, Open Graph image and sitemap entry. A build
 * without it hands out the placeholder's links, so `astro build` says so in one line. Links inside the site are
 * root-relative: the site is served at the root of its origin, and a path in SITE_URL is not a base path.
 */
import type { AstroIntegration } from 'astro';

/** The origin used when SITE_URL is unset: a placeholder, fine for a local preview only. */
export const PLACEHOLDER_SITE_URL = 'https://opengov-reports.example.org';

/** The site's origin from SITE_URL (or the placeholder). */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SITE_URL || PLACEHOLDER_SITE_URL;
}

/** The one-line warning for the build log, or null when SITE_URL is a usable origin. */
export function siteUrlWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.SITE_URL;
  if (!value) {
    return `SITE_URL is not set: permalinks, embed snippets, social cards and sitemap.xml point to ${PLACEHOLDER_SITE_URL}; build with SITE_URL=https://<your host> npm run build before publishing dist/ (README: Publishing)`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `SITE_URL=${value} is not an absolute URL (https://<your host>): permalinks and social cards will be wrong`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `SITE_URL=${value} is not an http(s) URL: permalinks and social cards will be wrong`;
  if (url.pathname !== '/') {
    return `SITE_URL=${value} has a path (${url.pathname}), but the site's links are root-relative: serve dist/ at the root of ${url.origin} (a subdomain), not under a path`;
  }
  return null;
}

export default function siteUrlCheck(): AstroIntegration {
  return {
    name: 'site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const warning = siteUrlWarning();
        if (warning) logger.warn(warning);
      },
    },
  };
}
