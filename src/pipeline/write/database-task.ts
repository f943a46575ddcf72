/** The database thread's work (./database-thread.ts): reports.sqlite written anew from the reports' packed JSON. */
import type { AgencyIndexEntry, Rejected, Report } from '../../schema';
import { writeDatabaseAtomic } from './database';

/** Reports' compact JSON back to back in `bytes`; `ends[i]` is where the i-th ends. */
export interface PackedReports {
  bytes: Uint8Array;
  ends: number[];
}

export interface DatabaseTask {
  file: string;
  agencies: readonly AgencyIndexEntry[];
  rejected: readonly Rejected[];
  /** In id order. */
  reports: PackedReports[];
}

/** The reports, parsed one at a time as the database takes them (never all at once). */
function* unpack(packs: readonly PackedReports[]): Generator<Report> {
  const decoder = new TextDecoder();
  for (const { bytes, ends } of packs) {
    let start = 0;
    for (const end of ends) {
      yield JSON.parse(decoder.decode(bytes.subarray(start, end))) as Report;
      start = end;
    }
  }
}

export function writeDatabaseTask(task: DatabaseTask): Promise<void> {
  return writeDatabaseAtomic(task.file, { agencies: task.agencies, rejected: task.rejected, reports: unpack(task.reports) });
}
