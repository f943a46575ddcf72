/**
 * Full-text search in Chromium, driven like a user: the header search box, the search page, filters,
 * linkable URLs. Recall (pages containing the query are found) and precision (every result contains
 * the query; a query nobody wrote finds nothing) are checked against the built pages themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyUrl, reportUrl } from '../../src/lib/paths';
import { hanPairs, indexQuery, normalise } from '../../src/lib/search/match';
import { TABLE_HEADERS } from '../../src/lib/search/table-headers';
import { scopePages } from '../../src/lib/search-scope-pages';
import { measureSearchOracle } from '../../src/bench/search-oracle';
import { SECTIONS, type Report } from '../../src/schema';
import { watchPage, type PageProblems } from './support/browser';
import { useSite } from './support/site';

const site = useSite();
let page: Page;
let problems: PageProblems;

beforeEach(async () => {
  page = await site.browser.newPage();
  problems = watchPage(page);
});
afterEach(async () => {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.dialogs).toEqual([]);
  await page.close();
});

interface Result {
  href: string;
  title: string;
  meta: string;
  marks: string[];
}

function report(agency: string, year: number): Report {
  const found = site.data.reports.find((r) => r.agency.name === agency && r.year === year);
  if (!found) throw new Error(`the seeds have no report of ${agency} ${year}`);
  return found;
}

/** The section of the report whose prose contains the phrase (the anchor a result should link to). */
function sectionWith(r: Report, phrase: string): string {
  const key = SECTIONS.map((s) => s.key).find((k) => normalise(r.sections[k]?.text ?? '').includes(phrase));
  if (!key) throw new Error(`${r.id} has no section containing ${phrase}`);
  return key;
}

const withoutHash = (href: string) => href.replace(/#.*$/, '');

/** Waits until the status line reports the finished search for `query`, then reads the results. */
async function results(query: string): Promise<Result[]> {
  await page.waitForFunction(
    (q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status.includes(`“${q}”`) && !status.includes('正在搜索');
    },
    query,
    { timeout: 15_000 },
  );
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      title: li.querySelector('a')?.textContent ?? '',
      meta: li.querySelector('.search-result__meta')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

/** Types a query into the search page's box as a user would (the page searches as you type). */
async function typeQuery(query: string): Promise<Result[]> {
  await page.goto(`${site.origin}/search/`);
  await page.getByLabel('搜索报告全文和机关名称').click();
  await page.keyboard.type(query, { delay: 20 });
  return results(query);
}

/** The text of a built page, tags removed: what the query must occur in for the result to be right. */
function builtPageText(href: string): string {
  const path = withoutHash(href).split('/').filter(Boolean);
  const html = readFileSync(join(site.dist, ...path, 'index.html'), 'utf8');
  return normalise(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));
}

function expectEveryResultContains(found: Result[], query: string): void {
  expect(found.length).toBeGreaterThan(0);
  for (const result of found) expect(builtPageText(result.href), result.href).toContain(normalise(query));
}

describe('search from the header box', () => {
  it('finds 三审五校 in 伊宁市人民政府 2024, linking to the section where it occurs', async () => {
    const yining = report('伊宁市人民政府', 2024);
    await page.goto(`${site.origin}/`);
    await page.locator('#header-search').click();
    await page.keyboard.type('三审五校');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('三审五校');
    const found = await results('三审五校');
    expect(found[0].href).toBe(`${reportUrl(yining.id)}#${sectionWith(yining, '三审五校')}`);
    expect(found[0].meta).toContain('伊宁市人民政府');
    expect(found[0].meta).toContain('2024');
    expect(found[0].marks).toContain('三审五校');
    expectEveryResultContains(found, '三审五校');
  });
});

describe('search page', () => {
  it('shows a helpful empty state before anything is searched', async () => {
    await page.goto(`${site.origin}/search/`);
    await expect.poll(() => page.locator('#search-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-empty a[href="/agencies/"]').count()).toBe(1);
    expect(await page.locator('#search-results > li').count()).toBe(0);
  });

  it('finds 卡通形象 in 殷都区人民政府办公室 2024, in the section where it occurs', async () => {
    const yindu = report('殷都区人民政府办公室', 2024);
    const found = await typeQuery('卡通形象');
    expect(found[0].href).toBe(`${reportUrl(yindu.id)}#${sectionWith(yindu, '卡通形象')}`);
    expect(found[0].meta).toContain('2024');
    expectEveryResultContains(found, '卡通形象');
    // The query is in the URL, so the search can be linked.
    expect(new URL(page.url()).searchParams.get('q')).toBe('卡通形象');
  });

  it('finds 新兴中路, a street address only the preamble of 伊美区人民政府办公室 2023 gives, linking to the preamble', async () => {
    const office2023 = report('伊美区人民政府办公室', 2023);
    expect(office2023.preface?.text).toContain('新兴中路');
    expect(SECTIONS.filter((s) => office2023.sections[s.key]?.text.includes('新兴中路'))).toEqual([]);
    const found = await typeQuery('新兴中路');
    expect(found[0].href).toBe(`${reportUrl(office2023.id)}#preface`);
    expect(found[0].marks).toContain('新兴中路');
    expectEveryResultContains(found, '新兴中路');
  });

  it('finds the report of 偃师区伊洛街道办事处 by part of its name, and nothing of other agencies', async () => {
    const yiluo = report('偃师区伊洛街道办事处', 2024);
    const found = await typeQuery('伊洛街道');
    expect(found.map((r) => withoutHash(r.href))).toContain(reportUrl(yiluo.id));
    expect(found.every((r) => r.meta.includes('偃师区伊洛街道办事处'))).toBe(true);
    expectEveryResultContains(found, '伊洛街道');
  });

  it('finds both 伊美区 agencies and all their reports for 伊美', async () => {
    const yimei = site.data.agencies.filter((a) => a.name.includes('伊美'));
    expect(yimei.map((a) => a.name).sort()).toEqual(['伊美区人民政府', '伊美区人民政府办公室']);
    const found = await typeQuery('伊美');
    const hrefs = found.map((r) => withoutHash(r.href)).sort();
    const expected = yimei.flatMap((a) => [agencyUrl(a.slug), ...a.reportIds.map(reportUrl)]).sort();
    expect(hrefs).toEqual(expected);
    expectEveryResultContains(found, '伊美');
  });

  it('finds 含金量 in 伊美区人民政府 2024 although the source breaks the word across lines', async () => {
    const yimei = report('伊美区人民政府', 2024);
    const source = readFileSync(join(site.dataDir, 'sources', ...yimei.source.path.split('/')), 'utf8');
    expect(source).not.toContain('含金量');
    expect(source.replace(/\s+/g, '')).toContain('含金量');
    const found = await typeQuery('含金量');
    expect(found[0].href).toBe(`${reportUrl(yimei.id)}#${sectionWith(yimei, '含金量')}`);
    expectEveryResultContains(found, '含金量');
  });

  it('narrows 伊美 to 伊美区人民政府办公室 2023 with the year filter, and keeps the filter in the URL', async () => {
    const office2023 = report('伊美区人民政府办公室', 2023);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('伊美')}`);
    expect((await results('伊美')).length).toBeGreaterThan(1);
    await page.getByLabel('年度').selectOption('2023');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 1);
    const found = await results('伊美');
    expect(found.map((r) => withoutHash(r.href))).toEqual([reportUrl(office2023.id)]);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
  });

  it('searches only the bundle of the scope a year and province choose, and merges the others when the scope widens', async () => {
    const office2023 = report('伊美区人民政府办公室', 2023);
    const government2024 = report('伊美区人民政府', 2024);
    const province = office2023.agency.region.province!;
    expect(government2024.agency.region.province).toBe(province);
    const scopes = scopePages(site.data.reports, site.data.agencies);
    const scopeOf = (r: Report) => scopes.find((s) => s.files.includes(`reports/${r.id}/index.html`))!.scope.id;
    expect(scopeOf(office2023)).not.toBe(scopeOf(government2024));
    const bundles = new Set<string>();
    page.on('request', (request) => {
      const folder = new URL(request.url()).pathname.match(/^\/pagefind\/([a-z0-9-]+)\/pagefind-entry\.json$/)?.[1];
      if (folder) bundles.add(folder);
    });
    const query = `/search/?q=${encodeURIComponent('伊美')}&year=2023&province=${encodeURIComponent(province)}`;
    await page.goto(`${site.origin}${query}`);
    expect((await results('伊美')).map((r) => withoutHash(r.href))).toEqual([reportUrl(office2023.id)]);
    expect([...bundles]).toEqual([scopeOf(office2023)]);
    // All years: the 2024 reports of the province are in another bundle, merged now.
    await page.getByLabel('年度').selectOption('');
    const widenedResults = await results('伊美');
    // Still this province only, although the seeds' provinces share a scope (few pages each): Pagefind's filter.
    for (const r of widenedResults) expect(r.meta).toContain(province);
    const widened = widenedResults.map((r) => withoutHash(r.href));
    expect(widened).toContain(reportUrl(government2024.id));
    expect(widened).toContain(reportUrl(office2023.id));
    expect(bundles).toContain(scopeOf(government2024));
    // Only this province's bundles: the reports of the other provinces stay unloaded.
    const inProvince = new Set(scopes.filter((s) => s.scope.provinces.includes(province)).map((s) => s.scope.id));
    expect([...bundles].filter((b) => !inProvince.has(b))).toEqual([]);
  });

  it('narrows 伊 to 偃师区伊洛街道办事处 with the level filter', async () => {
    const yiluo = report('偃师区伊洛街道办事处', 2024);
    const levelOf = (r: Report) => {
      const html = readFileSync(join(site.dist, 'reports', r.id, 'index.html'), 'utf8');
      return html.match(/data-pagefind-filter="level"[^>]*>([^<]+)</)?.[1];
    };
    const level = levelOf(yiluo);
    expect(level).toBeTruthy();
    // Other agencies whose names contain 伊 are of another level, so the filter has something to remove.
    expect(site.data.reports.filter((r) => r.agency.name.includes('伊') && levelOf(r) !== level).length).toBeGreaterThan(0);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('伊')}`);
    expect((await results('伊')).some((r) => !r.meta.includes('偃师区伊洛街道办事处'))).toBe(true);
    await page.getByLabel('层级').selectOption(level!);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('level'));
    await page.waitForFunction(() => !document.getElementById('search-status')?.textContent?.includes('正在搜索'));
    const found = await results('伊');
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual([agencyUrl(yiluo.agency.slug), reportUrl(yiluo.id)].sort());
    expect(new URL(page.url()).searchParams.get('level')).toBe(level);
  });

  it('opens /search/?q=殷都 with the results already shown', async () => {
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('殷都')}`);
    const found = await results('殷都');
    expect(await page.getByLabel('搜索报告全文和机关名称').inputValue()).toBe('殷都');
    const yindu = site.data.agencies.filter((a) => a.name.includes('殷都'));
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual(
      yindu.flatMap((a) => [agencyUrl(a.slug), ...a.reportIds.map(reportUrl)]).sort(),
    );
  });

  it('returns nothing for a word no page contains (纠错 must not match 纠正), and suggests browsing', async () => {
    const everything = site.data.reports.map((r) => normalise(JSON.stringify(r)));
    expect(everything.some((text) => text.includes('纠错'))).toBe(false);
    // The report pages do show 纠正 (table C's 结果纠正 column), a word sharing its first character.
    expect(builtPageText(reportUrl(site.data.reports[0].id))).toContain('纠正');
    const found = await typeQuery('纠错');
    expect(found).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到');
    await expect.poll(() => page.locator('#search-no-results a[href="/agencies/"]').isVisible()).toBe(true);
  });

  it('finds every report page for a label of the official tables (结果纠正), linking to table C', async () => {
    const found = await typeQuery('结果纠正');
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual(site.data.reports.map((r) => reportUrl(r.id)).sort());
    for (const result of found) {
      expect(result.href).toMatch(/#appeals$/);
      expect(result.meta).toContain('章节：四、');
      expect(result.marks).toEqual(['结果纠正']);
    }
    expectEveryResultContains(found, '结果纠正');
  });

  it('finds every report page of a year for a table label without fetching a filter list when the scope is one year and province', async () => {
    // A scope of one year is all report pages: Pagefind's `year` filter (about 4 bytes a page) is not needed to tell
    // them from agency pages, and a scope of one province needs no province filter either.
    const scopes = scopePages(site.data.reports, site.data.agencies);
    const single = scopes.find((s) => s.scope.kind === 'reports' && s.scope.provinces.length === 1 && s.scope.provinces[0] !== null)!;
    expect(single).toBeDefined();
    const { year, provinces } = single.scope;
    const expected = site.data.reports.filter((r) => r.year === year && r.agency.region.province === provinces[0]).map((r) => reportUrl(r.id));
    expect(expected.length).toBeGreaterThan(0);
    const filterLists: string[] = [];
    page.on('request', (request) => void (request.url().endsWith('.pf_filter') && filterLists.push(request.url())));
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('结果纠正')}&year=${year}&province=${encodeURIComponent(provinces[0]!)}`);
    const found = await results('结果纠正');
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual(expected.sort());
    expect(filterLists).toEqual([]);
  });

  it('finds the report pages whose table A has 行政许可, in either template, linking to table A', async () => {
    const expected = site.data.reports.map((r) => reportUrl(r.id)).filter((href) => builtPageText(href).includes('行政许可'));
    expect(site.data.reports.filter((r) => r.proactive || r.proactive2019).map((r) => reportUrl(r.id))).toEqual(expect.arrayContaining(expected));
    expect(expected.length).toBeGreaterThan(0);
    const found = await typeQuery('行政许可');
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual(expected.sort());
    for (const result of found) expect(result.marks).toContain('行政许可');
  });

  it('combines a table label with other words: 伊宁 不予公开 finds the report pages with both', async () => {
    const expected = site.data.reports.map((r) => reportUrl(r.id)).filter((href) => builtPageText(href).includes('伊宁'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(site.data.reports.length);
    const found = await typeQuery('伊宁 不予公开');
    expect(found.map((r) => withoutHash(r.href)).sort()).toEqual(expected.sort());
    for (const result of found) expect(builtPageText(result.href)).toContain('不予公开');
  });

  it('drops pages whose index words match but whose text does not contain the query', async () => {
    // A three-character string whose two character pairs occur in one report's prose but which itself
    // occurs nowhere: Pagefind's index alone returns that report, the page must not.
    const texts = site.data.reports.map((r) => normalise(JSON.stringify(r)));
    let decoy: { query: string; report: Report } | undefined;
    for (const r of site.data.reports) {
      const prose = SECTIONS.map((sec) => r.sections[sec.key]?.text ?? '').join('\n');
      const pairs = new Set([...prose.matchAll(/(?=(\p{Script=Han}{2}))/gu)].map((m) => m[1]));
      for (const ab of pairs) {
        const bc = [...pairs].find((p) => p[0] === ab[1] && !texts.some((t) => t.includes(ab + p[1])));
        if (bc) {
          decoy = { query: ab + bc[1], report: r };
          break;
        }
      }
      if (decoy) break;
    }
    expect(decoy).toBeDefined();
    const { query } = decoy!;
    const scope = scopePages(site.data.reports, site.data.agencies).find((s) => s.files.includes(`reports/${decoy!.report.id}/index.html`))!.scope.id;
    await page.goto(`${site.origin}/search/`);
    // A string expression: vitest would rewrite an import() written in a function passed to evaluate().
    const candidates = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ noWorker: true });
      await pagefind.mergeIndex('/pagefind/${scope}/');
      const response = await pagefind.search(${JSON.stringify(indexQuery([query]))});
      return Promise.all(response.results.map(async (r) => (await r.data()).url));
    })()`)) as string[];
    expect(candidates).toContain(reportUrl(decoy!.report.id));
    const found = await typeQuery(query);
    expect(found).toEqual([]);
  });

  it('sends a character pair that Intl.Segmenter cuts in two whole (as 房店 of 瓦房店市): finds the pages holding it, and loads only those', async () => {
    // Told the index is Chinese, Pagefind's browser side cut such a pair into its two characters and searched each as a
    // prefix: pages holding neither the pair nor the phrase became candidates (or, when a character fell between two
    // index chunks, nothing was found). The pair is chosen from the seeds: in a report's prose, in no table header,
    // cut by Chromium's segmenter, with an indexed page that holds both characters before other Han characters but
    // not the pair (a candidate of the cut query, not of the pair).
    const headers = Object.values(TABLE_HEADERS).flatMap((t) => t.headers.map(normalise));
    const pages = scopePages(site.data.reports, site.data.agencies).flatMap((s) => s.files.map((f) => `/${f.replace(/index\.html$/, '')}`));
    const texts = new Map(pages.map((href) => [href, builtPageText(href)]));
    const prose = (r: Report) => normalise([r.preface?.text ?? '', ...SECTIONS.map((sec) => r.sections[sec.key]?.text ?? '')].join('\n'));
    const pairs = [...new Set(site.data.reports.flatMap((r) => hanPairs(prose(r))))].filter(
      (pair) =>
        !headers.some((h) => h.includes(pair)) &&
        [...texts.values()].some((t) => !t.includes(pair) && new RegExp(`${pair[0]}\\p{Script=Han}`, 'u').test(t) && new RegExp(`${pair[1]}\\p{Script=Han}`, 'u').test(t)),
    );
    await page.goto(`${site.origin}/search/`);
    const cut = await page.evaluate((list) => {
      const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
      return list.filter((pair) => [...segmenter.segment(pair)].length > 1);
    }, pairs);
    expect(cut.length).toBeGreaterThan(0);
    const pair = cut[0];
    const holding = pages.filter((href) => texts.get(href)!.includes(pair));
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_fragment')) fragments.push(request.url());
    });
    const found = await typeQuery(pair);
    const hrefs = new Set(found.map((r) => withoutHash(r.href)));
    for (const r of site.data.reports.filter((x) => prose(x).includes(pair))) expect([...hrefs], `${pair} in ${r.id}`).toContain(reportUrl(r.id));
    expectEveryResultContains(found, pair);
    expect(fragments.length, `${pair}: fragments loaded`).toBeLessThanOrEqual(holding.length);
  });

  it('announces the result count in a live region and is usable with the keyboard alone', async () => {
    await page.goto(`${site.origin}/search/`);
    await page.keyboard.press('Tab'); // skip link
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'search-query');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('殷都');
    await page.keyboard.press('Enter');
    const found = await results('殷都');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toContain(`找到 ${found.length} 条`);
    // Tab on from the search box through the filters to the first result, and follow it.
    let onResult = false;
    for (let i = 0; i < 20 && !onResult; i += 1) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
    }
    expect(onResult).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === withoutHash(found[0].href));
  });
});

describe('agency finder (its own name index)', () => {
  /** The agencies listed above the results for a query typed into the search page, once listed. */
  async function agenciesFor(query: string): Promise<{ heading: string; links: { href: string; name: string }[] }> {
    await typeQuery(query);
    await page.waitForSelector('#search-agencies:not([hidden])', { timeout: 15_000 });
    return page.$eval('#search-agencies', (section) => ({
      heading: section.querySelector('h2')?.textContent ?? '',
      links: [...section.querySelectorAll('li a')].map((a) => ({ href: a.getAttribute('href') ?? '', name: a.textContent ?? '' })),
    }));
  }

  it('lists exactly the agencies whose name contains the query, linking to their pages, from a bucket of a few KB', async () => {
    const fetched: { path: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/search/agencies/')) pending.push(response.body().then((b) => void fetched.push({ path, bytes: b.length })));
    });
    const found = await agenciesFor('伊美');
    const expected = site.data.agencies.filter((a) => a.name.includes('伊美'));
    expect(found.heading).toBe(`名称包含“伊美”的机构（${expected.length} 个）`);
    expect(found.links.map((l) => l.href).sort()).toEqual(expected.map((a) => agencyUrl(a.slug)).sort());
    expect(found.links.map((l) => l.name).sort()).toEqual(expected.map((a) => a.name).sort());
    await Promise.all(pending);
    // The manifest and one bucket, nothing else of the name index.
    expect(fetched.map((f) => f.path).sort()).toEqual(['/search/agencies/0.json', '/search/agencies/index.json']);
    expect(fetched.reduce((a, f) => a + f.bytes, 0)).toBeLessThan(5_000);
  });

  it('finds agencies by a short form that is not part of their name (伊美区政府, 伊美区政府办)', async () => {
    expect((await agenciesFor('伊美区政府')).links.map((l) => l.name).sort()).toEqual(['伊美区人民政府', '伊美区人民政府办公室']);
    expect((await agenciesFor('伊美区政府办')).links.map((l) => l.name)).toEqual(['伊美区人民政府办公室']);
  });

  it('lists nothing for a name no agency has, and nothing under a filter', async () => {
    await typeQuery('纠错');
    expect(await page.locator('#search-agencies').isHidden()).toBe(true);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('伊美')}&year=2023`);
    await results('伊美');
    expect(await page.locator('#search-agencies').isHidden()).toBe(true);
  });
});

describe('recall over the reports’ own words', () => {
  /** A deterministic pseudo-random sequence, so a failure names the same phrase every run. */
  function* random(seed: number): Generator<number> {
    let state = seed;
    for (;;) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      yield state / 2 ** 31;
    }
  }

  it('finds each report by phrases sampled from its prose', async () => {
    const rand = random(20240101);
    const next = () => rand.next().value as number;
    for (const r of site.data.reports) {
      const runs = SECTIONS.flatMap((s) => (r.sections[s.key]?.text ?? '').match(/\p{Script=Han}{6,}/gu) ?? []);
      expect(runs.length, r.id).toBeGreaterThan(0);
      for (let i = 0; i < 3; i += 1) {
        const run = runs[Math.floor(next() * runs.length)];
        const length = 2 + Math.floor(next() * 5);
        const start = Math.floor(next() * (run.length - length + 1));
        const phrase = run.slice(start, start + length);
        await page.goto(`${site.origin}/search/?q=${encodeURIComponent(phrase)}`);
        const found = await results(phrase);
        expect(found.map((x) => withoutHash(x.href)), `${phrase} in ${r.id}`).toContain(reportUrl(r.id));
        expectEveryResultContains(found, phrase);
      }
    }
  });
});

describe('recall and precision by the oracle of npm run bench', () => {
  it('finds every report page whose prose holds a sampled phrase, and only pages holding it', async () => {
    const oracle = await measureSearchOracle(site.dist, site.dataDir, 12, 7);
    expect(oracle.phrases).toBe(12);
    expect(oracle.failures).toEqual([]);
    expect(oracle.found).toBe(oracle.expected);
    expect(oracle.correct).toBe(oracle.shown);
    expect(oracle.expected).toBeGreaterThanOrEqual(12);
  }, 240_000);
});

describe('cost of a query', () => {
  it('transfers only a few index chunks and fragments', async () => {
    // Each test's page has its own browser context, so nothing is cached yet.
    const bytes = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      const kind = url.pathname.match(/\.(pf_\w+)$/)?.[1] ?? 'runtime (pagefind.js, wasm, entry)';
      pending.push(response.body().then((body) => void bytes.set(kind, (bytes.get(kind) ?? 0) + body.length)));
    });
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('三审五校')}`);
    await results('三审五校');
    await Promise.all(pending);
    const perQuery = (bytes.get('pf_index') ?? 0) + (bytes.get('pf_fragment') ?? 0);
    console.log(`[search] bytes for one query (三审五校): ${JSON.stringify(Object.fromEntries(bytes))}; index chunks + fragments = ${perQuery}`);
    expect(bytes.get('pf_index')).toBeGreaterThan(0);
    expect(bytes.get('pf_fragment')).toBeGreaterThan(0);
  });
});

