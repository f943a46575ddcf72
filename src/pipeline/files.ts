import { existsSync, readFileSync, writevSync } from 'node:fs';
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

/**
 * readIfExists, blocking: for the per-file stage (on worker threads, or on the main thread with nothing else to do),
 * where the promise API's round trips through the thread pool cost more than the read. Most probes are for sidecar
 * files that do not exist: asking first is much cheaper than failing to open (an exception each time).
 */
export function readIfExistsSync(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  try {
    return readFileSync(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Writes all of `chunks`, in order, to the open file `fd` with one gathering write (writev) rather than one call a
 * chunk or a copy of them into one buffer; a write may take fewer bytes than it is given, so it goes on from where
 * one stopped.
 */
export function writeAll(fd: number, chunks: readonly Uint8Array[]): void {
  let rest = chunks.filter((c) => c.length > 0);
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    let i = 0;
    while (i < rest.length && written >= rest[i].length) written -= rest[i++].length;
    rest = i < rest.length ? [rest[i].subarray(written), ...rest.slice(i + 1)] : [];
  }
}
