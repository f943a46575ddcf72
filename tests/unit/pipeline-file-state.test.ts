import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileHashes } from '../../src/pipeline/cache/file-state';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A run long after the files were written: their states are settled (outside the racy window). */
const later = () => Date.now() + 60_000;

describe('FileHashes (content hashes by file state)', () => {
  let dir: string;
  let manifest: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'file-state-'));
    manifest = path.join(dir, 'files.json');
    file = path.join(dir, 'report.txt');
    await writeFile(file, '收到申请21件');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Hashes `file` in a run recorded at `startedAt`, saves the manifest, returns the hash and how many files were read. */
  async function run(startedAt: number): Promise<{ hash: string | null; hashed: number }> {
    const hashes = FileHashes.load(manifest, startedAt);
    const hash = hashes.hashOf(file);
    await hashes.save();
    return { hash, hashed: hashes.hashed };
  }

  it('reads a file once, then trusts its unchanged state', async () => {
    expect(await run(later())).toEqual({ hash: sha256('收到申请21件'), hashed: 1 });
    expect(await run(later())).toEqual({ hash: sha256('收到申请21件'), hashed: 0 });
  });

  it('reads a touched file again, and gives the same hash (a cache hit)', async () => {
    await run(later());
    const { mtime } = await stat(file);
    await utimes(file, mtime, new Date(mtime.getTime() + 5000));
    expect(await run(later())).toEqual({ hash: sha256('收到申请21件'), hashed: 1 });
  });

  it('notices a file rewritten with the same size and its old mtime put back (its ctime changed)', async () => {
    const mtime = new Date('2026-01-02T03:04:05Z');
    await utimes(file, mtime, mtime);
    await run(later());
    const { size } = await stat(file);
    // File times come from a coarse kernel clock (a few ms): let it tick so the ctime differs.
    await new Promise((resolve) => setTimeout(resolve, 30));
    await writeFile(file, '收到申请22件');
    await utimes(file, mtime, mtime);
    const after = await stat(file);
    expect([after.size, after.mtimeMs]).toEqual([size, mtime.getTime()]);
    expect(await run(later())).toEqual({ hash: sha256('收到申请22件'), hashed: 1 });
  });

  it('does not trust a state recorded while the file could still change in the same clock tick', async () => {
    await run(Date.now());
    expect((await run(later())).hashed).toBe(1);
    expect((await run(later())).hashed).toBe(0);
  });

  it('gives null for a missing file, and forgets it', async () => {
    await run(later());
    await rm(file);
    expect(await run(later())).toEqual({ hash: null, hashed: 0 });
    await writeFile(file, '收到申请21件');
    expect((await run(later())).hashed).toBe(1);
  });

  it('hashes every file again when the manifest is damaged', async () => {
    await run(later());
    await writeFile(manifest, '{"format":1,"recordedAt":');
    expect(await run(later())).toEqual({ hash: sha256('收到申请21件'), hashed: 1 });
  });
});
