/** /downloads/<file> — the data set downloads written by `npm run data` to data/downloads/, the reports' per-year parts included. */
import type { APIRoute } from 'astro';
import { downloadFileNames, readDownload } from '../../lib/data-files';

export function getStaticPaths() {
  return downloadFileNames.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => new Response(new Uint8Array(readDownload(params.file!)));
