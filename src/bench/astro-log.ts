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
