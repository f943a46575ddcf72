/**
 * Regions as the reports define them (province → prefecture → county), and what a journalist asks of one:
 * per year, the totals of tables B and C over the region's reports (each saying how many reports it covers and
 * how many of those have a rule break on that cell), the indicators computed from those totals, the change from
 * the year before on the agencies that reported in both years, the largest changes by agency, and which
 * agencies have no report for a year. Pure functions of the reports: no site data, no HTML.
 */
import { group } from 'd3-array';
import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup } from '../schema/keys';
import type { ReportSummary } from '../schema/summary';
import { INDICATORS, groupRows, groupValue, pooledRate, type IndicatorKey, type PooledRate, type Value } from './indicators';
import { placeSlug, provinceSlug } from './regions';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { province: '省级', prefecture: '地市级', county: '县级' };

export interface RegionRef {
  level: RegionLevel;
  name: string;
  /** Names from the province down, e.g. ["河南省", "洛阳市", "偃师区"]. */
  names: string[];
  /** URL slugs of the names: /regions/<slugs joined by "/">/. */
  slugs: string[];
}

/** A sum over a region's reports of one cell: null when no report holds the cell; blank cells are skipped, never read as 0. */
export interface CellTotal {
  value: number | null;
  /** Reports whose cell is known (the ones summed). */
  counted: number;
  /** Reports in the region and year. */
  of: number;
  /** Reports with a rule break marked on this cell. */
  flagged: number;
}

export interface TotalLine {
  /** Canonical key: a table B row or row group, or `<group>.<column>` of table C. */
  key: string;
  label: string;
  /** A row group's own line (the sum of its sub-rows, or the line the report printed). */
  isGroup: boolean;
  total: CellTotal;
}

/** Received requests and the disclosure rate of the same agencies in two consecutive years. */
export interface RegionChange {
  previousYear: number;
  /** Agencies of the region with a report in both years. */
  agencies: number;
  received: { previous: number; current: number; delta: number; counted: number };
  disclosureRate: { previous: PooledRate; current: PooledRate; delta: Value };
}

/**
 * Agencies a coverage page lists: a province of thousands of agencies made one page of 3.8 MB at 100,000 reports
 * (BENCHMARKS.md, "The first full build at 100,000 reports"); a row is about 1–1.5 KB of HTML.
 */
export const COVERAGE_PAGE_ROWS = 400;

/** How many coverage pages a region of `rows` agencies has (at least one). */
export const coveragePageCount = (rows: number) => Math.max(1, Math.ceil(rows / COVERAGE_PAGE_ROWS));

/**
 * Agencies a region-year's page lists in its table of each agency's figures; the others are on the year's further
 * pages (/regions/<path>/<year>/<n>/). At 100,000 generated reports over six years a province's year of 988 agencies
 * made a page of 724 KB, and a national year holds several thousand a province (BENCHMARKS.md).
 */
export const YEAR_AGENCY_ROWS = 400;

/** How many pages a region-year of `rows` reports has (at least one). */
export const yearPageCount = (rows: number) => Math.max(1, Math.ceil(rows / YEAR_AGENCY_ROWS));

/** A region's reports of one year, by agency name: what its page, its totals and its charts are computed from. */
export interface RegionYear {
  year: number;
  reports: ReportSummary[];
}

/** What a region-year's pages show, computed when a page asks for it (yearTotals), never held for every region. */
export interface RegionYearTotals extends RegionYear {
  requests: TotalLine[];
  appeals: TotalLine[];
  rates: Record<IndicatorKey, PooledRate>;
  /** Reports with at least one rule break. */
  flaggedReports: ReportSummary[];
  /** Null when no agency of the region reported in the year before. */
  change: RegionChange | null;
}

export interface AgencyChange {
  slug: string;
  name: string;
  previous: ReportSummary;
  current: ReportSummary;
  received: { from: number; to: number; delta: number } | null;
  /** Shares (0–1); delta in share points (0.05 = 5 percentage points). */
  disclosureRate: { from: number; to: number; delta: number } | null;
}

export interface CoverageRow {
  slug: string;
  name: string;
  /** The agency's report for each year of `Coverage.years`, or null: not on the portal. */
  cells: (ReportSummary | null)[];
}

export interface Coverage {
  /** Years with at least one report in the region, oldest first. */
  years: number[];
  rows: CoverageRow[];
  /** For each year: agencies with a report, and agencies known from other years without one. */
  counts: { year: number; present: number; missing: number }[];
}

/**
 * A region and its reports. What its pages show is computed from them when a page renders (yearTotals, coverage,
 * agencyChanges): at 100,000 reports the totals, grids and changes of every region held at once were
 * more than the reports' summaries themselves (BENCHMARKS.md, "The site build's memory").
 */
export interface Region {
  ref: RegionRef;
  parent: RegionRef | null;
  children: RegionRef[];
  /** All the region's reports, every year. */
  reports: ReportSummary[];
  /** Newest year first. */
  years: RegionYear[];
  /** Agencies with a report in any year. */
  agencies: number;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
const requestPath = (key: string) => `requests.${key}.total`;

/** Value paths marked by a report's rule breaks. */
function flaggedPaths(report: ReportSummary): Set<string> {
  return new Set(report.checks.flatMap((c) => c.cells));
}

function cellTotal(reports: readonly ReportSummary[], flagged: readonly Set<string>[], read: (r: ReportSummary) => Value, paths: string[]): CellTotal {
  let value = 0;
  let counted = 0;
  let flaggedCount = 0;
  reports.forEach((r, i) => {
    const v = read(r);
    if (v !== null && v !== undefined) {
      value += v;
      counted += 1;
    }
    if (paths.some((p) => flagged[i].has(p))) flaggedCount += 1;
  });
  return { value: counted ? value : null, counted, of: reports.length, flagged: flaggedCount };
}

/** Table B's rows in the template's order, each row group's own line before its numbered sub-rows (total column). */
function requestLines(reports: readonly ReportSummary[], flagged: readonly Set<string>[]): TotalLine[] {
  const lines: TotalLine[] = [];
  const seen = new Set<RequestGroup>();
  for (const def of REQUEST_ROWS) {
    const groupKey = 'group' in def ? (def.group as RequestGroup) : null;
    if (groupKey && !seen.has(groupKey)) {
      seen.add(groupKey);
      const g = REQUEST_GROUPS.find((x) => x.key === groupKey)!;
      const paths = [groupKey, ...groupRows(groupKey)].map(requestPath);
      lines.push({ key: groupKey, label: g.zh, isGroup: true, total: cellTotal(reports, flagged, (r) => groupValue(r.requests, groupKey), paths) });
    }
    lines.push({ key: def.key, label: def.zh, isGroup: false, total: cellTotal(reports, flagged, (r) => r.requests[def.key].total, [requestPath(def.key)]) });
  }
  return lines;
}

function appealLines(reports: readonly ReportSummary[], flagged: readonly Set<string>[]): TotalLine[] {
  return APPEAL_GROUPS.flatMap((g) =>
    APPEAL_COLUMNS.map((c) => ({
      key: `${g.key}.${c.key}`,
      label: `${g.zh}：${c.zh}`,
      isGroup: false,
      total: cellTotal(reports, flagged, (r) => r.appeals[g.key][c.key], [`appeals.${g.key}.${c.key}`]),
    })),
  );
}

/** One report per agency and year: the first by id when an agency has two for the same year. */
function byAgencyYear(reports: readonly ReportSummary[]): Map<string, Map<number, ReportSummary>> {
  const out = new Map<string, Map<number, ReportSummary>>();
  for (const r of [...reports].sort((a, b) => a.id.localeCompare(b.id))) {
    let years = out.get(r.agency.slug);
    if (!years) out.set(r.agency.slug, (years = new Map()));
    if (!years.has(r.year)) years.set(r.year, r);
  }
  return out;
}

/** Received requests and disclosure rate of year Y against Y−1, over the agencies with a report in both. */
function regionChange(reports: readonly ReportSummary[], year: number): RegionChange | null {
  const pairs = [...byAgencyYear(reports).values()].flatMap((years) => {
    const previous = years.get(year - 1);
    const current = years.get(year);
    return previous && current ? [{ previous, current }] : [];
  });
  if (pairs.length === 0) return null;
  // Received: only agencies whose number is known in both years.
  const known = pairs.filter((p) => p.previous.requests.received.total !== null && p.current.requests.received.total !== null);
  const prev = known.reduce((a, p) => a + p.previous.requests.received.total!, 0);
  const cur = known.reduce((a, p) => a + p.current.requests.received.total!, 0);
  // Disclosure rate: only agencies whose rate's parts are known in both years, so both years pool the same agencies.
  const rated = pairs.filter((p) => pooledRate([p.previous], 'disclosureRate').counted === 1 && pooledRate([p.current], 'disclosureRate').counted === 1);
  const previousRate = pooledRate(rated.map((p) => p.previous), 'disclosureRate');
  const currentRate = pooledRate(rated.map((p) => p.current), 'disclosureRate');
  return {
    previousYear: year - 1,
    agencies: pairs.length,
    received: { previous: prev, current: cur, delta: cur - prev, counted: known.length },
    disclosureRate: {
      previous: previousRate,
      current: currentRate,
      delta: previousRate.value === null || currentRate.value === null ? null : currentRate.value - previousRate.value,
    },
  };
}

/** Every agency's change from one year to the next (consecutive years only). */
export function agencyChanges(reports: readonly ReportSummary[]): AgencyChange[] {
  const out: AgencyChange[] = [];
  for (const [slug, years] of byAgencyYear(reports)) {
    for (const [year, current] of years) {
      const previous = years.get(year - 1);
      if (!previous) continue;
      const from = previous.requests.received.total;
      const to = current.requests.received.total;
      const rateFrom = INDICATORS[0].compute(previous);
      const rateTo = INDICATORS[0].compute(current);
      out.push({
        slug,
        name: current.agency.name,
        previous,
        current,
        received: from === null || to === null ? null : { from, to, delta: to - from },
        disclosureRate: rateFrom === null || rateTo === null ? null : { from: rateFrom, to: rateTo, delta: rateTo - rateFrom },
      });
    }
  }
  return out;
}

export type ChangeMeasure = 'received' | 'disclosureRate';

/** The changes with the largest absolute size on one measure, largest first (ties by agency name, then year). */
export function largestChanges(changes: readonly AgencyChange[], measure: ChangeMeasure, limit: number): AgencyChange[] {
  return changes
    .filter((c) => c[measure] !== null && c[measure]!.delta !== 0)
    .sort((a, b) => Math.abs(b[measure]!.delta) - Math.abs(a[measure]!.delta) || byName(a.name, b.name) || b.current.year - a.current.year)
    .slice(0, limit);
}

/** Which agencies of the region have a report for each year the region has any (agency × year). */
export function coverage(reports: readonly ReportSummary[]): Coverage {
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
  const rows = [...byAgencyYear(reports)]
    .map(([slug, byYear]) => {
      const any = [...byYear.values()][0];
      return { slug, name: any.agency.name, cells: years.map((y) => byYear.get(y) ?? null) };
    })
    .sort((a, b) => byName(a.name, b.name) || a.slug.localeCompare(b.slug));
  const counts = years.map((year, i) => {
    const present = rows.filter((row) => row.cells[i] !== null).length;
    return { year, present, missing: rows.length - present };
  });
  return { years, rows, counts };
}

/** A region-year's totals, rates, flagged reports and change from the year before. */
export function yearTotals(region: Pick<Region, 'reports'>, y: RegionYear): RegionYearTotals {
  const flagged = y.reports.map(flaggedPaths);
  return {
    ...y,
    requests: requestLines(y.reports, flagged),
    appeals: appealLines(y.reports, flagged),
    rates: Object.fromEntries(INDICATORS.map((i) => [i.key, pooledRate(y.reports, i.key)])) as Record<IndicatorKey, PooledRate>,
    flaggedReports: y.reports.filter((r) => r.checks.length > 0),
    change: regionChange(region.reports, y.year),
  };
}

const byAgencyName = (a: ReportSummary, b: ReportSummary) => byName(a.agency.name, b.agency.name) || a.id.localeCompare(b.id);

/** The region path of a report: [province], [province, prefecture], [province, prefecture, county] (levels known only). */
function regionRefs(report: ReportSummary): RegionRef[] {
  const { province, prefecture, county } = report.agency.region;
  if (!province) return [];
  const refs: RegionRef[] = [{ level: 'province', name: province, names: [province], slugs: [provinceSlug(province)] }];
  if (prefecture) {
    const parent = refs[refs.length - 1];
    refs.push({ level: 'prefecture', name: prefecture, names: [...parent.names, prefecture], slugs: [...parent.slugs, placeSlug(province, null, prefecture, 'prefecture')] });
  }
  if (county) {
    const parent = refs[refs.length - 1];
    refs.push({ level: 'county', name: county, names: [...parent.names, county], slugs: [...parent.slugs, placeSlug(province, prefecture, county, 'county')] });
  }
  return refs;
}

export const regionPath = (ref: Pick<RegionRef, 'slugs'>) => ref.slugs.join('/');

/**
 * Every region that has reports, provinces first, each followed by its sub-regions (by name). A report counts in its
 * province, its prefecture and its county; reports without a recognised province are in no region.
 */
export function buildRegions(reports: readonly ReportSummary[]): Region[] {
  const members = new Map<string, { ref: RegionRef; parent: RegionRef | null; reports: ReportSummary[] }>();
  for (const report of reports) {
    const refs = regionRefs(report);
    refs.forEach((ref, i) => {
      const key = ref.names.join('/');
      let entry = members.get(key);
      if (!entry) members.set(key, (entry = { ref, parent: i > 0 ? refs[i - 1] : null, reports: [] }));
      entry.reports.push(report);
    });
  }
  const childrenOf = group([...members.values()], (m) => (m.parent ? m.parent.names.join('/') : ''));
  const out: Region[] = [];
  const visit = (parentKey: string) => {
    const list = [...(childrenOf.get(parentKey) ?? [])].sort((a, b) => byName(a.ref.name, b.ref.name));
    for (const m of list) {
      const key = m.ref.names.join('/');
      const children = [...(childrenOf.get(key) ?? [])].map((c) => c.ref).sort((a, b) => byName(a.name, b.name));
      const byYear = [...group(m.reports, (r) => r.year)].sort(([a], [b]) => b - a);
      out.push({
        ref: m.ref,
        parent: m.parent,
        children,
        reports: m.reports,
        years: byYear.map(([year, list]) => ({ year, reports: [...list].sort(byAgencyName) })),
        agencies: new Set(m.reports.map((r) => r.agency.slug)).size,
      });
      visit(key);
    }
  };
  visit('');
  return out;
}
