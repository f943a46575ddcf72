/**
 * What a built site weighs: bytes on disk by top folder, the largest HTML pages, and the weight of report pages
 * with the stylesheets and scripts each one references (module scripts followed through their static imports).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

export interface SiteWeight {
  totalBytes: number;
  byFolder: Record<string, number>;
  /** Every file of the site, and its HTML pages among them. */
  files: number;
  htmlPages: number;
  /** HTML pages over the limit, largest first. */
  oversized: { page: string; bytes: number }[];
  largestHtml: { page: string; bytes: number };
  reportPages: { count: number; average: PageWeight; largest: PageWeight };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** `href`/`src` of stylesheets and scripts in an HTML page. */
function referencedAssets(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`).exec(tag)?.slice(1).find((v) => v !== undefined);
    if (tag.startsWith('<link')) {
      const rel = attr('rel') ?? '';
      const href = attr('href');
      if (!href) continue;
      if (rel.split(/\s+/).includes('stylesheet')) css.push(href);
      else if (rel.split(/\s+/).includes('modulepreload')) js.push(href);
    } else {
      const src = attr('src');
      if (src) js.push(src);
    }
  }
  return { css, js };
}

/** Static imports of a built module script (`import … from"./x.js"`, `import"./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
}

export function measureSite(dist: string, { oversizeBytes = 1024 * 1024 } = {}): SiteWeight {
  const files = walk(dist);
  const sizes = new Map(files.map((f) => [f, statSync(f).size]));
  const byFolder: Record<string, number> = {};
  for (const [file, bytes] of sizes) {
    const top = path.relative(dist, file).split(path.sep)[0];
    const folder = top.includes('.') ? '(top-level files)' : top;
    byFolder[folder] = (byFolder[folder] ?? 0) + bytes;
  }
  const html = files.filter((f) => f.endsWith('.html'));
  const rel = (f: string) => `/${path.relative(dist, f).split(path.sep).join('/')}`;
  const htmlBySize = html.map((f) => ({ page: rel(f), bytes: sizes.get(f)! })).sort((a, b) => b.bytes - a.bytes);

  const sizeOf = (url: string, from: string) => {
    const target = url.startsWith('/') ? path.join(dist, url.split(/[?#]/)[0]) : path.resolve(path.dirname(from), url.split(/[?#]/)[0]);
    return { file: target, bytes: sizes.get(target) ?? 0 };
  };
  const jsClosure = (entries: string[], page: string): number => {
    const seen = new Set<string>();
    const pending = entries.map((u) => sizeOf(u, page).file);
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file) || !sizes.has(file)) continue;
      seen.add(file);
      for (const spec of staticImports(readFileSync(file, 'utf8'))) if (spec.startsWith('.') || spec.startsWith('/')) pending.push(sizeOf(spec, file).file);
    }
    return [...seen].reduce((sum, f) => sum + sizes.get(f)!, 0);
  };
  const reportPages: PageWeight[] = html
    .filter((f) => /^\/reports\/[^/]+\/index\.html$/.test(rel(f)))
    .map((f) => {
      const { css, js } = referencedAssets(readFileSync(f, 'utf8'));
      return {
        page: rel(f),
        html: sizes.get(f)!,
        css: [...new Set(css)].reduce((sum, u) => sum + sizeOf(u, f).bytes, 0),
        js: jsClosure(js, f),
      };
    });
  const total = (w: PageWeight) => w.html + w.css + w.js;
  const mean = (key: keyof Omit<PageWeight, 'page'>) => Math.round(reportPages.reduce((s, w) => s + w[key], 0) / Math.max(1, reportPages.length));
  return {
    totalBytes: [...sizes.values()].reduce((a, b) => a + b, 0),
    byFolder,
    files: files.length,
    htmlPages: html.length,
    oversized: htmlBySize.filter((p) => p.bytes > oversizeBytes),
    largestHtml: htmlBySize[0] ?? { page: '-', bytes: 0 },
    reportPages: {
      count: reportPages.length,
      average: { page: '(average)', html: mean('html'), css: mean('css'), js: mean('js') },
      largest: reportPages.reduce((a, b) => (total(b) > total(a) ? b : a), reportPages[0] ?? { page: '-', html: 0, css: 0, js: 0 }),
    },
  };
}
