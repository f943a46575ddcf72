/**
 * /charts/<id>.png — the framed chart rendered with resvg, for the charts CHART_PNG selects (every chart by
 * default; see png-settings.ts). Rendered here, on demand, not when the chart list is built. A missing
 * CJK font fails the build with a clear message.
 */
import type { APIRoute } from 'astro';
import { preparePngFonts, svgToPng } from '../../charts/png';
import { pngCharacters } from '../../charts/png-characters';
import { chartOf, pngChartIds } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';
import { chartUrl, permalink } from '../../lib/paths';

export const getStaticPaths = () => pngChartIds().map((id) => ({ params: { id } }));

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
