/** Every internal link and resource on every built page resolves to a built file (and its #anchor exists). */
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { parse } from 'node-html-parser';
import { exists, fileFor, htmlPages } from './html';

const dist = inject('siteDist');
const ORIGIN = 'http://site.test';

it('resolves every internal href and src', () => {
  const pages = htmlPages(dist);
  const broken: string[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsOf.has(file)) idsOf.set(file, new Set(parse(readFileSync(file, 'utf8')).querySelectorAll('[id]').map((e) => e.id)));
    return idsOf.get(file)!;
  };
  let checked = 0;
  for (const page of pages) {
    const html = parse(readFileSync(page.file, 'utf8'));
    for (const el of html.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      const url = new URL(raw, ORIGIN + page.path);
      if (url.origin !== ORIGIN) continue;
      checked += 1;
      if (!exists(dist, url.pathname)) {
        broken.push(`${page.path}: ${raw}`);
        continue;
      }
      const file = fileFor(dist, url.pathname);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && file.endsWith('.html') && !ids(file).has(anchor)) broken.push(`${page.path}: ${raw} (no #${anchor})`);
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(broken).toEqual([]);
});
