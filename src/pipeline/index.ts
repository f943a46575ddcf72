/**
 * The ingest pipeline: discover → read → parse → enrich → validate → check → duplicates → X1 across years → write.
 * Bad input never throws out of here: every file ends up as a report or as a rejected entry with diagnostics.
 */
import path from 'node:path';
import { RULE_IDS, type Diagnostic, type Rejected, type Report, type RuleId } from '../schema';
import { cacheDirOf, codeVersion, pruneCache } from './cache';
import { checkAcrossYears } from './check';
import { countBySeverity } from './diagnostic';
import { separateDuplicates } from './duplicates';
import { byCodePoint } from './order';
import { ingestFiles } from './parallel';
import { discoverFiles, unsupportedFormatDiagnostic } from './read';
import { writeDataset, type DatasetSummary } from './write';

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
}

export interface PipelineStats {
  /** Files parsed this run. */
  parsed: number;
  /** Files whose result came from the cache. */
  cached: number;
  /** Worker threads used (0: main thread only, also when every file came from the cache). */
  workers: number;
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

function summarize(files: number, reports: Report[], rejected: Rejected[]): DatasetSummary {
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
  const { files, unsupported } = await discoverFiles(contentDir);
  const discoverMs = lap();
  const parsed: Report[] = [];
  const rejected: Rejected[] = unsupported.map((file) => ({ file, diagnostics: [unsupportedFormatDiagnostic(file)] }));

  const cache = options.cache === false ? null : { dir: cacheDirOf(outDir), codeVersion: await codeVersion() };
  const { outcomes, workers } = await ingestFiles(contentDir, files, {
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
  const crossYear = checkAcrossYears(kept);
  const reports = kept.map((r) => (crossYear.has(r.id) ? { ...r, checks: [...r.checks, ...crossYear.get(r.id)!] } : r));

  const summary = summarize(files.length + unsupported.length, reports, rejected);
  const crossReportMs = lap();
  const csvByFile = new Map(outcomes.flatMap((o) => ('report' in o.ingested && o.csv ? [[o.ingested.report.source.path, o.csv] as const] : [])));
  await writeDataset({ reports, rejected, summary, sources: files, csvOf: (r) => csvByFile.get(r.source.path) }, { contentDir, outDir });
  if (cache) await pruneCache(cache.dir, new Set(outcomes.map((o) => o.key!)));
  const writeMs = lap();

  const errors = [...reports.flatMap((r) => r.diagnostics), ...rejected.flatMap((r) => r.diagnostics)]
    .filter((d) => d.severity === 'error')
    .sort((a, b) => byCodePoint(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  const parsedCount = outcomes.filter((o) => o.parsed).length;
  const stats = {
    parsed: parsedCount,
    cached: outcomes.length - parsedCount,
    workers,
    ms: { discover: discoverMs, ingest: ingestMs, crossReport: crossReportMs, write: writeMs },
  };
  return { summary, reports, rejected, errors, ok: !options.strict || errors.length === 0, stats };
}
