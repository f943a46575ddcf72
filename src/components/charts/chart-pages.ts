/**
 * The parts of a chart's page (/charts/<id>/) and of its embed (/embed/<id>/) that are the chart's own: its title,
 * summary, head meta, figure, notes and source, description, data table, downloads and embed code. Astro renders
 * each page's shell once (src/pages/charts/[id].astro, src/pages/embed/[id].astro: BaseLayout, header, footer, the
 * build's stylesheet links, CSP) with markers in place of these parts, and src/integrations/chart-pages-write.ts
 * fills them in for every chart, without one Astro route per page.
 *
 * Functions, not templates: the markup is what the route templates rendered, byte for byte (Astro's whitespace
 * included), with Astro's own escaping (`escapeHTML` for text, `addAttribute` for attributes). Report text is
 * untrusted: every text from a chart is escaped here; the drawings are escaped where they are built (src/charts/svg.ts).
 */
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import type { ChartEntry } from '../../charts/catalog';
import { hostListenerSnippet, iframeSnippet } from '../../charts/embed';
import { NULL_LABEL, formatValue } from '../../charts/format';
import { PNG_SCALE, hasPng } from '../../charts/png-settings';
import { chartFigure, formatBuiltAt } from '../../charts/render';
import { SITE_NAME } from '../../lib/site';
import { chartFileUrl, chartUrl, chartsUrl, embedUrl, permalink } from '../../lib/paths';
import { chartNotes, chartSource, chartSvgs } from './chart-markup';

/** A chart page's own parts: `title` and `description` are text (escaped where the shell puts them), the rest HTML. */
export interface ChartPageParts {
  title: string;
  description: string;
  /** Open Graph image and Twitter card meta, at the end of <head>. */
  head: string;
  /** What the page puts inside its <div class="container"> (the shell adds the whitespace around it). */
  main: string;
}

/** An embed's own parts: `id`, `title` and `permalink` are text, `body` the HTML inside <body>. */
export interface EmbedPageParts {
  id: string;
  title: string;
  permalink: string;
  body: string;
}

/** The page's summary for search engines and link previews: the description, cut at 160 characters. */
export const chartSummary = (chart: ChartEntry) => (chart.description.length > 160 ? `${chart.description.slice(0, 159)}…` : chart.description);

const text = (value: string | number) => escapeHTML(String(value));
const attr = (name: string, value: string | number) => String(addAttribute(value, name));

/**
 * The head meta: the preview image (the chart's own PNG, where it has one: `framed` is its size) and the Twitter card.
 * A chart without a PNG has no preview image: no other chart's picture stands in for it.
 */
function chartHead(chart: ChartEntry, summary: string, framed: { width: number; height: number } | null, site: URL | undefined): string {
  const pngUrl = framed ? permalink(chartFileUrl(chart.id, 'png'), site) : '';
  const image = framed
    ? ` <meta property="og:image"${attr('content', pngUrl)}> <meta property="og:image:type" content="image/png"> ` +
      `<meta property="og:image:width"${attr('content', String(framed.width * PNG_SCALE))}><meta property="og:image:height"${attr('content', String(framed.height * PNG_SCALE))}>` +
      `<meta property="og:image:alt"${attr('content', chart.title)}> `
    : '';
  const card =
    `<meta name="twitter:card"${attr('content', framed ? 'summary_large_image' : 'summary')}> ` +
    `<meta name="twitter:title"${attr('content', chart.title)}> <meta name="twitter:description"${attr('content', summary)}> ` +
    (framed ? `<meta name="twitter:image"${attr('content', pngUrl)}><meta name="twitter:image:alt"${attr('content', chart.title)}>` : '');
  return image + card;
}

/** The chart's numbers as a table (the accessible alternative to the drawing, the same rows as the CSV). */
export function chartDataTable(chart: ChartEntry): string {
  const grouped = chart.rows.some((r) => r.group);
  const ranking = chart.kind === 'ranking' || chart.kind === 'region-ranking';
  const labelHeading = ranking ? '机关' : chart.kind === 'agency-trend' ? '年度' : '项目';
  const rows = chart.rows.map((row) => {
    const label = row.href && ranking ? `<a${attr('href', row.href)}>${text(row.label)}</a>` : text(row.label);
    const value = row.value === null ? `<span class="null-cell">${text(row.nullLabel ?? NULL_LABEL)}</span>` : text(formatValue(row.value, row.unit));
    const mark = row.flagged ? `<span class="break-mark"${attr('title', row.noteRefs.map((n) => chart.notes[n - 1]).join('；'))}>\n⚠${text(row.noteRefs.join(','))} </span>` : '';
    return (
      `<tr${attr('data-key', row.key)}> ${grouped ? `<td>${text(row.group ?? '')}</td>` : ''} <th scope="row">${label}</th> ` +
      `<td${attr('class', row.flagged ? 'num cell-break' : 'num')}${attr('data-value', row.value === null ? 'null' : String(row.value))}> ${value} ${mark} </td> </tr>`
    );
  });
  return (
    `<div class="table-scroll" role="region"${attr('aria-label', `${chart.title}数据表`)} tabindex="0">  <table class="chart-table"> ` +
    `<caption>${text(chart.title)}（单位：${text(chart.unit)}）</caption> <thead> <tr> ${grouped ? '<th scope="col">分组</th>' : ''} ` +
    `<th scope="col">${text(labelHeading)}</th> <th scope="col" class="num">数值</th> </tr> </thead> <tbody> ${rows.join('')} </tbody> </table>  </div>`
  );
}

/** A chart page's parts; its own PNG, where this build renders one (png-settings.ts, hasPng), previews its shared links. */
export function chartPageParts(chart: ChartEntry, site: URL | undefined): ChartPageParts {
  // Height of the embedded plot, for the iframe's first guess (laid out, not written: chartSvgs writes the drawing).
  const plot = chartFigure(chart);
  // The framed drawing's size is the PNG's size; without PNGs it is not needed.
  const framed = hasPng(chart) ? chartFigure(chart, { framed: true, url: permalink(chartUrl(chart.id), site) }) : null;
  const summary = chartSummary(chart);
  // The embed page adds its title, subtitle and source line around the plot.
  const iframe = iframeSnippet(chart.id, chart.title, site, plot.height + 170);
  const downloads = [
    { type: 'svg' as const, label: 'SVG 矢量图', note: '可编辑，含标题、注释与来源' },
    ...(framed ? [{ type: 'png' as const, label: 'PNG 图片', note: `${framed.width * PNG_SCALE}×${framed.height * PNG_SCALE} 像素` }] : []),
    { type: 'csv' as const, label: 'CSV 数据', note: '图中所画的全部数字' },
  ];
  const items = downloads.map(
    (d) =>
      `<li> <a class="button secondary"${attr('href', chartFileUrl(chart.id, d.type))}${attr('download', `${chart.id}.${d.type}`)}> ${text(d.label)} </a> ` +
      `<span class="muted"> ${text(d.note)}</span> </li>`,
  );
  const main =
    `<p class="muted"><a${attr('href', chartsUrl)}>图表</a></p> <h1>${text(chart.title)}</h1> <p class="chart-subtitle">${text(chart.subtitle)}</p> ` +
    `<figure class="chart-figure"> ${chartSvgs(chart, chart.id)} <figcaption> ${chartNotes(chart.notes)} ${chartSource(chart.source)} <p class="muted">\n` +
    `生成于 <time${attr('datetime', chart.builtAt)}>${text(formatBuiltAt(chart.builtAt))}</time> · 永久链接：<a${attr('href', chartUrl(chart.id))}>${text(permalink(chartUrl(chart.id), site))}</a> </p> </figcaption> </figure> ` +
    `<section aria-labelledby="description-heading"> <h2 id="description-heading">文字描述</h2> <p>${text(chart.description)}</p> </section> ` +
    `<section aria-labelledby="table-heading"> <h2 id="table-heading">数据表</h2> ${chartDataTable(chart)} </section> ` +
    `<section aria-labelledby="download-heading"> <h2 id="download-heading">下载</h2> <ul class="chart-downloads"> ${items.join('')} </ul> </section> ` +
    `<section aria-labelledby="embed-heading"> <h2 id="embed-heading">嵌入</h2> <p>\n` +
    `把下面的代码粘贴到网页中即可嵌入此图（<a${attr('href', embedUrl(chart.id))}>预览嵌入页</a>）。图表宽度随容器自动缩放。\n` +
    `</p> <label for="embed-code">嵌入代码</label> <textarea id="embed-code" class="chart-code" readonly rows="4">${text(iframe)}</textarea> <details> ` +
    `<summary>可选：让 iframe 高度自动适应图表</summary> <p>嵌入页会用 <code>postMessage</code> 把自身高度发给上层页面。在上层页面加入下面的脚本即可自动调整高度：</p> ` +
    `<pre class="chart-code"><code>${text(hostListenerSnippet(site))}</code></pre> </details> </section> `;
  return { title: chart.title, description: summary, head: chartHead(chart, summary, framed, site), main };
}

/** An embed's parts: the chart with its title linked to the chart's page (new tab: the embed is on another site). */
export function embedPageParts(chart: ChartEntry, site: URL | undefined): EmbedPageParts {
  const link = permalink(chartUrl(chart.id), site);
  const target = `${attr('target', '_blank')}${attr('rel', 'noopener')}`;
  const body =
    ` <figure class="chart-figure"> <h1 class="chart-figure__title"><a${attr('href', link)}${target}>${text(chart.title)}</a></h1> ` +
    `<p class="chart-subtitle">${text(chart.subtitle)}</p> ${chartSvgs(chart, `fig-${chart.id}`)} <figcaption> ${chartNotes(chart.notes)} ${chartSource(chart.source, true)} ` +
    `<p class="chart-source">${text(SITE_NAME)} · <a${attr('href', link)}${target}>数据表、下载与嵌入代码</a></p> </figcaption> </figure> `;
  return { id: chart.id, title: chart.title, permalink: link, body };
}
