/**
 * Trend chart as a pure function: one panel per series over the same years, stacked (small multiples
 * instead of a dual axis). A series is drawn as vertical bars (counts) or as a line with points (rates);
 * a null value leaves a gap labelled 未填报.
 */
import { max, min } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { NULL_LABEL, formatValue } from './format';
import { COLORS, FONT_SIZE, SMALL_FONT_SIZE, attrs, round, svgDocument, text, warningMarker, type Figure, type SvgDocumentOptions } from './svg';
import { escapeXml, textWidth } from './text';
import type { PlotRow } from './types';

export interface TrendSeries {
  /** Panel heading, e.g. "收到申请（件）". */
  label: string;
  unit: string;
  kind: 'bar' | 'line';
  /** One row per x position; `label` is the x label (e.g. "2024"), in the order of `TrendOptions.xLabels`. */
  points: PlotRow[];
}

export interface TrendOptions {
  width?: number;
  /** The x positions, in order (the years). */
  xLabels: string[];
}

const PANEL_HEIGHT = 150;
const PANEL_TITLE_HEIGHT = 26;
const PANEL_GAP = 16;
const VALUE_LABEL_SPACE = 20;
const AXIS_HEIGHT = 22;

function panel(series: TrendSeries, x: ReturnType<typeof scaleBand<string>>, top: number): string {
  const plotTop = top + PANEL_TITLE_HEIGHT + VALUE_LABEL_SPACE;
  const plotBottom = top + PANEL_TITLE_HEIGHT + PANEL_HEIGHT;
  const values = series.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const lo = Math.min(0, min(values) ?? 0);
  const hi = Math.max(0, max(values) ?? 0);
  const y = scaleLinear()
    .domain(lo === hi ? [0, 1] : [lo, hi])
    .range([plotBottom, plotTop]);
  const y0 = y(0);
  const cx = (p: PlotRow) => (x(p.label) ?? 0) + x.bandwidth() / 2;

  const marks: string[] = [text(0, top + 16, series.label, { 'font-weight': 'bold', fill: COLORS.text, class: 'series' })];
  marks.push(`<line${attrs({ x1: x.range()[0], x2: x.range()[1], y1: round(y0), y2: round(y0), stroke: COLORS.axis })}/>`);

  if (series.kind === 'line') {
    const path = line<PlotRow>()
      .defined((p) => p.value !== null)
      .x(cx)
      .y((p) => y(p.value as number))(series.points);
    if (path) marks.push(`<path${attrs({ d: path, fill: 'none', stroke: COLORS.bar, 'stroke-width': 2 })}/>`);
  }

  for (const p of series.points) {
    const centre = cx(p);
    if (p.value === null) {
      marks.push(
        text(centre, y0 - 6, p.nullLabel ?? NULL_LABEL, {
          class: 'missing', 'data-key': p.key, 'data-value': 'null', 'text-anchor': 'middle', fill: COLORS.muted, 'font-style': 'italic',
        }),
      );
      continue;
    }
    const fill = p.flagged ? COLORS.flagged : COLORS.bar;
    const yv = y(p.value);
    const tooltip = `<title>${escapeXml(`${p.label}：${formatValue(p.value, series.unit)}`)}</title>`;
    if (series.kind === 'bar') {
      const barWidth = Math.min(48, x.bandwidth() * 0.6);
      marks.push(
        `<rect${attrs({
          class: 'bar', 'data-key': p.key, 'data-value': p.value,
          x: round(centre - barWidth / 2), y: round(Math.min(y0, yv)), width: round(barWidth), height: round(Math.abs(y0 - yv)), fill,
        })}>${tooltip}</rect>`,
      );
    } else {
      marks.push(`<circle${attrs({ class: 'point', 'data-key': p.key, 'data-value': p.value, cx: round(centre), cy: round(yv), r: 4, fill })}>${tooltip}</circle>`);
    }
    const labelY = Math.min(y0, yv) - 6;
    const shown = formatValue(p.value, series.unit);
    marks.push(text(centre, labelY, shown, { class: 'value', 'text-anchor': 'middle', fill: COLORS.text }));
    if (p.flagged) marks.push(warningMarker(centre + textWidth(shown, FONT_SIZE) / 2 + 4, labelY, p.noteRefs).markup);
  }
  return `<g class="panel">${marks.join('')}</g>`;
}

/** Lay out the stacked trend panels (used directly by the framed download version). */
export function trendFigure(series: TrendSeries[], options: TrendOptions): Figure {
  const width = options.width ?? 640;
  const x = scaleBand<string>().domain(options.xLabels).range([8, width - 8]).padding(0.2);
  let top = 0;
  const panels = series.map((s) => {
    const markup = panel(s, x, top);
    top += PANEL_TITLE_HEIGHT + PANEL_HEIGHT + PANEL_GAP;
    return markup;
  });
  const axisY = top - PANEL_GAP + 16;
  const axis = options.xLabels
    .map((l) => text((x(l) ?? 0) + x.bandwidth() / 2, axisY, l, { 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE, fill: COLORS.muted }))
    .join('');
  return { width, height: Math.ceil(axisY + AXIS_HEIGHT - 10), body: panels.join('') + `<g class="axis">${axis}</g>` };
}

/** Trend chart as a standalone SVG document. */
export function trendChart(series: TrendSeries[], options: TrendOptions & SvgDocumentOptions): string {
  return svgDocument(trendFigure(series, options), options);
}
