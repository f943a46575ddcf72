/**
 * Content hashes of the input files, remembered by their file-system state so that an unchanged file is neither
 * read nor hashed again: `<outDir>/.cache/files.json` maps each path to its size, modification and change times and
 * inode, and the SHA-256 of its bytes. A path whose state is the same as recorded gets the recorded hash.
 *
 * Like git's index, this trusts the file system: touching a file (new mtime, same bytes) costs one read and hash and
 * is still a cache hit; a file rewritten with other bytes and its old mtime put back is noticed too, because that
 * changes its ctime (which no program can set). A state recorded while the file could still change within the
 * same clock tick (modified less than RACY_MS before the run that recorded it) is not trusted: that file is hashed
 * again next time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../write/atomic';

/** Coarse file-system clocks (FAT: 2 s) and a clock that differs slightly from the file server's. */
export const RACY_MS = 2000;
const FORMAT = 1;

interface Recorded {
  /** size:mtimeMs:ctimeMs:ino */
  state: string;
  sha256: string;
}

/** A file read and hashed this run, with the state it had (see FileHashes.adopt). */
export interface HashedFile extends Recorded {
  file: string;
}

interface Manifest {
  format: number;
  /** Date.now() before the first file of that run was looked at. */
  recordedAt: number;
  files: Record<string, Recorded>;
}

const stateOf = (stats: Stats) => `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class FileHashes {
  private readonly next: Record<string, Recorded> = {};
  /** Files read and hashed this run (the others came from their recorded state). */
  hashed = 0;

  private constructor(
    private readonly manifestPath: string | null,
    private readonly previous: Manifest | null,
    /** When this run started (Date.now()), before it looked at any file. */
    private readonly startedAt: number,
  ) {}

  /** The hashes recorded in `manifestPath` by an earlier run (none when it is missing or damaged). */
  static load(manifestPath: string, startedAt = Date.now()): FileHashes {
    let previous: Manifest | null = null;
    try {
      const parsed = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      if (parsed.format === FORMAT && typeof parsed.recordedAt === 'number' && parsed.files) previous = parsed;
    } catch {
      // no manifest yet, or a damaged one: every file is hashed
    }
    return new FileHashes(manifestPath, previous, startedAt);
  }

  /** Hashes every file it is asked about, records nothing. */
  static none(): FileHashes {
    return new FileHashes(null, null, Date.now());
  }

  /** The SHA-256 of `file`'s bytes, null when it does not exist. */
  hashOf(file: string): string | null {
    const known = this.knownHashOf(file);
    return known !== undefined ? known : (this.read(file)?.sha256 ?? null);
  }

  /**
   * The SHA-256 of `file` without reading it: the hash given this run, or the recorded one when its state is
   * unchanged and settled; null when it does not exist; undefined when only reading it can tell.
   */
  knownHashOf(file: string): string | null | undefined {
    const asked = this.next[file];
    if (asked) return asked.sha256;
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return null;
    const known = this.previous?.files[file];
    const settled = this.previous !== null && Math.max(stats.mtimeMs, stats.ctimeMs) < this.previous.recordedAt - RACY_MS;
    if (known?.state === stateOf(stats) && settled) {
      this.next[file] = known;
      return known.sha256;
    }
    return undefined;
  }

  /**
   * Reads and hashes `file` and records its state with the hash: the bytes come along for a caller that reads the
   * file anyway (the per-file stage reads each input once for its key and its report). Null when it does not exist.
   */
  read(file: string): { bytes: Buffer; sha256: string } | null {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return null;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.hashed++;
    // The state was taken before the bytes were read: if the file changed in between, the next run sees a newer
    // state, or (within the same clock tick) one too recent to be trusted.
    const recorded = { state: stateOf(stats), sha256: sha256(bytes) };
    this.next[file] = recorded;
    return { bytes, sha256: recorded.sha256 };
  }

  /** What this run hashed, to hand to another instance (a worker thread's hashes to the main thread's, see adopt). */
  hashedThisRun(): HashedFile[] {
    return Object.entries(this.next).map(([file, recorded]) => ({ file, ...recorded }));
  }

  /** Takes the files another instance read and hashed this run (a worker thread's) as if this one had. */
  adopt(files: readonly HashedFile[]): void {
    for (const { file, state, sha256 } of files) {
      this.next[file] = { state, sha256 };
      this.hashed++;
    }
  }

  /** The hash hashOf gave `file` this run, if it was asked. */
  found(file: string): string | undefined {
    return this.next[file]?.sha256;
  }

  /** Records the states and hashes of the files asked about this run (only those: removed files are forgotten). */
  async save(): Promise<void> {
    if (!this.manifestPath) return;
    const manifest: Manifest = { format: FORMAT, recordedAt: this.startedAt, files: this.next };
    await writeFileAtomic(this.manifestPath, JSON.stringify(manifest));
  }
}

/** The manifest inside an output folder. */
export function fileHashesPath(outDir: string): string {
  return path.join(outDir, '.cache', 'files.json');
}
