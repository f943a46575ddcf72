/** The benchmark's results as Markdown: tables per measure, then the targets with what was measured against them. */
import os from 'node:os';
import type { Bytes } from './search-bytes';
import type { OracleResult } from './search-oracle';
import type { SizeResult } from './index';
import type { PngMode } from '../charts/png-settings';

/** Each run's results sit between markers named after its options, so runs of other sizes or settings are kept. */
const begin = (key: string) => `<!-- bench:begin ${key} -->`;
const end = (key: string) => `<!-- bench:end ${key} -->`;

export interface RunInfo {
  /** Names the run's block in BENCHMARKS.md, e.g. `1000,10000 png`. */
  key: string;
  command: string;
  date: Date;
  loadBefore: number[];
  loadAfter: number[];
  png: PngMode;
}

const PNG_SETTING: Record<PngMode, string> = {
  all: 'on (the default)',
  shared: 'for charts shared across agencies only (CHART_PNG=shared: national rankings, provinces)',
  none: 'off (CHART_PNG=0)',
};

const MB = 1024 * 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function machine(info: RunInfo): string {
  const cpus = os.cpus();
  return [
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; run ${info.date.toISOString().replace(/\.\d+Z$/, 'Z')}; command \`${info.command}\``,
    `- Load average (1 min) ${info.loadBefore[0].toFixed(1)} at the start, ${info.loadAfter[0].toFixed(1)} at the end. ` +
      'Above the number of cores, other processes shared the CPU and wall times are longer than on an idle machine; ' +
      'CPU times (user + system, all threads) are less affected.',
    `- Chart PNGs in the site build: ${PNG_SETTING[info.png]}.`,
  ].join('\n');
}

function ingestTable(results: SizeResult[]): string {
  return table(
    ['reports', 'worker threads', 'files', 'wall', 'files/s (wall)', 'CPU', 'files per CPU-second', 'peak memory'],
    results.flatMap((r) =>
      r.ingest.map((i) => [
        int(r.n),
        String(i.workers),
        int(i.files),
        s(i.wallMs),
        int(i.files / (i.wallMs / 1000)),
        s(i.cpuMs),
        int(i.files / (i.cpuMs / 1000)),
        mb(i.peakRssBytes),
      ]),
    ),
  );
}

function parseTable(results: SizeResult[]): string {
  const measured = results.filter((r) => r.parse);
  if (measured.length === 0) return '_Not run (--skip parse)._';
  const rows = table(
    ['reports', 'files', 'CPU, fastest of the rounds', 'rounds', 'files per CPU-second'],
    measured.map(({ n, parse }) => [int(n), int(parse!.files), s(parse!.cpuMs), String(parse!.rounds), int(parse!.files / (parse!.cpuMs / 1000))]),
  );
  const compared = measured.filter((r) => r.parse!.reference);
  if (!compared.length) return rows;
  // --parse-reference: the same harness on another checkout, runs alternated.
  const reference = table(
    ['reports', 'reference tree', 'its CPU, fastest', 'this tree', 'ratio'],
    compared.map(({ n, parse }) => [int(n), `\`${parse!.reference!.dir}\``, s(parse!.reference!.cpuMs), s(parse!.cpuMs), `${(parse!.cpuMs / parse!.reference!.cpuMs).toFixed(2)} ×`]),
  );
  return `${rows}\n\nThe same harness on a reference checkout (\`--parse-reference\`), ${compared[0].parse!.reference!.runs} runs per tree alternated:\n\n${reference}`;
}

function dataTable(results: SizeResult[]): string {
  const stages = (st: Record<string, number>) => Object.entries(st).filter(([, ms]) => ms >= 50).map(([k, ms]) => `${k} ${s(ms)}`).join(', ');
  return table(
    ['reports', 'full: wall', 'CPU', 'peak memory', 'stages', 'one report changed: wall', 'CPU', 'stages', 'changed/full (wall, CPU)'],
    results.map((r) => {
      const full = r.dataFull.measured;
      const inc = r.dataIncremental?.measured;
      const head = [int(r.n), s(full.wallMs), s(full.cpuMs), mb(full.peakTreeRssBytes), stages(r.dataFull.stages)];
      if (!inc) return [...head, 'not run (--skip incremental)', '-', '-', '-'];
      return [...head, s(inc.wallMs), s(inc.cpuMs), stages(r.dataIncremental!.stages), `${pct(inc.wallMs, full.wallMs)}, ${pct(inc.cpuMs, full.cpuMs)}`];
    }),
  );
}

function downloadsTable(results: SizeResult[]): string {
  return table(
    ['reports', 'files in', 'reports out', 'rejected (of them duplicates)', 'full data step: reports/s (wall)', 'largest CSV or JSON download', 'CSV and JSON downloads', 'SQLite database', 'data/ without its cache, per report'],
    results.map(({ n, dataFull, downloads: d }) => [
      int(n),
      int(n),
      int(n - d.rejected),
      `${int(d.rejected)} (${int(d.duplicates)})`,
      int(n / (dataFull.measured.wallMs / 1000)),
      `${mb(d.largest.bytes)} (\`${d.largest.name}\`)`,
      int(d.files),
      mb(d.databaseBytes),
      kb(d.dataBytes / n),
    ]),
  );
}

function siteTables(results: SizeResult[]): string {
  const built = results.filter((r) => r.site);
  if (built.length === 0) return '_Not run (--no-site)._';
  const parts: string[] = [];
  parts.push(
    table(
      ['reports', 'result', 'HTML pages', 'other files', 'wall', 'HTML pages/s', 'CPU (Node)', 'peak memory: all processes (largest Node process)', 'Pagefind', 'index size', 'site size'],
      built.map(({ n, site }) => {
        const { build, log, weight } = site!;
        const status = build.exitCode === 0 ? 'built' : build.timedOut ? `stopped at the time limit while rendering ${log.lastRoute}` : `failed (exit ${build.exitCode})`;
        // Counted in the built site (a build in two processes counts no files: its parts are assembled after).
        const written = weight ? { html: weight.htmlPages, other: weight.files - weight.htmlPages } : log.written;
        const html = written?.html ?? log.renderedPages;
        return [
          int(n),
          status,
          written ? int(written.html) : `${int(log.renderedPages)} rendered`,
          written ? int(written.other) : '-',
          s(build.wallMs),
          (html / (build.wallMs / 1000)).toFixed(1),
          s(build.cpuMs),
          `${mb(build.peakTreeRssBytes)} (${mb(build.peakProcessRssBytes)})`,
          log.pagefind ? `${s(log.pagefind.ms)} (${int(log.pagefind.indexed)} pages, ${int(log.pagefind.scopes)} scopes, largest ${int(log.pagefind.largest)}, Pagefind's peak ${log.pagefind.peakMb ?? '?'} MB)` : '-',
          weight?.byFolder.pagefind ? mb(weight.byFolder.pagefind) : '-',
          weight ? mb(weight.totalBytes) : '-',
        ];
      }),
    ),
  );
  for (const { n, site } of built) {
    const { log, weight } = site!;
    parts.push(`\nWhere the build time goes, ${int(n)} reports (setup before the first page: ${log.setupSeconds ?? '?'} s; rendering by route, from Astro's per-page times):\n`);
    parts.push(
      table(
        ['route', 'pages', 'time', 'ms per page'],
        log.routes.slice(0, 8).map((r) => [`\`${r.route}\``, int(r.pages), s(r.ms), (r.ms / Math.max(1, r.pages)).toFixed(1)]),
      ),
    );
    if (weight) {
      const folders = Object.entries(weight.byFolder).sort((a, b) => b[1] - a[1]).slice(0, 8);
      parts.push(`\nSite size by folder, ${int(n)} reports: ${folders.map(([f, b]) => `${f} ${mb(b)}`).join(', ')}.`);
    }
  }
  return parts.join('\n');
}

function weightTable(results: SizeResult[]): string {
  const weighed = results.filter((r) => r.site?.weight);
  if (weighed.length === 0) return '_No finished build to weigh._';
  const w = (p: { html: number; css: number; js: number }) => `${kb(p.html)} / ${kb(p.css)} / ${kb(p.js)}`;
  const rows = weighed.map(({ n, site }) => {
    const { reportPages, largestHtml, oversized } = site!.weight!;
    return [
      int(n),
      int(reportPages.count),
      w(reportPages.average),
      `${w(reportPages.largest)} (\`${reportPages.largest.page}\`)`,
      `${kb(largestHtml.bytes)} (\`${largestHtml.page}\`)`,
      oversized.length === 0 ? 'none' : `${oversized.length}: ${oversized.slice(0, 6).map((p) => `\`${p.page}\` ${mb(p.bytes)}`).join(', ')}${oversized.length > 6 ? ', …' : ''}`,
    ];
  });
  return table(['reports', 'report pages', 'average HTML / CSS / JS', 'largest report page HTML / CSS / JS', 'largest HTML page', 'HTML pages over 1 MB'], rows);
}

function searchTable(results: SizeResult[]): string {
  const searched = results.filter((r) => r.site?.search);
  if (searched.length === 0) return '_No finished build to search._';
  const both = (b: { raw: number; gzip: number }) => `${kb(b.gzip)} / ${kb(b.raw)}`;
  const typesOf = (byType: Record<string, Bytes>) =>
    Object.entries(byType)
      .sort((a, b) => b[1].raw - a[1].raw)
      .map(([t, b]) => `${t} ${both(b)}`)
      .join(', ');
  const ms = (v: number | null) => (v === null ? '-' : `${int(v)} ms`);
  return table(
    [
      'reports',
      'query',
      'results shown',
      'every scope: bytes for the query, gzip-serving host / uncompressed',
      'every scope: first results (bytes until then; ms from the search starting) / all done',
      'default scope alone (year + province chosen): bytes; first results / done',
      'requests (index chunks)',
      'by file type: gzip / uncompressed',
      'search page before the query: gzip / uncompressed',
    ],
    searched.map(({ n, site }) => {
      const cost = site!.search!;
      if ('error' in cost) return [int(n), '-', '-', `failed: ${cost.error}`, '-', '-', '-', '-', '-'];
      const { timing, oneScope } = cost;
      return [
        int(n),
        cost.query,
        String(cost.results),
        `${both(cost.queryBytes)} (${int(cost.scopes)} scopes)`,
        `${both(timing.untilFirst)} in ${ms(timing.firstMs)} / ${ms(timing.doneMs)}`,
        oneScope ? `\`${oneScope.scope}\`: ${both(oneScope.bytes)}; ${ms(oneScope.timing.firstMs)} / ${ms(oneScope.timing.doneMs)} (${oneScope.results} shown); by file type: ${typesOf(oneScope.byType)}` : '-',
        `${cost.requests} (${cost.indexChunks})`,
        typesOf(cost.byType),
        both(cost.pageBytes),
      ];
    }),
  );
}

type Verdict = [target: string, measured: string, met: boolean | null];

function targets(results: SizeResult[]): string {
  const biggest = results[results.length - 1];
  const tenK = results.find((r) => r.n === 10_000);
  const verdicts: Verdict[] = [];
  const single = biggest.ingest.find((i) => i.workers === 0);
  if (biggest.parse) {
    const perCore = biggest.parse.files / (biggest.parse.cpuMs / 1000);
    verdicts.push([
      'parse + validate + check ≥ 2,000 reports/s per core',
      `${int(perCore)} files per CPU-second: parse → enrich → validate → check of decoded text (${int(biggest.n)} reports, one thread)` +
        (single ? `; ${int(single.files / (single.cpuMs / 1000))} with reading and decoding the files and the CSV pieces` : ''),
      perCore >= 2000,
    ]);
  }
  if (tenK?.site) {
    const total = tenK.dataFull.measured.wallMs + tenK.site.build.wallMs;
    const peak = Math.max(tenK.dataFull.measured.peakTreeRssBytes, tenK.site.build.peakTreeRssBytes);
    const finished = tenK.site.build.exitCode === 0;
    verdicts.push(['10,000 reports: full build (data + astro + Pagefind) ≤ 10 min', `${finished ? '' : 'did not finish: ≥ '}${(total / 60000).toFixed(1)} min`, finished && total <= 600_000]);
    verdicts.push(['10,000 reports: peak memory ≤ 4 GB', mb(peak), peak <= 4 * 1024 * MB]);
  } else {
    verdicts.push(['10,000 reports: full build ≤ 10 min, peak memory ≤ 4 GB', 'not measured (no 10,000-report site build in this run)', null]);
  }
  const weighed = [...results].reverse().find((r) => r.site?.weight);
  if (weighed) {
    const js = weighed.site!.weight!.reportPages.largest.js;
    verdicts.push(['report page ≤ 30 KB of JavaScript', `${kb(js)} on the heaviest report page (${int(weighed.n)} reports)`, js <= 30 * 1024]);
    const oversized = weighed.site!.weight!.oversized.length;
    verdicts.push(['no HTML page over 1 MB', `${oversized} over 1 MB (${int(weighed.n)} reports)`, oversized === 0]);
  }
  const searched = [...results].reverse().find((r) => r.site?.search && !('error' in r.site.search));
  if (searched) {
    const cost = searched.site!.search as Exclude<NonNullable<SizeResult['site']>['search'], { error: string } | null>;
    const one = cost.oneScope;
    verdicts.push([
      'one query in the default scope ≤ 150 KB transferred, results shown ≤ 1 s on localhost',
      one
        ? `\`${one.scope}\`: ${kb(one.bytes.gzip)} from a gzip-serving host, ${kb(one.bytes.raw)} uncompressed, first results ${int(one.timing.firstMs ?? NaN)} ms after the search started (${int(searched.n)} reports)`
        : 'not measured (no scope with a year and a province)',
      one ? one.bytes.gzip <= 150 * 1024 && one.timing.firstMs !== null && one.timing.firstMs <= 1000 : null,
    ]);
    verdicts.push([
      'a query over every scope ≤ 1 MB, first results shown as they arrive',
      `${kb(cost.queryBytes.gzip)} gzip / ${kb(cost.queryBytes.raw)} uncompressed over ${int(cost.scopes)} scopes; first results after ${kb(cost.timing.untilFirst.gzip)} ` +
        `and ${int(cost.timing.firstMs ?? NaN)} ms, all done in ${int(cost.timing.doneMs)} ms (${int(searched.n)} reports)`,
      cost.queryBytes.gzip <= 1024 * 1024 && cost.timing.firstMs !== null && cost.timing.firstMs < cost.timing.doneMs,
    ]);
  }
  const oracled = [...results].reverse().find((r) => r.site?.oracle && !('error' in r.site.oracle));
  if (oracled) {
    const o = oracled.site!.oracle as OracleResult;
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(2)} %`);
    const failures = o.failures.map((f) => `“${f.phrase}”: ${f.missed} of ${f.expected} missed, ${f.wrong} wrong`).join('; ');
    verdicts.push([
      'recall and precision exact, by an oracle (phrases of 2–8 characters from the prose; expected: reports containing them)',
      `${o.phrases} phrases (in up to ${int(o.largest)} reports each): recall ${pct(o.found, o.expected)} (${int(o.found)} of ${int(o.expected)} expected pages), ` +
        `precision ${pct(o.correct, o.shown)} (${int(o.correct)} of ${int(o.shown)} results)${failures ? `; ${failures}` : ''} (${int(oracled.n)} reports)`,
      o.found === o.expected && o.correct === o.shown,
    ]);
  }
  const looked = [...results].reverse().find((r) => r.site?.agencyLookup && !('error' in r.site.agencyLookup));
  if (looked) {
    const cost = looked.site!.agencyLookup as Exclude<NonNullable<SizeResult['site']>['agencyLookup'], { error: string } | undefined>;
    verdicts.push([
      'finding an agency by part of its name ≤ 50 KB',
      `“${cost.query}” (${cost.agency}): ${cost.listed ? 'listed' : 'NOT listed'} ${int(cost.ms)} ms after typing (of which 400 ms typing pause), ` +
        `name index ${kb(cost.nameIndex.gzip)} gzip / ${kb(cost.nameIndex.raw)} uncompressed; everything fetched until then, full-text search included: ` +
        `${kb(cost.untilListed.gzip)} / ${kb(cost.untilListed.raw)} (${int(looked.n)} reports)`,
      cost.listed && cost.untilListed.gzip <= 50 * 1024,
    ]);
  }
  const pdf = biggest.pdfInput;
  if (pdf && 'skipped' in pdf) verdicts.push(['PDF input: `npm run data` ≤ 5 × `pdftotext -layout` on the same files', `not measured: ${pdf.skipped}`, null]);
  else if (pdf) {
    const ratio = pdf.data.wallMs / pdf.pdftotext.wallMs;
    verdicts.push([
      'PDF input: `npm run data` ≤ 5 × `pdftotext -layout` on the same files',
      `${ratio.toFixed(1)}×: ${int(pdf.files)} generated PDFs (${mb(pdf.bytes)}), npm run data ${s(pdf.data.wallMs)} (${s(pdf.data.cpuMs)} CPU, ${int(pdf.reports)} reports), ` +
        `pdftotext -layout ${s(pdf.pdftotext.wallMs)} (${s(pdf.pdftotext.cpuMs)} CPU), ${pdf.cores} at a time`,
      ratio <= 5,
    ]);
  }
  const inc = biggest.dataIncremental?.measured;
  const full = biggest.dataFull.measured;
  const rate = biggest.n / (full.wallMs / 1000);
  verdicts.push([
    '`npm run data` into an empty folder ≥ 1,000 reports/s on the two cores',
    `${int(rate)} reports/s (${int(biggest.n)} generated reports in ${s(full.wallMs)}, ${s(full.cpuMs)} CPU)`,
    rate >= 1000,
  ]);
  verdicts.push(['data step: peak memory of the process tree ≤ 8 GB', `${mb(full.peakTreeRssBytes)} (${int(biggest.n)} reports)`, full.peakTreeRssBytes <= 8 * 1024 * MB]);
  const largest = biggest.downloads.largest;
  verdicts.push([
    'no CSV or JSON download over 200 MB',
    `largest ${mb(largest.bytes)} (\`${largest.name}\`, ${int(biggest.n)} reports); the whole set as SQLite: ${mb(biggest.downloads.databaseBytes)}`,
    largest.bytes <= 200 * MB,
  ]);
  verdicts.push([
    'the generator makes n distinct agency-years',
    `${int(biggest.downloads.duplicates)} of ${int(biggest.n)} files rejected as a duplicate agency-year`,
    biggest.downloads.duplicates === 0,
  ]);
  if (inc) {
    verdicts.push([
      'rebuild after one changed report ≤ 20 % of a full data step',
      `${pct(inc.wallMs, full.wallMs)} of the wall time, ${pct(inc.cpuMs, full.cpuMs)} of the CPU time (${int(biggest.n)} reports)`,
      inc.wallMs <= 0.2 * full.wallMs,
    ]);
  }
  return table(['target', 'measured', 'met'], verdicts.map(([t, m, ok]) => [t, m, ok === null ? '–' : ok ? 'yes' : '**no**']));
}

export function renderResults(results: SizeResult[], info: RunInfo): string {
  return [
    begin(info.key),
    `## Measured: ${results.map((r) => int(r.n)).join(' and ')} reports, chart PNGs ${{ all: 'on', shared: 'shared only', none: 'off' }[info.png]}`,
    '',
    machine(info),
    '',
    '### Targets',
    '',
    targets(results),
    '',
    '### Per-file stage: read → parse → enrich → validate → check (no cache, nothing written)',
    '',
    ingestTable(results),
    '',
    '### Parse → enrich → validate → check: decoded text in memory, one thread (`src/bench/parse-child.ts`)',
    '',
    parseTable(results),
    '',
    '### Data step (`npm run data`): full, then again after one report changed (cache in the output folder)',
    '',
    dataTable(results),
    '',
    'What the full data step wrote (`src/bench/downloads.ts`):',
    '',
    downloadsTable(results),
    '',
    '### Site build (`npm run build -- --site`: one Astro process, or two at once from 5,000 reports; Pagefind included)',
    '',
    siteTables(results),
    '',
    '### Page weight: report pages with the stylesheets and scripts they reference',
    '',
    weightTable(results),
    '',
    '### One search query in Chromium (typed into the search page, after the page loaded)',
    '',
    searchTable(results),
    end(info.key),
  ].join('\n');
}

/** Puts a run's block into BENCHMARKS.md: replaces the block of the same key, or appends; other text is kept. */
export function mergeIntoDocument(existing: string | null, key: string, measured: string): string {
  const doc = existing ?? '# Benchmarks\n\nThe measured sections are written by `npm run bench`; text outside their markers is kept.\n';
  const from = doc.indexOf(begin(key));
  const to = doc.indexOf(end(key));
  if (from >= 0 && to > from) return doc.slice(0, from) + measured + doc.slice(to + end(key).length);
  return `${doc.trimEnd()}\n\n${measured}\n`;
}
