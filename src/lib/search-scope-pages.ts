/**
 * The search scopes of a set of reports and agencies (src/lib/search/scopes.ts explains scopes), built from the data
 * (summaries and agencies.json), never from the built HTML: which pages each scope's Pagefind bundle indexes
 * (src/integrations/pagefind.ts, `indexScopes`, which also writes each scope's manifest entry).
 *
 * A scope is the report pages of one year and province, or the agency pages of one province, when it has at least
 * MIN_SCOPE_PAGES pages; provinces with fewer share a scope with their neighbours (in slug order) until it has as many.
 * No scope is larger than the largest one of the best cut of the year's provinces into as many scopes as its pages
 * hold the floor (a query's default scope is its year's largest, loaded before any other): the last provinces, if
 * still under the floor, join the scope before them only within that size.
 * Why a floor: Pagefind cuts its index into chunks of about 20,000 word locations (a few dozen report pages), and a
 * query loads one chunk of every bundle it searches, so a bundle of 40 pages costs a query nearly as much as one of
 * 3,000; at 10,000 reports over seven years (about 45 reports a year and province) one bundle per year and province
 * would be 250 bundles for a query over every scope. A shard build passes its own reports and agencies: a scope is
 * always built whole by one build.
 */
import { UNKNOWN_REGION } from './labels';
import { provinceSlug } from './regions';
import { agencyScopeId, reportScopeId, type SearchScope } from './search/scopes';

/** Scopes smaller than this take in the next provinces (see above). */
export const MIN_SCOPE_PAGES = 1_500;

/** What a report contributes to the scopes: its page's id, year and province. */
export interface ScopedReport {
  id: string;
  year: number;
  agency: { region: { province: string | null } };
}
/** What an agency contributes: its page's slug and province. */
export interface ScopedAgency {
  slug: string;
  region: { province: string | null };
}

/** One scope and the pages its bundle indexes, as paths of the built site (`reports/<id>/index.html`). */
export interface ScopePages {
  scope: SearchScope;
  files: string[];
}

const slugOf = (province: string | null) => provinceSlug(province ?? UNKNOWN_REGION);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The smallest size of the largest group when `sizes` (in order) are cut into at most `count` runs: between the
 * largest size and their sum, found by halving (each try fills runs in order up to the size).
 */
function smallestLargest(sizes: readonly number[], count: number): number {
  const runs = (capacity: number) => {
    let n = 1;
    let filled = 0;
    for (const size of sizes) {
      if (filled + size > capacity) {
        n++;
        filled = 0;
      }
      filled += size;
    }
    return n;
  };
  let low = Math.max(...sizes);
  let high = sizes.reduce((a, b) => a + b, 0);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (runs(mid) <= count) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Pages of one kind (and year) by province, packed into scopes of at least `minPages` pages in province-slug order,
 * none over the largest scope of the best cut into as many scopes as the pages hold `minPages` (see above).
 */
function pack(
  byProvince: Map<string | null, string[]>,
  minPages: number,
  make: (provinces: (string | null)[], firstSlug: string) => Omit<SearchScope, 'pages' | 'provinces'>,
): ScopePages[] {
  const provinces = [...byProvince.keys()].sort((a, b) => byText(slugOf(a), slugOf(b)));
  const sizes = provinces.map((p) => byProvince.get(p)!.length);
  const capacity = smallestLargest(sizes, Math.max(1, Math.floor(sizes.reduce((a, b) => a + b, 0) / minPages)));
  const out: ScopePages[] = [];
  let group: (string | null)[] = [];
  let files: string[] = [];
  const close = () => {
    const ids = make(group, slugOf(group[0]));
    out.push({ scope: { ...ids, provinces: group, pages: files.length }, files });
    group = [];
    files = [];
  };
  for (const province of provinces) {
    const pages = byProvince.get(province)!;
    if (group.length > 0 && files.length + pages.length > capacity) close();
    group.push(province);
    files = files.concat(pages);
    if (files.length >= minPages) close();
  }
  // What is left, under the floor, joins the last scope when that stays within the capacity (a bundle fewer).
  const last = out.at(-1);
  if (last && group.length > 0 && last.files.length + files.length <= capacity) {
    out.pop();
    group = [...last.scope.provinces, ...group];
    files = [...last.files, ...files];
  }
  if (group.length > 0) close();
  return out;
}

const groupLabel = (provinces: (string | null)[]) => {
  const names = provinces.map((p) => p ?? UNKNOWN_REGION);
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 2).join('、')}等 ${names.length} 个地区`;
};
/** The id of a scope of one province, or of several (`…-and-3`: the first province's slug and how many follow). */
const groupId = (base: string, provinces: readonly unknown[]) => (provinces.length > 1 ? `${base}-and-${provinces.length - 1}` : base);

/** Every scope of these reports and agencies with its pages, in id order. */
export function scopePages(reports: readonly ScopedReport[], agencies: readonly ScopedAgency[], minPages = MIN_SCOPE_PAGES): ScopePages[] {
  const reportsByYear = new Map<number, Map<string | null, string[]>>();
  for (const r of reports) {
    const byProvince = reportsByYear.get(r.year) ?? new Map<string | null, string[]>();
    reportsByYear.set(r.year, byProvince);
    const { province } = r.agency.region;
    const list = byProvince.get(province) ?? [];
    list.push(`reports/${r.id}/index.html`);
    byProvince.set(province, list);
  }
  const agenciesByProvince = new Map<string | null, string[]>();
  for (const a of agencies) {
    const { province } = a.region;
    const list = agenciesByProvince.get(province) ?? [];
    list.push(`agencies/${a.slug}/index.html`);
    agenciesByProvince.set(province, list);
  }
  const out: ScopePages[] = [];
  for (const [year, byProvince] of reportsByYear) {
    out.push(
      ...pack(byProvince, minPages, (provinces, first) => ({
        id: groupId(reportScopeId(year, first), provinces),
        kind: 'reports',
        year,
        label: `${year} 年 ${groupLabel(provinces)}的报告`,
      })),
    );
  }
  out.push(
    ...pack(agenciesByProvince, minPages, (provinces, first) => ({
      id: groupId(agencyScopeId(first), provinces),
      kind: 'agencies',
      year: null,
      label: `${groupLabel(provinces)}的机构`,
    })),
  );
  return out.sort((a, b) => byText(a.scope.id, b.scope.id));
}
