/**
 * Search scopes (src/lib/search/scopes.ts): which pages each Pagefind bundle holds, built from the data, and which
 * bundles a query with a year and a province loads.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SCOPE_PAGES, scopePages } from '../../src/lib/search-scope-pages';
import { firstChoosableScope, scopesFor } from '../../src/lib/search/scopes';

const report = (id: string, year: number, province: string | null) => ({ id, year, agency: { region: { province } } });
const agency = (slug: string, province: string | null) => ({ slug, region: { province } });

const reports = [
  report('a-2024', 2024, '河南省'),
  report('b-2024', 2024, '河南省'),
  report('c-2023', 2023, '河南省'),
  report('d-2024', 2024, '山西省'),
  report('e-2024', 2024, '陕西省'),
  report('f-2024', 2024, null),
];
const agencies = [agency('a', '河南省'), agency('b', '河南省'), agency('d', '山西省'), agency('f', null)];

describe('scopePages', () => {
  // A floor of one page: every year and province is a scope of its own.
  const scopes = scopePages(reports, agencies, 1);
  const byId = new Map(scopes.map((s) => [s.scope.id, s]));

  it('puts each report page in the scope of its year and province, each agency page in its province’s', () => {
    expect(byId.get('r2024-he-nan-sheng')?.files).toEqual(['reports/a-2024/index.html', 'reports/b-2024/index.html']);
    expect(byId.get('r2023-he-nan-sheng')?.files).toEqual(['reports/c-2023/index.html']);
    expect(byId.get('a-he-nan-sheng')?.files).toEqual(['agencies/a/index.html', 'agencies/b/index.html']);
    expect(byId.get('r2024-he-nan-sheng')?.scope).toMatchObject({ kind: 'reports', year: 2024, provinces: ['河南省'], pages: 2 });
    expect(byId.get('a-he-nan-sheng')?.scope).toMatchObject({ kind: 'agencies', year: null, provinces: ['河南省'], pages: 2 });
  });

  it('lists every page once, in folders whose names are ASCII and distinct for provinces that read alike', () => {
    const files = scopes.flatMap((s) => s.files);
    expect(files).toHaveLength(reports.length + agencies.length);
    expect(new Set(files).size).toBe(files.length);
    for (const { scope } of scopes) expect(scope.id).toMatch(/^[a-z0-9-]+$/);
    // 山西省 and 陕西省 are both shan-xi-sheng in pinyin.
    const shanxi = scopes.filter((s) => s.scope.year === 2024 && ['山西省', '陕西省'].includes(s.scope.provinces[0] ?? ''));
    expect(new Set(shanxi.map((s) => s.scope.id)).size).toBe(2);
    // A report of unknown region has a scope too.
    expect(scopes.filter((s) => s.scope.provinces[0] === null).flatMap((s) => s.files).sort()).toEqual(['agencies/f/index.html', 'reports/f-2024/index.html']);
  });

  it('lets provinces with few pages share a scope, of one year, until it has the floor; what is left joins the last', () => {
    const shared = scopePages(reports, agencies, 2);
    const of2024 = shared.filter((s) => s.scope.year === 2024);
    // 2024 in slug order: he-nan-sheng (2 pages) alone; shan-xi-sheng-14 (1) + shan-xi-sheng-61 (1); the report of
    // unknown region (1), too few for a scope, joins the one before.
    expect(of2024.map((s) => [s.scope.id, s.scope.pages])).toEqual([['r2024-he-nan-sheng', 2], ['r2024-shan-xi-sheng-14-and-2', 3]]);
    expect(of2024[1].scope.provinces).toEqual(['山西省', '陕西省', null]);
    expect(shared.filter((s) => s.scope.year === 2023).map((s) => s.scope.provinces)).toEqual([['河南省']]);
    expect(shared.flatMap((s) => s.files)).toHaveLength(reports.length + agencies.length);
    // The default floor puts a small site in one scope per year and one for the agencies.
    expect(MIN_SCOPE_PAGES).toBeGreaterThan(reports.length);
    expect(scopePages(reports, agencies).map((s) => s.scope.id)).toEqual(['a-he-nan-sheng-and-2', 'r2023-he-nan-sheng', 'r2024-he-nan-sheng-and-3']);
  });
  it('makes no scope larger than the best cut of the year needs: provinces left under the floor at the end keep a scope of their own rather than swell the last', () => {
    // Slug order an-hui, bei-jing, fu-jian, gan-su, guang-dong, gui-zhou, hai-nan: 5 pages each, then 8.
    const sizes: [string, number][] = [['安徽省', 5], ['北京市', 5], ['福建省', 5], ['甘肃省', 5], ['广东省', 5], ['贵州省', 5], ['海南省', 8]];
    const many = sizes.flatMap(([province, n]) => Array.from({ length: n }, (_, i) => report(`${province}-${i}`, 2024, province)));
    const packed = scopePages(many, [], 10).filter((s) => s.scope.kind === 'reports');
    // 38 pages hold the floor of 10 three times; the best cut into three has a largest scope of 15 (5+5+5 | 5+5+5 | 8),
    // so 海南省's 8 do not join the last pair (18): before, the default scope of such a year was the swollen last one.
    expect(packed.map((s) => s.scope.pages)).toEqual([10, 10, 10, 8]);
    expect(packed.at(-1)!.scope.provinces).toEqual(['海南省']);
    // A small remainder still joins the scope before it (as the floor-of-two case above).
    const joined = scopePages([...many.slice(0, 30), report('x', 2024, '海南省')], [], 10).filter((s) => s.scope.kind === 'reports');
    expect(joined.map((s) => s.scope.pages)).toEqual([10, 10, 11]);
  });
});

describe('scopesFor', () => {
  const manifest = scopePages(reports, agencies, 1).map((s) => s.scope);
  const ids = (choice: { year?: string; province?: string }) => scopesFor(manifest, choice).map((s) => s.id);

  it('loads one bundle for a year and a province', () => {
    expect(ids({ year: '2024', province: '河南省' })).toEqual(['r2024-he-nan-sheng']);
    expect(ids({ year: '2023', province: '河南省' })).toEqual(['r2023-he-nan-sheng']);
  });

  it('widens to every year of a province (with its agencies), or every province of a year (no agencies)', () => {
    expect(ids({ province: '河南省' })).toEqual(['r2024-he-nan-sheng', 'a-he-nan-sheng', 'r2023-he-nan-sheng']);
    const year = ids({ year: '2024' });
    expect(year[0]).toBe('r2024-he-nan-sheng');
    expect(year.every((id) => id.startsWith('r2024-'))).toBe(true);
    expect(year).toHaveLength(4);
  });

  it('covers every scope without a choice, newest year and largest scope first', () => {
    const all = ids({});
    expect(new Set(all)).toEqual(new Set(manifest.map((s) => s.id)));
    expect(all[0]).toBe('r2024-he-nan-sheng');
    expect(all.at(-1)).toBe('r2023-he-nan-sheng');
  });

  it('finds a province inside a shared scope, and nothing for a year or province the site does not have', () => {
    const shared = scopePages(reports, agencies, 3).map((s) => s.scope);
    expect(scopesFor(shared, { year: '2024', province: '陕西省' }).map((s) => s.id)).toHaveLength(1);
    expect(ids({ year: '2019' })).toEqual([]);
    expect(ids({ province: '火星' })).toEqual([]);
  });
});

describe('firstChoosableScope', () => {
  it('passes over a larger scope of pages whose province is unknown: the form cannot choose it', () => {
    // 2024's largest scope is the unknown province's (three reports against 河南省's two).
    const unknownFirst = [...reports, report('g-2024', 2024, null), report('h-2024', 2024, null)];
    const manifest = scopePages(unknownFirst, agencies, 1).map((s) => s.scope);
    expect(scopesFor(manifest, {})[0].provinces).toEqual([null]);
    const first = firstChoosableScope(manifest);
    expect(first?.scope.id).toBe('r2024-he-nan-sheng');
    expect(first?.choice).toEqual({ year: '2024', province: '河南省' });
    expect(scopesFor(manifest, first!.choice).map((s) => s.id)).toEqual(['r2024-he-nan-sheng']);
  });

  it('is null when no scope has a year and a known province', () => {
    const manifest = scopePages([report('x-2024', 2024, null)], [agency('a', '河南省')], 1).map((s) => s.scope);
    expect(firstChoosableScope(manifest)).toBeNull();
  });
});
