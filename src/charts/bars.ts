/**
 * Horizontal bar chart as a pure function: rows → SVG string. Bars start at zero, so a bar's length is
 * proportional to its value; null values are labelled (未填报) instead of drawn; rows can be grouped under headings.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { NULL_LABEL, formatTick, formatValue, PERCENT_UNIT } from './format';
import { COLORS, FONT_SIZE, LINE_HEIGHT, SMALL_FONT_SIZE, attrs, round, svgDocument, text, warningMarker, type Figure, type SvgDocumentOptions } from './svg';
import { escapeXml, textWidth, wrapText } from './text';
import type { PlotRow } from './types';

export interface BarChartOptions {
  unit: string;
  /** Width of the drawing in px (the viewBox width). */
  width?: number;
  /** Widest the label column may get before labels wrap. */
  maxLabelWidth?: number;
}

const BAR_HEIGHT = 14;
const ROW_GAP = 8;
const GROUP_HEADING_HEIGHT = 24;
const GROUP_INDENT = 12;
const AXIS_HEIGHT = 22;
const MARKER_SPACE = 30;

function valueText(row: PlotRow, unit: string): string {
  return row.value === null ? (row.nullLabel ?? NULL_LABEL) : formatValue(row.value, unit);
}

/** Integer ticks only for counts: "0.5 件" makes no sense. */
function ticksFor(scale: ReturnType<typeof scaleLinear<number, number>>, unit: string): number[] {
  const ticks = scale.ticks(5);
  return unit === PERCENT_UNIT ? ticks : ticks.filter(Number.isInteger);
}

/** Lay out a horizontal bar chart (used directly by the framed download version). */
export function barFigure(rows: PlotRow[], options: BarChartOptions): Figure {
  const width = options.width ?? 640;
  const maxLabelWidth = options.maxLabelWidth ?? Math.round(Math.max(width * 0.3, 140));
  const grouped = rows.some((r) => r.group);
  const indent = grouped ? GROUP_INDENT : 0;

  const labelWidth = Math.min(maxLabelWidth, max(rows, (r) => textWidth(r.label, FONT_SIZE) + indent) ?? 0);
  const valueWidth = (max(rows, (r) => textWidth(valueText(r, options.unit), FONT_SIZE)) ?? 0) + MARKER_SPACE;
  const plotLeft = labelWidth + 12;
  const plotRight = Math.max(plotLeft + 40, width - valueWidth - 8);

  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const lo = Math.min(0, min(values) ?? 0);
  const hi = Math.max(0, max(values) ?? 0);
  // A chart of zeros still needs a non-degenerate domain (d3 would map every value to the middle).
  const x = scaleLinear()
    .domain(lo === hi ? [0, 1] : [lo, hi])
    .range([plotLeft, plotRight])
    .nice();
  const x0 = x(0);

  const marks: string[] = [];
  let y = 4;
  let currentGroup: string | null | undefined;
  for (const row of rows) {
    if (grouped && row.group !== currentGroup) {
      currentGroup = row.group;
      if (row.group) {
        marks.push(text(0, y + 16, row.group, { 'font-weight': 'bold', fill: COLORS.text, class: 'group' }));
        y += GROUP_HEADING_HEIGHT;
      }
    }
    const lines = wrapText(row.label, labelWidth - indent, FONT_SIZE);
    const rowHeight = Math.max(lines.length * LINE_HEIGHT, BAR_HEIGHT) + ROW_GAP;
    const mid = y + rowHeight / 2 - ROW_GAP / 2;
    const labelTop = mid - (lines.length * LINE_HEIGHT) / 2;
    const labelIndent = row.group ? indent : 0;
    marks.push(
      `<text${attrs({ class: 'label', fill: COLORS.text })}>` +
        lines.map((line, i) => `<tspan${attrs({ x: labelIndent, y: round(labelTop + (i + 1) * LINE_HEIGHT - 4) })}>${escapeXml(line)}</tspan>`).join('') +
        `</text>`,
    );

    const baseline = mid + FONT_SIZE / 2 - 1.5;
    const shown = valueText(row, options.unit);
    let end: number;
    if (row.value === null) {
      marks.push(text(x0 + 4, baseline, shown, { class: 'missing', 'data-key': row.key, 'data-value': 'null', fill: COLORS.muted, 'font-style': 'italic' }));
      end = x0 + 4 + textWidth(shown, FONT_SIZE);
    } else {
      const xv = x(row.value);
      marks.push(
        `<rect${attrs({
          class: 'bar',
          'data-key': row.key,
          'data-value': row.value,
          x: round(Math.min(x0, xv)),
          y: round(mid - BAR_HEIGHT / 2),
          width: round(Math.abs(xv - x0)),
          height: BAR_HEIGHT,
          fill: row.flagged ? COLORS.flagged : COLORS.bar,
        })}><title>${escapeXml(`${row.label}：${shown}`)}</title></rect>`,
      );
      const at = Math.max(x0, xv) + 4;
      marks.push(text(at, baseline, shown, { class: 'value', fill: COLORS.text }));
      end = at + textWidth(shown, FONT_SIZE);
    }
    if (row.flagged) marks.push(warningMarker(end + 4, baseline, row.noteRefs).markup);
    y += rowHeight;
  }

  const plotBottom = y;
  const grid = ticksFor(x, options.unit)
    .map((t) => {
      const xt = round(x(t));
      return (
        `<line${attrs({ x1: xt, x2: xt, y1: 0, y2: plotBottom, stroke: t === 0 ? COLORS.axis : COLORS.grid })}/>` +
        text(xt, plotBottom + 15, formatTick(t, options.unit), { 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE, fill: COLORS.muted })
      );
    })
    .join('');

  return { width, height: Math.ceil(plotBottom + AXIS_HEIGHT), body: `<g class="grid">${grid}</g><g class="marks">${marks.join('')}</g>` };
}

/** Horizontal bar chart as a standalone SVG document. */
export function barChart(rows: PlotRow[], options: BarChartOptions & SvgDocumentOptions): string {
  return svgDocument(barFigure(rows, options), options);
}
