/** Reading the built site in tests: pages by URL path, parsed with node-html-parser. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { readReportsJson } from '../../src/lib/report-parts';
import type { Rejected, Report } from '../../src/schema';

/** The file a site path is served from: `/a/` → a/index.html, `/a.json` → a.json. */
export function fileFor(dist: string, path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]);
  return clean.endsWith('/') ? join(dist, clean, 'index.html') : join(dist, clean);
}

export function readPage(dist: string, path: string): HTMLElement {
  return parse(readFileSync(fileFor(dist, path), 'utf8'));
}

/** Every HTML page of the build as [site path, file]. */
export function htmlPages(dist: string): { path: string; file: string }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      const rel = relative(dist, file).split(sep).join('/');
      return { path: '/' + rel.replace(/(^|\/)index\.html$/, '$1'), file };
    });
}

export function readReports(dataDir: string): Report[] {
  return readReportsJson(dataDir) as Report[];
}

export function readRejected(dataDir: string): Rejected[] {
  return JSON.parse(readFileSync(join(dataDir, 'rejected.json'), 'utf8')) as Rejected[];
}

export function findReport(reports: Report[], agency: string, year: number): Report {
  const report = reports.find((r) => r.agency.name === agency && r.year === year);
  if (!report) throw new Error(`no report of ${agency} ${year} in the data`);
  return report;
}

/** Whitespace-trimmed text of an element. */
export const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const exists = (dist: string, path: string) => existsSync(fileFor(dist, path));
