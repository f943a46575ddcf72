/** PNG settings read by pages too, kept apart from png.ts so that pages do not load the renderer. */
import type { ChartEntry } from './catalog';
import { agencyTrendChartId } from './chart-ids';

/** PNGs are drawn at twice the SVG size, sharp enough for slides and social cards. */
export const PNG_SCALE = 2;

/** Environment variable choosing which charts get a PNG file (see PNG_MODES). */
export const PNG_MODE_ENV = 'CHART_PNG';

/**
 * Values of CHART_PNG: `all` (the default) renders every chart; `shared` only the charts shared across
 * reports (per year and metric, per agency, per province and year), since the three charts of every report are most of a large
 * corpus's PNGs; `0` none (e.g. for benchmarks). Pages offer a PNG, and use it as preview image, only
 * where one is rendered.
 */
const PNG_MODES = {
  all: ['', 'all', '1'],
  shared: ['shared'],
  none: ['0', 'none'],
} as const;
export type PngMode = keyof typeof PNG_MODES;

/** The PNG mode of this build; an unknown value fails the build rather than silently dropping PNGs. */
export function pngMode(env: NodeJS.ProcessEnv = process.env): PngMode {
  const value = (env[PNG_MODE_ENV] ?? '').trim().toLowerCase();
  const mode = (Object.keys(PNG_MODES) as PngMode[]).find((m) => (PNG_MODES[m] as readonly string[]).includes(value));
  if (!mode) {
    const known = Object.values(PNG_MODES).flat().filter(Boolean).join(', ');
    throw new Error(`${PNG_MODE_ENV}=${env[PNG_MODE_ENV]}: expected one of ${known} (unset means all)`);
  }
  return mode;
}

/**
 * Charts shared across reports: rankings, agency trends, and a province's region charts (those of prefectures and
 * counties would add thousands of PNGs to a build of 10,000 reports; their pages offer SVG and CSV).
 */
function isShared(chart: Pick<ChartEntry, 'kind'> & { subject?: ChartEntry['subject'] }): boolean {
  if (chart.kind === 'ranking' || chart.kind === 'agency-trend') return true;
  return chart.kind.startsWith('region-') && chart.subject?.region !== undefined && !chart.subject.region.includes('/');
}

/** Whether `chart` has a PNG file in this build. */
export function hasPng(chart: Pick<ChartEntry, 'kind'> & { subject?: ChartEntry['subject'] }, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = pngMode(env);
  return mode === 'all' || (mode === 'shared' && isShared(chart));
}

/**
 * Id of the chart whose PNG previews `chart`'s page when the link is shared: its own; for a report's chart
 * without a PNG (CHART_PNG=shared), its agency's trend chart, which exists only for agencies with two or
 * more years (look it up); null for none.
 */
export function previewChartId(chart: Pick<ChartEntry, 'id' | 'kind' | 'subject'>, env: NodeJS.ProcessEnv = process.env): string | null {
  if (hasPng(chart, env)) return chart.id;
  const { agencySlug } = chart.subject;
  return agencySlug && hasPng({ kind: 'agency-trend' }, env) ? agencyTrendChartId(agencySlug) : null;
}
