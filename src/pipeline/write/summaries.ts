/**
 * The site's summaries (src/schema/summary.ts): for each download part (./parts.ts), the same reports without their
 * prose, in data/site/summaries-<year>[-<part>].json, and data/site/summaries.json listing them. The site's
 * aggregate pages read these, never every report whole; stale summary files of an earlier run are removed.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SUMMARY_FILE_NAME, SUMMARY_INDEX, summaryFileName, toSummary, type Report, type ReportSummary, type SummaryIndex } from '../../schema';
import { writeJsonArrayAtomic, writeJsonAtomic } from './atomic';
import type { Part } from './parts';

export async function writeSummaries(dir: string, parts: readonly Part<Report | ReportSummary>[]): Promise<SummaryIndex> {
  await mkdir(dir, { recursive: true });
  const index: SummaryIndex = { reports: 0, parts: [] };
  for (const p of parts) {
    const name = summaryFileName(p.year, p.part, p.parts);
    await writeJsonArrayAtomic(path.join(dir, name), p.reports, (r) => JSON.stringify(toSummary(r)));
    index.parts.push({ year: p.year, path: name, reports: p.reports.length });
    index.reports += p.reports.length;
  }
  await writeJsonAtomic(path.join(dir, SUMMARY_INDEX), index);
  const written = new Set(index.parts.map((p) => p.path));
  const present = await readdir(dir);
  await Promise.all(present.filter((f) => SUMMARY_FILE_NAME.test(f) && !written.has(f)).map((f) => rm(path.join(dir, f), { force: true })));
  return index;
}
