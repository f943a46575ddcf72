/**
 * reports.sqlite written on a thread of its own: written anew (an empty output folder, or no manifest), the
 * database is about half of the write stage's CPU time, all of it in SQLite (WebAssembly) on one thread; the
 * main thread meanwhile writes the reports' files and download parts. The reports go to the thread as their records
 * (./database.ts, reportRecord: the row and the JSON arrays the database binds), made here from the report objects and
 * packed into a few large buffers that are moved, not copied; the thread binds the JSON as it is, parsing no report.
 * An update in place (a few changed reports) stays on the calling thread: starting a thread costs
 * more than it does. Should the thread fail, the database is written here instead.
 */
import { Worker } from 'node:worker_threads';
import type { Report } from '../../schema';
import { planDatabase, reportRecord, updateInPlace, writeDatabaseAtomic, type DatabaseInput, type DatabaseManifest } from './database';
import { recordPieces, type DatabaseTask, type PackedReports } from './database-task';

/** The thread's entry module (registers tsx, then runs ./database-task.ts). */
const WORKER_ENTRY = new URL('./database-worker.mjs', import.meta.url);
/** Bytes of records a buffer: large buffers move between threads in one piece, well under Node's buffer limit. */
const PACK_BYTES = 128 << 20;

/**
 * The reports' records (see PackedReports) in buffers of PACK_BYTES (more for a larger record), in order. Text is
 * encoded straight into the buffer: no buffer a piece, whose allocations (half a million at 100,000 reports) count
 * as external memory and make V8 collect the whole heap, every report in it, again and again.
 */
function pack(reports: readonly Report[]): PackedReports[] {
  const packs: PackedReports[] = [];
  let bytes = Buffer.alloc(0);
  let ends: number[] = [];
  let used = 0;
  const flush = () => {
    if (ends.length > 0) packs.push({ bytes: bytes.subarray(0, used), ends });
  };
  for (const r of reports) {
    const pieces = recordPieces(reportRecord(r));
    const sizes = pieces.map((p) => (typeof p === 'string' ? Buffer.byteLength(p) : p.length));
    const size = sizes.reduce((a, b) => a + b, 0);
    if (used + size > bytes.length) {
      flush();
      bytes = Buffer.allocUnsafe(Math.max(PACK_BYTES, size));
      ends = [];
      used = 0;
    }
    pieces.forEach((piece, k) => {
      if (typeof piece === 'string') bytes.write(piece, used);
      else bytes.set(piece, used);
      used += sizes[k];
      ends.push(used);
    });
  }
  flush();
  return packs;
}

/**
 * Starts the thread, then packs the reports for it: the thread loads its modules (tsx, SQLite's WebAssembly) while
 * this one packs, and takes the packs as a message (moved, not copied) once they are made.
 */
function writeOnThread(task: Omit<DatabaseTask, 'reports'>, reports: readonly Report[]): Promise<void> {
  const worker = new Worker(WORKER_ENTRY, { workerData: task });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the database thread exited with code ${code}`))));
  });
  let packs: PackedReports[];
  try {
    packs = pack(reports);
  } catch (error) {
    void worker.terminate();
    return done.then(
      () => Promise.reject(error),
      () => Promise.reject(error),
    );
  }
  worker.postMessage(packs, packs.map((p) => p.bytes.buffer as ArrayBuffer));
  return done;
}

/**
 * updateDatabase (./database.ts), with a database written anew on its own thread: returns at once with a promise
 * to await before the manifest is saved.
 */
export function updateDatabaseConcurrently(
  file: string,
  input: DatabaseInput & { reports: readonly Report[] },
  manifest: DatabaseManifest | undefined,
): Promise<'unchanged' | 'updated' | 'written'> {
  const plan = planDatabase(file, input, manifest);
  if (plan.action !== 'write') {
    if (plan.action === 'update') updateInPlace(file, input, plan.previous, plan.current, plan.othersChanged);
    plan.record?.();
    return Promise.resolve(plan.action === 'update' ? 'updated' : 'unchanged');
  }
  return writeOnThread({ file, agencies: input.agencies, rejected: input.rejected }, input.reports)
    .catch((error: unknown) => {
      console.warn(`warning: the database thread failed (${error instanceof Error ? error.message : String(error)}); writing ${file} on the main thread`);
      return writeDatabaseAtomic(file, input);
    })
    .then(() => {
      plan.record?.();
      return 'written' as const;
    });
}
