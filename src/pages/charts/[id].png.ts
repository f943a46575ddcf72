/**
 * /charts/<id>.png — the framed chart rendered with resvg, for the charts CHART_PNG selects (every chart by
 * default; see png-settings.ts). Rendered here, on demand, not when the chart list is built. A missing
 * CJK font fails the build with a clear message.
 */
import type { APIRoute } from 'astro';
import type { ChartEntry } from '../../charts/catalog';
import { chartCharacters, preparePngFonts, svgToPng } from '../../charts/png';
import { hasPng } from '../../charts/png-settings';
import { chartPaths } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';
import { chartUrl, permalink } from '../../lib/paths';

let paths: ReturnType<typeof chartPaths> | undefined;
const pngPaths = () => (paths ??= chartPaths().then((all) => all.filter((p) => hasPng(p.props.chart))));

export const getStaticPaths = pngPaths;

let fontsReady: Promise<void> | undefined;

export const GET: APIRoute<{ chart: ChartEntry }> = async ({ props, site }) => {
  // The font is narrowed once to the characters of every chart that gets a PNG (see src/charts/font.ts).
  fontsReady ??= pngPaths().then((all) => preparePngFonts(chartCharacters(all.map((p) => p.props.chart))));
  await fontsReady;
  const svg = renderChartSvg(props.chart, {
    framed: true,
    url: permalink(chartUrl(props.chart.id), site),
  });
  const png = await svgToPng(svg);
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png' },
  });
};
