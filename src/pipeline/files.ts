import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The file's bytes, or null when it does not exist (other errors are thrown). */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** readIfExists, blocking: for cache lookups, where nothing else waits on the event loop meanwhile. */
export function readIfExistsSync(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
