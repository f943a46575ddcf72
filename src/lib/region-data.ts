/**
 * The site's regions (src/lib/region-stats.ts applied to the site's reports), listed once per build and shared by the
 * region pages, the charts and the links to them. A region's totals, coverage grid and changes are computed when a
 * page asks for them and kept only while the pages of that region render (recentlyComputed).
 */
import { recentlyComputed } from './recent';
import { regionPageViews } from './region-views';
import { agencyChanges, buildRegions, coverage, regionPath, yearTotals, type AgencyChange, type Coverage, type Region, type RegionYear, type RegionYearTotals } from './region-stats';
import { provinceSlug } from './regions';
import { reports } from './site-data';

/** A region's pages render one after the other; its overview asks for every year's totals. */
const RECENT_REGIONS = 8;
const recentTotals = recentlyComputed<RegionYear, RegionYearTotals>(RECENT_REGIONS * 4);
const recentCoverage = recentlyComputed<Region, Coverage>(RECENT_REGIONS);
const recentChanges = recentlyComputed<Region, AgencyChange[]>(RECENT_REGIONS);

export const regions: Region[] = buildRegions(reports);
const regionByPath = new Map(regions.map((r) => [regionPath(r.ref), r]));
const regionByNames = new Map(regions.map((r) => [r.ref.names.join('/'), r]));
export const provinceRegions = regions.filter((r) => r.ref.level === 'province');

/** A region-year's totals, rates, flagged reports and change. */
export const regionYearTotals = (region: Region, y: RegionYear): RegionYearTotals => recentTotals(y, () => yearTotals(region, y));
/** A region's coverage grid (agency × year). */
export const regionCoverage = (region: Region): Coverage => recentCoverage(region, () => coverage(region.reports));
/** Every change of a region's agencies between consecutive years. */
export const regionChanges = (region: Region): AgencyChange[] => recentChanges(region, () => agencyChanges(region.reports));

/** Every agency's change between consecutive years, across the whole data set (one page shows them). */
export const nationalChanges = (): AgencyChange[] => agencyChanges(reports);

/** The region page of a province, if it has one (未识别地区 has none). */
export function provinceRegion(name: string): Region | undefined {
  return regionByPath.get(provinceSlug(name));
}

/** The region of a path of names (province, prefecture, county as far as known), if it has a page. */
export function regionOfNames(names: readonly string[]): Region | undefined {
  return regionByNames.get(names.join('/'));
}

/** getStaticPaths of /regions/[...path] (src/lib/region-views.ts). */
export const regionPagePaths = () => regionPageViews(regions);
