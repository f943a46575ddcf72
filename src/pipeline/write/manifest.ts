/**
 * What each per-report and source file of the output folder was written from, so that a rebuild leaves the files
 * whose inputs did not change alone without reading them: the manifest maps a file to the fingerprint of its
 * inputs (given by the caller: the report's cache key and cross-report checks, the source's content hash) and the
 * size and modification time the file had once written. A file changed or removed since (another size or mtime),
 * or written by another version of the writers, is compared and rewritten as without the manifest.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { writeFileAtomic } from './atomic';

interface Written {
  inputs: string;
  /** size:mtimeMs of the file after it was written */
  state: string;
}

interface Saved {
  writerVersion: string;
  files: Record<string, Written>;
}

/** What the manifest notes of a file's state: its size and modification time. */
export type FileState = Pick<Stats, 'size' | 'mtimeMs'>;

const stateText = (stats: FileState) => `${stats.size}:${stats.mtimeMs}`;

const stateOf = (file: string) => {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? stateText(stats) : null;
};

export class OutputManifest {
  private readonly next: Record<string, Written> = {};

  private constructor(
    private readonly manifestPath: string,
    private readonly writerVersion: string,
    private readonly previous: Record<string, Written>,
  ) {}

  /** The manifest at `manifestPath`, empty when it is missing, damaged or from other writer code. */
  static load(manifestPath: string, writerVersion: string): OutputManifest {
    let previous: Record<string, Written> = {};
    try {
      const saved = JSON.parse(readFileSync(manifestPath, 'utf8')) as Saved;
      if (saved.writerVersion === writerVersion && saved.files) previous = saved.files;
    } catch {
      // no manifest yet: every file is compared
    }
    return new OutputManifest(manifestPath, writerVersion, previous);
  }

  /** Whether `file` is still what was written from the same `inputs` last time; if so it stays recorded. */
  unchanged(file: string, inputs: string): boolean {
    const known = this.previous[file];
    if (known?.inputs !== inputs || stateOf(file) !== known.state) return false;
    this.next[file] = known;
    return true;
  }

  /** What `file` was written from last time, when it is still as written then (same size and mtime); else null. */
  recordedInputs(file: string): string | null {
    const known = this.previous[file];
    return known && stateOf(file) === known.state ? known.inputs : null;
  }

  /** Records `file`, just written (or found identical) from `inputs`; `written`: its state, when the writer has it at hand. */
  record(file: string, inputs: string, written?: FileState): void {
    const state = written ? stateText(written) : stateOf(file);
    if (state !== null) this.next[file] = { inputs, state };
  }

  /** Saves the files recorded this run (only those: files no longer written are forgotten). */
  save(): Promise<void> {
    const saved: Saved = { writerVersion: this.writerVersion, files: this.next };
    return writeFileAtomic(this.manifestPath, JSON.stringify(saved));
  }
}
