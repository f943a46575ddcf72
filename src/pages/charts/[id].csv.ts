/** /charts/<id>.csv — exactly the numbers the chart plots, one row per mark. */
import type { APIRoute } from 'astro';
import type { ChartEntry } from '../../charts/catalog';
import { chartCsv } from '../../charts/csv';
import { chartPaths } from '../../charts/registry';

export const getStaticPaths = chartPaths;

export const GET: APIRoute<{ chart: ChartEntry }> = ({ props, site }) =>
  new Response(chartCsv(props.chart, site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
