/** Removes files a previous run wrote that this run did not (a report that left content/ must leave data/ too). */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export async function pruneExcept(dir: string, keep: ReadonlySet<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const file = path.resolve(entry.parentPath, entry.name);
    if (entry.isFile() && !keep.has(file)) await rm(file, { force: true });
  }
}
