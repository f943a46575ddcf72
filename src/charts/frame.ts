/**
 * The frame of a downloadable chart: title, subtitle, the plot, numbered notes, source line and permalink,
 * so that a PNG or SVG file still says what it shows and where it comes from once it leaves the site.
 */
import { COLORS, FONT_SIZE, SMALL_FONT_SIZE, text, warningMarker, type Figure } from './svg';
import { wrapText } from './text';

export interface FrameText {
  title: string;
  subtitle: string;
  notes: string[];
  source: string;
  /** Absolute permalink of the chart page. */
  url: string;
  builtAt: string;
}

export const FRAME_PADDING = 20;
const TITLE_SIZE = 18;

function lines(content: string, width: number, size: number, top: number, extra: Record<string, string | number>): { markup: string; bottom: number } {
  const lineHeight = Math.round(size * 1.45);
  const wrapped = wrapText(content, width, size);
  const markup = wrapped.map((l, i) => text(FRAME_PADDING, top + (i + 1) * lineHeight - 4, l, { 'font-size': size, ...extra })).join('');
  return { markup, bottom: top + wrapped.length * lineHeight };
}

/** Place `plot` (laid out for `width - 2 * FRAME_PADDING`) inside the frame. */
export function framedFigure(plot: Figure, frame: FrameText): Figure {
  const width = plot.width + 2 * FRAME_PADDING;
  const inner = plot.width;
  const parts: string[] = [];
  let y = FRAME_PADDING - 4;

  const title = lines(frame.title, inner, TITLE_SIZE, y, { 'font-weight': 'bold', fill: COLORS.text, class: 'title' });
  parts.push(title.markup);
  y = title.bottom + 2;
  if (frame.subtitle) {
    const subtitle = lines(frame.subtitle, inner, FONT_SIZE, y, { fill: COLORS.muted, class: 'subtitle' });
    parts.push(subtitle.markup);
    y = subtitle.bottom;
  }
  y += 12;
  parts.push(`<g transform="translate(${FRAME_PADDING},${y})">${plot.body}</g>`);
  y += plot.height + 8;

  frame.notes.forEach((note, i) => {
    const marker = warningMarker(FRAME_PADDING, y + 14, [i + 1]);
    parts.push(marker.markup);
    const wrapped = wrapText(note, inner - marker.width - 6, SMALL_FONT_SIZE);
    wrapped.forEach((l, j) => parts.push(text(FRAME_PADDING + marker.width + 6, y + 14 + j * 16, l, { 'font-size': SMALL_FONT_SIZE, fill: COLORS.text })));
    y += wrapped.length * 16 + 4;
  });

  const source = lines(frame.source, inner, SMALL_FONT_SIZE, y + 4, { fill: COLORS.muted, class: 'source' });
  parts.push(source.markup);
  const footer = lines(`${frame.url} · 生成于 ${frame.builtAt}`, inner, SMALL_FONT_SIZE, source.bottom, { fill: COLORS.muted });
  parts.push(footer.markup);

  return { width, height: Math.ceil(footer.bottom + FRAME_PADDING - 4), body: parts.join('') };
}
