/** /sources/<path> — each input file exactly as received (copies in data/sources/), reports and rejected files alike. */
import type { APIRoute } from 'astro';
import { reports } from '../../lib/site-data';
import { readSourceCopy, rejected, sourceExists } from '../../lib/data-files';

export function getStaticPaths() {
  const paths = [...new Set([...reports.map((r) => r.source.path), ...rejected.map((f) => f.file)])].filter(sourceExists);
  return paths.map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => new Response(new Uint8Array(readSourceCopy(params.path!)));
