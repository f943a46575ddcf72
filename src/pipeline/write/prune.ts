/** Removes files a previous run wrote that this run did not (a report that left content/ must leave data/ too). */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The files under `dir` (absolute paths), empty when it does not exist. */
export async function filesUnder(dir: string): Promise<Set<string>> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  return new Set(entries.filter((e) => e.isFile()).map((e) => path.resolve(e.parentPath, e.name)));
}

/** Removes the files of `existing` (from filesUnder, before this run wrote) that are not in `keep`. */
export async function removeAllBut(existing: Iterable<string>, keep: ReadonlySet<string>): Promise<void> {
  for (const file of existing) if (!keep.has(file)) await rm(file, { force: true });
}
