/**
 * Serves a built site on 127.0.0.1 at a free port, like a static host (404.html for missing paths). With a base path
 * (`/nianbao/`) the site answers only under it, as when dist/ is copied to https://example.gov.cn/nianbao/: a link
 * that forgets the base path gets the 404 page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveSite(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: true, etag: false });
  const notFoundPage = join(dir, '404.html');
  const prefix = base.replace(/\/+$/, '');
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    };
    const url = req.url ?? '/';
    if (prefix) {
      if (!url.startsWith(`${prefix}/`)) return notFound();
      req.url = url.slice(prefix.length);
    }
    files(req, res, notFound);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
