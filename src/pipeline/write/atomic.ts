/** Writes that never leave a half-written file: write a temporary file next to the target, then rename over it. */
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readIfExists } from '../files';

let counter = 0;
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter++}.tmp`);
}

async function replaceAtomically(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    await write(temp);
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

export function copyFileAtomic(source: string, target: string): Promise<void> {
  return replaceAtomically(target, (temp) => copyFile(source, temp));
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

/** Streams chunks (strings, or rows through `transform`) to the target: large collections never sit in memory as one string. */
export function writeStreamAtomic(target: string, chunks: Iterable<unknown>, transform?: NodeJS.ReadWriteStream): Promise<void> {
  return replaceAtomically(target, async (temp) => {
    const source = Readable.from(chunks);
    const sink = createWriteStream(temp);
    await (transform ? pipeline(source, transform, sink) : pipeline(source, sink));
  });
}

/** Elements per chunk handed to the stream: one chunk per element makes the stream, not JSON, the cost. */
const JSON_ITEMS_PER_CHUNK = 256;

/** A JSON array written one compact element per line. */
export function writeJsonArrayAtomic(target: string, items: readonly unknown[]): Promise<void> {
  function* chunks() {
    yield '[';
    for (let start = 0; start < items.length; start += JSON_ITEMS_PER_CHUNK) {
      const lines = items.slice(start, start + JSON_ITEMS_PER_CHUNK).map((item, i) => `${start + i === 0 ? '' : ','}\n${JSON.stringify(item)}`);
      yield lines.join('');
    }
    yield '\n]\n';
  }
  return writeStreamAtomic(target, chunks());
}
