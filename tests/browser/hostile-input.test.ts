/**
 * Hostile report files: a copy of a seed whose agency name, title, source URL, prose and a table cell
 * carry HTML/script payloads, stored under a file name that looks like path traversal, plus a 5 MB
 * single-line file. They are built into a throwaway site (pipeline + astro build, as `npm run build`);
 * the build must finish, nothing may be written outside the output folders, and in Chromium every
 * payload must stay inert text.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyUrl, reportUrl } from '../../src/lib/paths';
import { writeDataset } from '../../src/pipeline/write';
import { RULE_IDS, type Report } from '../../src/schema';
import { PROJECT_ROOT, buildSite, type SiteBuild } from '../setup/site';
import { launchBrowser, watchPage } from './support/browser';
import { readSiteData, type SiteData } from './support/site';
import { serveSite, type StaticServer } from './support/server';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const CLOSE_TITLE = '</title>';
/** The seed the hostile report is made from (殷都区人民政府办公室 2024, Markdown-ish with tab tables). */
const SEED = 'content/reports/001_97fbb38be466e179.txt';
/**
 * A file name that becomes ../../evil.txt if anything URL-decodes it; it sits in a subfolder. (A name
 * starting with a dot would be skipped as a hidden file, and a real "../" cannot be part of a file name.)
 */
const TRAVERSAL_NAME = '%2E%2E%2F%2E%2E%2Fevil.txt';
const HUGE_BYTES = 5 * 1024 * 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function hostileReport(seed: string): string {
  const frontMatter = [
    '---',
    `agency: '${SCRIPT}殷都区人民政府办公室'`,
    `title: '${CLOSE_TITLE}${IMG}殷都区报告'`,
    `sourceUrl: '${JS_URL}'`,
    '---',
  ].join('\n');
  const body = seed
    .replace('尝试以卡通形象', `尝试以${SCRIPT}${IMG}卡通形象 ${JS_URL} ${CLOSE_TITLE}`)
    // The 自然人 cell of 予以公开 in table B.
    .replace(/^(三、本年度办理结果\t\(一\) 予以公开\t)13\t/mu, `$1${IMG}\t`);
  expect(body).toContain(`${IMG}卡通形象`);
  expect(body).toMatch(/予以公开\t<img/u);
  return `${frontMatter}\n${body}`;
}

let work: string;
let build: SiteBuild;
let data: SiteData;
let rejected: { file: string }[];
let hostile: Report;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Inside the project like the shared build (tests/setup/build-site.ts explains why).
  await mkdir(join(PROJECT_ROOT, '.cache'), { recursive: true });
  work = await mkdtemp(join(PROJECT_ROOT, '.cache', 'hostile-'));
  const reports = join(work, 'content', 'reports');
  await mkdir(join(reports, 'sub'), { recursive: true });
  await writeFile(join(reports, 'sub', TRAVERSAL_NAME), hostileReport(await readFile(join(PROJECT_ROOT, SEED), 'utf8')));
  const line = `${SCRIPT}${IMG}政府信息公开工作年度报告`;
  await writeFile(join(reports, 'huge-line.txt'), line.repeat(Math.ceil(HUGE_BYTES / Buffer.byteLength(line))));
  build = await buildSite(join(work, 'site'), join(work, 'content'));
  data = readSiteData(build.dataDir);
  rejected = JSON.parse(await readFile(join(build.dataDir, 'rejected.json'), 'utf8'));
  const found = data.reports.find((r) => r.agency.name.includes('<script>'));
  if (!found) throw new Error(`the hostile report was not published; rejected: ${JSON.stringify(rejected.map((r) => r.file))}`);
  hostile = found;
  server = await serveSite(build.distDir);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (!process.env.KEEP_SITE) await rm(work, { recursive: true, force: true });
});

describe('building hostile input', () => {
  it('finishes and accounts for every file: the hostile copy is published, the huge line is not lost', () => {
    expect(hostile.source.path).toBe(`reports/sub/${TRAVERSAL_NAME}`);
    const accounted = [...data.reports.map((r) => r.source.path), ...rejected.map((r) => r.file)];
    expect(accounted).toContain('reports/huge-line.txt');
  });

  it('writes nothing outside its content and output folders', async () => {
    const outside = (await filesUnder(work)).filter((f) => !f.startsWith(join(work, 'content') + sep) && !f.startsWith(join(work, 'site') + sep));
    expect(outside).toEqual([]);
    expect(await filesUnder(join(build.dataDir, 'sources'))).toContain(join(build.dataDir, 'sources', 'reports', 'sub', TRAVERSAL_NAME));
    for (const r of data.reports) expect(r.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('the write step never copies a source outside the output folder, whatever path it is given', async () => {
    const root = await mkdtemp(join(tmpdir(), 'write-paths-'));
    const contentDir = join(root, 'a', 'b', 'content');
    const outDir = join(root, 'a', 'b', 'out');
    await mkdir(contentDir, { recursive: true });
    await writeFile(join(root, 'a', 'secret.txt'), 'secret');
    const summary = {
      files: 0,
      reports: 0,
      rejected: 0,
      warnings: 0,
      errors: 0,
      ruleBreaks: 0,
      ruleBreaksByRule: Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as Record<(typeof RULE_IDS)[number], number>,
      builtAt: new Date(0).toISOString(),
    };
    // One path per call, each awaited: a failing copy must not cut short the check of another still in flight.
    for (const source of ['../../secret.txt', 'reports/../../../secret.txt']) {
      // Refusing (throwing) is as good as skipping; writing outside is not.
      await writeDataset({ reports: [], rejected: [], summary, sources: [source] }, { contentDir, outDir }).catch(() => undefined);
    }
    const written = (await filesUnder(root)).map((f) => relative(root, f));
    expect(written.filter((f) => !f.startsWith(join('a', 'b', 'out') + sep) && f !== join('a', 'secret.txt'))).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });
});

describe('hostile input in Chromium', () => {
  async function visit(path: string): Promise<{ page: Page; problems: ReturnType<typeof watchPage> }> {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    return { page, problems };
  }

  /** What payloads could have become if they were inserted as markup: elements, handler attributes, javascript: links. */
  function injectedMarkup(page: Page) {
    return page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src && (s.textContent ?? '').includes('alert')).length,
      images: document.querySelectorAll('img[src="x"]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...document.querySelectorAll('[href],[src],[action]')].filter((el) =>
        ['href', 'src', 'action'].some((a) => /^\s*javascript:/i.test(el.getAttribute(a) ?? '')),
      ).length,
    }));
  }

  async function expectInert(page: Page): Promise<void> {
    expect(await injectedMarkup(page)).toEqual({ scripts: 0, images: 0, handlers: 0, jsLinks: 0 });
  }

  it('shows the payloads on the report page as plain text and runs none of them', async () => {
    const { page, problems } = await visit(reportUrl(hostile.id));
    const { scripts, images, handlers } = await injectedMarkup(page);
    // (javascript: links are the next test's subject)
    expect({ scripts, images, handlers }).toEqual({ scripts: 0, images: 0, handlers: 0 });
    const text = await page.locator('main').innerText();
    for (const payload of [SCRIPT, IMG, JS_URL, CLOSE_TITLE]) expect(text).toContain(payload);
    expect(await page.title()).toContain(CLOSE_TITLE);
    expect(problems.dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    // The download link of the source serves the copied file itself, not a decoded ../../ path.
    const href = await page.locator(`a[href^="/sources/"]`).first().getAttribute('href');
    const response = await page.request.get(`${server.origin}${href}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(`${IMG}卡通形象`);
    await page.close();
  });

  it('does not turn a javascript: source URL into a link', async () => {
    expect(hostile.meta.sourceUrl).toBe(JS_URL);
    const { page } = await visit(reportUrl(hostile.id));
    expect((await injectedMarkup(page)).jsLinks).toBe(0);
    await page.close();
  });

  it('keeps the payloads inert on the agency, home, quality and search pages', async () => {
    const query = encodeURIComponent('卡通形象');
    for (const path of [agencyUrl(hostile.agency.slug), '/', '/quality/', `/search/?q=${query}`, `/search/?q=${encodeURIComponent(SCRIPT)}`]) {
      const { page, problems } = await visit(path);
      if (path.includes(query)) {
        await page.locator('#search-results > li').first().waitFor();
        expect(await page.locator('#search-results').innerText()).toContain('<script>');
      }
      await expectInert(page);
      expect(problems.dialogs, path).toEqual([]);
      expect(problems.pageErrors, path).toEqual([]);
      await page.close();
    }
  });
});
