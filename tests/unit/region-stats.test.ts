/**
 * Region statistics on a generated corpus (three provinces, three years, gaps, blank cells, rule breaks), run
 * through the real pipeline: every total, rate, change and coverage cell is recomputed here independently from
 * the reports and compared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline';
import { readReportsJson } from '../../src/lib/report-parts';
import { agencyChanges, buildRegions, coverage, COVERAGE_PAGE_ROWS, coveragePageCount, largestChanges, YEAR_AGENCY_ROWS, yearPageCount, yearTotals, type Region } from '../../src/lib/region-stats';
import { regionPageTitle, regionPageViews } from '../../src/lib/region-views';
import { INDICATOR_PARTS, INDICATORS } from '../../src/lib/indicators';
import { distributionBin, MAX_DISTRIBUTION_NOTES, regionCharts } from '../../src/charts/region-catalog';
import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_ROWS, type Report } from '../../src/schema';
import { CORPUS_PROVINCES, CORPUS_YEARS, writeRegionCorpus } from '../support/region-corpus';

let dir: string;
let reports: Report[];
let regions: Region[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'region-stats-'));
  await writeRegionCorpus(path.join(dir, 'content'));
  await runPipeline({ contentDir: path.join(dir, 'content'), outDir: path.join(dir, 'data') });
  reports = readReportsJson(path.join(dir, 'data')) as Report[];
  regions = buildRegions(reports);
}, 120_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** The reports of a region, found from the names alone (not through region-stats). */
const inRegion = (region: Region) =>
  reports.filter((r) => {
    const names = [r.agency.region.province, r.agency.region.prefecture, r.agency.region.county].filter(Boolean);
    return region.ref.names.every((n, i) => names[i] === n) && names.length >= region.ref.names.length;
  });

/** A region's years with their totals, as its pages compute them. */
const totalsOf = (region: Region) => region.years.map((y) => yearTotals(region, y));

/** Every region-year's charts, drawn. */
const buildRegionCharts = (list: Region[], builtAt: string) => regionCharts(list, builtAt).map((c) => c.draw());

/** Sum of known values and how many were known: blanks are skipped, never counted as 0. */
function independentSum(values: (number | null)[]): { value: number | null; counted: number } {
  const known = values.filter((v): v is number => v !== null);
  return { value: known.length ? known.reduce((a, b) => a + b, 0) : null, counted: known.length };
}

describe('the generated corpus', () => {
  it('spans three provinces and three years, with blank cells and rule breaks', () => {
    expect(new Set(reports.map((r) => r.agency.region.province))).toEqual(new Set(CORPUS_PROVINCES));
    expect(new Set(reports.map((r) => r.year))).toEqual(new Set(CORPUS_YEARS));
    expect(reports.some((r) => r.requests.received.total === null || r.requests.disclosed.total === null || r.appeals.review.upheld === null)).toBe(true);
    expect(reports.some((r) => r.checks.some((c) => c.rule === 'X1'))).toBe(true);
    expect(regions.filter((r) => r.ref.level === 'province').map((r) => r.ref.name).sort()).toEqual([...CORPUS_PROVINCES].sort());
    expect(regions.some((r) => r.ref.level === 'prefecture')).toBe(true);
    expect(regions.some((r) => r.ref.level === 'county')).toBe(true);
  });
});

describe('region totals', () => {
  it('equal the sums of their reports’ cells, covering only the reports where the cell is known', () => {
    let checked = 0;
    for (const region of regions) {
      const mine = inRegion(region);
      expect(region.reports.map((r) => r.id).sort(), region.ref.names.join('/')).toEqual(mine.map((r) => r.id).sort());
      for (const y of totalsOf(region)) {
        const yearReports = mine.filter((r) => r.year === y.year);
        expect(y.reports.length).toBe(yearReports.length);
        for (const row of REQUEST_ROWS) {
          const line = y.requests.find((l) => l.key === row.key)!;
          const expected = independentSum(yearReports.map((r) => r.requests[row.key].total));
          expect({ value: line.total.value, counted: line.total.counted, of: line.total.of }).toEqual({ ...expected, of: yearReports.length });
          checked += 1;
        }
        for (const g of APPEAL_GROUPS) {
          for (const c of APPEAL_COLUMNS) {
            const line = y.appeals.find((l) => l.key === `${g.key}.${c.key}`)!;
            expect({ value: line.total.value, counted: line.total.counted }).toEqual(independentSum(yearReports.map((r) => r.appeals[g.key][c.key])));
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('say how many reports with a rule break on the cell they include', () => {
    const flagged = regions.flatMap((region) => totalsOf(region).flatMap((y) => y.requests.filter((l) => l.total.flagged > 0).map((l) => ({ y, l }))));
    expect(flagged.length).toBeGreaterThan(0);
    for (const { y, l } of flagged) {
      const expected = y.reports.filter((r) => r.checks.some((c) => c.cells.includes(`requests.${l.key}.total`) || (l.isGroup && c.cells.some((p) => p.startsWith(`requests.${l.key}`)))));
      expect(l.total.flagged).toBe(expected.length);
    }
  });

  it('give rates as Σ numerators ÷ Σ denominators over the reports where both are known, never an average of rates', () => {
    for (const region of regions) {
      for (const y of totalsOf(region)) {
        for (const indicator of INDICATORS) {
          const parts = y.reports.map((r) => INDICATOR_PARTS[indicator.key](r)).filter((p) => p.numerator !== null && p.denominator !== null);
          const num = parts.reduce((a, p) => a + p.numerator!, 0);
          const den = parts.reduce((a, p) => a + p.denominator!, 0);
          const rate = y.rates[indicator.key];
          expect(rate.counted).toBe(parts.length);
          expect(rate.value).toBe(parts.length && den !== 0 ? num / den : null);
          // Parts and the per-report indicator agree.
          for (const r of y.reports) {
            const p = INDICATOR_PARTS[indicator.key](r);
            const own = p.numerator === null || p.denominator === null || p.denominator === 0 ? null : p.numerator / p.denominator;
            expect(indicator.compute(r)).toBe(own);
          }
        }
      }
    }
  });
});

describe('change from the year before', () => {
  it('uses only the agencies with a report in both years', () => {
    let compared = 0;
    for (const region of regions) {
      for (const y of totalsOf(region)) {
        const mine = inRegion(region);
        const now = new Map(mine.filter((r) => r.year === y.year).map((r) => [r.agency.slug, r]));
        const before = new Map(mine.filter((r) => r.year === y.year - 1).map((r) => [r.agency.slug, r]));
        const both = [...now.keys()].filter((slug) => before.has(slug));
        if (both.length === 0) {
          expect(y.change).toBeNull();
          continue;
        }
        compared += 1;
        expect(y.change!.agencies).toBe(both.length);
        const known = both.filter((s) => now.get(s)!.requests.received.total !== null && before.get(s)!.requests.received.total !== null);
        const cur = known.reduce((a, s) => a + now.get(s)!.requests.received.total!, 0);
        const prev = known.reduce((a, s) => a + before.get(s)!.requests.received.total!, 0);
        expect(y.change!.received).toEqual({ previous: prev, current: cur, delta: cur - prev, counted: known.length });
        // An agency reporting only this year (or only last year) changes nothing.
        expect(y.change!.received.counted).toBeLessThanOrEqual(Math.min(now.size, before.size));
      }
    }
    expect(compared).toBeGreaterThan(3);
    // The corpus has agencies missing a year, so some year has fewer agencies in both years than reports.
    expect(regions.some((r) => totalsOf(r).some((y) => y.change && y.change.agencies < y.reports.length))).toBe(true);
  });

  it('lists the largest changes by agency, consecutive years only, largest first', () => {
    const all = regions.filter((r) => r.ref.level === 'province').flatMap((r) => agencyChanges(r.reports));
    for (const c of all) {
      expect(c.current.year - c.previous.year).toBe(1);
      expect(c.current.agency.slug).toBe(c.previous.agency.slug);
      if (c.received) expect(c.received.delta).toBe(c.current.requests.received.total! - c.previous.requests.received.total!);
    }
    const top = largestChanges(all, 'received', 5);
    const sizes = top.map((c) => Math.abs(c.received!.delta));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const biggest = Math.max(...all.filter((c) => c.received).map((c) => Math.abs(c.received!.delta)));
    expect(sizes[0]).toBe(biggest);
  });
});

describe('coverage grid', () => {
  it('lists exactly the agencies with reports in other years but none in this one', () => {
    let gaps = 0;
    for (const region of regions) {
      const mine = inRegion(region);
      const agencies = new Set(mine.map((r) => r.agency.slug));
      const grid = coverage(region.reports);
      expect(region.agencies).toBe(agencies.size);
      expect(grid.rows.map((r) => r.slug).sort()).toEqual([...agencies].sort());
      for (const [i, year] of grid.years.entries()) {
        const present = new Set(mine.filter((r) => r.year === year).map((r) => r.agency.slug));
        const missing = [...agencies].filter((s) => !present.has(s)).sort();
        expect(grid.rows.filter((row) => row.cells[i] === null).map((row) => row.slug).sort()).toEqual(missing);
        expect(grid.counts[i]).toEqual({ year, present: present.size, missing: missing.length });
        gaps += missing.length;
      }
    }
    expect(gaps).toBeGreaterThan(0);
  });
});

describe('region charts', () => {
  it('are listed by the id, kind, title and subject their drawing has', () => {
    const listed = regionCharts(regions, '2025-01-01T00:00:00.000Z');
    expect(listed.length).toBeGreaterThan(0);
    for (const chart of listed) {
      const drawn = chart.draw();
      expect({ id: drawn.id, kind: drawn.kind, title: drawn.title, subject: drawn.subject }).toEqual({ id: chart.id, kind: chart.kind, title: chart.title, subject: chart.subject });
    }
  });

  it('rank a region-year’s agencies and count them into the distribution’s bins', () => {
    const charts = buildRegionCharts(regions, '2025-01-01T00:00:00.000Z');
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    for (const chart of charts) expect(chart.id).toMatch(/^region-[a-z0-9-]+$/);
    const province = regions.find((r) => r.ref.level === 'province')!;
    const y = province.years[0];
    const distribution = charts.find((c) => c.kind === 'region-distribution' && c.subject.region === province.ref.slugs.join('/') && c.subject.year === y.year)!;
    for (const indicator of INDICATORS) {
      const rows = distribution.rows.filter((r) => r.key.startsWith(`${indicator.key}:`));
      expect(rows.reduce((a, r) => a + (r.value ?? 0), 0)).toBe(y.reports.length);
      const values = y.reports.map((r) => indicator.compute(r));
      const inFirst = values.filter((v) => v !== null && v * 100 < 20).length;
      expect(rows.find((r) => r.key === `${indicator.key}:0`)!.value).toBe(inFirst);
    }
    expect(distributionBin(1)).toBe(4);
    expect(distributionBin(0.2)).toBe(1);
    const ranking = charts.find((c) => c.kind === 'region-ranking' && c.subject.metric === 'received' && c.subject.region === province.ref.slugs.join('/'))!;
    const known = ranking.rows.map((r) => r.value).filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  it('list each flagged agency’s note in a distribution up to MAX_DISTRIBUTION_NOTES, past that one note a bin', () => {
    const province = regions.find((r) => r.ref.level === 'province')!;
    const isDistribution = (c: { kind: string }) => c.kind === 'region-distribution';
    // The region-year whose distribution has the most notes, one per flagged agency (agency：note).
    const small = buildRegionCharts([province], '2025-01-01T00:00:00.000Z').filter(isDistribution).sort((a, b) => b.notes.length - a.notes.length)[0];
    expect(small.notes.length).toBeGreaterThan(0);
    expect(small.notes.length).toBeLessThanOrEqual(MAX_DISTRIBUTION_NOTES);
    const y = province.years.find((x) => x.year === small.subject.year)!;
    for (const note of small.notes) expect(y.reports.map((r) => r.agency.name)).toContain(note.slice(0, note.indexOf('：')));
    // The same year with every report 30 times over under other names: as many flagged agencies, 30 times over.
    const many = y.reports.flatMap((r) => Array.from({ length: 30 }, (_, k) => ({ ...r, agency: { ...r.agency, name: `${r.agency.name}${k}` } })));
    const big = buildRegionCharts([{ ...province, years: [{ ...y, reports: many }] }], '2025-01-01T00:00:00.000Z').find(isDistribution)!;
    const flaggedRows = (c: typeof big) => c.rows.filter((r) => r.flagged).map((r) => r.key);
    expect(flaggedRows(big)).toEqual(flaggedRows(small));
    expect(big.notes.length).toBe(flaggedRows(big).length);
    for (const row of big.rows.filter((r) => r.flagged)) {
      expect(row.noteRefs).toHaveLength(1);
      const note = big.notes[row.noteRefs[0] - 1];
      // Each bin's note counts its flagged agencies: 30 for each agency flagged in that bin of the small chart.
      const agencies = new Set(small.rows.find((r) => r.key === row.key)!.noteRefs.map((n) => small.notes[n - 1].slice(0, small.notes[n - 1].indexOf('：'))));
      expect(note).toContain(`${30 * agencies.size} 个机关的数据有提示`);
    }
  });
});

describe('coverage pages', () => {
  it('hold COVERAGE_PAGE_ROWS agencies each, at least one page', () => {
    expect(coveragePageCount(0)).toBe(1);
    expect(coveragePageCount(COVERAGE_PAGE_ROWS)).toBe(1);
    expect(coveragePageCount(COVERAGE_PAGE_ROWS + 1)).toBe(2);
    expect(coveragePageCount(3 * COVERAGE_PAGE_ROWS)).toBe(3);
    // Every region of the test corpus fits one page: its grid is tested whole in tests/site/regions.test.ts.
    for (const region of regions) expect(coveragePageCount(region.agencies)).toBe(1);
  });
});

describe('region-year pages', () => {
  it('list YEAR_AGENCY_ROWS agencies a page: a large year gets further pages at <year>/<n>, titled with their number', () => {
    expect(yearPageCount(0)).toBe(1);
    expect(yearPageCount(YEAR_AGENCY_ROWS)).toBe(1);
    expect(yearPageCount(YEAR_AGENCY_ROWS + 1)).toBe(2);
    const province = regions.find((r) => r.ref.level === 'province')!;
    const path = province.ref.slugs.join('/');
    // The corpus's regions fit one page a year: the year pages are the region's years, as before.
    const views = regionPageViews([province]);
    expect(views.filter((v) => v.props.view === 'year').map((v) => v.params.path)).toEqual(province.years.map((y) => `${path}/${y.year}`));
    // The newest year with its reports 2.5 × YEAR_AGENCY_ROWS over (under other names): three pages.
    const [newest, ...older] = province.years;
    const count = Math.ceil(2.5 * YEAR_AGENCY_ROWS);
    const many = Array.from({ length: count }, (_, k) => ({ ...newest.reports[k % newest.reports.length], id: `r-${k}` }));
    const big: Region = { ...province, years: [{ year: newest.year, reports: many }, ...older] };
    const yearViews = regionPageViews([big]).filter((v) => v.props.view === 'year' && v.props.year === newest.year);
    expect(yearViews.map((v) => v.params.path)).toEqual([`${path}/${newest.year}`, `${path}/${newest.year}/2`, `${path}/${newest.year}/3`]);
    expect(yearViews.map((v) => (v.props.view === 'year' ? v.props.page : 0))).toEqual([1, 2, 3]);
    expect(yearViews.map((v) => regionPageTitle(v.props).title)).toEqual([
      `${big.ref.names.join(' · ')} ${newest.year} 年`,
      `${big.ref.names.join(' · ')} ${newest.year} 年（第 2 页）`,
      `${big.ref.names.join(' · ')} ${newest.year} 年（第 3 页）`,
    ]);
    // Every path once, the overview first and the coverage grid last, as before.
    const all = regionPageViews([big]).map((v) => v.params.path);
    expect(new Set(all).size).toBe(all.length);
    expect(all[0]).toBe(path);
    expect(all.at(-1)).toBe(`${path}/coverage`);
  });
});
