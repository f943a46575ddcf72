/**
 * The chart PNG route's steps (src/pages/charts/[id].png.ts) timed chart by chart, outside Astro, on a data folder:
 *
 *   DATA_DIR=<data> CHART_PNG=shared SITE_BUILT_AT=2026-01-01T00:00:00Z npx tsx src/bench/png-route.ts [--stride 1]
 *
 * One chart at a time, in the route's order (every --stride-th), CPU time of the process (process.cpuUsage: every
 * thread, resvg's and sharp's on the thread pool included) for chartOf, renderChartSvg and svgToPng, the minor page
 * faults of svgToPng, and the SVG and PNG sizes, by chart kind; and the one-off costs (the data, the shared charts,
 * pngCharacters, preparePngFonts). BENCHMARKS.md "Chart PNGs" has results.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { stride: { type: 'string', default: '1' } } });
const stride = Number(values.stride);
if (!Number.isInteger(stride) || stride < 1) throw new Error(`--stride: expected a whole number ≥ 1, found ${values.stride}`);

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; cpu: number; wall: number }> {
  const cpu = cpuMs();
  const wall = performance.now();
  const value = await work();
  return { value, cpu: cpuMs() - cpu, wall: performance.now() - wall };
}

// Imported here, after the clock starts: the summaries and regions are read when their modules load.
const data = await timed(async () => {
  await import('../lib/site-data');
  await import('../lib/region-data');
});
console.log(`site-data + region-data: ${data.cpu.toFixed(0)} ms CPU`);
const { chartOf, sharedCharts, pngChartIds } = await import('../charts/registry');
const { renderChartSvg } = await import('../charts/render');
const { preparePngFonts, svgToPng } = await import('../charts/png');
const { pngCharacters } = await import('../charts/png-characters');
const { chartUrl, permalink } = await import('../lib/paths');

const shared = await timed(() => sharedCharts());
console.log(`sharedCharts (listed, not drawn): ${shared.value.length} charts, ${shared.cpu.toFixed(0)} ms CPU`);
const ids = pngChartIds();
console.log(`PNG pages: ${ids.length}`);
const characters = await timed(() => pngCharacters());
console.log(`pngCharacters: ${[...characters.value].length} characters, ${characters.cpu.toFixed(0)} ms CPU`);
const fonts = await timed(() => preparePngFonts(characters.value));
console.log(`preparePngFonts (load and narrow the fonts): ${fonts.cpu.toFixed(0)} ms CPU`);

interface Measured {
  chartOf: number;
  svg: number;
  png: number;
  faults: number;
  svgKB: number;
  pngKB: number;
}
const byKind = new Map<string, Measured[]>();
const site = new URL('https://example.org/');
const all = await timed(async () => {
  for (let i = 0; i < ids.length; i += stride) {
    const found = await timed(() => chartOf(ids[i]));
    const chart = found.value;
    const drawn = await timed(() => renderChartSvg(chart, { framed: true, url: permalink(chartUrl(chart.id), site) }));
    const faults = process.resourceUsage().minorPageFault;
    const png = await timed(() => svgToPng(drawn.value));
    const row = {
      chartOf: found.cpu,
      svg: drawn.cpu,
      png: png.cpu,
      faults: process.resourceUsage().minorPageFault - faults,
      svgKB: Buffer.byteLength(drawn.value) / 1024,
      pngKB: png.value.length / 1024,
    };
    byKind.set(chart.kind, [...(byKind.get(chart.kind) ?? []), row]);
  }
});
const measured = [...byKind.values()].flat().length;
console.log(`${measured} charts (every ${stride}): ${(all.cpu / 1000).toFixed(1)} s CPU, ${(all.wall / 1000).toFixed(1)} s wall, max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log('| kind | charts | chartOf ms | renderChartSvg ms | svgToPng ms | page faults in svgToPng | SVG KB (largest) | PNG KB |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [kind, rows] of byKind) {
  const mean = (key: keyof Measured, digits = 1) => (rows.reduce((s, r) => s + r[key], 0) / rows.length).toFixed(digits);
  const largest = Math.max(...rows.map((r) => r.svgKB)).toFixed(1);
  console.log(`| ${kind} | ${rows.length} | ${mean('chartOf', 2)} | ${mean('svg', 2)} | ${mean('png')} | ${mean('faults', 0)} | ${mean('svgKB')} (${largest}) | ${mean('pngKB')} |`);
}
