/**
 * /charts/<id>.png — the framed chart rendered with resvg, for the charts CHART_PNG selects (every chart by
 * default; see png-settings.ts). Rendered here, on demand, not when the chart list is built. A missing
 * CJK font fails the build with a clear message.
 */
import type { APIRoute } from 'astro';
import { chartCharacters, preparePngFonts, svgToPng } from '../../charts/png';
import { hasPng, pngMode } from '../../charts/png-settings';
import { allCharts, chartOf, getSharedCharts, renderedChartRefs } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';
import { chartUrl, permalink } from '../../lib/paths';

export const getStaticPaths = async () => (await renderedChartRefs()).filter((c) => hasPng(c)).map((c) => ({ params: { id: c.id } }));

/**
 * The characters of every chart that gets a PNG, each chart drawn and let go in turn; with PNGs of the shared charts
 * only (CHART_PNG=shared), those alone: no report's chart gets one, and drawing them all to find none was three charts
 * a report (150,000 at 50,000 reports) before the first PNG.
 */
async function pngCharacters(): Promise<string> {
  const seen = new Set<string>();
  const charts = pngMode() === 'all' ? allCharts() : await getSharedCharts();
  for await (const chart of charts) if (hasPng(chart)) for (const ch of chartCharacters([chart])) seen.add(ch);
  return [...seen].join('');
}

let fontsReady: Promise<void> | undefined;

export const GET: APIRoute = async ({ params, site }) => {
  // The font is narrowed once to the characters of every chart that gets a PNG (see src/charts/font.ts).
  fontsReady ??= pngCharacters().then(preparePngFonts);
  await fontsReady;
  const chart = await chartOf(params.id);
  const svg = renderChartSvg(chart, {
    framed: true,
    url: permalink(chartUrl(chart.id), site),
  });
  const png = await svgToPng(svg);
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png' },
  });
};
