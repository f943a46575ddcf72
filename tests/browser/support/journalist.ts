/**
 * A journalist's walk in Chromium, clicking like a reader: home → a province → its newest year → the ranking chart
 * → the embed snippet (and the embed page it points to) → the chart's CSV, whose numbers must be the reports' own.
 * Run on the site at the root (tests/browser/journalist.test.ts) and under a sub-path (tests/subpath/).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import { watchPage } from './browser';
import type { SiteSession } from './site';

export async function journalistWalk(site: SiteSession): Promise<void> {
  const { reports } = site.data;
  const escapedBase = site.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The province-year with the most reports (a ranking needs two or more).
  const counts = new Map<string, number>();
  for (const r of reports) if (r.agency.region.province) counts.set(`${r.agency.region.province}|${r.year}`, (counts.get(`${r.agency.region.province}|${r.year}`) ?? 0) + 1);
  const [key, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  expect(n).toBeGreaterThanOrEqual(2);
  const [province, yearText] = key.split('|');
  const year = Number(yearText);
  const ranked = reports.filter((r) => r.agency.region.province === province && r.year === year);

  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchPage(page);
  await page.goto(`${site.origin}${site.base}/`, { waitUntil: 'networkidle' });

  await page.locator('.region-index a', { hasText: province }).first().click();
  // Each page settled before the next click: leaving a page before its favicon arrives aborts that request.
  await page.waitForURL(new RegExp(`${escapedBase}/regions/[a-z0-9-]+/$`), { waitUntil: 'networkidle' });
  await expect(page.locator('h1').textContent()).resolves.toContain(province);

  await page.locator('.region-years a', { hasText: `${year} 年` }).click();
  await page.waitForURL(new RegExp(`${escapedBase}/regions/[a-z0-9-]+/${year}/$`), { waitUntil: 'networkidle' });

  // The ranking chart of received requests, by its title, to its permalink page.
  await page.locator('.chart-figure__title a', { hasText: '收到申请数排名' }).click();
  await page.waitForURL(new RegExp(`${escapedBase}/charts/region-[a-z0-9-]+/$`));
  const chartId = new URL(page.url()).pathname.slice(site.base.length).split('/')[2];
  expect(chartId).toMatch(new RegExp(`-${year}-received$`));
  expect(await page.locator('figure svg').count()).toBeGreaterThan(0);

  // The embed snippet is an iframe of /embed/<id>/ …
  const snippet = await page.locator('#embed-code').inputValue();
  expect(snippet).toMatch(new RegExp(`^<iframe src="https?://[^/"]+${escapedBase}/embed/${chartId}/"`));
  // … and that page shows the chart without the site's chrome.
  const embed = await site.browser.newPage();
  const embedProblems = watchPage(embed);
  const response = await embed.goto(`${site.origin}${site.base}/embed/${chartId}/`, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  expect(await embed.locator('svg').count()).toBeGreaterThan(0);
  expect(await embed.locator('.site-header').count()).toBe(0);
  expect(embedProblems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
  await embed.close();

  // The CSV link downloads exactly the plotted numbers: each agency's received requests from its report.
  const href = await page.locator('a[href$=".csv"]').getAttribute('href');
  const csv = await page.request.get(new URL(href!, page.url()).href);
  expect(csv.status()).toBe(200);
  const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.key).sort()).toEqual(ranked.map((r) => r.id).sort());
  for (const report of ranked) {
    const row = rows.find((r) => r.key === report.id)!;
    expect(row.value).toBe(report.requests.received.total === null ? '' : String(report.requests.received.total));
  }
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
  await page.close();
}
