/**
 * Report text is untrusted: a report whose prose contains markup must show it as text.
 * Builds a throwaway site from a copy of one seed with a <script> line added to its first section.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROJECT_ROOT, buildSite, type SiteBuild } from '../setup/site';
import { readPage, readReports, text } from './html';

const PAYLOAD = '<script>alert(1)</script>';
// Inside the project, like the shared build: an outDir outside it makes Astro use the shared .astro/ folder.
mkdirSync(join(PROJECT_ROOT, '.cache'), { recursive: true });
const workDir = mkdtempSync(join(PROJECT_ROOT, '.cache', 'site-escaping-'));
let build: SiteBuild;

beforeAll(async () => {
  const content = join(workDir, 'content');
  mkdirSync(content);
  const seed = readdirSync(join(PROJECT_ROOT, 'content/reports')).find((f) => readFileSync(join(PROJECT_ROOT, 'content/reports', f), 'utf8').includes('殷都区'))!;
  const original = readFileSync(join(PROJECT_ROOT, 'content/reports', seed), 'utf8');
  const hostile = original.replace(/^(## 一、总体情况\s*\n)/m, `$1\n本段含有标记 ${PAYLOAD} 与 <img src=x onerror=alert(2)> 。\n`);
  expect(hostile).not.toBe(original);
  writeFileSync(join(content, seed), hostile);
  build = await buildSite(join(workDir, 'site'), content);
});

afterAll(() => {
  if (!process.env.KEEP_SITE) rmSync(workDir, { recursive: true, force: true });
});

it('renders markup in report prose as text', () => {
  const [report] = readReports(build.dataDir);
  expect(report.sections.overview?.text).toContain(PAYLOAD);
  const path = `/reports/${report.id}/`;
  const raw = readFileSync(join(build.distDir, 'reports', report.id, 'index.html'), 'utf8');
  expect(raw).not.toContain(PAYLOAD);
  expect(raw).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  const html = readPage(build.distDir, path);
  expect(text(html.querySelector('#overview'))).toContain(PAYLOAD);
  expect(html.querySelectorAll('script').every((s) => s.getAttribute('src'))).toBe(true);
  expect(html.querySelectorAll('img[onerror]')).toHaveLength(0);
});

it('keeps the copied source file unchanged for download', () => {
  const [report] = readReports(build.dataDir);
  expect(readFileSync(join(build.distDir, 'sources', report.source.path), 'utf8')).toContain(PAYLOAD);
});
