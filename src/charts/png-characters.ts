/**
 * The characters of every chart that gets a PNG, for narrowing the PNG font once (preparePngFonts): the chart PNG route
 * and its benchmark (src/bench/png-route.ts) read them alike. A module of its own: it reads the site's charts
 * (registry.ts, which loads the data), where png.ts draws a given SVG and loads nothing.
 */
import { chartCharacters } from './png';
import { hasPng, pngMode } from './png-settings';
import { allCharts, drawSharedCharts } from './registry';

/**
 * Each chart drawn and let go in turn; with PNGs of the shared charts only (CHART_PNG=shared), those alone: no report's
 * chart gets one, and drawing them all to find none was three charts a report (150,000 at 50,000 reports) before the
 * first PNG.
 */
export async function pngCharacters(): Promise<string> {
  const seen = new Set<string>();
  const charts = pngMode() === 'all' ? allCharts() : drawSharedCharts();
  for await (const chart of charts) if (hasPng(chart)) for (const ch of chartCharacters([chart])) seen.add(ch);
  return [...seen].join('');
}
