/** PNG settings read by pages too, kept apart from png.ts so that pages do not load the renderer. */
import type { ChartEntry } from './catalog';

/** PNGs are drawn at twice the SVG size, sharp enough for slides and social cards. */
export const PNG_SCALE = 2;

/** Environment variable choosing which charts get a PNG file (see PNG_MODES). */
export const PNG_MODE_ENV = 'CHART_PNG';

/**
 * Values of CHART_PNG: `all` (the default) renders every chart; `shared` only the charts shared across
 * agencies (the national rankings per year and metric, a province's charts per year), since the charts of single reports
 * and agencies are nearly all of a large corpus's PNGs; `0` none (e.g. for benchmarks). Pages offer a PNG, and use it as
 * preview image, only where one is rendered.
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
 * Charts shared across agencies: the national rankings and a province's region charts. Not those of prefectures and
 * counties (thousands of PNGs at 10,000 reports), nor an agency's trend (one for every agency with two years: 19,981
 * PNGs at 100,000 generated reports, about 50 ms of CPU each, a sixth of the national build's CPU); their pages offer
 * SVG and CSV.
 */
function isShared(chart: Pick<ChartEntry, 'kind'> & { subject?: ChartEntry['subject'] }): boolean {
  if (chart.kind === 'ranking') return true;
  return chart.kind.startsWith('region-') && chart.subject?.region !== undefined && !chart.subject.region.includes('/');
}

/** Whether `chart` has a PNG file in this build. */
export function hasPng(chart: Pick<ChartEntry, 'kind'> & { subject?: ChartEntry['subject'] }, env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = pngMode(env);
  return mode === 'all' || (mode === 'shared' && isShared(chart));
}
