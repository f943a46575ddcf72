/**
 * Builds the Pagefind full-text index over the built site (hook `astro:build:done`).
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed (report and agency pages), one bundle per
 * search scope (src/lib/search/scopes.ts) listed from the data, never by scanning the output; filters and result
 * metadata come from src/components/search/SearchMeta.astro.
 * Chinese needs the `pagefind_extended` binary: it segments text of pages with lang="zh-CN" with jieba
 * (and indexes character pairs), where the plain binary would index each run of Han characters as one word.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { arch, memoryUsage, platform } from 'node:process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { z } from 'zod/v4';
import { buildPart } from '../lib/build-part';
import { DATA_DIR, dataPath } from '../lib/data-dir';
import { RUNTIME_RECORD_URL } from '../lib/paths';
import { readDataFile } from '../lib/read-data-file';
import { readSummaries } from '../lib/report-parts';
import { scopePages, type ScopePages, type ScopedAgency, type ScopedReport } from '../lib/search-scope-pages';
import { PAGEFIND_DIR, SCOPES_MANIFEST, SCOPE_ENTRY, scopeBundlePath, type SearchScope } from '../lib/search/scopes';
import { AgencyIndexEntry } from '../schema/report';
import { withoutExcluded } from './pagefind-html';

/** The path of the extended binary shipped in the platform package `@pagefind/<platform>-<arch>`. */
export function extendedBinaryPath(): string {
  const executable = platform === 'win32' ? 'pagefind_extended.exe' : 'pagefind_extended';
  const os = platform === 'win32' ? 'windows' : platform;
  return createRequire(import.meta.url).resolve(`@pagefind/${os}-${arch}/bin/${executable}`);
}

/**
 * Parts of indexed pages that are not the report's own words: navigation, tables (numbers and the
 * template's fixed labels, identical in every report: the search page matches the labels itself, see
 * src/lib/search/table-headers.ts), charts, and the site's derived sections. `#charts`
 * only repeats the agency's name and the template's wording in its three chart titles: indexed, it lengthened
 * the postings of words such as 行政复议 on every report page, which every query for them downloads. The same holds of
 * the note under each table on how its numbers were read (`.placement-note`: 读取方式, 标签, 原文 on every report
 * page, and some 100 characters in every result's fragment) and of the line over the title that repeats the agency
 * and year (`.byline`).
 */
export const EXCLUDED_FROM_INDEX = ['nav', 'table', 'svg', '.placement-note', '.byline', '#indicators', '#charts', '#diagnostics', '#source', '#cite'];

/** PAGEFIND=0 builds the site without its search index (to measure the pages alone; a published site needs it). */
export const SKIP_INDEX_ENV = 'PAGEFIND';

/** Files of Pagefind's browser runtime and UIs that writeFiles puts in every bundle: a scope's bundle needs none. */
const RUNTIME_FILES = /^(pagefind(-[a-z-]+)?\.(js|css)|wasm\.[a-z-]+\.pagefind)$/;

/** HTML files read and sent to Pagefind at a time while a scope is indexed. */
const FILES_IN_FLIGHT = 8;

/**
 * Pages from which the scopes are indexed by INDEX_PROCESSES processes at once (each its share of the scopes, one at
 * a time): one Pagefind process uses one core, and indexing comes after the pages, when the build's other process
 * (or the writer of chart pages) leaves a core free. Below it, starting the processes (tsx) costs more than it wins.
 */
export const PARALLEL_INDEX_FROM = 3_000;
const INDEX_PROCESSES = 2;

/** The process that indexes a share of the scopes (scripts/index-scopes.ts), run with tsx from the project's root. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INDEX_CHILD = join(PROJECT_ROOT, 'scripts', 'index-scopes.ts');

export interface IndexSummary {
  /** Scope bundles written. */
  scopes: number;
  /** Pages in the bundles, by language (all zh-cn on this site). */
  indexed: Record<string, number>;
  /** Pages of the largest scope: Pagefind's memory grows with it, not with the site. */
  largest: number;
  /** The highest peak resident memory (VmHWM) of Pagefind's processes, one per scope, in MB; null off Linux. */
  peakMb: number | null;
  ms: number;
}

/**
 * Peak resident memory (VmHWM, MB) of this process's Pagefind children, read from Linux's /proc before they are
 * closed; null where /proc is missing.
 */
async function pagefindChildrenPeakMb(): Promise<number | null> {
  let peak: number | null = null;
  try {
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid || !command.startsWith('pagefind')) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${name}/status`, 'utf8').catch(() => ''));
      if (hwm) peak = Math.max(peak ?? 0, Math.round(Number(hwm[1]) / 1024));
    }
  } catch {
    return null;
  }
  return peak;
}

function usePinnedBinary(): void {
  // The Node API picks its binary from this variable first; pinning it makes a silent fallback to the
  // non-extended binary (which cannot segment Chinese) impossible.
  process.env.PAGEFIND_EXTENDED_BINARY_PATH ??= extendedBinaryPath();
}

async function newIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_INDEX });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

async function write(index: pagefind.PagefindIndex, outputPath: string): Promise<Record<string, number>> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  const entry = JSON.parse(await readFile(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
}

/** indexScopes in this process: one scope at a time, each with a Pagefind process of its own. */
async function indexScopesHere(siteDir: string, scopes: readonly ScopePages[]): Promise<IndexSummary> {
  usePinnedBinary();
  const started = performance.now();
  const indexed: Record<string, number> = {};
  let peakMb: number | null = null;
  const limit = pLimit(FILES_IN_FLIGHT);
  for (const { scope, files } of scopes) {
    try {
      const index = await newIndex();
      await Promise.all(
        files.map((file) =>
          limit(async () => {
            const content = withoutExcluded(await readFile(join(siteDir, file), 'utf8'), EXCLUDED_FROM_INDEX);
            const added = await index.addHTMLFile({ url: `/${file.replace(/index\.html$/, '')}`, content });
            if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
          }),
        ),
      );
      const bundle = join(siteDir, scopeBundlePath(scope.id));
      for (const [lang, count] of Object.entries(await write(index, bundle))) indexed[lang] = (indexed[lang] ?? 0) + count;
      for (const name of await readdir(bundle)) if (RUNTIME_FILES.test(name)) await rm(join(bundle, name));
      await writeFile(join(bundle, SCOPE_ENTRY), JSON.stringify(scope));
      const peak = await pagefindChildrenPeakMb();
      if (peak !== null) peakMb = Math.max(peakMb ?? 0, peak);
    } finally {
      await pagefind.close();
    }
  }
  const largest = Math.max(0, ...scopes.map((s) => s.files.length));
  return { scopes: scopes.length, indexed, largest, peakMb, ms: Math.round(performance.now() - started) };
}

/** How many processes index `scopes`: INDEX_PROCESSES (at most one a core) for two scopes or more of PARALLEL_INDEX_FROM pages, else 1. */
export function indexProcesses(scopes: readonly ScopePages[], cores = availableParallelism()): number {
  const pages = scopes.reduce((sum, s) => sum + s.files.length, 0);
  return scopes.length >= 2 && pages >= PARALLEL_INDEX_FROM ? Math.max(1, Math.min(INDEX_PROCESSES, cores)) : 1;
}

/**
 * `scopes` cut into at most `count` lists of about as many pages (each scope, largest first, goes to the list with the
 * fewest so far), each list in the order of `scopes`; no list is empty.
 */
export function splitScopes(scopes: readonly ScopePages[], count: number): ScopePages[][] {
  const lists = Array.from({ length: Math.max(1, count) }, () => ({ pages: 0, at: [] as number[] }));
  const largestFirst = scopes.map((_, i) => i).sort((a, b) => scopes[b].files.length - scopes[a].files.length || a - b);
  for (const i of largestFirst) {
    const list = lists.reduce((fewest, l) => (l.pages < fewest.pages ? l : fewest));
    list.pages += scopes[i].files.length;
    list.at.push(i);
  }
  return lists.filter((l) => l.at.length > 0).map((l) => l.at.sort((a, b) => a - b).map((i) => scopes[i]));
}

/** What several processes indexed, as one summary taking `ms`. */
function combined(parts: readonly IndexSummary[], ms: number): IndexSummary {
  const indexed: Record<string, number> = {};
  for (const part of parts) for (const [lang, count] of Object.entries(part.indexed)) indexed[lang] = (indexed[lang] ?? 0) + count;
  const peaks = parts.map((p) => p.peakMb).filter((mb): mb is number => mb !== null);
  return {
    scopes: parts.reduce((sum, p) => sum + p.scopes, 0),
    indexed,
    largest: Math.max(0, ...parts.map((p) => p.largest)),
    peakMb: peaks.length ? Math.max(...peaks) : null,
    ms,
  };
}

/** Indexes `scopes` in a process of its own (scripts/index-scopes.ts); `started` receives the process. */
function indexInChild(siteDir: string, scopes: readonly ScopePages[], started: (child: ChildProcess) => void): Promise<IndexSummary> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', INDEX_CHILD], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    started(child);
    let errors = '';
    let summary: IndexSummary | null = null;
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('message', (message) => (summary = message as IndexSummary));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && summary ? done(summary) : reject(new Error(`indexing ${scopes.length} search scopes failed (exit ${code}): ${errors.trim()}`))));
    child.send({ siteDir, scopes });
  });
}

/**
 * Writes the bundle of each scope to `<siteDir>/pagefind/<scope id>/`, one scope at a time, each with a Pagefind
 * process of its own (closed after it), so Pagefind's memory is that of the largest scope, not of the site; with
 * `processes` > 1 (default: indexProcesses), that many processes of scripts/index-scopes.ts each do so for their share
 * of the scopes (splitScopes), at once. The pages are the scope's files (src/lib/search-scope-pages.ts, from the
 * data); a file missing from `siteDir` is an error. A shard build calls this for its scopes; `writeSearchRuntime`
 * writes the runtime the scopes share.
 */
export async function indexScopes(siteDir: string, scopes: readonly ScopePages[], processes = indexProcesses(scopes)): Promise<IndexSummary> {
  if (processes <= 1 || scopes.length < 2) return indexScopesHere(siteDir, scopes);
  const started = performance.now();
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((child) => child.kill());
  process.once('exit', stop);
  try {
    const parts = await Promise.all(splitScopes(scopes, processes).map((share) => indexInChild(siteDir, share, (child) => children.push(child))));
    return combined(parts, Math.round(performance.now() - started));
  } catch (error) {
    stop();
    throw error;
  } finally {
    process.off('exit', stop);
  }
}

/**
 * Writes Pagefind's runtime bundle to `<siteDir>/pagefind/`: pagefind.js, its WebAssembly and an index of one record
 * (src/lib/search/scopes.ts) that the scopes' bundles are merged into; and the manifest of the
 * scopes (`scopes.json`), from the entries of the bundles in `<siteDir>/pagefind/` (written by indexScopes, by this
 * build or by shard builds whose bundles were copied there). Returns the scopes.
 */
export async function writeSearchRuntime(siteDir: string): Promise<SearchScope[]> {
  usePinnedBinary();
  const dir = join(siteDir, PAGEFIND_DIR);
  const scopes: SearchScope[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const text = await readFile(join(dir, entry.name, SCOPE_ENTRY), 'utf8').catch(() => null);
    if (text !== null) scopes.push(JSON.parse(text) as SearchScope);
  }
  scopes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  try {
    const index = await newIndex();
    const added = await index.addCustomRecord({ url: RUNTIME_RECORD_URL, content: 'pagefindruntime', language: 'zh-cn' });
    if (added.errors.length) throw new Error(`Pagefind could not write its runtime: ${added.errors.join('; ')}`);
    await write(index, dir);
  } finally {
    await pagefind.close();
  }
  await writeFile(join(dir, SCOPES_MANIFEST), JSON.stringify(scopes));
  return scopes;
}

/** What an indexing wrote, as the build log says it (src/bench/astro-log.ts reads it). */
export function indexedText({ scopes, indexed, largest, peakMb, ms }: IndexSummary): string {
  const languages = Object.entries(indexed);
  const total = languages.reduce((sum, [, count]) => sum + count, 0);
  return `indexed ${total} HTML pages in ${scopes} scopes (largest ${largest} pages) in ${ms} ms (${languages.map(([l, n]) => `${l}: ${n}`).join(', ')}); Pagefind's peak ${peakMb ?? '?'} MB resident`;
}

/** Indexes the report and agency pages of `siteDir` built from this data, by scope, and writes the runtime. */
export async function indexSite(siteDir: string, reports: readonly ScopedReport[], agencies: readonly ScopedAgency[]): Promise<IndexSummary> {
  const summary = await indexScopes(siteDir, scopePages(reports, agencies));
  await writeSearchRuntime(siteDir);
  return summary;
}

/**
 * A full, compacting garbage collection of this (Astro's) process. Pagefind's binary needs gigabytes while it writes
 * a large index, and Astro's heap still holds the build's garbage then, spread thinly over pages a plain collection
 * keeps (at 3,000 reports: 487 MB of old space for 164 MB of live objects). Compacting first returns those pages and
 * lowers the peak of the two processes together. `gc` is only reachable once its flag is set; the compaction flag
 * is switched off again afterwards.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--compact-on-every-full-gc');
  (runInNewContext('gc') as () => void)();
  setFlagsFromString('--no-compact-on-every-full-gc');
}

const residentMb = () => Math.round(memoryUsage.rss() / 2 ** 20);
const heapUsedMb = () => Math.round(memoryUsage().heapUsed / 2 ** 20);

/** Starts indexing this build's scopes of `siteDir` (see the integration below); null under PAGEFIND=0. */
function startIndexing(siteDir: string, logger: AstroIntegrationLogger): Promise<IndexSummary> | null {
  const resident = residentMb();
  collectGarbage();
  const skip = process.env[SKIP_INDEX_ENV] === '0';
  logger.info(`Astro's process: ${resident} MB resident, ${heapUsedMb()} MB of heap in use after garbage collection; ${skip ? 'not indexing' : 'indexing'}`);
  if (skip) {
    logger.warn(`${SKIP_INDEX_ENV}=0: no search index was built (the site's search finds nothing)`);
    return null;
  }
  // A shard indexes the scopes of its reports (it has no agency pages), the merge those of its agency pages; the
  // runtime and the report scopes no one shard held are written once the shards' pages are beside the merge's
  // (scripts/shard-site.ts, mergeSearchIndex).
  const part = buildPart();
  const agencies = () => readDataFile(dataPath('agencies.json'), z.array(AgencyIndexEntry));
  if (part === 'merge') {
    logger.info("merge build: the agencies' scopes indexed here, the runtime once the shards' pages are in place");
    return indexScopes(siteDir, scopePages([], agencies()));
  }
  const reports = readSummaries(DATA_DIR);
  return part === 'shard' ? indexScopes(siteDir, scopePages(reports, [])) : indexSite(siteDir, reports, agencies());
}

/**
 * Indexing starts once every page is rendered (`astro:build:generated`), while the site-files writer still writes
 * the chart pages (the search indexes report and agency pages only), and is awaited in `astro:build:done`; this
 * integration comes before the site-files one in astro.config.mjs, whose `astro:build:generated` waits for its writer.
 */
export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<IndexSummary> | null = null;
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        indexing = startIndexing(fileURLToPath(dir), logger);
        // Awaited in astro:build:done; a failure before then must not count as unhandled.
        indexing?.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexing) return;
        const summary = await indexing;
        indexing = null;
        const languages = Object.entries(summary.indexed);
        const total = languages.reduce((sum, [, count]) => sum + count, 0);
        logger.info(indexedText(summary));
        if (total === 0) logger.warn('no page was indexed: search will find nothing');
        // The search page only loads the index of its own language (zh-cn); pages in another index are unreachable.
        const stray = languages.filter(([lang]) => lang !== 'zh-cn');
        if (stray.length > 0) logger.warn(`pages indexed under another language than zh-CN will not be found: ${stray.map(([l]) => l).join(', ')}`);
      },
    },
  };
}
