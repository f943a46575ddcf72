/** Write stage: the data contract of the portal (see COMMON.md) under one output folder. */
import path from 'node:path';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { Report, type Rejected, type RuleId } from '../../schema';
import { copyFileAtomic, writeJsonArrayAtomic, writeJsonAtomic } from './atomic';
import { buildAgencyIndex, sortReports } from './collections';
import { DICTIONARY_COLUMNS, dictionaryRows, LONG_COLUMNS, longRows, WIDE_COLUMNS, wideRows, writeCsvAtomic } from './csv';
import { byKey } from '../order';
import { pruneExcept } from './prune';

export { CELL_DEFINITIONS, cellValue, type CellDefinition } from './cells';
export { IDENTITY_COLUMNS, WIDE_COLUMNS, LONG_COLUMNS, DICTIONARY_COLUMNS } from './csv';
export { buildAgencyIndex, sortReports } from './collections';

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
}

export async function writeDataset(dataset: Dataset, { contentDir, outDir }: { contentDir: string; outDir: string }): Promise<void> {
  const out = (...parts: string[]) => path.resolve(outDir, ...parts);
  const reports = sortReports(dataset.reports);
  const rejected = [...dataset.rejected].sort(byKey((r) => r.file));

  const written = new Set<string>();
  for (const report of reports) {
    const target = out('reports', `${report.id}.json`);
    await writeJsonAtomic(target, report);
    written.add(target);
  }
  for (const source of dataset.sources) {
    const target = out('sources', ...source.split('/'));
    await copyFileAtomic(path.join(contentDir, source), target);
    written.add(target);
  }
  await pruneExcept(out('reports'), written);
  await pruneExcept(out('sources'), written);

  await writeJsonArrayAtomic(out('downloads', 'reports.json'), reports);
  await writeCsvAtomic(out('downloads', 'reports-wide.csv'), WIDE_COLUMNS, wideRows(reports));
  await writeCsvAtomic(out('downloads', 'reports-long.csv'), LONG_COLUMNS, longRows(reports));
  await writeJsonAtomic(out('downloads', 'report.schema.json'), zodToJsonSchema(Report, 'Report'));
  await writeCsvAtomic(out('downloads', 'dictionary.csv'), DICTIONARY_COLUMNS, dictionaryRows());

  await writeJsonAtomic(out('agencies.json'), buildAgencyIndex(reports));
  await writeJsonArrayAtomic(out('rejected.json'), rejected);
  await writeJsonArrayAtomic(out('reports.json'), reports);
  await writeJsonAtomic(out('summary.json'), dataset.summary);
}
