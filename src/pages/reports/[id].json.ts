/** /reports/<id>.json — one report's full record, as in data/reports/<id>.json. */
import type { APIRoute } from 'astro';
import { readReport, reports } from '../../lib/site-data';
import { reportLevelPaths } from '../../lib/build-part';

export function getStaticPaths() {
  return reportLevelPaths(() => reports.map((r) => ({ params: { id: r.id } })));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(readReport(params.id!), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
