/** Site-wide pages built from the seeds: agencies, compare, home, quality, data; and rules every page follows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'node-html-parser';
import { buildCharts } from '../../src/charts/catalog';
import { APPEAL_COLUMNS, APPEAL_GROUPS, DIAGNOSTIC_CODES, DOWNLOAD_FILES, dictionaryRows, valuePathLabel } from '../../src/schema';
import { CHART_SHELL_ID } from '../../src/lib/chart-shells';
import { formatFileSize } from '../../src/lib/format';
import { readPartsIndex } from '../../src/lib/report-parts';
import { provinceUrl, regionAnchor } from '../../src/lib/regions';
import { SEARCH_FILTER, SEARCH_META, SEARCH_PAGE_KINDS } from '../../src/lib/search/contract';
import { exists, htmlPages, readPage, readRejected, readReports, text } from './html';

const dist = inject('siteDist');
const dataDir = inject('siteData');
const reports = readReports(dataDir);
const pages = htmlPages(dist);

describe('/agencies/ and the province pages', () => {
  const html = readPage(dist, '/agencies/');
  const provinceOf = new Map(reports.map((r) => [r.agency.name, r.agency.region.province!]));

  it('lists each province with its number of agencies and reports, linking to its page', () => {
    expect(new Set(provinceOf.values())).toEqual(new Set(['新疆维吾尔自治区', '河南省', '黑龙江省']));
    const rows = html.querySelectorAll('[data-province]');
    expect(rows.map((row) => text(row.querySelector('th'))).sort()).toEqual(['新疆维吾尔自治区', '河南省', '黑龙江省'].sort());
    for (const province of new Set(provinceOf.values())) {
      const row = rows.find((r) => text(r.querySelector('th')) === province)!;
      const inProvince = reports.filter((r) => r.agency.region.province === province);
      const cells = row.querySelectorAll('td').map(text);
      expect(cells, province).toEqual([String(new Set(inProvince.map((r) => r.agency.slug)).size), String(inProvince.length)]);
      expect(row.querySelector('a')?.getAttribute('href')).toBe(provinceUrl(province));
      // Old links to /agencies/#region-… still land on the province's row.
      expect(row.id).toBe(regionAnchor(province));
    }
  });

  it('lists every seed agency on its province page, linking to the agency and each year to its report', () => {
    for (const r of reports) {
      const page = readPage(dist, provinceUrl(r.agency.region.province!));
      const item = page.querySelectorAll('#agency-tree [data-agency]').find((li) => text(li.querySelector('a')) === r.agency.name);
      expect(item, `${r.agency.name} on ${provinceUrl(r.agency.region.province!)}`).toBeDefined();
      expect(item!.querySelector('a')?.getAttribute('href')).toBe(`/agencies/${r.agency.slug}/`);
      expect(text(item!.querySelector(`a[href="/reports/${r.id}/"]`))).toBe(String(r.year));
    }
    // The agencies of another province are not listed there.
    const henan = readPage(dist, provinceUrl('河南省'));
    expect(henan.querySelectorAll('#agency-tree [data-agency] > a').map(text).sort()).toEqual(
      [...provinceOf].filter(([, p]) => p === '河南省').map(([agency]) => agency).sort(),
    );
  });

  it('shows the filter box only once its script runs (full list without JavaScript)', () => {
    const page = readPage(dist, provinceUrl('河南省'));
    expect(page.querySelector('[data-agency-filter]')?.hasAttribute('hidden')).toBe(true);
  });
});

describe('/agencies/<slug>/', () => {
  it('tabulates the key figures year by year, linking to each report', () => {
    const r = reports.find((x) => x.checks.length > 0)!;
    const html = readPage(dist, `/agencies/${r.agency.slug}/`);
    const row = html.querySelector(`.figures-table a[href="/reports/${r.id}/"]`)?.closest('tr');
    expect(row).toBeTruthy();
    const headers = html.querySelectorAll('.figures-table thead th').map(text);
    const received = headers.findIndex((h) => h.includes('本年新收'));
    expect(text(row!.querySelectorAll('th, td')[received])).toBe(String(r.requests.received.total));
    expect(html.querySelector('#trend')).not.toBeNull();
  });
});

describe('/compare/', () => {
  const html = readPage(dist, '/compare/');

  it('lists every report in the static table', () => {
    const links = html.querySelectorAll('[data-compare-table] tbody td a').map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(reports.map((r) => `/reports/${r.id}/`).sort());
  });

  it('serves the rows as JSON chunks for its script', () => {
    const chunks = JSON.parse(html.querySelector('[data-compare]')!.getAttribute('data-chunks')!) as string[];
    const rows = chunks.flatMap((c) => JSON.parse(readFileSync(join(dist, c), 'utf8')) as { id: string }[]);
    expect(rows.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
  });

  it('shows "—" instead of NaN or Infinity', () => {
    for (const page of pages) expect(readFileSync(page.file, 'utf8'), page.path).not.toMatch(/\bNaN\b|Infinity/);
  });
});

describe('home, quality and data pages', () => {
  it('home shows the headline counts and a search form to /search/', () => {
    const html = readPage(dist, '/');
    const cards = html.querySelectorAll('.headline li').map(text);
    expect(cards[0]).toContain(String(new Set(reports.map((r) => r.agency.slug)).size));
    expect(cards[1]).toContain(String(reports.length));
    const received = reports.reduce((a, r) => a + (r.requests.received.total ?? 0), 0);
    expect(cards[3].replace(/,/g, '')).toContain(String(received));
    const form = html.querySelector('form#home-search, form:has(#home-search)') ?? html.querySelector('#home-search')!.closest('form');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(html.querySelector('#home-search')?.getAttribute('name')).toBe('q');
  });

  it('quality page lists each rule break and counts them by rule', () => {
    const html = readPage(dist, '/quality/');
    const total = reports.reduce((a, r) => a + r.checks.length, 0);
    expect(total).toBeGreaterThan(0);
    expect(html.querySelectorAll('.quality-report ol li')).toHaveLength(total);
    const b1 = html.querySelectorAll('.quality-counts tr').find((tr) => text(tr.querySelector('th')) === 'B1');
    expect(text(b1?.querySelector('td.num'))).toBe(String(reports.flatMap((r) => r.checks).filter((c) => c.rule === 'B1').length));
    const captions = html.querySelectorAll('.quality-counts caption').map(text);
    expect(captions[0]).toContain(`共 ${total} 处`);
    const diagnostics = reports.reduce((a, r) => a + r.diagnostics.length, 0) + readRejected(dataDir).reduce((a, f) => a + f.diagnostics.length, 0);
    expect(captions[1]).toContain(`共 ${diagnostics} 条`);
    const byCode = html.querySelectorAll('.quality-counts tr[data-code]').map((row) => Number(text(row.querySelector('td.num'))));
    expect(byCode.reduce((a, b) => a + b, 0)).toBe(diagnostics);
  });

  it('quality page names each diagnostic by its Chinese explanation and the template labels, not by code or key path', () => {
    const html = readPage(dist, '/quality/');
    const cells = html.querySelectorAll('td[data-code]');
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const code = cell.getAttribute('data-code') as keyof typeof DIAGNOSTIC_CODES;
      expect(text(cell).startsWith(DIAGNOSTIC_CODES[code]), code).toBe(true);
      expect(text(cell)).not.toContain(code);
      expect(text(cell)).not.toMatch(/\b(requests|appeals|proactive)\./);
    }
    const withPath = reports.flatMap((r) => r.diagnostics).filter((d) => d.path);
    expect(withPath.length).toBeGreaterThan(0);
    expect(text(html)).toContain(valuePathLabel(withPath[0].path!));
  });

  it('quality page speaks Chinese: no Latin words but rule ids, format names, file names and <code> details', () => {
    const html = readPage(dist, '/quality/');
    const main = html.querySelector('main')!;
    expect(main).not.toBeNull();
    const files = new Set([...reports.map((r) => r.source.path), ...readRejected(dataDir).map((f) => f.file)]);
    for (const element of main.querySelectorAll('code, script, style')) element.remove();
    let words = text(main);
    for (const file of files) words = words.split(file).join(' ');
    const allowed = new Set(['PDF', 'UTF', 'GBK', 'BOM', 'JSON', 'YAML', 'OCR', 'Word', 'WPS', 'HTML', 'CSV']);
    const latin = (words.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !allowed.has(w) && !/^[BCNX]\d$/.test(w));
    expect(latin).toEqual([]);
    // Not vacuous: the page shows diagnostics whose parser texts were English (blank cells, short rows).
    const parserEnglish = reports.flatMap((r) => r.diagnostics).filter((d) => /[A-Za-z]{3,}/.test(d.expected + d.found + d.message));
    expect(parserEnglish.length).toBeGreaterThan(0);
  });

  it('data page has a dictionary row for every canonical key and the downloads', () => {
    const html = readPage(dist, '/data/');
    expect(html.querySelectorAll('#dictionary tbody tr')).toHaveLength([...dictionaryRows()].length);
    const codes = html.querySelectorAll('#diagnostic-codes tbody tr').map((tr) => [text(tr.querySelector('th')), text(tr.querySelector('td'))]);
    expect(codes).toEqual(Object.entries(DIAGNOSTIC_CODES));
    for (const name of Object.values(DOWNLOAD_FILES)) {
      expect(html.querySelector(`a[href="/downloads/${name}"]`), name).not.toBeNull();
      const bytes = readFileSync(join(dataDir, 'downloads', name));
      expect(readFileSync(join(dist, 'downloads', name))).toEqual(bytes);
      // Each download says how big it is.
      expect(text(html.querySelector(`[data-download="${name}"]`)), name).toContain(`（${formatFileSize(bytes.length)}）`);
    }
    // The reports by year: every part's three files linked with their size and served as written.
    const parts = readPartsIndex(dataDir).parts;
    expect(parts.length).toBeGreaterThan(1);
    expect(html.querySelectorAll('#downloads tr[data-part]')).toHaveLength(parts.length);
    for (const p of parts) {
      const row = html.querySelector(`#downloads tr[data-part="${p.year}-${p.part}"]`)!;
      expect(text(row.querySelector('th'))).toContain(String(p.year));
      for (const file of Object.values(p.files)) {
        expect(row.querySelector(`a[href="/downloads/${file.path}"]`), file.path).not.toBeNull();
        expect(text(row.querySelector(`[data-download="${file.path}"]`))).toContain(`（${formatFileSize(file.bytes)}）`);
        expect(readFileSync(join(dist, 'downloads', file.path))).toEqual(readFileSync(join(dataDir, 'downloads', file.path)));
      }
    }
    // The database and the data package say in one line how to open them.
    expect(text(html.querySelector(`[data-download="${DOWNLOAD_FILES.database}"] .how-to`))).toMatch(/Datasette.*DuckDB.*pandas/);
    expect(text(html.querySelector(`[data-download="${DOWNLOAD_FILES.dataPackage}"] .how-to`))).toContain('frictionless validate');
  });

  it('lists every report’s source file with its SHA-256 on /data/sources/, linked from /data/', () => {
    expect(readPage(dist, '/data/').querySelector('#provenance a[href="/data/sources/"]')).not.toBeNull();
    const html = readPage(dist, '/data/sources/');
    for (const r of reports) {
      const row = html.querySelectorAll('tbody tr').find((tr) => tr.querySelector(`a[href="/reports/${r.id}/"]`));
      expect(row, r.id).toBeDefined();
      expect(text(row!.querySelector('code.hash'))).toBe(r.source.sha256);
      expect(row!.querySelector('a[download]')?.getAttribute('href')).toBe(`/sources/${r.source.path.split('/').map(encodeURIComponent).join('/')}`);
    }
  });

  it('/charts/trends/ lists one trend per agency with two or more years, or says there is none', () => {
    const years = new Map<string, Set<number>>();
    for (const r of reports) years.set(r.agency.slug, (years.get(r.agency.slug) ?? new Set()).add(r.year));
    const withTrend = [...years].filter(([, y]) => y.size >= 2).map(([slug]) => slug);
    const html = readPage(dist, '/charts/trends/');
    const links = html.querySelectorAll('.chart-index-list a').map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(withTrend.map((slug) => `/charts/agency-${slug}-trend/`).sort());
    if (withTrend.length === 0) expect(text(html.querySelector('main') ?? html)).toContain('还没有机构有两个年度的报告');
  });

  it('/charts/ links the lists of trends and report charts; /charts/reports/ links each report’s charts', () => {
    const index = readPage(dist, '/charts/');
    expect(index.querySelector('a[href="/charts/reports/"]')).not.toBeNull();
    const html = readPage(dist, '/charts/reports/');
    for (const r of reports) {
      const line = html.querySelectorAll('.chart-index-list li').find((li) => text(li).startsWith(`${r.agency.name} ${r.year} 年`));
      expect(line, r.id).toBeDefined();
      const links = line!.querySelectorAll('a').map((a) => a.getAttribute('href')!);
      expect(links).toHaveLength(3);
      for (const href of links) {
        expect(href).toMatch(new RegExp(`^/charts/report-${r.id}-[a-z-]+/$`));
        expect(exists(dist, href), href).toBe(true);
      }
    }
  });

  it('serves each source file byte for byte', () => {
    for (const r of reports) expect(readFileSync(join(dist, 'sources', r.source.path))).toEqual(readFileSync(join(dataDir, 'sources', r.source.path)));
  });

  it('produces the sitemap, robots.txt, the 404 page and the editorial pages', () => {
    for (const path of ['/sitemap-index.xml', '/robots.txt', '/404.html', '/about/', '/guide/']) expect(exists(dist, path), path).toBe(true);
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(`/reports/${reports[0].id}/`);
  });
});

describe('/search/', () => {
  const html = readPage(dist, '/search/');
  const filterValuesOn = (path: string, key: string) =>
    readPage(dist, path).querySelectorAll(`[data-pagefind-filter="${key}"]`).map(text);

  it('offers the year, province, prefecture and level filters, with the values the indexed pages carry', () => {
    const selects = html.querySelectorAll('select[data-search-filter]');
    expect(selects.map((s) => s.getAttribute('name'))).toEqual(['year', 'province', 'prefecture', 'level']);
    const indexed = [...reports.map((r) => `/reports/${r.id}/`), ...reports.map((r) => `/agencies/${r.agency.slug}/`)];
    for (const select of selects) {
      const key = select.getAttribute('name')!;
      const options = select.querySelectorAll('option').map((o) => o.getAttribute('value')).filter(Boolean);
      expect(options.length, key).toBeGreaterThan(0);
      expect(new Set(options), key).toEqual(new Set(indexed.flatMap((path) => filterValuesOn(path, key))));
    }
    expect(new Set(filterValuesOn(`/reports/${reports[0].id}/`, 'year'))).toEqual(new Set([String(reports[0].year)]));
  });

  it('every page gives Pagefind only the metadata and filter names of the search contract, which the search page reads', () => {
    const names = (attribute: string) => new Set(pages.flatMap((page) => readPage(dist, page.path).querySelectorAll(`[${attribute}]`).map((e) => e.getAttribute(attribute)!)));
    expect(names('data-pagefind-meta')).toEqual(new Set(Object.values(SEARCH_META)));
    expect(names('data-pagefind-filter')).toEqual(new Set(Object.values(SEARCH_FILTER)));
    const report = readPage(dist, `/reports/${reports[0].id}/`);
    const meta = (name: string) => report.querySelectorAll(`[data-pagefind-meta="${name}"]`).map(text);
    expect(meta(SEARCH_META.kind)).toEqual([SEARCH_PAGE_KINDS.report]);
    expect(meta(SEARCH_META.agency)).toEqual([reports[0].agency.name]);
    expect(meta(SEARCH_META.year)).toEqual([String(reports[0].year)]);
    const agencyPage = readPage(dist, `/agencies/${reports[0].agency.slug}/`);
    expect(agencyPage.querySelectorAll(`[data-pagefind-meta="${SEARCH_META.kind}"]`).map(text)).toEqual([SEARCH_PAGE_KINDS.agency]);
    // The search page's selects are the contract's filters but `table`, which it sets itself.
    expect(html.querySelectorAll('select[data-search-filter]').map((s) => s.getAttribute('name'))).toEqual(
      Object.values(SEARCH_FILTER).filter((name) => name !== SEARCH_FILTER.table),
    );
  });

  it('lists no agency filter: its options would grow with every agency', () => {
    expect(html.querySelector('select[name="agency"]')).toBeNull();
    for (const r of reports) expect(filterValuesOn(`/reports/${r.id}/`, 'agency')).toEqual([]);
  });
});

describe('every page', () => {
  it('is Chinese, has a viewport, canonical URL and a same-origin Content-Security-Policy', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = parse(readFileSync(page.file, 'utf8'));
      expect(html.querySelector('html')?.getAttribute('lang'), page.path).toBe('zh-CN');
      expect(html.querySelector('meta[name=viewport]'), page.path).not.toBeNull();
      const csp = html.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content') ?? '';
      expect(csp, page.path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, page.path).toContain("style-src 'self'");
    }
  });

  it('has no inline scripts, inline styles or inline event handlers (the CSP would block them)', () => {
    for (const page of pages) {
      const html = parse(readFileSync(page.file, 'utf8'));
      for (const script of html.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        if (type === 'application/ld+json' || type === 'application/json') continue;
        expect(script.getAttribute('src'), `${page.path}: inline <script>`).toBeTruthy();
      }
      expect(html.querySelectorAll('style'), `${page.path}: <style>`).toHaveLength(0);
      for (const el of html.querySelectorAll('*')) {
        const attrs = Object.keys(el.attributes);
        expect(attrs.filter((a) => /^on/i.test(a) || a === 'style'), `${page.path} <${el.tagName}>`).toEqual([]);
      }
    }
  });
});

describe('/sitemap.xml', () => {
  const index = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>[^<]*\/(sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1]);
  const urls = files.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));

  it('is the sitemap index, whose sitemaps list every report page and no embed page', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const r of reports) expect(urls).toContain(`/reports/${r.id}/`);
    expect(urls.filter((u) => u.startsWith('/embed/'))).toEqual([]);
  });

  // Chart pages and embeds are written outside Astro's routes, into a shell Astro renders once
  // (src/integrations/chart-pages-write.ts): each must be there, listed, and carry its own chart.
  it('lists every chart page, each built with its chart and its embed beside it; the shells are not published', () => {
    const charts = buildCharts(reports, new Date().toISOString());
    expect(charts.length).toBeGreaterThan(reports.length * 3);
    for (const chart of charts) {
      expect(urls, chart.id).toContain(`/charts/${chart.id}/`);
      const page = readPage(dist, `/charts/${chart.id}/`);
      expect(text(page.querySelector('h1')), chart.id).toBe(chart.title);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`/charts/${chart.id}/$`));
      const values = page.querySelectorAll('.chart-table tbody tr').map((tr) => [tr.getAttribute('data-key'), tr.querySelector('td.num')?.getAttribute('data-value')]);
      expect(values, chart.id).toEqual(chart.rows.map((row) => [row.key, row.value === null ? 'null' : String(row.value)]));
      const embed = readPage(dist, `/embed/${chart.id}/`);
      expect(embed.querySelector('html')?.getAttribute('data-chart-id')).toBe(chart.id);
      expect(text(embed.querySelector('h1')), chart.id).toBe(chart.title);
    }
    expect(exists(dist, `/charts/${CHART_SHELL_ID}/`)).toBe(false);
    expect(exists(dist, `/embed/${CHART_SHELL_ID}/`)).toBe(false);
    expect(urls.filter((u) => u.includes(CHART_SHELL_ID))).toEqual([]);
  });

  it('gives each report’s appeals chart page the report’s own numbers', () => {
    for (const r of reports) {
      const page = readPage(dist, `/charts/report-${r.id}-appeals/`);
      expect(text(page.querySelector('h1'))).toContain(r.agency.name);
      for (const g of APPEAL_GROUPS)
        for (const c of APPEAL_COLUMNS) {
          const cell = page.querySelector(`.chart-table tr[data-key="${g.key}.${c.key}"] td.num`);
          const value = r.appeals[g.key][c.key];
          expect(cell?.getAttribute('data-value'), `${r.id} ${g.key}.${c.key}`).toBe(value === null ? 'null' : String(value));
        }
    }
  });
});
