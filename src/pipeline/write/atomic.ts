/** Writes that never leave a half-written file: write a temporary file next to the target, then rename over it. */
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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

/** Streams chunks (strings, or rows through `transform`) to the target: large collections never sit in memory as one string. */
export function writeStreamAtomic(target: string, chunks: Iterable<unknown>, transform?: NodeJS.ReadWriteStream): Promise<void> {
  return replaceAtomically(target, async (temp) => {
    const source = Readable.from(chunks);
    const sink = createWriteStream(temp);
    await (transform ? pipeline(source, transform, sink) : pipeline(source, sink));
  });
}

/** A JSON array written one compact element per line. */
export function writeJsonArrayAtomic(target: string, items: readonly unknown[]): Promise<void> {
  function* chunks() {
    yield '[';
    for (const [i, item] of items.entries()) yield `${i === 0 ? '' : ','}\n${JSON.stringify(item)}`;
    yield '\n]\n';
  }
  return writeStreamAtomic(target, chunks());
}
