/**
 * One module builds every internal URL (src/lib/paths.ts), with the base path the site is built for (BASE_PATH),
 * written as a test over the site's sources: a page, component, layout, chart, browser script or library module that
 * spells a site path by hand (`href="/about/"`, `` `/reports/${id}/` ``, `[数据](/data/)`, `href: '/'`) would link
 * past the base path of a site published under https://example.gov.cn/nianbao/. The routes are read from src/pages
 * and public/, so a new page is covered without editing this test.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, chartFileUrl, reportFileUrl, sourceUrl } from '../../src/lib/paths';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The folders of the site (those of tests/unit/layering.test.ts that exist); the pipeline and generator build no links. */
const SITE_FOLDERS = ['pages', 'components', 'layouts', 'lib', 'charts', 'client', 'scripts', 'integrations', 'styles'];
const SOURCE_FILE = /\.(ts|mts|mjs|js|astro|mdx|md|css)$/;
const PATHS_MODULE = 'src/lib/paths.ts';
/** Written into dist/ by the build, not by a route of src/pages: Astro's assets, Pagefind's bundle, the sitemaps. */
const GENERATED = ['_astro', 'pagefind', 'sitemap-index.xml', 'sitemap.xml'];

/** The source files below a folder. */
const sourcesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => SOURCE_FILE.test(file) && !file.endsWith('.d.ts') && statSync(file).isFile());

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first segment of every address the site serves: routes of src/pages (`about.mdx` → about, `robots.txt.ts` → robots.txt), public/ files, generated files. */
function topSegments(): string[] {
  const routes = readdirSync(path.join(ROOT, 'src/pages'))
    .filter((name) => !name.startsWith('[') && !name.startsWith('index.'))
    .map((name) => name.replace(/\.(astro|mdx|md|ts|js)$/, ''));
  return [...new Set([...routes, ...readdirSync(path.join(ROOT, 'public')), ...GENERATED])].sort();
}

const SEGMENTS = topSegments();

/** Ways of spelling an internal address by hand, each with what it is. */
const HAND_MADE: { what: string; pattern: RegExp }[] = [
  // '/about/', "/reports/…", `/charts/${id}.svg`, '/favicon.svg': a quoted string starting with a route of the site.
  { what: 'a quoted site path', pattern: new RegExp(`["'\`]/(?:${SEGMENTS.map(escapeRegExp).join('|')})(?=[/.#?"'\`]|$)`, 'gm') },
  // href="/", href={'/'}, href: '/', action="/": the home page.
  { what: 'the root path', pattern: /\b(?:href|src|action|url)\s*[:=]\s*\{?\s*(["'`])\/\1/g },
  // [方法说明](/about/) in Markdown or MDX.
  { what: 'a Markdown link to a site path', pattern: /\]\(\//g },
  // url('/…') in a stylesheet.
  { what: 'a root-relative url() in CSS', pattern: /url\(\s*["']?\//g },
  // new URL(path, site): absolute addresses are made by permalink().
  { what: 'an absolute URL made by hand', pattern: /new URL\([^()]*,\s*(?:Astro\.)?site\s*\)/g },
  // The base path is read in one place.
  { what: 'the base path read directly', pattern: /import\.meta\.env\??\.BASE_URL|__BASE_PATH__/g },
];

/** The hand-made addresses in a source text, as `line: excerpt (what)`. */
function handMade(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of HAND_MADE) {
    for (const m of text.matchAll(pattern)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${line}: ${text.split('\n')[line - 1].trim().slice(0, 120)} (${what})`);
    }
  }
  return found;
}

const SITE_FILES = SITE_FOLDERS.flatMap((folder) => {
  const dir = path.join(ROOT, 'src', folder);
  try {
    return statSync(dir).isDirectory() ? sourcesUnder(dir) : [];
  } catch {
    return [];
  }
});

describe('internal URLs', () => {
  it('the scan knows the routes and recognises every hand-made spelling (and no file path or separator)', () => {
    expect(SEGMENTS).toEqual(expect.arrayContaining(['about', 'agencies', 'charts', 'reports', 'robots.txt', 'favicon.svg', 'pagefind']));
    expect(SITE_FILES.length).toBeGreaterThan(100);
    const caught = [
      '<a href="/about/">方法说明</a>',
      '<a href="/data/#dictionary">',
      'export const reportUrl = (id: string) => `/reports/${id}/`;',
      "{ href: '/', zh: '首页' }",
      '<a class="site-name" href="/">',
      '见[数据字典](/data/#dictionary)',
      "background: url('/img/x.png')",
      'const canonical = new URL(Astro.url.pathname, Astro.site).href;',
      'import(`${import.meta.env.BASE_URL}pagefind/pagefind.js`)',
      "'/sitemap-index.xml'",
    ];
    for (const sample of caught) expect(handMade(sample), sample).toHaveLength(1);
    const fine = [
      "'/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'",
      "slugs.join('/')",
      "path.split('/')",
      '<a href={`${aboutUrl}#indicators`}>',
      '`${searchUrl}?${params}`',
      '<a href="#main">',
      "new URL(window.location.href)",
      "'/reportsx'",
      '// see /charts/ for the listener',
    ];
    for (const sample of fine) expect(handMade(sample), sample).toEqual([]);
  });

  it('are spelled only in src/lib/paths.ts', () => {
    const offenders = SITE_FILES.filter((f) => rel(f) !== PATHS_MODULE).flatMap((f) => handMade(readFileSync(f, 'utf8')).map((hit) => `${rel(f)}:${hit}`));
    expect(offenders).toEqual([]);
    // …which does spell them: the scan would see a path written anywhere else.
    expect(handMade(readFileSync(path.join(ROOT, PATHS_MODULE), 'utf8')).length).toBeGreaterThan(20);
  });
});

describe('builtFile', () => {
  it('places a URL built in src/lib/paths.ts in the built site, as Astro wrote the routes it replaces', () => {
    expect(builtFile(chartFileUrl('report-a-2024-handling', 'svg'))).toBe('charts/report-a-2024-handling.svg');
    expect(builtFile(reportFileUrl('a-2024', 'csv'))).toBe('reports/a-2024.csv');
    // Encoded segment by segment in the URL, decoded in the file name; the folders kept.
    expect(sourceUrl('江苏/报告 2024#1.md')).toBe('/sources/%E6%B1%9F%E8%8B%8F/%E6%8A%A5%E5%91%8A%202024%231.md');
    expect(builtFile(sourceUrl('江苏/报告 2024#1.md'))).toBe('sources/江苏/报告 2024#1.md');
  });
});
