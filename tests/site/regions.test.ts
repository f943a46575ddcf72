/**
 * Region pages, coverage grids, year-over-year changes and X1 on both years' pages, on two builds: the seeds
 * (three provinces, two years; the shared build of this run) and a throwaway site of a generated corpus (three
 * provinces, three years, gaps, blank cells, rule breaks; tests/support/region-corpus.ts). Expected values are
 * recomputed here from the reports' JSON parts, never taken from the region module.
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agencyUrl, regionCoverageUrl, regionUrl, regionYearUrl, reportUrl } from '../../src/lib/paths';
import { placeSlug, provinceSlug } from '../../src/lib/regions';
import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_ROWS, type Report } from '../../src/schema';
import { buildSite } from '../setup/site';
import { writeRegionCorpus } from '../support/region-corpus';
import { fileFor, htmlPages, readPage, readReports, text } from './html';

const MAX_PAGE_BYTES = 1024 * 1024;

/** The slugs of a report's province, prefecture and county, as far as known (recomputed from the names). */
function slugsOf(r: Report): { names: string[]; slugs: string[] }[] {
  const { province, prefecture, county } = r.agency.region;
  if (!province) return [];
  const out = [{ names: [province], slugs: [provinceSlug(province)] }];
  if (prefecture) out.push({ names: [province, prefecture], slugs: [...out[0].slugs, placeSlug(province, null, prefecture, 'prefecture')] });
  if (county) {
    const last = out[out.length - 1];
    out.push({ names: [...last.names, county], slugs: [...last.slugs, placeSlug(province, prefecture, county, 'county')] });
  }
  return out;
}

/** Every region with its reports, grouped from the reports' own names. */
function regionsOf(reports: Report[]): Map<string, { slugs: string[]; reports: Report[] }> {
  const out = new Map<string, { slugs: string[]; reports: Report[] }>();
  for (const r of reports) {
    for (const { slugs } of slugsOf(r)) {
      const key = slugs.join('/');
      const entry = out.get(key) ?? { slugs, reports: [] };
      entry.reports.push(r);
      out.set(key, entry);
    }
  }
  return out;
}

const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);

function checkRegionPages(dist: string, reports: Report[]) {
  const regions = regionsOf(reports);
  expect(regions.size).toBeGreaterThan(3);
  for (const { slugs, reports: mine } of regions.values()) {
    const overview = readPage(dist, regionUrl(slugs));
    const years = [...new Set(mine.map((r) => r.year))].sort((a, b) => b - a);
    expect(overview.querySelectorAll('.region-years tbody tr').map((tr) => Number(tr.getAttribute('data-year')))).toEqual(years);
    for (const year of years) {
      const yearReports = mine.filter((r) => r.year === year);
      const page = readPage(dist, regionYearUrl(slugs, year));
      // Table B: every row's total is the sum of the known cells and says how many reports it covers.
      for (const row of REQUEST_ROWS) {
        const cell = page.querySelector(`[data-table="requests"] tr[data-key="${row.key}"] td`)!;
        const values = known(yearReports.map((r) => r.requests[row.key].total));
        expect(cell.getAttribute('data-value'), `${slugs.join('/')} ${year} ${row.key}`).toBe(values.length ? String(values.reduce((a, b) => a + b, 0)) : 'null');
        expect(Number(cell.getAttribute('data-counted'))).toBe(values.length);
        if (values.length > 0 && values.length < yearReports.length) expect(text(cell)).toContain(`（${values.length}/${yearReports.length} 份）`);
      }
      // Table C likewise.
      for (const g of APPEAL_GROUPS) {
        for (const c of APPEAL_COLUMNS) {
          const values = known(yearReports.map((r) => r.appeals[g.key][c.key]));
          const cell = page.querySelector(`[data-table="appeals"] td[data-key="${g.key}.${c.key}"]`)!;
          expect(cell.getAttribute('data-value')).toBe(values.length ? String(values.reduce((a, b) => a + b, 0)) : 'null');
        }
      }
      // Every report of the region-year is in the agencies' table, linking to its report.
      expect(page.querySelectorAll('.region-agencies tbody tr').map((tr) => tr.getAttribute('data-report')).sort()).toEqual(yearReports.map((r) => r.id).sort());
      // A year including a flagged report says so.
      const flagged = yearReports.filter((r) => r.checks.length > 0);
      const notice = page.querySelector('[data-flagged-reports]');
      if (flagged.length) expect(Number(notice?.getAttribute('data-flagged-reports'))).toBe(flagged.length);
      else expect(notice).toBeNull();
      // The change from the year before counts only agencies with a report in both years.
      const before = new Set(mine.filter((r) => r.year === year - 1).map((r) => r.agency.slug));
      const both = yearReports.filter((r) => before.has(r.agency.slug));
      const change = page.querySelector('.region-change');
      expect(change?.getAttribute('data-agencies') ?? null).toBe(both.length ? String(both.length) : null);
    }
  }
}

function checkCoverage(dist: string, reports: Report[]) {
  let gaps = 0;
  for (const { slugs, reports: mine } of regionsOf(reports).values()) {
    const page = readPage(dist, regionCoverageUrl(slugs));
    const agencies = new Set(mine.map((r) => r.agency.slug));
    const years = [...new Set(mine.map((r) => r.year))];
    const expectedGaps = [...agencies].flatMap((slug) => years.filter((y) => !mine.some((r) => r.agency.slug === slug && r.year === y)).map((y) => `${slug}@${y}`));
    const shown = page.querySelectorAll('.coverage-grid td[data-present="false"]').map((td) => `${td.closest('tr')!.getAttribute('data-agency')}@${td.getAttribute('data-year')}`);
    expect(shown.sort(), slugs.join('/')).toEqual(expectedGaps.sort());
    for (const td of page.querySelectorAll('.coverage-grid td[data-present="false"]')) expect(text(td)).toBe('本站未收录');
    expect(page.querySelectorAll('.coverage-grid tbody tr').map((tr) => tr.getAttribute('data-agency')).sort()).toEqual([...agencies].sort());
    gaps += expectedGaps.length;
  }
  return gaps;
}

describe('the seed site (three provinces, two years)', () => {
  const dist = inject('siteDist');
  const reports = readReports(inject('siteData'));

  it('has a region page per province, prefecture and county with reports, each total the sum of its reports', () => {
    expect(new Set(reports.map((r) => r.year)).size).toBe(2);
    expect(new Set(reports.map((r) => r.agency.region.province)).size).toBe(3);
    checkRegionPages(dist, reports);
  });

  it('shows coverage gaps as 本站未收录, exactly where an agency has no report for a year', () => {
    expect(checkCoverage(dist, reports)).toBeGreaterThan(0);
  });

  it('links provinces both ways: region page ↔ agency list, and home → region page', () => {
    const province = reports[0].agency.region.province!;
    const slug = provinceSlug(province);
    expect(readPage(dist, regionUrl([slug])).querySelector(`a[href="/agencies/regions/${slug}/"]`)).not.toBeNull();
    expect(readPage(dist, `/agencies/regions/${slug}/`).querySelector(`a[href="${regionUrl([slug])}"]`)).not.toBeNull();
    expect(readPage(dist, '/').querySelector(`.region-index a[href="${regionUrl([slug])}"]`)).not.toBeNull();
  });
});

describe('a generated corpus (three provinces, three years)', () => {
  let work: string;
  let dist: string;
  let reports: Report[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'region-site-'));
    await writeRegionCorpus(join(work, 'content'));
    const build = await buildSite(join(work, 'site'), join(work, 'content'));
    dist = build.distDir;
    reports = readReports(build.dataDir);
  }, 600_000);

  afterAll(() => (process.env.KEEP_SITE ? undefined : rm(work, { recursive: true, force: true })));

  it('builds region pages whose totals equal the sums of their reports’ cells', () => {
    expect(new Set(reports.map((r) => r.year)).size).toBe(3);
    checkRegionPages(dist, reports);
  });

  it('lists exactly the agencies missing a year in the coverage grids', () => {
    expect(checkCoverage(dist, reports)).toBeGreaterThan(0);
  });

  it('shows an X1 break on both years’ report pages', () => {
    const later = reports.filter((r) => r.checks.some((c) => c.rule === 'X1'));
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) {
      const earlier = reports.find((p) => p.agency.slug === r.agency.slug && p.year === r.year - 1)!;
      expect(readPage(dist, reportUrl(earlier.id)).querySelector(`[data-x1-next="${r.id}"] a[href="${reportUrl(r.id)}"]`), earlier.id).not.toBeNull();
      expect(text(readPage(dist, reportUrl(r.id)).querySelector('#requests'))).toContain('X1');
    }
    // No notice where the next year carries the number over correctly.
    const clean = reports.filter((r) => !r.checks.some((c) => c.rule === 'X1') && reports.some((p) => p.agency.slug === r.agency.slug && p.year === r.year - 1));
    for (const r of clean) {
      const earlier = reports.find((p) => p.agency.slug === r.agency.slug && p.year === r.year - 1)!;
      expect(readPage(dist, reportUrl(earlier.id)).querySelector('[data-x1-next]')).toBeNull();
    }
  });

  it('shows on agency pages the change from the previous year beside each figure', () => {
    const pairs = reports.flatMap((r) => {
      const previous = reports.find((p) => p.agency.slug === r.agency.slug && p.year === r.year - 1);
      return previous ? [{ r, previous }] : [];
    });
    expect(pairs.length).toBeGreaterThan(3);
    for (const { r, previous } of pairs) {
      const cell = readPage(dist, agencyUrl(r.agency.slug)).querySelector(`tr[data-change-year="${r.year}"] td[data-figure="received"]`)!;
      const to = r.requests.received.total;
      const from = previous.requests.received.total;
      const expected = to === null || from === null ? '—' : to - from > 0 ? `+${to - from}` : String(to - from);
      expect(text(cell).replace(/,/g, '')).toBe(expected);
    }
  });

  it('lists the largest changes nationally, linking to both reports', () => {
    const page = readPage(dist, '/regions/changes/');
    const rows = page.querySelectorAll('.change-table[data-measure="received"] tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    const deltas = rows.map((tr) => Math.abs(Number(tr.querySelector('[data-delta]')!.getAttribute('data-delta'))));
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    const all = reports.flatMap((r) => {
      const p = reports.find((x) => x.agency.slug === r.agency.slug && x.year === r.year - 1);
      return p && p.requests.received.total !== null && r.requests.received.total !== null ? [Math.abs(r.requests.received.total - p.requests.received.total)] : [];
    });
    expect(deltas[0]).toBe(Math.max(...all));
    for (const tr of rows) expect(tr.querySelectorAll('a[href^="/reports/"]').length).toBe(2);
  });

  it('keeps every region page under 1 MB', () => {
    const pages = htmlPages(dist).filter((p) => p.path.startsWith('/regions/'));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(statSync(fileFor(dist, p.path)).size, p.path).toBeLessThan(MAX_PAGE_BYTES);
  });
});
