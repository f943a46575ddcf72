/**
 * What the data step wrote, for the benchmark: the downloads by size (the largest CSV or JSON against the 200 MB a
 * download may have; the SQLite database, the whole set in one file, apart), the reports and rejected files it
 * counted, and how many files were rejected as a duplicate of another file's agency and year (the generator makes
 * distinct agency-years, so none).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOWNLOAD_FILES } from '../schema/downloads';

export interface DownloadsWeight {
  /** The largest CSV or JSON download. */
  largest: { name: string; bytes: number };
  /** CSV and JSON downloads (the reports' parts, the dictionary, the schema, the lists). */
  files: number;
  databaseBytes: number;
  /** The data folder on disk, the ingest cache (.cache/) left out. */
  dataBytes: number;
  rejected: number;
  duplicates: number;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.cache') continue;
    const full = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

export function weighDownloads(dataDir: string): DownloadsWeight {
  const downloads = path.join(dataDir, 'downloads');
  const sized = readdirSync(downloads)
    .filter((name) => /\.(csv|json)$/.test(name))
    .map((name) => ({ name, bytes: statSync(path.join(downloads, name)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const rejected = JSON.parse(readFileSync(path.join(dataDir, 'rejected.json'), 'utf8')) as { diagnostics: { code: string }[] }[];
  return {
    largest: sized[0] ?? { name: '-', bytes: 0 },
    files: sized.length,
    databaseBytes: statSync(path.join(downloads, DOWNLOAD_FILES.database), { throwIfNoEntry: false })?.size ?? 0,
    dataBytes: folderBytes(dataDir),
    rejected: rejected.length,
    duplicates: rejected.filter((r) => r.diagnostics.some((d) => d.code === 'duplicate-report')).length,
  };
}
