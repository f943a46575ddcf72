import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAll } from '../../src/pipeline/files';
import { writeChunksAtomic } from '../../src/pipeline/write/atomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pipeline-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Chunks of 0 to 12 bytes, some of Chinese text (three bytes a character), in an order that can be checked. */
const chunks = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(i % 5 === 0 ? '' : i % 3 === 0 ? `报告${i}` : `${i},`));

describe('gathering writes', () => {
  it('writeAll writes every chunk in order, more chunks than one writev takes (IOV_MAX 1024) and empty ones included', () => {
    const file = path.join(dir, 'all.bin');
    const parts = chunks(5000);
    const fd = openSync(file, 'w');
    writeAll(fd, parts);
    closeSync(fd);
    const expected = Buffer.concat(parts);
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('报告4998');
  });

  it('writeChunksAtomic writes text and bytes over several flushes of a megabyte, byte for byte', async () => {
    const file = path.join(dir, 'big.txt');
    const text = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? `第${i}行，` : Buffer.from(`line ${i}\n`)));
    await writeChunksAtomic(file, text);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(2 << 20);
    expect(bytes.equals(Buffer.concat(text.map((t) => (typeof t === 'string' ? Buffer.from(t) : t))))).toBe(true);
  });
});
