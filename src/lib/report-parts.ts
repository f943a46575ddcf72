/**
 * The accepted reports as the data step writes them: per-year parts listed in downloads/parts.json
 * (src/schema/downloads.ts), each a JSON array small enough to read whole (one file of a national year would be
 * longer than a JavaScript string can be). Tests and tools read the reports through here; the site reads the summaries
 * (readSummaries) and one report at a time (readReport).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';
import { DOWNLOAD_FILES, DownloadParts } from '../schema/downloads';
import { Report } from '../schema/report';
import { ReportSummary, SUMMARY_DIR, SUMMARY_INDEX, SummaryIndex } from '../schema/summary';
import { internStrings } from './intern-strings';
import { readDataFile, readValidatedJson } from './read-data-file';

/** The list of parts in `dataDir`, validated. */
export function readPartsIndex(dataDir: string): DownloadParts {
  return readDataFile(path.join(dataDir, 'downloads', DOWNLOAD_FILES.parts), DownloadParts);
}

/** Every report of every part, in the parts' order (year, then id), each part validated with the Report schema. */
export function readReports(dataDir: string): Report[] {
  const out: Report[] = [];
  for (const part of readPartsIndex(dataDir).parts) {
    for (const r of readDataFile(path.join(dataDir, 'downloads', part.files.json.path), z.array(Report))) out.push(r);
  }
  return out;
}

/** The same, parsed without validation: for tests and tools that compare the files with what they expect. */
export function readReportsJson(dataDir: string): unknown[] {
  const out: unknown[] = [];
  for (const part of readPartsIndex(dataDir).parts) {
    const list = JSON.parse(readFileSync(path.join(dataDir, 'downloads', part.files.json.path), 'utf8')) as unknown[];
    for (const r of list) out.push(r);
  }
  return out;
}

/**
 * Every report's summary (src/schema/summary.ts: the report without its prose), part by part as
 * data/site/summaries.json lists them, each part validated: what the site's aggregate pages read, held for the whole
 * build, so as JSON.parse made them (readValidatedJson) and each distinct string kept once (internStrings).
 */
export function readSummaries(dataDir: string): ReportSummary[] {
  const out: ReportSummary[] = [];
  const dir = path.join(dataDir, SUMMARY_DIR);
  const pool = new Map<string, string>();
  for (const part of readDataFile(path.join(dir, SUMMARY_INDEX), SummaryIndex).parts) {
    const summaries = readValidatedJson(path.join(dir, part.path), z.array(ReportSummary));
    internStrings(summaries, pool);
    for (const r of summaries) out.push(r);
  }
  return out;
}

/** A report id as the schema spells it (so a path built from it stays inside data/reports/). */
const REPORT_ID = Report.shape.id;

/** One report, data/reports/<id>.json, validated: a report page reads its report when it renders. */
export function readReport(dataDir: string, id: string): Report {
  return readDataFile(path.join(dataDir, 'reports', `${REPORT_ID.parse(id)}.json`), Report);
}
