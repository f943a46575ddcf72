/**
 * SITE_URL is the origin of every permalink, citation, embed snippet, Open Graph image and sitemap entry; BASE_PATH
 * the path the site is published under (`/nianbao/` for https://example.gov.cn/nianbao/), Astro's `base`, which
 * src/lib/paths.ts puts in front of every link. A build without SITE_URL hands out the placeholder's links, and a
 * SITE_URL whose path is not the base path would too, so `astro build` says so in one line. A BASE_PATH that is not
 * a plain path fails the configuration: every link of the site would carry it.
 */
import type { AstroIntegration } from 'astro';

/** The origin used when SITE_URL is unset: a placeholder, fine for a local preview only. */
export const PLACEHOLDER_SITE_URL = 'https://opengov-reports.example.org';

/** One segment of a base path: letters, digits and `- . _ ~`, nothing a URL would need to escape. */
const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** The site's origin from SITE_URL (or the placeholder). */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SITE_URL || PLACEHOLDER_SITE_URL;
}

/**
 * Astro's `base` from BASE_PATH, with a slash at both ends (`nianbao`, `/nianbao` and `/nianbao/` all give
 * `/nianbao/`); `/` when unset. Throws on a segment a URL would have to escape, and on `.` or `..`.
 */
export function basePath(env: NodeJS.ProcessEnv = process.env): string {
  const segments = (env.BASE_PATH ?? '').split('/').filter(Boolean);
  const bad = segments.find((s) => !BASE_SEGMENT.test(s) || s === '.' || s === '..');
  if (bad !== undefined) {
    throw new Error(`BASE_PATH=${env.BASE_PATH} has the segment "${bad}": use letters, digits and - . _ ~ only, e.g. BASE_PATH=/nianbao/ (README: Publishing)`);
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** The one-line warning for the build log, or null when SITE_URL is a usable origin (with the base path, if any). */
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
  const base = basePath(env);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (path !== '/' && path !== base) {
    return `SITE_URL=${value} has a path (${url.pathname}), but the site is built for ${base === '/' ? 'the root of its host' : `the base path ${base}`}: set SITE_URL=${url.origin} and BASE_PATH=${path} to publish it under ${url.origin}${path}`;
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
