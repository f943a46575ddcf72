/**
 * Search scopes: the site's full-text index is not one Pagefind bundle but one per scope (docs/search.md), each
 * in a folder of its own under PAGEFIND_DIR, so a query loads only the bundles of the scopes it covers and their per-page metadata.
 * A report page's scope is its year and province, an agency page's its province; provinces with few pages share a
 * scope (src/lib/search-scope-pages.ts). The manifest (SCOPES_MANIFEST, a list of SearchScope written beside
 * the bundles) tells the search page which bundles a query covers (`scopesFor`). Imported by the browser script, so
 * nothing here reads data.
 */

/** The kind of pages a scope holds: report pages of one year and province, or agency pages of one province. */
export type ScopeKind = 'reports' | 'agencies';

export interface SearchScope {
  /** The bundle's folder under /pagefind/: ASCII (`r2024-he-nan-sheng`, `a-he-nan-sheng`). */
  id: string;
  kind: ScopeKind;
  /** The reports' year (report scopes); null for agency scopes. */
  year: number | null;
  /**
   * The pages' provinces as the search filter spells them (null: region unknown): one, or several that have few
   * pages each. A scope of several needs Pagefind's province filter when one province is chosen.
   */
  provinces: (string | null)[];
  /** Shown while the scope is being searched, e.g. "2024 年 河南省". */
  label: string;
  /** Pages in the bundle. */
  pages: number;
}

/** The folder of the scopes' bundles, and of Pagefind's runtime (pagefind.js and its WebAssembly), under the site. */
export const PAGEFIND_DIR = 'pagefind';

/** The manifest of the scopes, and each bundle's own entry of it, under PAGEFIND_DIR. */
export const SCOPES_MANIFEST = 'scopes.json';
export const SCOPE_ENTRY = 'scope.json';

/** A scope's bundle folder relative to the site's root, e.g. `pagefind/r2024-he-nan-sheng/`. */
export const scopeBundlePath = (id: string) => `${PAGEFIND_DIR}/${id}/`;

/** The scope id of report pages of `year` in the province of slug `provinceSlug`. */
export const reportScopeId = (year: number, provinceSlug: string) => `r${year}-${provinceSlug}`;
/** The scope id of agency pages in the province of slug `provinceSlug`. */
export const agencyScopeId = (provinceSlug: string) => `a-${provinceSlug}`;

/** The search page's choices that select scopes: the rest (prefecture, level) are Pagefind filters inside them. */
export interface ScopeChoice {
  year?: string;
  province?: string;
}

/**
 * The scopes a query covers, in the order they are searched: with a year chosen only report scopes of that year
 * (agency pages have no year), with a province only that province's. Newest year first, then the larger scopes
 * (more results sooner), agency scopes after the reports of the newest year. The first scope is the query's
 * default scope: its results are shown before the others are loaded.
 */
export function scopesFor(manifest: readonly SearchScope[], choice: ScopeChoice): SearchScope[] {
  const year = choice.year ? Number(choice.year) : null;
  const chosen = manifest.filter(
    (s) => (year === null || s.year === year) && (!choice.province || s.provinces.includes(choice.province)),
  );
  const newest = Math.max(...chosen.map((s) => s.year ?? -Infinity));
  // Agency scopes sort as if of the newest year, after its report scopes.
  const rank = (s: SearchScope) => (s.kind === 'agencies' ? newest - 0.5 : (s.year ?? 0));
  return chosen.sort((a, b) => rank(b) - rank(a) || b.pages - a.pages || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The first scope a query covers that the search form can choose by year and province, with that choice: the
 * newest year's largest scope of a known province. The largest of all may hold the pages whose province is unknown
 * (no province to choose); null when no scope has a year and a known province.
 */
export function firstChoosableScope(manifest: readonly SearchScope[]): { scope: SearchScope; choice: Required<ScopeChoice> } | null {
  for (const scope of scopesFor(manifest, {})) {
    const province = scope.provinces.find((p) => p !== null);
    if (scope.year !== null && province) return { scope, choice: { year: String(scope.year), province } };
  }
  return null;
}
