/** PNG settings read by pages too, kept apart from png.ts so that pages do not load the renderer. */

/** PNGs are drawn at twice the SVG size, sharp enough for slides and social cards. */
export const PNG_SCALE = 2;

/** CHART_PNG=0 skips PNG files (e.g. for benchmarks of a large corpus); pages then offer no PNG. */
export function pngEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CHART_PNG !== '0';
}
