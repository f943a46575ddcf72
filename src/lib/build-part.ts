/**
 * Which pages this build renders (README: "Building in shards"). BUILD_PART=shard renders the pages of the reports
 * in its data folder alone: /reports/<id>/ (with .json and .csv), each report's three charts (/charts/<id>/, .svg,
 * .png, .csv, /embed/<id>/) and /sources/<path>; BUILD_PART=merge renders every other page (home, agencies, regions,
 * compare, rankings and trends, quality, data, search) from the summaries the merge put together; unset (or `all`),
 * a build renders both, as `npm run build` always did. Routes with parameters ask here (getStaticPaths); pages
 * without parameters (/, /search/, /about/ …) are rendered by every build, and the merge's copy is the one kept.
 */
export const BUILD_PART_ENV = 'BUILD_PART';
export const BUILD_PARTS = ['all', 'shard', 'merge'] as const;
export type BuildPart = (typeof BUILD_PARTS)[number];

/** This build's part, from BUILD_PART; an unknown value fails the build naming the ones allowed. */
export function buildPart(value = process.env[BUILD_PART_ENV]): BuildPart {
  if (value === undefined || value === '') return 'all';
  if ((BUILD_PARTS as readonly string[]).includes(value)) return value as BuildPart;
  throw new Error(`${BUILD_PART_ENV}=${value}: expected one of ${BUILD_PARTS.join(', ')}`);
}

/** Whether this build renders report-level pages (a report, its charts and embeds, the source files). */
export const rendersReportPages = (part = buildPart()) => part !== 'merge';
/** Whether this build renders the pages made from every report's summary (agencies, regions, compare …). */
export const rendersAggregatePages = (part = buildPart()) => part !== 'shard';

/** The paths of a report-level route in this build: `paths()` or none (not called in a merge build). */
export function reportLevelPaths<T>(paths: () => T[]): T[] {
  return rendersReportPages() ? paths() : [];
}

/** The paths of an aggregate route in this build: `paths()` or none (not called in a shard build). */
export function aggregatePaths<T>(paths: () => T): T | [] {
  return rendersAggregatePages() ? paths() : [];
}

/**
 * Whether a chart's pages are rendered in this build: a chart drawn from one report (`ofReport`) in its shard, the
 * shared ones (trends, rankings, regions) in the merge.
 */
export function rendersChart(ofReport: boolean, part = buildPart()): boolean {
  return ofReport ? rendersReportPages(part) : rendersAggregatePages(part);
}
