/**
 * The data side of the merge (README: "Building in shards"): the data folders of shards built apart (`npm run build
 * -- --shard <name>`, each the data step over one sub-folder of the content) become one data folder for the
 * aggregate pages, from the shards' small files: summaries (data/site/), rejected.json and summary.json; only the
 * downloads, which hold every report, read the reports, a part at a time. What needs every report is done here
 * again over the summaries:
 * an agency-year in two shards (the first by source path is kept, as in one build; the other is rejected naming
 * both) and X1 across years (recomputed over every summary: a pair of years in two shards is found here, and its
 * report pages, built by the shards, do not show it: the merge lists them). The reports' own files
 * (reports/<id>.json, sources/) are hard-linked, not copied; the downloads (parts by year, the SQLite database) are
 * written as one build writes them, from those files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';
import {
  DOWNLOAD_FILES,
  Rejected,
  Report,
  ReportSummary,
  SUMMARY_DIR,
  SUMMARY_INDEX,
  SummaryIndex,
  type AgencyIndexEntry,
  type RuleBreak,
} from '../schema';
import { checkAcrossYears } from './check';
import { separateDuplicates } from './duplicates';
import { summarize } from './index';
import { byKey } from './order';
import { buildAgencyIndex, splitIntoParts, writeParts } from './write';
import { writeJsonArrayAtomic, writeJsonAtomic } from './write/atomic';
import { writeDatabaseAtomic } from './write/database';
import { dataPackage } from './write/datapackage';
import { writeSummaries } from './write/summaries';

/** The rule found across reports, recomputed by the merge. */
const CROSS_YEAR_RULE = 'X1';

/** Files of a shard's downloads copied as they are (the same in every shard). */
const SHARED_DOWNLOADS = [DOWNLOAD_FILES.dictionary, DOWNLOAD_FILES.jsonSchema];

const ShardSummary = z.object({ files: z.number().int().nonnegative() });

export interface MergeResult {
  reports: number;
  rejected: number;
  /** Per shard (in the order given), the ids of its reports another shard already has: their pages are left out. */
  dropped: string[][];
  /** Reports whose X1 breaks differ from their shard's (a pair of years across shards): shown on aggregate pages only. */
  crossShardX1: string[];
  /** The shard (its index in the order given) of each report kept. */
  shardOf: ReadonlyMap<string, number>;
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Every summary of a shard's data folder, part by part as its summaries.json lists them. */
async function readShardSummaries(dataDir: string): Promise<ReportSummary[]> {
  const dir = path.join(dataDir, SUMMARY_DIR);
  const out: ReportSummary[] = [];
  for (const part of (await readJson(path.join(dir, SUMMARY_INDEX), SummaryIndex)).parts) {
    for (const r of await readJson(path.join(dir, part.path), z.array(ReportSummary))) out.push(r);
  }
  return out;
}

/** A hard link of `source` at `target` (a copy across file systems); an existing target is replaced. */
export async function linkFile(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await rm(target, { force: true });
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

/** Every file under `dir` (relative paths with `/`), none when it does not exist. */
export async function filesBelow(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const sameBreaks = (a: readonly RuleBreak[], b: readonly RuleBreak[]) => JSON.stringify(a) === JSON.stringify(b);

/** A report's file in the merged folder (linked from its shard) with the checks of its merged summary. */
function mergedReport(outDir: string, summary: ReportSummary): Report {
  const report = Report.parse(JSON.parse(readFileSync(path.join(outDir, 'reports', `${summary.id}.json`), 'utf8')));
  return { ...report, checks: summary.checks };
}

/** Reports read from their files one at a time, in the order of `summaries`. */
function* reportsOf(outDir: string, summaries: readonly ReportSummary[]): Generator<Report> {
  for (const s of summaries) yield mergedReport(outDir, s);
}

/**
 * The downloads of the merged set, as one build over every file writes them: the parts by year (./write/parts.ts),
 * each part's reports read from their files when it is written and let go after, so memory holds one part (at most
 * REPORTS_PER_PART reports); the SQLite database, its reports read one at a time; the dictionary, the JSON Schema
 * and datapackage.json.
 */
async function writeMergedDownloads(shardDirs: readonly string[], outDir: string, summaries: readonly ReportSummary[], agencies: AgencyIndexEntry[], rejected: readonly Rejected[]): Promise<void> {
  const target = path.join(outDir, 'downloads');
  await mkdir(target, { recursive: true });
  const parts = splitIntoParts(summaries).map(({ reports: inPart, ...p }) => ({
    ...p,
    get reports(): Report[] {
      return [...reportsOf(outDir, inPart)];
    },
  }));
  const index = await writeParts(target, parts, { csvOf: () => undefined });
  for (const name of SHARED_DOWNLOADS) {
    const from = path.join(shardDirs[0], 'downloads', name);
    if (existsSync(from)) await copyFile(from, path.join(target, name));
  }
  await writeJsonAtomic(path.join(target, DOWNLOAD_FILES.dataPackage), dataPackage(target, index));
  await writeDatabaseAtomic(path.join(target, DOWNLOAD_FILES.database), { agencies, reports: reportsOf(outDir, summaries), rejected });
}

/** Merges the data folders `shardDirs` (each written by the data step of one shard) into `outDir`. */
export async function mergeShardData(shardDirs: readonly string[], outDir: string): Promise<MergeResult> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const summaries: ReportSummary[] = [];
  const shardOf = new Map<ReportSummary, number>();
  const rejected: Rejected[] = [];
  let files = 0;
  for (const [i, dir] of shardDirs.entries()) {
    for (const r of await readShardSummaries(dir)) {
      summaries.push(r);
      shardOf.set(r, i);
    }
    rejected.push(...(await readJson(path.join(dir, 'rejected.json'), z.array(Rejected))));
    files += (await readJson(path.join(dir, 'summary.json'), ShardSummary)).files;
  }

  // An agency-year in two shards: kept and rejected as one build over every file would.
  const { kept, duplicates } = separateDuplicates(summaries);
  rejected.push(...duplicates);
  const keptSet = new Set(kept);
  const dropped = shardDirs.map((_, i) => summaries.filter((r) => shardOf.get(r) === i && !keptSet.has(r)).map((r) => r.id));

  // X1 over every year of every agency, in place of each shard's own.
  const own = kept.map((r) => ({ ...r, checks: r.checks.filter((c) => c.rule !== CROSS_YEAR_RULE) }));
  const overlay = checkAcrossYears(own);
  const crossShardX1: string[] = [];
  const reports = own
    .map((r, i) => {
      const merged = { ...r, checks: [...r.checks, ...(overlay.get(r.id) ?? [])] };
      if (!sameBreaks(merged.checks, kept[i].checks)) crossShardX1.push(r.id);
      return merged;
    })
    .sort(byKey((r) => r.id));

  await writeSummaries(path.join(outDir, SUMMARY_DIR), splitIntoParts(reports));
  const agencies = buildAgencyIndex(reports);
  await writeJsonAtomic(path.join(outDir, 'agencies.json'), agencies);
  const sortedRejected = rejected.sort(byKey((r) => r.file));
  await writeJsonArrayAtomic(path.join(outDir, 'rejected.json'), sortedRejected);
  await writeJsonAtomic(path.join(outDir, 'summary.json'), summarize(files, reports, sortedRejected));

  // The files pages read one at a time (a report's JSON, a source copy): linked from their shard.
  const shardOfKept = new Map(kept.map((r) => [r.id, shardOf.get(r)!]));
  for (const [id, i] of shardOfKept) await linkFile(path.join(shardDirs[i], 'reports', `${id}.json`), path.join(outDir, 'reports', `${id}.json`));
  for (const dir of shardDirs) {
    for (const file of await filesBelow(path.join(dir, 'sources'))) await linkFile(path.join(dir, 'sources', file), path.join(outDir, 'sources', file));
  }
  await writeMergedDownloads(shardDirs, outDir, reports, agencies, sortedRejected);
  return { reports: reports.length, rejected: sortedRejected.length, dropped, crossShardX1: crossShardX1.sort(), shardOf: shardOfKept };
}
