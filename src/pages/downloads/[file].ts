/** /downloads/<file> — the data set downloads written by `npm run data` to data/downloads/. */
import type { APIRoute } from 'astro';
import { availableDownloads, readDownload } from '../../lib/data-files';

export function getStaticPaths() {
  return availableDownloads.map((d) => ({ params: { file: d.name } }));
}

export const GET: APIRoute = ({ params }) => new Response(new Uint8Array(readDownload(params.file!)));
