/**
 * The file names of the data set downloads (data/downloads/, served at /downloads/): the writers and the site share
 * them. The reports themselves (JSON, wide CSV, long CSV) are split by year, and a year of more than
 * REPORTS_PER_PART reports into parts of that many, so no download grows with the corpus (a national year is some
 * 100,000 reports: 730 MB of JSON and 2.2 GB of long CSV as single files). `parts.json` lists the parts; the whole
 * set in one file is the SQLite database.
 */
import { z } from 'zod/v4';

export const DOWNLOAD_FILES = {
  /** The list of the per-year parts below (DownloadParts). */
  parts: 'parts.json',
  dictionary: 'dictionary.csv',
  jsonSchema: 'report.schema.json',
  database: 'reports.sqlite',
  dataPackage: 'datapackage.json',
} as const;

/**
 * Reports per part: the three files of a part hold the same reports (in id order). At the generator's report size
 * a part is about 37 MB of JSON and 110 MB of long CSV (about 22 KB a report), under the 200 MB a download may have.
 */
export const REPORTS_PER_PART = 5000;

export const PART_FORMATS = ['json', 'wide', 'long'] as const;
export type PartFormat = (typeof PART_FORMATS)[number];

const PART_STEMS: Record<PartFormat, [string, string]> = {
  json: ['reports', 'json'],
  wide: ['reports-wide', 'csv'],
  long: ['reports-long', 'csv'],
};

/**
 * A part's file names: `reports-2024.json`, `reports-wide-2024.csv`, `reports-long-2024.csv` for a year in one part;
 * `reports-2024-1.json`, `reports-2024-2.json` … when the year has several.
 */
export function partFileNames(year: number, part: number, parts: number): Record<PartFormat, string> {
  const suffix = parts > 1 ? `-${part}` : '';
  const name = (format: PartFormat) => `${PART_STEMS[format][0]}-${year}${suffix}.${PART_STEMS[format][1]}`;
  return { json: name('json'), wide: name('wide'), long: name('long') };
}

/** Any part's file name (the only names parts.json may list; the site reads the files it names). */
export const PART_FILE_NAME = /^reports(?:-wide|-long)?-\d{4}(?:-\d+)?\.(?:json|csv)$/;

const PartFile = z.object({ path: z.string().regex(PART_FILE_NAME), bytes: z.number().int().nonnegative() });

export const DownloadPart = z.object({
  year: z.number().int(),
  /** 1-based, of `parts` parts of this year. */
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  reports: z.number().int().nonnegative(),
  /** Ids of the part's first and last report (parts follow id order within a year). */
  first: z.string(),
  last: z.string(),
  files: z.object({ json: PartFile, wide: PartFile, long: PartFile }),
});
export type DownloadPart = z.infer<typeof DownloadPart>;

export const DownloadParts = z.object({
  reports: z.number().int().nonnegative(),
  reportsPerPart: z.number().int().positive(),
  /** By year, oldest first, then by part. */
  parts: z.array(DownloadPart),
});
export type DownloadParts = z.infer<typeof DownloadParts>;
