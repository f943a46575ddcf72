/** /compare/rows-<n>.json — the compare page's rows in chunks, loaded by its script to filter and sort all reports. */
import type { APIRoute } from 'astro';
import { compareChunk, compareChunkCount } from '../../lib/compare-rows';
import { aggregatePaths } from '../../lib/build-part';

export function getStaticPaths() {
  return aggregatePaths(() => Array.from({ length: compareChunkCount }, (_, i) => ({ params: { n: String(i + 1) } })));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(compareChunk(Number(params.n))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
