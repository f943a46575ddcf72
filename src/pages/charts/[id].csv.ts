/** /charts/<id>.csv — exactly the numbers the chart plots, one row per mark. */
import type { APIRoute } from 'astro';
import { chartCsv } from '../../charts/csv';
import { chartOf, chartPaths } from '../../charts/registry';

export const getStaticPaths = chartPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(chartCsv(await chartOf(params.id), site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
