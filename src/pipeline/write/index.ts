/** Write stage: the portal's data files (README.md, "The JSON shape"; CSV columns in src/schema/csv.ts) under one output folder. */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { z } from 'zod/v4';
import { DICTIONARY_COLUMNS, DOWNLOAD_FILES, Report, SUMMARY_DIR, dictionaryRows, type Rejected, type RuleId } from '../../schema';
import { copyFileIfChanged, copyNewFile, NewFolders, writeFileIfChanged, writeJsonArrayAtomic, writeJsonAtomic, writeNewFile } from './atomic';
import { buildAgencyIndex, sortReports } from './agency-index';
import { writeCsvAtomic, type ReportCsvSource } from './csv';
import { updateDatabaseConcurrently } from './database-thread';
import { dataPackage } from './datapackage';
import { OutputManifest } from './manifest';
import { byKey } from '../order';
import { withCrossReportChecks, type CrossReportChecks } from '../overlay';
import { splitIntoParts, writeParts } from './parts';
import { filesUnder, removeAllBut } from './prune';
import { writeSummaries } from './summaries';

export { reportCsv, type ReportCsv, type ReportCsvSource } from './csv';
export { buildAgencyIndex, sortReports } from './agency-index';
export { splitIntoParts, writeParts, type Part } from './parts';

/** Files of earlier versions of the data step that this one replaces (removed, so a data folder holds one version). */
const LEGACY_FILES = ['downloads/reports.json', 'downloads/reports-wide.csv', 'downloads/reports-long.csv'];

/** Per-report and source files there already, compared and replaced at the same time. */
const FILES_IN_FLIGHT = 16;

export interface DatasetSummary {
  /** Input files found (including unsupported formats). */
  files: number;
  reports: number;
  rejected: number;
  warnings: number;
  errors: number;
  /** Rule breaks over all reports. */
  ruleBreaks: number;
  ruleBreaksByRule: Record<RuleId, number>;
  builtAt: string;
}

export interface Dataset {
  /** The reports as the per-file stage made them (parsed this run or from the cache), without cross-report checks. */
  reports: Report[];
  /**
   * The rule breaks found across reports (X1) by report id (../overlay.ts): written after each report's own checks.
   * The per-file pieces below describe a report without them; a report with an overlay is written from its object.
   */
  crossReportChecks?: CrossReportChecks;
  rejected: Rejected[];
  summary: DatasetSummary;
  /** Input files (relative to the content folder) to copy to `sources/`. */
  sources: string[];
  /** A report's compact JSON (text or UTF-8 bytes) when it is at hand already (from the cache); serialised here otherwise. */
  jsonOf?: (report: Report) => string | Uint8Array | undefined;
  /** The CSV pieces of a report when the ingest computed them already (see reportCsv); computed here otherwise. */
  csvOf?: (report: Report) => ReportCsvSource | undefined;
  /**
   * Fingerprints of what a report's JSON file and a source's copy are made from (the same fingerprint: the same
   * bytes), for the output manifest: unknown (undefined) means the file is compared with what it would hold.
   */
  inputsOf?: { report: (report: Report) => string | undefined; source: (file: string) => string | undefined };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The per-file pieces of a dataset for its reports with their cross-report checks: a report with an overlay has no
 * compact JSON or wide CSV row at hand (its checks differ from what they were made of; the long CSV piece holds no
 * checks), and its inputs are the per-file ones plus the overlay's fingerprint.
 */
function overlaid(dataset: Dataset): Pick<Dataset, 'reports' | 'jsonOf' | 'csvOf' | 'inputsOf'> {
  const overlay: CrossReportChecks = dataset.crossReportChecks ?? new Map();
  const added = (r: Report) => overlay.get(r.id)?.length ?? 0;
  const { jsonOf, csvOf, inputsOf } = dataset;
  return {
    reports: dataset.reports.map((r) => withCrossReportChecks(r, overlay)),
    jsonOf: jsonOf && ((r) => (added(r) ? undefined : jsonOf(r))),
    csvOf:
      csvOf &&
      ((r) => {
        const pieces = csvOf(r);
        return pieces && added(r) ? { ...pieces, wide: null } : pieces;
      }),
    inputsOf: inputsOf && {
      source: inputsOf.source,
      report: (r) => {
        const key = inputsOf.report(r);
        return key && added(r) ? `${key} ${sha256(JSON.stringify(overlay.get(r.id)))}` : key;
      },
    },
  };
}

const NEWLINE = Buffer.from('\n');

/**
 * reports/<id>.json: the report's compact JSON and a line break. Compact, as in the download parts and the cache: the
 * bytes are at hand from the cache (nothing to serialise on this thread; indented JSON took most of the write
 * stage's CPU time for these files and a third more disk). The site serves /reports/<id>.json from its own data.
 */
function reportFileChunks(report: Report, jsonOf: Dataset['jsonOf']): Uint8Array[] {
  const json = jsonOf?.(report) ?? JSON.stringify(report);
  return [typeof json === 'string' ? Buffer.from(json) : json, NEWLINE];
}

export interface WriteOptions {
  contentDir: string;
  outDir: string;
  /** The output manifest (./manifest.ts) and the writers' code fingerprint; without it every file is compared. */
  manifest?: { path: string; writerVersion: string };
}

export async function writeDataset(input: Dataset, { contentDir, outDir, manifest: manifestAt }: WriteOptions): Promise<void> {
  const dataset = { ...input, ...overlaid(input) };
  const out = (...parts: string[]) => path.resolve(outDir, ...parts);
  const reports = sortReports(dataset.reports);
  const rejected = [...dataset.rejected].sort(byKey((r) => r.file));
  const manifest = manifestAt ? OutputManifest.load(manifestAt.path, manifestAt.writerVersion) : null;
  // The database first: written anew, it takes a thread of its own while the files below are written here.
  const agencies = buildAgencyIndex(reports);
  const database = updateDatabaseConcurrently(
    out('downloads', DOWNLOAD_FILES.database),
    { agencies, reports, rejected, inputsOf: dataset.inputsOf?.report },
    manifest ?? undefined,
  );
  const existing = [...(await filesUnder(out('reports'))), ...(await filesUnder(out('sources')))];
  const existed = new Set(existing);

  /** Writes `file`, there already, unless the manifest knows it is up to date (`write` compares it first). */
  async function update(file: string, inputs: string | undefined, write: () => Promise<unknown>): Promise<void> {
    if (inputs !== undefined && manifest?.unchanged(file, inputs)) return;
    await write();
    if (inputs !== undefined) manifest?.record(file, inputs);
  }

  const reportFiles = reports.map((r) => [out('reports', `${r.id}.json`), r] as const);
  // Source paths come from the content folder's walk; one that would land outside sources/ is never copied.
  const sourcesDir = out('sources');
  const sourceFiles = dataset.sources
    .map((s) => [out('sources', ...s.split('/')), s] as const)
    .filter(([file]) => file.startsWith(sourcesDir + path.sep));
  // Files that were not there (all of them in an empty output folder) are written in place, one after the other on
  // this thread (./atomic.ts, writeNewFile): a third of the CPU time of promises through the thread pool, temporary
  // files and renames, which at 10,000 reports took more system time than parsing took.
  const folders = new NewFolders();
  for (const [file, report] of reportFiles) {
    if (existed.has(file)) continue;
    const written = writeNewFile(file, reportFileChunks(report, dataset.jsonOf), folders);
    const inputs = dataset.inputsOf?.report(report);
    if (inputs !== undefined) manifest?.record(file, inputs, written);
  }
  for (const [file, source] of sourceFiles) {
    if (existed.has(file)) continue;
    const written = copyNewFile(path.join(contentDir, source), file, folders);
    const inputs = dataset.inputsOf?.source(source);
    if (inputs !== undefined) manifest?.record(file, inputs, written);
  }
  // Files there already are left alone when the manifest knows them, else compared and replaced: several in flight
  // at once keep the file system busy instead of waiting on each.
  const limit = pLimit(FILES_IN_FLIGHT);
  await Promise.all([
    ...reportFiles
      .filter(([file]) => existed.has(file))
      .map(([file, report]) =>
        limit(() => update(file, dataset.inputsOf?.report(report), () => writeFileIfChanged(file, Buffer.concat(reportFileChunks(report, dataset.jsonOf))))),
      ),
    ...sourceFiles
      .filter(([file]) => existed.has(file))
      .map(([file, source]) => limit(() => update(file, dataset.inputsOf?.source(source), () => copyFileIfChanged(path.join(contentDir, source), file)))),
  ]);
  await removeAllBut(existing, new Set([...reportFiles, ...sourceFiles].map(([file]) => file)));

  // The reports' JSON and CSV downloads, by year (./parts.ts), listed in parts.json.
  const split = splitIntoParts(reports);
  const parts = await writeParts(out('downloads'), split, { jsonOf: dataset.jsonOf, csvOf: dataset.csvOf ?? (() => undefined) });
  // The same parts without prose for the site's aggregate pages (./summaries.ts): the site never holds every report.
  await writeSummaries(out(SUMMARY_DIR), split);
  // Every accepted report in one JSON array, in id order: data/reports.json, the data step's whole-set output for
  // tools that take the data folder (shared ARCHITECTURE.md). Streamed a report at a time, so any size can be
  // written; nothing in the site reads it whole (it takes the parts above). No longer a download: the downloads
  // before the split by year are removed.
  await writeJsonArrayAtomic(out('reports.json'), reports, dataset.jsonOf);
  await Promise.all(LEGACY_FILES.map((f) => rm(out(...f.split('/')), { force: true })));
  // JSON Schema draft 2020-12; a part used more than once (a cell, a table row, a section) is written once under $defs.
  await writeJsonAtomic(out('downloads', DOWNLOAD_FILES.jsonSchema), z.toJSONSchema(Report, { reused: 'ref' }));
  await writeCsvAtomic(out('downloads', DOWNLOAD_FILES.dictionary), DICTIONARY_COLUMNS, dictionaryRows());
  await writeJsonAtomic(out('downloads', DOWNLOAD_FILES.dataPackage), dataPackage(out('downloads'), parts));

  await writeJsonAtomic(out('agencies.json'), agencies);
  await writeJsonArrayAtomic(out('rejected.json'), rejected);
  await writeJsonAtomic(out('summary.json'), dataset.summary);
  // With the manifest, only the rows of reports that changed were rewritten (in place, on this thread).
  await database;
  await manifest?.save();
}
