/** Writes that never leave a half-written file: write a temporary file next to the target, then rename over it. */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, type Stats } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { readIfExists, writeAll } from '../files';

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

/** Folders known to exist, so that writing thousands of new files into a few folders creates each once. */
export class NewFolders {
  private readonly made = new Set<string>();

  ensure(file: string): void {
    const dir = path.dirname(file);
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }
}

/**
 * A file that was not there, written in place and blocking (`wx`: should it have appeared meanwhile, the write
 * fails rather than replace it). Nothing is replaced, so there is no temporary file to rename: half the system calls
 * of writeFileAtomic, and no round trips through the thread pool. A run stopped half-way may leave a partial file;
 * the next run's output manifest (./manifest.ts) does not know it, so that run compares it and replaces it.
 * Returns the file's state once written (fstat of the open file: the manifest needs no second look-up by path).
 */
export function writeNewFile(target: string, chunks: readonly Uint8Array[], folders: NewFolders): Stats {
  folders.ensure(target);
  const fd = openSync(target, 'wx');
  try {
    writeAll(fd, chunks);
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A copy of `source` to `target`, which was not there, in place and blocking (see writeNewFile): read and written.
 * Not copyFile: libuv's copy (copy_file_range, sendfile) cost ten times the system time of a read and a write on
 * ext4 (0.6 ms a report file; BENCHMARKS.md, "The data step's rate"). Not a hard link: linking changes the source's
 * ctime, so the next run would read and hash every input again (../cache/file-state.ts).
 */
export function copyNewFile(source: string, target: string, folders: NewFolders): Stats {
  return writeNewFile(target, [readFileSync(source)], folders);
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

/** A source copied over `target` (through writeFileAtomic), skipped when the target already has the source's bytes. */
export async function copyFileIfChanged(source: string, target: string): Promise<boolean> {
  return writeFileIfChanged(target, await readFile(source));
}

/** Bytes gathered for one (gathering) write call: big enough that system calls cost little, small enough to stay out of the way. */
const WRITE_BUFFER_BYTES = 1 << 20;

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
        writeAll(fd, pending);
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
