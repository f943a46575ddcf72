/**
 * The page shells of the chart pages (/charts/<id>/) and embeds (/embed/<id>/): Astro renders each route once, for
 * the id CHART_SHELL_ID, with a marker in place of each of a chart's own parts; src/integrations/chart-pages-write.ts
 * reads the two shells, fills them in for every chart of the build and deletes them (they are never published).
 * The markers are plain words, which Astro's escaping leaves as they are. No imports: astro.config.mjs reads the id.
 */

/** The route parameter of the shells, and the marker of the chart's id (in the canonical address, data-chart-id). */
export const CHART_SHELL_ID = 'chart-page-shell';

/** Markers of the text parts (escaped as text or as an attribute, where the shell has them) and of the HTML parts. */
export const CHART_SHELL_MARKERS = {
  id: CHART_SHELL_ID,
  title: 'chart-shell-title',
  description: 'chart-shell-description',
  permalink: 'chart-shell-permalink',
  head: 'chart-shell-head',
  main: 'chart-shell-main',
  body: 'chart-shell-body',
} as const;

export type ChartShellPart = keyof typeof CHART_SHELL_MARKERS;

/** getStaticPaths of the chart page and embed routes: the shell alone. */
export const chartShellPaths = () => [{ params: { id: CHART_SHELL_ID } }];

/** The message the site-files process (scripts/site-files.ts) gets when Astro has rendered every page. */
export const RENDERED_MESSAGE = 'rendered';
