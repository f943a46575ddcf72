/** The database thread's work (./database-thread.ts): reports.sqlite written anew from the reports' packed records. */
import type { AgencyIndexEntry, Rejected } from '../../schema';
import { writeRecordsAtomic, type ReportRecord } from './database';

/**
 * Reports' records (./database.ts, ReportRecord) back to back in `bytes`, each as RECORD_PARTS UTF-8 pieces: the
 * JSON array of its row, then its cells, checks, diagnostics and sections JSON (an empty piece: null). `ends[k]` is
 * where the k-th piece ends.
 */
export interface PackedReports {
  bytes: Uint8Array;
  ends: number[];
}

/** Pieces a record is packed into (see PackedReports). */
export const RECORD_PARTS = 5;

export interface DatabaseTask {
  file: string;
  agencies: readonly AgencyIndexEntry[];
  rejected: readonly Rejected[];
  /** In id order. */
  reports: PackedReports[];
}

/** A record's pieces, in their packed order. */
export function recordPieces({ row, cells, checks, diagnostics, sections }: ReportRecord): (string | Uint8Array)[] {
  return [JSON.stringify(row), cells, checks ?? '', diagnostics ?? '', sections];
}

/** The records, one at a time as the database takes them: the JSON pieces are bound as they are, bytes never decoded. */
function* unpack(packs: readonly PackedReports[]): Generator<ReportRecord> {
  const decoder = new TextDecoder();
  for (const { bytes, ends } of packs) {
    let start = 0;
    const pieces: Uint8Array[] = [];
    for (const end of ends) {
      pieces.push(bytes.subarray(start, end));
      start = end;
      if (pieces.length < RECORD_PARTS) continue;
      const [row, cells, checks, diagnostics, sections] = pieces.splice(0);
      yield {
        row: JSON.parse(decoder.decode(row)) as ReportRecord['row'],
        cells,
        checks: checks.length > 0 ? checks : null,
        diagnostics: diagnostics.length > 0 ? diagnostics : null,
        sections,
      };
    }
  }
}

export function writeDatabaseTask(task: DatabaseTask): Promise<void> {
  return writeRecordsAtomic(task.file, { agencies: task.agencies, rejected: task.rejected, records: unpack(task.reports) });
}
