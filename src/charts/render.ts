/** Render a chart entry to SVG: the bare plot for pages and embeds, or the framed version for downloads. */
import { barFigure } from './bars';
import type { ChartEntry } from './catalog';
import { FRAME_PADDING, framedFigure } from './frame';
import { svgDocument, type Figure } from './svg';
import { trendFigure } from './trend';

/** Width of the drawing (viewBox units); inline charts also come in a narrow layout for phones. */
const CHART_WIDTH = 640;
export const NARROW_CHART_WIDTH = 360;

function layOutPlot(entry: ChartEntry, width: number): Figure {
  const { layout } = entry;
  if (layout.type === 'bars') return barFigure(entry.rows, { unit: entry.unit, width });
  const series = layout.series.map((s) => ({ label: s.group, unit: s.unit, kind: s.kind, points: entry.rows.filter((r) => r.group === s.group) }));
  return trendFigure(series, { width, xLabels: layout.xLabels });
}

/**
 * The plots laid out last, by chart entry and width. A chart page needs the same plot for its inline drawing and
 * for the height of its embed code; pages render a few at a time, so a handful is enough, and a bounded cache
 * never holds the drawings of every chart of a large site. Chart entries are never changed once built.
 */
const recentPlots = new Map<ChartEntry, Map<number, Figure>>();
const RECENT_PLOTS = 8;

function plotFigure(entry: ChartEntry, width: number): Figure {
  let byWidth = recentPlots.get(entry);
  if (!byWidth) {
    byWidth = new Map();
    recentPlots.set(entry, byWidth);
    if (recentPlots.size > RECENT_PLOTS) recentPlots.delete(recentPlots.keys().next().value!);
  }
  let figure = byWidth.get(width);
  if (!figure) {
    figure = layOutPlot(entry, width);
    byWidth.set(width, figure);
  }
  return figure;
}

/** "2025-01-28 12:00（北京时间）" from an ISO time. */
export function formatBuiltAt(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}（北京时间）`;
}

export interface RenderOptions {
  /** Include title, subtitle, notes, source and permalink in the drawing (downloads). */
  framed?: boolean;
  /** Scale to the container width (inline on pages and embeds). */
  responsive?: boolean;
  /** Absolute permalink written into the framed version. */
  url?: string;
  idPrefix?: string;
  /** Width of the drawing (default CHART_WIDTH); labels wrap and bars shorten to fit. */
  width?: number;
}

export interface RenderedChart {
  svg: string;
  /** Size of the drawing in px (PNG files are PNG_SCALE times larger). */
  width: number;
  height: number;
}

/** The chart laid out (framed or not) without its SVG document: what its size is read from. */
export function chartFigure(entry: ChartEntry, options: RenderOptions = {}): Figure {
  const width = options.width ?? CHART_WIDTH;
  return options.framed
    ? framedFigure(plotFigure(entry, width - 2 * FRAME_PADDING), {
        title: entry.title,
        subtitle: entry.subtitle,
        notes: entry.notes,
        source: entry.source.text,
        url: options.url ?? '',
        builtAt: formatBuiltAt(entry.builtAt),
      })
    : plotFigure(entry, width);
}

export function renderChart(entry: ChartEntry, options: RenderOptions = {}): RenderedChart {
  const a11y = { title: entry.title, description: entry.description, idPrefix: options.idPrefix ?? entry.id, responsive: options.responsive };
  const figure = chartFigure(entry, options);
  return { svg: svgDocument(figure, a11y), width: figure.width, height: figure.height };
}

export function renderChartSvg(entry: ChartEntry, options: RenderOptions = {}): string {
  return renderChart(entry, options).svg;
}
