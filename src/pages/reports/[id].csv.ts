/** /reports/<id>.csv — one report's numbers, one row per cell: the same columns as the data set's long CSV. */
import type { APIRoute } from 'astro';
import { readReport, reports } from '../../lib/site-data';
import { toCsv } from '../../lib/csv';
import { LONG_COLUMNS, longRows } from '../../schema';
import { reportLevelPaths } from '../../lib/build-part';

export function getStaticPaths() {
  return reportLevelPaths(() => reports.map((r) => ({ params: { id: r.id } })));
}

export const GET: APIRoute = ({ params }) =>
  new Response(toCsv([LONG_COLUMNS, ...longRows([readReport(params.id!)])]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
