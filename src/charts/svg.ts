/** SVG building blocks shared by every chart: the root element, colours, fonts and the rule-break marker. */
import { escapeXml } from './text';

/** Noto Sans CJK SC first: it is the font the PNG renderer loads, so PNG and browser agree. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export const COLORS = {
  background: '#ffffff',
  bar: '#2f6690',
  flagged: '#b5521b',
  text: '#1f2933',
  muted: '#5b6675',
  grid: '#dde2e8',
  axis: '#7b8794',
} as const;

export const FONT_SIZE = 13;
export const SMALL_FONT_SIZE = 11;
export const LINE_HEIGHT = 17;

/** A laid-out drawing without its root element, so that it can be placed inside a frame. */
export interface Figure {
  width: number;
  height: number;
  body: string;
}

export interface SvgDocumentOptions {
  /** Accessible name of the chart. */
  title: string;
  /** Accessible description (the generated alt text). */
  description: string;
  /** Prefix for element ids, unique per page when several charts are inlined. */
  idPrefix?: string;
  /** Scale to the container's width (viewBox only) instead of a fixed pixel size. */
  responsive?: boolean;
}

/** Attribute string from a record; every value is escaped. Undefined values are left out. */
export function attrs(record: Record<string, string | number | undefined>): string {
  // A plain loop: this runs for every element of 30,000 charts, several times each.
  let out = '';
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) out += ` ${key}="${escapeXml(value)}"`;
  }
  return out;
}

/** A `<text>` element with escaped content. */
export function text(x: number, y: number, content: string, extra: Record<string, string | number | undefined> = {}): string {
  return `<text${attrs({ x: round(x), y: round(y), ...extra })}>${escapeXml(content)}</text>`;
}

/** Coordinates rounded to 0.01 px keep the SVG small without visible loss. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The warning marker placed next to a flagged value: an orange triangle with "!" and the note numbers.
 * Drawn as a path rather than the ⚠ character, whose emoji rendering differs between platforms.
 * Returns the markup and its width so callers can place text after it.
 */
export function warningMarker(x: number, baseline: number, noteRefs: number[]): { markup: string; width: number } {
  const size = 11;
  const top = baseline - size;
  const path = `M${round(x + size / 2)},${round(top)} L${round(x + size)},${round(baseline)} L${round(x)},${round(baseline)} Z`;
  const refs = noteRefs.join(',');
  const markup =
    `<g class="flag">` +
    `<path d="${path}" fill="${COLORS.flagged}"/>` +
    text(x + size / 2, baseline - 1.5, '!', { 'font-size': 9, 'font-weight': 'bold', fill: '#ffffff', 'text-anchor': 'middle' }) +
    (refs ? text(x + size + 2, baseline, refs, { 'font-size': SMALL_FONT_SIZE, fill: COLORS.flagged }) : '') +
    `</g>`;
  return { markup, width: size + 2 + refs.length * SMALL_FONT_SIZE * 0.6 };
}

/** Wrap a figure in an `<svg>` root with an accessible name and description. */
export function svgDocument(figure: Figure, options: SvgDocumentOptions): string {
  const id = options.idPrefix ?? 'chart';
  const size = options.responsive
    ? { width: '100%' } // no height: browsers take the aspect ratio from the viewBox
    : { width: figure.width, height: figure.height };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"` +
    attrs({
      viewBox: `0 0 ${figure.width} ${figure.height}`,
      ...size,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': FONT_FAMILY,
      'font-size': FONT_SIZE,
    }) +
    `>` +
    `<title${attrs({ id: `${id}-title` })}>${escapeXml(options.title)}</title>` +
    `<desc${attrs({ id: `${id}-desc` })}>${escapeXml(options.description)}</desc>` +
    `<rect width="${figure.width}" height="${figure.height}" fill="${COLORS.background}"/>` +
    figure.body +
    `</svg>`
  );
}
