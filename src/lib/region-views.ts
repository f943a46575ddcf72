/**
 * The pages of the region route (/regions/[...path]): each region's overview, its years (a year of many agencies over
 * several pages), and its coverage grid (several pages for a large region), with their titles. Pure: regions in,
 * paths out.
 */
import { coveragePageCount, regionPath, yearPageCount, type Region } from './region-stats';

export type RegionView =
  | { view: 'overview'; region: Region }
  | { view: 'year'; region: Region; year: number; /** 1-based: the page's YEAR_AGENCY_ROWS agencies. */ page: number }
  | { view: 'coverage'; region: Region; page: number };

/** Page n of a paginated view at `root`: the root itself, then `<root>/<n>`. */
const pagePath = (root: string, n: number) => (n === 1 ? root : `${root}/${n}`);

/** The page numbers 1..count. */
const pageNumbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** Every page of every region, as getStaticPaths lists them. */
export function regionPageViews(regions: readonly Region[]): { params: { path: string }; props: RegionView }[] {
  return regions.flatMap((region) => {
    const path = regionPath(region.ref);
    return [
      { params: { path }, props: { view: 'overview' as const, region } },
      ...region.years.flatMap((y) =>
        pageNumbers(yearPageCount(y.reports.length)).map((page) => ({ params: { path: pagePath(`${path}/${y.year}`, page) }, props: { view: 'year' as const, region, year: y.year, page } })),
      ),
      ...pageNumbers(coveragePageCount(region.agencies)).map((page) => ({ params: { path: pagePath(`${path}/coverage`, page) }, props: { view: 'coverage' as const, region, page } })),
    ];
  });
}

/** Title and description of a region page. */
export function regionPageTitle(view: RegionView): { title: string; description: string } {
  const name = view.region.ref.names.join(' · ');
  const nth = (page: number) => (page > 1 ? `（第 ${page} 页）` : '');
  if (view.view === 'year')
    return { title: `${name} ${view.year} 年${nth(view.page)}`, description: `${name} ${view.year} 年政府信息公开年度报告的合计、指标、排名与分布。` };
  if (view.view === 'coverage') return { title: `${name}：收录情况${nth(view.page)}`, description: `${name}各机关各年度的年度报告是否在本站收录。` };
  return { title: `${name}：地区统计`, description: `${name}历年政府信息公开年度报告的合计、指标、与上年的变化和收录情况。` };
}
