/**
 * The parts of a chart's figure that every chart page and embed repeats: the inline drawing (wide and narrow), the
 * numbered notes and the source line.
 *
 * Functions, not components: a report's three charts each have a page and an embed, and an Astro component instance
 * per part (with the fragments of the source line) cost more than the markup. The markup is what the components
 * rendered, byte for byte, with Astro's own escaping (`escapeHTML` for text, `addAttribute` for attributes);
 * templates put the returned HTML string in as an expression (`{chartSvgs(chart, id)}`). Their stylesheet,
 * charts.css, is imported by the pages and components that use them.
 */
import { addAttribute, escapeHTML, markHTMLString } from 'astro/runtime/server/index.js';
import type { ChartEntry, ChartSource } from '../../charts/catalog';
import { NARROW_CHART_WIDTH, renderChartSvg } from '../../charts/render';

/**
 * A chart inline in a page: scales to its container (viewBox, width 100%). Drawn twice, wide and narrow,
 * and CSS shows one: scaled down to a phone's width the wide drawing's text would be too small to read.
 * The hidden drawing is display:none, so screen readers and users see one chart.
 * Our own SVG: every text in it is escaped when it is built (src/charts/svg.ts), so it may be inlined.
 * `idPrefix`: prefix for element ids, unique on the page.
 */
export function chartSvgs(chart: ChartEntry, idPrefix: string) {
  const wide = renderChartSvg(chart, { responsive: true, idPrefix: `${idPrefix}-wide` });
  const narrow = renderChartSvg(chart, { responsive: true, idPrefix: `${idPrefix}-narrow`, width: NARROW_CHART_WIDTH });
  return markHTMLString(`<div class="chart-svg chart-svg--wide">${wide}</div> <div class="chart-svg chart-svg--narrow">${narrow}</div>`);
}

/** The numbered notes of a chart: why a plotted number carries a warning marker (nothing when there are none). */
export function chartNotes(notes: string[]) {
  if (notes.length === 0) return markHTMLString('');
  const items = notes.map((note, i) => `<li><span class="break-mark" aria-hidden="true">\n⚠${i + 1}</span>${escapeHTML(note)}</li>`);
  return markHTMLString(`<ol class="chart-notes" aria-label="数据问题注释">${items.join('')}</ol>`);
}

const NEW_TAB = `${addAttribute('_blank', 'target')}${addAttribute('noopener', 'rel')}`;

/** "数据来源：…" with a link to each report cited. `newTab` for embeds, whose links must leave the iframe. */
export function chartSource(source: ChartSource, newTab = false) {
  const target = newTab ? NEW_TAB : '';
  const cited = source.links.length
    ? `\n数据来源：\n${source.links.map((link, i) => `${i > 0 ? '、' : ''}<a${addAttribute(link.href, 'href')}${target}> ${escapeHTML(link.label)} </a> `).join('')}`
    : escapeHTML(source.text);
  return markHTMLString(`<p class="chart-source"> ${cited} </p>`);
}
