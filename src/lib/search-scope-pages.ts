/**
 * The search scopes of a set of reports and agencies (src/lib/search/scopes.ts explains scopes), built from the data
 * (summaries and agencies.json), never from the built HTML: which pages each scope's Pagefind bundle indexes
 * (src/integrations/pagefind.ts, `indexScopes`, which also writes each scope's manifest entry).
 *
 * A scope is the report pages of one year and province, or the agency pages of one province, when it has at least
 * MIN_SCOPE_PAGES pages; provinces with fewer share a scope with their neighbours (in slug order) until it has as many,
 * and the last ones, if still fewer, join the scope before them.
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
export const MIN_SCOPE_PAGES = 2_000;

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

/** Pages of one kind (and year) by province, packed into scopes of at least `minPages` pages in province-slug order. */
function pack(
  byProvince: Map<string | null, string[]>,
  minPages: number,
  make: (provinces: (string | null)[], firstSlug: string) => Omit<SearchScope, 'pages' | 'provinces'>,
): ScopePages[] {
  const provinces = [...byProvince.keys()].sort((a, b) => byText(slugOf(a), slugOf(b)));
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
    group.push(province);
    files = files.concat(byProvince.get(province)!);
    if (files.length >= minPages) close();
  }
  // What is left, too small for a scope of its own, joins the last scope (a bundle fewer for every query).
  const last = out.pop();
  if (last && group.length > 0) {
    group = [...last.scope.provinces, ...group];
    files = [...last.files, ...files];
  } else if (last) out.push(last);
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
