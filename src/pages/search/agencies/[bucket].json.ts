/** /search/agencies/<n>.json: one bucket of the agency name index (src/lib/search/agency-names.ts). */
import type { APIRoute } from 'astro';
import { agencyNameIndex } from '../../../lib/agency-name-index';
import { aggregatePaths } from '../../../lib/build-part';

export function getStaticPaths() {
  return aggregatePaths(() => agencyNameIndex.buckets.map((_, i) => ({ params: { bucket: String(i) } })));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(agencyNameIndex.buckets[Number(params.bucket)]), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
