/**
 * The reports' downloads split by year (and a large year into parts of REPORTS_PER_PART reports): each part's JSON
 * array, wide CSV and long CSV, and downloads/parts.json listing them (src/schema/downloads.ts). No file grows with
 * the corpus beyond one part; ./summaries.ts writes the same parts without prose for the site.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOWNLOAD_FILES, PART_FILE_NAME, REPORTS_PER_PART, partFileNames, type DownloadPart, type DownloadParts, type PartFormat, type Report } from '../../schema';
import { writeJsonArrayAtomic, writeJsonAtomic } from './atomic';
import { writeReportCsvsAtomic, type ReportCsvSource } from './csv';

export interface Part<R extends Pick<Report, 'id' | 'year'> = Report> {
  year: number;
  part: number;
  parts: number;
  reports: R[];
  files: Record<PartFormat, string>;
}

/** `sorted` (by id) grouped by year, oldest first; a year of more than `perPart` reports cut into parts in id order. */
export function splitIntoParts<R extends Pick<Report, 'id' | 'year'> = Report>(sorted: readonly R[], perPart = REPORTS_PER_PART): Part<R>[] {
  const byYear = new Map<number, R[]>();
  for (const r of sorted) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  const out: Part<R>[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!;
    const parts = Math.ceil(list.length / perPart);
    for (let k = 0; k < parts; k++) {
      out.push({ year, part: k + 1, parts, reports: list.slice(k * perPart, (k + 1) * perPart), files: partFileNames(year, k + 1, parts) });
    }
  }
  return out;
}

export interface PartSources {
  jsonOf?: (report: Report) => string | Uint8Array | undefined;
  csvOf: (report: Report) => ReportCsvSource | undefined;
}

/**
 * Writes every part's three files into `downloadsDir`, then parts.json, and removes part files of an earlier run
 * that this one does not write (a year gone, a year now in more or fewer parts).
 */
export async function writeParts(downloadsDir: string, parts: readonly Part[], sources: PartSources, perPart = REPORTS_PER_PART): Promise<DownloadParts> {
  const at = (name: string) => path.join(downloadsDir, name);
  const listed: DownloadPart[] = [];
  for (const p of parts) {
    // Read once: a part's reports may be loaded when asked for (the merge reads them from their files, a part at a time).
    const reports = p.reports;
    await writeJsonArrayAtomic(at(p.files.json), reports, sources.jsonOf);
    await writeReportCsvsAtomic({ wide: at(p.files.wide), long: at(p.files.long) }, reports, sources.csvOf);
    const file = async (name: string) => ({ path: name, bytes: (await stat(at(name))).size });
    listed.push({
      year: p.year,
      part: p.part,
      parts: p.parts,
      reports: reports.length,
      first: reports[0].id,
      last: reports[reports.length - 1].id,
      files: { json: await file(p.files.json), wide: await file(p.files.wide), long: await file(p.files.long) },
    });
  }
  const index: DownloadParts = { reports: listed.reduce((a, p) => a + p.reports, 0), reportsPerPart: perPart, parts: listed };
  await writeJsonAtomic(at(DOWNLOAD_FILES.parts), index);
  const written = new Set(parts.flatMap((p) => Object.values(p.files)));
  const present = await readdir(downloadsDir);
  await Promise.all(present.filter((f) => PART_FILE_NAME.test(f) && !written.has(f)).map((f) => rm(at(f), { force: true })));
  return index;
}
