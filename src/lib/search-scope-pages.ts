/**
 * The search scopes of a set of reports and agencies (src/lib/search/scopes.ts explains scopes), built from the data
 * (summaries and agencies.json), never from the built HTML: which pages each scope's Pagefind bundle indexes
 * (src/integrations/pagefind.ts, `indexScopes`), and the manifest the search page carries (`searchScopes`).
 * A shard build passes its own reports and agencies and indexes their scopes; the merged site's search page lists the
 * scopes of all of them. A scope must be built whole by one build: all reports of a (year, province), all agencies
 * of a province.
 */
import { UNKNOWN_REGION } from './labels';
import { provinceSlug } from './regions';
import { agencyScopeId, reportScopeId, type SearchScope } from './search/scopes';

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

/** Every scope of these reports and agencies with its pages, in id order. */
export function scopePages(reports: readonly ScopedReport[], agencies: readonly ScopedAgency[]): ScopePages[] {
  const byId = new Map<string, ScopePages>();
  const add = (scope: Omit<SearchScope, 'pages'>, file: string) => {
    let entry = byId.get(scope.id);
    if (!entry) byId.set(scope.id, (entry = { scope: { ...scope, pages: 0 }, files: [] }));
    entry.files.push(file);
    entry.scope.pages++;
  };
  for (const r of reports) {
    const { province } = r.agency.region;
    const label = `${r.year} 年 ${province ?? UNKNOWN_REGION}的报告`;
    add({ id: reportScopeId(r.year, slugOf(province)), kind: 'reports', year: r.year, province, label }, `reports/${r.id}/index.html`);
  }
  for (const a of agencies) {
    const { province } = a.region;
    const label = `${province ?? UNKNOWN_REGION}的机构`;
    add({ id: agencyScopeId(slugOf(province)), kind: 'agencies', year: null, province, label }, `agencies/${a.slug}/index.html`);
  }
  return [...byId.values()].sort((a, b) => (a.scope.id < b.scope.id ? -1 : a.scope.id > b.scope.id ? 1 : 0));
}

/** The manifest of the search page: every scope with its page count. */
export function searchScopes(reports: readonly ScopedReport[], agencies: readonly ScopedAgency[]): SearchScope[] {
  return scopePages(reports, agencies).map((s) => s.scope);
}
