/**
 * The agencies of one province on pages of their own (/agencies/regions/<slug>/, then …/2/, …/3/):
 * the national list of every agency would pass 1 MB long before 10,000 reports.
 */
import { provinceSlug } from './regions';
import { regionTree, reportsByAgency, type RegionNode } from './site-data';

const countAgencies = (node: RegionNode): number => node.agencies.length + node.children.reduce((a, c) => a + countAgencies(c), 0);

const countReports = (node: RegionNode): number =>
  node.agencies.reduce((a, agency) => a + (reportsByAgency.get(agency.slug)?.length ?? 0), 0) +
  node.children.reduce((a, c) => a + countReports(c), 0);

export interface ProvinceEntry {
  name: string;
  slug: string;
  node: RegionNode;
  agencies: number;
  reports: number;
}

/** Every province of the region tree (未识别地区 last), with its slug and counts. */
export const provinceEntries: ProvinceEntry[] = regionTree.map((node) => ({
  name: node.name,
  slug: provinceSlug(node.name),
  node,
  agencies: countAgencies(node),
  reports: countReports(node),
}));
