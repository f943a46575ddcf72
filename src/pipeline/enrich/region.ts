/**
 * Region of an agency from the place names its name contains, matched against the division data set.
 * Only a consistent, unique chain is accepted; an ambiguous or unknown place is left null with a warning.
 */
import type { AgencyLevel, Diagnostic, DiagnosticCode, Region } from '../../schema';
import { diagnostic } from '../diagnostic';
import { ancestorAt, divisions, lineage, type Division, type DivisionLevel } from './divisions';

export interface RegionResult {
  region: Region;
  /** The most specific division found, null when none. */
  division: Division | null;
  diagnostics: Diagnostic[];
}

interface PlaceMatch {
  name: string;
  start: number;
  end: number;
  candidates: Division[];
}

const NO_REGION: Region = { province: null, prefecture: null, county: null, code: null };

let byName: Map<string, Division[]> | null = null;
/** Divisions by full name; placeholders and one-character names never name a place inside an agency name. */
function divisionsByName(): Map<string, Division[]> {
  if (byName) return byName;
  byName = new Map();
  for (const d of divisions()) {
    if (d.placeholder || d.name.length < 2) continue;
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  return byName;
}

let placeOrder: Map<string, number> | null = null;
let placeLengths: number[] = [];
/** Each place name's rank in divisionsByName() (the data set's order), and the lengths place names have. */
function placeIndex(): Map<string, number> {
  if (placeOrder) return placeOrder;
  placeOrder = new Map([...divisionsByName().keys()].map((name, i) => [name, i]));
  placeLengths = [...new Set([...placeOrder.keys()].map((name) => name.length))].sort((a, b) => a - b);
  return placeOrder;
}

function regionOf(node: Division | null): Region {
  if (!node) return NO_REGION;
  return {
    province: ancestorAt(node, 'province')?.name ?? null,
    prefecture: ancestorAt(node, 'prefecture')?.name ?? null,
    county: ancestorAt(node, 'county')?.name ?? null,
    code: node.code,
  };
}

function describe(node: Division): string {
  return lineage(node)
    .reverse()
    .filter((n) => !n.placeholder)
    .map((n) => n.name)
    .join('');
}

/**
 * Full division names occurring in `name`; a name inside a longer match (南县 in 河南县) is not a match. Looks up
 * every substring of a place-name length (a few hundred map lookups, not a search for each of 3,000 names), then
 * orders the hits as the data set lists the places, which decides the order of candidates in messages.
 */
function findPlaceNames(name: string): PlaceMatch[] {
  const order = placeIndex();
  const places = divisionsByName();
  const hits: PlaceMatch[] = [];
  for (let start = 0; start < name.length; start++) {
    for (const length of placeLengths) {
      if (start + length > name.length) break;
      const place = name.slice(start, start + length);
      const candidates = places.get(place);
      if (candidates) hits.push({ name: place, start, end: start + length, candidates });
    }
  }
  hits.sort((a, b) => order.get(a.name)! - order.get(b.name)! || a.start - b.start);
  const outer = hits.filter(
    (h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  return outer.filter((h, i) => outer.findIndex((o) => o.name === h.name) === i);
}

/**
 * Picks the division whose chain holds the most place names (then the most unambiguous ones); among equals the
 * deepest; it must be unique.
 * Matches with several candidates that fall outside the chain (a stray 城区, 郊区) are tolerated;
 * an unambiguous place name outside the chain is a contradiction.
 */
function resolve(matches: PlaceMatch[]): { node: Division } | { ambiguous: Division[] } | { conflicting: Division[] } {
  const candidates = matches.flatMap((m) => m.candidates);
  // Score: place names on the node's chain, ties broken by the unambiguous ones among them.
  const score = (node: Division) => {
    const chain = lineage(node);
    const onChain = matches.filter((m) => m.candidates.some((c) => chain.includes(c)));
    return onChain.length * (matches.length + 1) + onChain.filter((m) => m.candidates.length === 1).length;
  };
  const scores = candidates.map(score);
  const best = Math.max(...scores);
  const top = candidates.filter((_, i) => scores[i] === best);
  const deepest = top.filter((n) => !top.some((o) => o !== n && lineage(o).includes(n)));
  const unambiguous = matches.filter((m) => m.candidates.length === 1).map((m) => m.candidates[0]);
  if (deepest.length !== 1) {
    return deepest.filter((n) => unambiguous.includes(n)).length >= 2 ? { conflicting: deepest } : { ambiguous: deepest };
  }
  const chain = lineage(deepest[0]);
  const outside = unambiguous.filter((n) => !chain.includes(n));
  return outside.length > 0 ? { conflicting: [deepest[0], ...outside] } : { node: deepest[0] };
}

const EXPECTED_PLACE = '机关名称中含有能唯一确定省、地、县级行政区划的全称';

/** Infers the region from a normalised agency name. */
export function inferRegion(agencyName: string, file: string): RegionResult {
  const warn = (code: DiagnosticCode, found: string, message: string): RegionResult => ({
    region: NO_REGION,
    division: null,
    diagnostics: [diagnostic({ severity: 'warning', code, file, expected: EXPECTED_PLACE, found, message })],
  });
  const matches = findPlaceNames(agencyName);
  if (matches.length === 0) return warn('region-unknown', `${agencyName}（未找到行政区划名称）`, '无法从机关名称推断所在地区');
  const resolved = resolve(matches);
  if ('ambiguous' in resolved) {
    return warn(
      'region-ambiguous',
      `${agencyName}：${resolved.ambiguous.map(describe).join(' / ')}`,
      '机关名称中的地名对应多个地区，未推断所在地区',
    );
  }
  if ('conflicting' in resolved) {
    return warn(
      'region-inconsistent',
      `${agencyName}：${resolved.conflicting.map(describe).join(' / ')}`,
      '机关名称中的地名互相矛盾，未推断所在地区',
    );
  }
  return { region: regionOf(resolved.node), division: resolved.node, diagnostics: [] };
}

export interface RegionOverride {
  province?: string | null;
  prefecture?: string | null;
  county?: string | null;
}

const OVERRIDE_LEVELS: DivisionLevel[] = ['county', 'prefecture', 'province'];

/**
 * Region given in metadata: the given names win; names left out are filled from the data set when the given ones
 * identify one division, and the code is that division's. An explicit null stays null.
 */
export function regionFromOverride(given: RegionOverride): { region: Region; division: Division | null } {
  const deepestLevel = OVERRIDE_LEVELS.find((level) => given[level]);
  const candidates = deepestLevel
    ? (divisionsByName().get(given[deepestLevel]!) ?? []).filter(
        (d) =>
          d.level === deepestLevel &&
          OVERRIDE_LEVELS.every((level) => !given[level] || ancestorAt(d, level)?.name === given[level]),
      )
    : [];
  const division = candidates.length === 1 ? candidates[0] : null;
  const found = regionOf(division);
  const pick = (level: DivisionLevel) => (given[level] !== undefined ? given[level] : found[level]);
  return {
    region: { province: pick('province'), prefecture: pick('prefecture'), county: pick('county'), code: division?.code ?? null },
    division,
  };
}

/** Township-level bodies are named after the 街道 / 镇 / 乡 / 苏木 they govern. */
const TOWNSHIP = /(街道|镇|乡|苏木)(办事处|人民政府|政府|党工委|工作委员会)|(街道|镇|乡|苏木)$|街道办/;

export function agencyLevel(agencyName: string, division: Division | null): AgencyLevel {
  if (TOWNSHIP.test(agencyName)) return 'township';
  return division?.level ?? 'unknown';
}
