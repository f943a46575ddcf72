/**
 * Reads `astro build` output: how long each route took to render (Astro prints `+Nms` after every page),
 * the Pagefind indexing time (src/integrations/pagefind.ts), and how far a build that was stopped had got.
 */

export interface RouteTime {
  /** The page file, e.g. src/pages/reports/[id].astro. */
  route: string;
  pages: number;
  ms: number;
}

export interface AstroBuildLog {
  /** Routes by rendering time, slowest first. */
  routes: RouteTime[];
  renderedPages: number;
  /** Seconds from the first log line to the first route rendered (content sync, Vite bundling). */
  setupSeconds: number | null;
  pagefind: { indexed: number; scopes: number; largest: number; ms: number; peakMb: number | null } | null;
  /** HTML pages and other files written (src/integrations/build-report.ts). */
  written: { html: number; other: number } | null;
  /** The route being rendered when the log ends (a build stopped part-way). */
  lastRoute: string | null;
}

const TIME = /^(\d\d):(\d\d):(\d\d)/;
const seconds = (line: string) => {
  const m = TIME.exec(line);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
};

export function parseAstroLog(output: string): AstroBuildLog {
  const routes = new Map<string, RouteTime>();
  let current: RouteTime | null = null;
  let first: number | null = null;
  let staticStart: number | null = null;
  let pagefind: AstroBuildLog['pagefind'] = null;
  let written: AstroBuildLog['written'] = null;
  for (const line of output.split('\n')) {
    const at = seconds(line);
    if (first === null && at !== null) first = at;
    const route = /[▶λ] (src\/pages\/\S+)/.exec(line);
    if (route) {
      staticStart ??= at;
      current = routes.get(route[1]) ?? { route: route[1], pages: 0, ms: 0 };
      routes.set(route[1], current);
      continue;
    }
    const page = /[├└]─ \S+ \(\+(\d+)ms\)/.exec(line);
    if (page && current) {
      current.pages++;
      current.ms += Number(page[1]);
      continue;
    }
    const indexed = /\[pagefind\] indexed (\d+) HTML pages in (\d+) scopes \(largest (\d+) pages\) in (\d+) ms(?:.*Pagefind's peak (\d+) MB)?/.exec(line);
    if (indexed) {
      const [, pages, scopes, largest, ms, peak] = indexed;
      pagefind = { indexed: Number(pages), scopes: Number(scopes), largest: Number(largest), ms: Number(ms), peakMb: peak ? Number(peak) : null };
    }
    const files = /\[build-report\] \d+ routes rendered; (\d+) HTML pages and (\d+) other files/.exec(line);
    if (files) written = { html: Number(files[1]), other: Number(files[2]) };
  }
  const list = [...routes.values()].sort((a, b) => b.ms - a.ms);
  return {
    routes: list,
    renderedPages: list.reduce((sum, r) => sum + r.pages, 0),
    setupSeconds: first !== null && staticStart !== null ? staticStart - first : null,
    pagefind,
    written,
    lastRoute: current?.route ?? null,
  };
}

/**
 * One log of the logs of several builds at once (the site's two Astro processes, scripts/build.ts --site --logs, and
 * the search index written after them): routes and pages summed, Pagefind's pages, scopes and time summed (its
 * largest scope and peak the largest), the longest setup.
 */
export function combineAstroLogs(logs: readonly AstroBuildLog[]): AstroBuildLog {
  const routes = new Map<string, RouteTime>();
  for (const log of logs) {
    for (const r of log.routes) {
      const sum = routes.get(r.route) ?? { route: r.route, pages: 0, ms: 0 };
      routes.set(r.route, { route: r.route, pages: sum.pages + r.pages, ms: sum.ms + r.ms });
    }
  }
  const list = [...routes.values()].sort((a, b) => b.ms - a.ms);
  const setups = logs.flatMap((l) => (l.setupSeconds === null ? [] : [l.setupSeconds]));
  const indexed = logs.flatMap((l) => (l.pagefind ? [l.pagefind] : []));
  const peaks = indexed.flatMap((p) => (p.peakMb === null ? [] : [p.peakMb]));
  const written = logs.flatMap((l) => (l.written ? [l.written] : []));
  return {
    routes: list,
    renderedPages: list.reduce((sum, r) => sum + r.pages, 0),
    setupSeconds: setups.length ? Math.max(...setups) : null,
    pagefind: indexed.length
      ? {
          indexed: indexed.reduce((sum, p) => sum + p.indexed, 0),
          scopes: indexed.reduce((sum, p) => sum + p.scopes, 0),
          largest: Math.max(...indexed.map((p) => p.largest)),
          ms: indexed.reduce((sum, p) => sum + p.ms, 0),
          peakMb: peaks.length ? Math.max(...peaks) : null,
        }
      : null,
    written: written.length ? { html: written.reduce((sum, w) => sum + w.html, 0), other: written.reduce((sum, w) => sum + w.other, 0) } : null,
    lastRoute: logs.map((l) => l.lastRoute).findLast((r) => r !== null) ?? null,
  };
}
