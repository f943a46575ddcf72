/** Writes that never leave a half-written file: write a temporary file next to the target, then rename over it. */
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { readIfExists } from '../files';

let counter = 0;
/** Unique per process, thread (each has its own counter: the database thread writes beside the main one) and call. */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${threadId}.${counter++}.tmp`);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Runs `write` on a temporary file next to `target`, then renames it over `target` (removed again on failure). */
export async function replaceAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = tempPathFor(target);
  try {
    // The folder usually exists: create it only when the write says it is missing (one call instead of one per file).
    await write(temp).catch(async (error: unknown) => {
      if (!isMissing(error)) throw error;
      await mkdir(path.dirname(target), { recursive: true });
      await write(temp);
    });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  return replaceAtomically(target, (temp) => writeFile(temp, data));
}

export function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  return writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A copy that shares the source's blocks where the file system can (a reflink: Btrfs, XFS), else an ordinary copy.
 * Not a hard link: linking changes the source's ctime, so the next run would read and hash every input again
 * (../cache/file-state.ts).
 */
export function copyFileAtomic(source: string, target: string): Promise<void> {
  return replaceAtomically(target, (temp) => copyFile(source, temp, constants.COPYFILE_FICLONE));
}

/**
 * Leaves the target alone when it already holds `data`: a rebuild after one report changed rewrites one file, not
 * ten thousand (reading is much cheaper than replacing), and unchanged files keep their modification time.
 * Returns whether it wrote.
 */
export async function writeFileIfChanged(target: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const existing = await readIfExists(target);
  if (existing?.equals(bytes)) return false;
  await writeFileAtomic(target, bytes);
  return true;
}

export function writeJsonIfChanged(target: string, value: unknown): Promise<boolean> {
  return writeFileIfChanged(target, `${JSON.stringify(value, null, 2)}\n`);
}

/** copyFileAtomic, skipped when the target already has the source's bytes. */
export async function copyFileIfChanged(source: string, target: string): Promise<boolean> {
  return writeFileIfChanged(target, await readFile(source));
}

/** Bytes gathered before one write call: big enough that system calls cost little, small enough to stay out of the way. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** write(2) may write less than asked (a signal, a full disk): loop until all of it is written. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * Writes chunks one after the other, blocking: a large file's content never sits in memory as one string, and a big file
 * written by a tight loop of sync writes takes a fraction of the time of a stream's callbacks.
 */
export function writeChunksAtomic(target: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  return replaceAtomically(target, async (temp) => {
    const fd = openSync(temp, 'w');
    try {
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = () => {
        writeAll(fd, Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      for (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= WRITE_BUFFER_BYTES) flush();
      }
      flush();
    } finally {
      closeSync(fd);
    }
  });
}

/** A JSON array written one compact element per line; `jsonOf` gives an element's JSON when it is at hand already. */
export function writeJsonArrayAtomic<T>(
  target: string,
  items: readonly T[],
  jsonOf: (item: T) => string | Uint8Array | undefined = () => undefined,
): Promise<void> {
  function* chunks() {
    yield '[';
    for (let i = 0; i < items.length; i++) {
      yield i === 0 ? '\n' : ',\n';
      yield jsonOf(items[i]) ?? JSON.stringify(items[i]);
    }
    yield '\n]\n';
  }
  return writeChunksAtomic(target, chunks());
}
