/** /embed/resize.js — the external script of embed pages (CSP allows no inline scripts). */
import type { APIRoute } from 'astro';
import { embedResizeScript } from '../../charts/embed';

export const GET: APIRoute = () => new Response(embedResizeScript(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
