/** /search/agencies/index.json: the agency name index's manifest (bucket count and sizes). */
import type { APIRoute } from 'astro';
import { agencyNameIndex } from '../../../lib/agency-name-index';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(agencyNameIndex.manifest), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
