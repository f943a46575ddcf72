/** Write stage: the data contract of the portal (see COMMON.md) under one output folder. */
import path from 'node:path';
import pLimit from 'p-limit';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { Report, type Rejected, type RuleId } from '../../schema';
import { copyFileAtomic, copyFileIfChanged, writeJsonArrayAtomic, writeJsonAtomic, writeJsonIfChanged } from './atomic';
import { buildAgencyIndex, sortReports } from './collections';
import { DICTIONARY_COLUMNS, dictionaryRows, writeCsvAtomic, writeReportCsvsAtomic, type ReportCsv } from './csv';
import { byKey } from '../order';
import { pruneExcept } from './prune';

export { CELL_DEFINITIONS, cellValue, type CellDefinition } from './cells';
export { IDENTITY_COLUMNS, WIDE_COLUMNS, LONG_COLUMNS, DICTIONARY_COLUMNS, reportCsv, type ReportCsv } from './csv';
export { buildAgencyIndex, sortReports } from './collections';

/** Per-report and source files written at the same time. */
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
  reports: Report[];
  rejected: Rejected[];
  summary: DatasetSummary;
  /** Input files (relative to the content folder) to copy to `sources/`. */
  sources: string[];
  /** The CSV pieces of a report when the ingest computed them already (see reportCsv); computed here otherwise. */
  csvOf?: (report: Report) => ReportCsv | undefined;
}

export async function writeDataset(dataset: Dataset, { contentDir, outDir }: { contentDir: string; outDir: string }): Promise<void> {
  const out = (...parts: string[]) => path.resolve(outDir, ...parts);
  const reports = sortReports(dataset.reports);
  const rejected = [...dataset.rejected].sort(byKey((r) => r.file));

  // Thousands of small files: several in flight at once keep the file system busy instead of waiting on each.
  const limit = pLimit(FILES_IN_FLIGHT);
  const reportFiles = reports.map((r) => [out('reports', `${r.id}.json`), r] as const);
  // Source paths come from the content folder's walk; one that would land outside sources/ is never copied.
  const sourcesDir = out('sources');
  const sourceFiles = dataset.sources
    .map((s) => [out('sources', ...s.split('/')), path.join(contentDir, s)] as const)
    .filter(([file]) => file.startsWith(sourcesDir + path.sep));
  await Promise.all([
    ...reportFiles.map(([file, report]) => limit(() => writeJsonIfChanged(file, report))),
    ...sourceFiles.map(([file, source]) => limit(() => copyFileIfChanged(source, file))),
  ]);
  const written = new Set([...reportFiles, ...sourceFiles].map(([file]) => file));
  await pruneExcept(out('reports'), written);
  await pruneExcept(out('sources'), written);

  await writeJsonArrayAtomic(out('reports.json'), reports);
  // The download is the same file as the collection: copied, not serialised twice.
  await copyFileAtomic(out('reports.json'), out('downloads', 'reports.json'));
  await writeReportCsvsAtomic(
    { wide: out('downloads', 'reports-wide.csv'), long: out('downloads', 'reports-long.csv') },
    reports,
    dataset.csvOf ?? (() => undefined),
  );
  await writeJsonAtomic(out('downloads', 'report.schema.json'), zodToJsonSchema(Report, 'Report'));
  await writeCsvAtomic(out('downloads', 'dictionary.csv'), DICTIONARY_COLUMNS, dictionaryRows());

  await writeJsonAtomic(out('agencies.json'), buildAgencyIndex(reports));
  await writeJsonArrayAtomic(out('rejected.json'), rejected);
  await writeJsonAtomic(out('summary.json'), dataset.summary);
}
