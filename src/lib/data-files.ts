/**
 * The data files other than the reports and agencies.json (src/lib/site-data.ts): rejected files, the summary,
 * the list of downloads and the copies of the source files. Read once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { z } from 'zod/v4';
import { Rejected } from '../schema/report';
import { DATA_DIR, dataPath } from './data-dir';
import { readDataFile } from './read-data-file';
import { listDownloads } from './download-files';
import type { DownloadPart } from '../schema/downloads';

/**
 * Files that did not become a report, with their diagnostics. `npm run data` always writes rejected.json (`[]` when
 * every file became a report), so a missing file fails the build with its name: an empty /quality/ page would
 * otherwise claim that nothing was rejected.
 */
export const rejected = readDataFile(dataPath('rejected.json'), z.array(Rejected));

/** The run's summary (counts and the build time shown on /data/); missing, it fails the build like rejected.json. */
export const summary = readDataFile(
  dataPath('summary.json'),
  z.object({ files: z.number(), reports: z.number(), warnings: z.number(), errors: z.number(), ruleBreaks: z.number(), builtAt: z.string() }),
);

/** The downloads present in data/downloads/ with their size, and the reports' parts (./download-files.ts). */
const downloads = listDownloads(DATA_DIR);
export const availableDownloads = downloads.available;
export const downloadParts: DownloadPart[] = downloads.parts;

/** A source copy's location, or null when the path would leave data/sources/ (paths come from the data). */
function sourceFile(path: string): string | null {
  const root = dataPath('sources');
  const full = dataPath('sources', path);
  return full.startsWith(root + sep) ? full : null;
}

export function sourceExists(path: string): boolean {
  const file = sourceFile(path);
  return file !== null && existsSync(file);
}

export function readSourceCopy(path: string): Buffer {
  return readFileSync(sourceFile(path)!);
}
