/** /sources/<path> — each input file exactly as received (copies in data/sources/), reports and rejected files alike. */
import type { APIRoute } from 'astro';
import { reports } from '../../lib/site-data';
import { readSourceCopy, rejected, sourceExists } from '../../lib/data-files';
import { reportLevelPaths } from '../../lib/build-part';

export function getStaticPaths() {
  return reportLevelPaths(() => sourcePaths().map((path) => ({ params: { path } })));
}

function sourcePaths(): string[] {
  const paths = [...new Set([...reports.map((r) => r.source.path), ...rejected.map((f) => f.file)])].filter(sourceExists);
  return paths;
}

export const GET: APIRoute = ({ params }) => new Response(new Uint8Array(readSourceCopy(params.path!)));
