/**
 * Writes every chart page (/charts/<id>/index.html) and embed (/embed/<id>/index.html) of this build without one
 * Astro route per page: Astro renders each route once, as a shell with markers in place of a chart's own parts
 * (src/lib/chart-shells.ts: the page shell, header, footer, scoped-style attributes, the build's stylesheet links
 * and CSP come from Astro), and this fills each chart's parts (src/components/charts/chart-pages.ts) into it. Same
 * URLs, same bytes as one route per page (BENCHMARKS.md, "Chart pages and embeds written outside Astro"). Which
 * charts follows BUILD_PART as the other chart files (src/lib/build-part.ts). Run in the site-files process
 * (scripts/site-files.ts) once Astro has written the two shells; the shells are deleted after they are read.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChartEntry } from '../charts/catalog';
import { drawSharedCharts, isReportChart, reportCharts } from '../charts/registry';
import { chartPageParts, embedPageParts } from '../components/charts/chart-pages';
import { rendersAggregatePages, rendersChart, rendersReportPages } from '../lib/build-part';
import { CHART_SHELL_ID } from '../lib/chart-shells';
import { builtFile, chartUrl, embedUrl, permalink } from '../lib/paths';
import { reports } from '../lib/site-data';
import { fillShell, parseShell } from './chart-shell-fill';

/** How often to look for the shells while Astro renders its pages. */
const SHELL_POLL_MS = 100;

/** The file of a shell in the built site. */
const shellFile = (outDir: string, url: string) => join(outDir, builtFile(url), 'index.html');

/**
 * Waits for Astro to write a shell (a page is complete when it ends with </html>, as Astro writes it), reads it and
 * deletes its folder. `rendered()` says whether Astro has rendered every page: a shell still missing then is an error.
 */
async function takeShell(outDir: string, url: string, rendered: () => boolean): Promise<string> {
  const file = shellFile(outDir, url);
  for (;;) {
    const done = rendered();
    let html = '';
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      // not written yet
    }
    if (html.trimEnd().endsWith('</html>')) {
      rmSync(dirname(file), { recursive: true, force: true });
      return html;
    }
    if (done) throw new Error(`Astro rendered its pages without the chart shell ${file}`);
    await sleep(SHELL_POLL_MS);
  }
}

export interface ChartPagesWritten {
  pages: number;
  embeds: number;
  /** The chart pages' addresses, for the sitemap (embeds are not listed: noindex). */
  urls: string[];
  /** Time spent waiting for Astro's shells, and writing the pages after. */
  waitMs: number;
  writeMs: number;
}

/**
 * Writes this build's chart pages and embeds into `outDir` once Astro has written the shells; `site` is SITE_URL,
 * `rendered()` whether Astro has rendered all its pages (see takeShell).
 */
export async function writeChartPages(outDir: string, site: URL, rendered: () => boolean): Promise<ChartPagesWritten> {
  const started = performance.now();
  const pageShell = parseShell(await takeShell(outDir, chartUrl(CHART_SHELL_ID), rendered), ['id', 'title', 'description', 'head', 'main']);
  const embedShell = parseShell(await takeShell(outDir, embedUrl(CHART_SHELL_ID), rendered), ['id', 'title', 'permalink', 'body']);
  const shellsRead = performance.now();
  const written: ChartPagesWritten = { pages: 0, embeds: 0, urls: [], waitMs: shellsRead - started, writeMs: 0 };
  const write = (url: string, html: string) => {
    const file = join(outDir, builtFile(url), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  };
  const writeChart = (chart: ChartEntry) => {
    if (!rendersChart(isReportChart(chart))) return;
    const page = chartPageParts(chart, site);
    write(chartUrl(chart.id), fillShell(pageShell, { id: chart.id, ...page }));
    write(embedUrl(chart.id), fillShell(embedShell, embedPageParts(chart, site)));
    written.pages += 1;
    written.embeds += 1;
    written.urls.push(permalink(chartUrl(chart.id), site));
  };
  if (rendersReportPages()) for (const { id } of reports) for (const chart of await reportCharts(id)) writeChart(chart);
  if (rendersAggregatePages()) for (const chart of drawSharedCharts()) writeChart(chart);
  written.writeMs = performance.now() - shellsRead;
  return written;
}
