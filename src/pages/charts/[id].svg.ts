/** /charts/<id>.svg — the chart as a standalone SVG file, with title, notes, source and permalink drawn in. */
import type { APIRoute } from 'astro';
import { chartOf, chartPaths } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';
import { chartUrl, permalink } from '../../lib/paths';

export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const chart = await chartOf(params.id);
  const svg = renderChartSvg(chart, { framed: true, url: permalink(chartUrl(chart.id), site) });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
