/** /charts/<id>.svg — the chart as a standalone SVG file, with title, notes, source and permalink drawn in. */
import type { APIRoute } from 'astro';
import type { ChartEntry } from '../../charts/catalog';
import { chartPaths } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';
import { chartUrl, permalink } from '../../lib/paths';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<{ chart: ChartEntry }> = ({ props, site }) => {
  const svg = renderChartSvg(props.chart, { framed: true, url: permalink(chartUrl(props.chart.id), site) });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
