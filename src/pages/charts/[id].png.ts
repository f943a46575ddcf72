/**
 * /charts/<id>.png — the framed chart rendered with resvg. Rendered here, on demand, not when the chart
 * list is built; CHART_PNG=0 skips all PNG files. A missing CJK font fails the build with a clear message.
 */
import type { APIRoute } from 'astro';
import type { ChartEntry } from '../../charts/catalog';
import { chartUrl } from '../../charts/embed';
import { svgToPng } from '../../charts/png';
import { pngEnabled } from '../../charts/png-settings';
import { chartPaths } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';

export const getStaticPaths = async () => (pngEnabled() ? chartPaths() : []);

export const GET: APIRoute<{ chart: ChartEntry }> = async ({ props, site }) => {
  const svg = renderChartSvg(props.chart, { framed: true, url: new URL(chartUrl(props.chart.id), site).href });
  const png = await svgToPng(svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
