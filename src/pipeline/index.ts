/**
 * The ingest pipeline: discover → read → parse → enrich → validate → check → duplicates → X1 across years → write.
 * Bad input never throws out of here: every file ends up as a report or as a rejected entry with diagnostics.
 */
import path from 'node:path';
import { RULE_IDS, type Diagnostic, type Rejected, type Report, type RuleId } from '../schema';
import { cacheDirOf, codeVersion, FileHashes, fileHashesPath, pruneCache, readLongPiece, writerVersion, type FileOutcome } from './cache';
import { checkAcrossYears } from './check';
import { countBySeverity } from './diagnostic';
import { separateDuplicates } from './duplicates';
import { byCodePoint } from './order';
import { withCrossReportChecks } from './overlay';
import { ingestFiles, type WorkerFailure } from './parallel';
import { discoverFiles, unsupportedFormatDiagnostic } from './read/discover';
import { writeDataset, type Dataset, type DatasetSummary, type ReportCsvSource } from './write';

export interface Progress {
  done: number;
  total: number;
  file: string;
}

export interface PipelineOptions {
  contentDir: string;
  outDir: string;
  /** When set, any error diagnostic makes the run not `ok`. */
  strict?: boolean;
  /** Called after each file. */
  onProgress?: (progress: Progress) => void;
  /** Worker threads for the files to parse; default one per core, or none for fewer than PARALLEL_MIN_FILES. */
  workers?: number;
  /** Reuse per-file results cached in `<outDir>/.cache/` (default true); false neither reads nor writes the cache. */
  cache?: boolean;
  /** A shard: only the files under this sub-folder of contentDir (paths stay relative to contentDir). */
  shard?: string;
}

export interface PipelineStats {
  /** Files parsed this run. */
  parsed: number;
  /** Files whose result came from the cache. */
  cached: number;
  /** Input and sidecar files read to hash them for their cache keys (the others had not changed since the last run). */
  hashed: number;
  /** Worker threads used (0: main thread only, also when every file came from the cache). */
  workers: number;
  /** Tasks a worker thread failed, with the reason; their files were parsed again on the main thread. */
  workerFailures: WorkerFailure[];
  /** Wall-clock milliseconds of each stage. */
  ms: { discover: number; ingest: number; crossReport: number; write: number };
}

export interface PipelineResult {
  summary: DatasetSummary;
  reports: Report[];
  rejected: Rejected[];
  /** Every error diagnostic, of reports and rejected files, by file. */
  errors: Diagnostic[];
  /** False only in strict mode with errors. */
  ok: boolean;
  stats: PipelineStats;
}

/** The run's counts (summary.json); also the merge's, over the shards' summaries (./merge.ts). */
export function summarize(files: number, reports: readonly Pick<Report, 'diagnostics' | 'checks'>[], rejected: readonly Rejected[]): DatasetSummary {
  const all = [...reports.flatMap((r) => r.diagnostics), ...rejected.flatMap((r) => r.diagnostics)];
  const ruleBreaksByRule = Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as Record<RuleId, number>;
  for (const b of reports.flatMap((r) => r.checks)) ruleBreaksByRule[b.rule as RuleId]++;
  return {
    files,
    reports: reports.length,
    rejected: rejected.length,
    ...countBySeverity(all),
    ruleBreaks: Object.values(ruleBreaksByRule).reduce((a, b) => a + b, 0),
    ruleBreaksByRule,
    builtAt: new Date().toISOString(),
  };
}

/** The output manifest of the write stage (src/pipeline/write/manifest.ts), next to the ingest cache. */
const outputManifestPath = (outDir: string) => path.join(outDir, '.cache', 'outputs.json');

/** A report's CSV pieces for the writers: the wide row, and the long piece from the outcome or else from the cache folder (read when written). */
function csvSourceOf(outcome: FileOutcome | undefined, cacheDir: string | undefined): ReportCsvSource | undefined {
  const csv = outcome?.csv;
  if (!csv) return undefined;
  return {
    wide: csv.wide,
    long: () => csv.long ?? (cacheDir && outcome.key ? readLongPiece(cacheDir, outcome.key, csv.longSha256) : null),
  };
}

/** Milliseconds since the previous call (or since it was made). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const lap = stopwatch();
  const { files, unsupported } = await discoverFiles(contentDir, options.shard);
  const discoverMs = lap();
  const parsed: Report[] = [];
  const rejected: Rejected[] = unsupported.map((file) => ({ file, diagnostics: [unsupportedFormatDiagnostic(file)] }));

  const cache =
    options.cache === false
      ? null
      : { dir: cacheDirOf(outDir), codeVersion: await codeVersion(), hashes: FileHashes.load(fileHashesPath(outDir)) };
  const { outcomes, workers, workerFailures } = await ingestFiles(contentDir, files, {
    cache,
    workers: options.workers,
    onFile: (file, done) => options.onProgress?.({ done, total: files.length, file }),
  });
  for (const { ingested } of outcomes) {
    if ('report' in ingested) parsed.push(ingested.report);
    else rejected.push(ingested.rejected);
  }
  const ingestMs = lap();

  const { kept, duplicates } = separateDuplicates(parsed);
  rejected.push(...duplicates);
  // X1 is an overlay on the per-file reports: the writers take it as an input (../overlay.ts).
  const crossYear = checkAcrossYears(kept);
  const reports = kept.map((r) => withCrossReportChecks(r, crossYear));

  const summary = summarize(files.length + unsupported.length, reports, rejected);
  const crossReportMs = lap();
  const outcomeOf = new Map(outcomes.flatMap((o) => ('report' in o.ingested ? [[o.ingested.report.source.path, o] as const] : [])));
  const dataset: Dataset = {
    reports: kept,
    crossReportChecks: crossYear,
    rejected,
    summary,
    sources: files,
    // The per-file pieces at hand: what the cache holds of each report (the writers apply the overlay).
    jsonOf: (r) => outcomeOf.get(r.source.path)?.reportJson ?? undefined,
    csvOf: (r) => csvSourceOf(outcomeOf.get(r.source.path), cache?.dir),
  };
  if (cache) {
    dataset.inputsOf = {
      report: (r) => outcomeOf.get(r.source.path)?.key ?? undefined,
      source: (file) => cache.hashes.found(path.join(contentDir, file)),
    };
  }
  const manifest = cache ? { path: outputManifestPath(outDir), writerVersion: await writerVersion() } : undefined;
  await writeDataset(dataset, { contentDir, outDir, manifest });
  if (cache) {
    await pruneCache(cache.dir, new Set(outcomes.map((o) => o.key!)));
    await cache.hashes.save();
  }
  const writeMs = lap();

  const errors = [...reports.flatMap((r) => r.diagnostics), ...rejected.flatMap((r) => r.diagnostics)]
    .filter((d) => d.severity === 'error')
    .sort((a, b) => byCodePoint(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  const parsedCount = outcomes.filter((o) => o.parsed).length;
  const stats = {
    parsed: parsedCount,
    cached: outcomes.length - parsedCount,
    hashed: cache?.hashes.hashed ?? 0,
    workers,
    workerFailures,
    ms: { discover: discoverMs, ingest: ingestMs, crossReport: crossReportMs, write: writeMs },
  };
  return { summary, reports, rejected, errors, ok: !options.strict || errors.length === 0, stats };
}
