/**
 * The bench's reading of build logs (src/bench/astro-log.ts): per-route page times, Pagefind's line and the files
 * written, from one Astro process's log, and the logs of the site's two processes and its last indexing combined.
 */
import { describe, expect, it } from 'vitest';
import { combineAstroLogs, parseAstroLog } from '../../src/bench/astro-log';

const reportsLog = [
  '10:00:00 [build] output: "static"',
  '10:00:20 ▶ src/pages/reports/[id].astro',
  '10:00:20   ├─ /reports/a/index.html (+12ms)',
  '10:00:20   └─ /reports/b/index.html (+8ms)',
  '10:00:21 ▶ src/pages/index.astro',
  '10:00:21   └─ /index.html (+5ms)',
  '10:00:22 [build-report] 3 routes rendered; 3 HTML pages and 10 other files written to /x/',
  "10:00:23 [pagefind] indexed 2 HTML pages in 2 scopes (largest 1 pages) in 900 ms (zh-cn: 2); Pagefind's peak 17 MB resident",
].join('\n');
const siteLog = [
  '10:00:00 [build] output: "static"',
  '10:00:30 ▶ src/pages/index.astro',
  '10:00:30   └─ /index.html (+7ms)',
  '10:00:31 ▶ src/pages/agencies/[slug].astro',
  '10:00:31   └─ /agencies/a/index.html (+20ms)',
  '10:00:32 [build-report] 2 routes rendered; 2 HTML pages and 4 other files written to /y/',
].join('\n');
const indexLog = "[pagefind] indexed 3 HTML pages in 1 scopes (largest 3 pages) in 400 ms (zh-cn: 3); Pagefind's peak 30 MB resident\n";

describe('parseAstroLog', () => {
  it('reads the pages and times of each route, the setup, the files written and the indexing', () => {
    const log = parseAstroLog(reportsLog);
    expect(log.routes).toEqual([
      { route: 'src/pages/reports/[id].astro', pages: 2, ms: 20 },
      { route: 'src/pages/index.astro', pages: 1, ms: 5 },
    ]);
    expect(log.renderedPages).toBe(3);
    expect(log.setupSeconds).toBe(20);
    expect(log.written).toEqual({ html: 3, other: 10 });
    expect(log.pagefind).toEqual({ indexed: 2, scopes: 2, largest: 1, ms: 900, peakMb: 17 });
  });
});

describe('combineAstroLogs', () => {
  it('sums routes, pages, files and indexing over the processes; the largest scope, peak and setup are the largest', () => {
    const log = combineAstroLogs([reportsLog, siteLog, indexLog].map(parseAstroLog));
    expect(log.routes).toEqual([
      { route: 'src/pages/reports/[id].astro', pages: 2, ms: 20 },
      { route: 'src/pages/agencies/[slug].astro', pages: 1, ms: 20 },
      { route: 'src/pages/index.astro', pages: 2, ms: 12 },
    ]);
    expect(log.renderedPages).toBe(5);
    expect(log.setupSeconds).toBe(30);
    expect(log.written).toEqual({ html: 5, other: 14 });
    expect(log.pagefind).toEqual({ indexed: 5, scopes: 3, largest: 3, ms: 1300, peakMb: 30 });
    expect(log.lastRoute).toBe('src/pages/agencies/[slug].astro');
  });

  it('of one log is that log', () => {
    expect(combineAstroLogs([parseAstroLog(siteLog)])).toEqual(parseAstroLog(siteLog));
  });
});
