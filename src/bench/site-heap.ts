/**
 * What the site build holds for its whole run, module by module, on a data folder: the JavaScript heap in use after a
 * full garbage collection, measured after importing each module the pages import, in the order they load.
 *
 *   DATA_DIR=<data> CHART_PNG=shared node --expose-gc --max-old-space-size=12000 --import tsx src/bench/site-heap.ts
 *
 * Memory that grows with the corpus is what makes a national build slow (collections mark all of it) and large;
 * BENCHMARKS.md "The site build's memory, 100,000 reports" has results.
 */
import v8 from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heapUsed = () => {
  gc();
  return v8.getHeapStatistics().used_heap_size;
};
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const start = heapUsed();
let before = start;
const step = async (name: string, load: () => Promise<unknown>) => {
  await load();
  const after = heapUsed();
  console.log(`| ${name} | ${mb(after - before)} |`);
  before = after;
};

console.log('| held by | MB |');
console.log('|---|---|');
const { reports } = await import('../lib/site-data');
await step(`the summaries and their indexes (src/lib/site-data.ts), ${reports.length} reports`, async () => {});
await step('the regions (src/lib/region-data.ts)', () => import('../lib/region-data'));
await step('the quality listing', () => import('../lib/quality'));
await step('the compare rows', () => import('../lib/compare-rows'));
await step('the agency-name index', () => import('../lib/agency-name-index'));
const registry = await import('../charts/registry');
await step('the shared charts, listed', async () => registry.sharedCharts());
await step('the chart listings', async () => (await import('../charts/listing')).chartIndex());
console.log(`| all of it | ${mb(before - start)} |`);
