/** /charts/<id>.svg — the chart as a standalone SVG file, with title, notes, source and permalink drawn in. */
import type { APIRoute } from 'astro';
import type { ChartEntry } from '../../charts/catalog';
import { chartUrl } from '../../charts/embed';
import { chartPaths } from '../../charts/registry';
import { renderChartSvg } from '../../charts/render';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<{ chart: ChartEntry }> = ({ props, site }) => {
  const svg = renderChartSvg(props.chart, { framed: true, url: new URL(chartUrl(props.chart.id), site).href });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
