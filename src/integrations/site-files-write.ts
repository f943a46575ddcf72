/**
 * The built site's files that are not pages: /reports/<id>.json and .csv, /charts/<id>.svg and .csv, and the copies
 * of the input files at /sources/<path>. the site-files integration (./site-files.ts) writes them straight into the built site, in a
 * process of its own beside Astro's, instead of one Astro route per file (at 1,000 reports these were 11,000 of Astro's
 * routes, each with its own request, response and write: BENCHMARKS.md, "Site build cost per report"). Same URLs, same
 * bytes as those routes. Which files a build writes follows BUILD_PART as the pages do (src/lib/build-part.ts): a
 * report's files and its charts' in its shard, the shared charts' in the merge. The PNGs stay a route
 * (src/pages/charts/[id].png.ts), rendered on the thread pool while pages render. Each file's place is its URL's
 * (src/lib/paths.ts, builtFile). Run by scripts/site-files.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { ChartEntry } from '../charts/catalog';
import { chartCsv } from '../charts/csv';
import { drawSharedCharts, isReportChart, reportCharts } from '../charts/registry';
import { renderChartSvg } from '../charts/render';
import { LONG_COLUMNS, longRows } from '../schema';
import type { Report } from '../schema/report';
import { rendersAggregatePages, rendersChart, rendersReportPages } from '../lib/build-part';
import { toCsv } from '../lib/csv';
import { dataPath } from '../lib/data-dir';
import { rejected, sourceExists } from '../lib/data-files';
import { builtFile, chartFileUrl, chartUrl, permalink, reportFileUrl, sourceUrl } from '../lib/paths';
import { readReport, reports } from '../lib/site-data';

/** /reports/<id>.json: the report's full record, as validated from data/reports/<id>.json. */
export const reportJson = (report: Report): string => JSON.stringify(report, null, 2);

/** /reports/<id>.csv: one row per cell, the columns of the data set's long CSV. */
export const reportCsv = (report: Report): string => toCsv([LONG_COLUMNS, ...longRows([report])]);

/** /charts/<id>.svg: the chart with its title, notes, source and permalink drawn in. */
export const chartSvgFile = (chart: ChartEntry, site: URL): string => renderChartSvg(chart, { framed: true, url: permalink(chartUrl(chart.id), site) });

/** Every input file a page links to at /sources/: each report's and each rejected file's, when its copy exists. */
export function sourcePaths(): string[] {
  return [...new Set([...reports.map((r) => r.source.path), ...rejected.map((f) => f.file)])].filter(sourceExists);
}

export interface SiteFilesWritten {
  reportFiles: number;
  chartFiles: number;
  sources: number;
}

/** Writes this build's files (see the top of this file) into `outDir`, the built site's folder; `site` is SITE_URL. */
export async function writeSiteFiles(outDir: string, site: URL): Promise<SiteFilesWritten> {
  const made = new Set<string>();
  /** The file of `url` in the built site, its folder made once. */
  const target = (url: string) => {
    const file = join(outDir, builtFile(url));
    const dir = dirname(file);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    return file;
  };
  const written: SiteFilesWritten = { reportFiles: 0, chartFiles: 0, sources: 0 };
  const writeChart = (chart: ChartEntry) => {
    if (!rendersChart(isReportChart(chart))) return;
    writeFileSync(target(chartFileUrl(chart.id, 'svg')), chartSvgFile(chart, site));
    writeFileSync(target(chartFileUrl(chart.id, 'csv')), chartCsv(chart, site));
    written.chartFiles += 2;
  };
  if (rendersReportPages()) {
    for (const { id } of reports) {
      const report = readReport(id);
      writeFileSync(target(reportFileUrl(id, 'json')), reportJson(report));
      writeFileSync(target(reportFileUrl(id, 'csv')), reportCsv(report));
      written.reportFiles += 2;
      for (const chart of await reportCharts(id)) writeChart(chart);
    }
    // Paths come from the data: each copy is read from inside data/sources/ (sourceExists) and written inside the site.
    for (const path of sourcePaths()) {
      const file = target(sourceUrl(path));
      if (!resolve(file).startsWith(resolve(outDir) + sep)) continue;
      // A read and a write: copyFile (copy_file_range) cost ten times the system time on this ext4 (see the data step).
      writeFileSync(file, readFileSync(dataPath('sources', path)));
      written.sources += 1;
    }
  }
  if (rendersAggregatePages()) for (const chart of drawSharedCharts()) writeChart(chart);
  return written;
}
