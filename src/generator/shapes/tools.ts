/**
 * What the shapes made by command-line tools share (web.ts, office.ts, docx.ts): running a few processes at a time,
 * writing a batch's Word files, LibreOffice's conversion, reading cases in cached batches.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { flowToDocx } from '../render-docx';
import type { OfficeCase } from './office';

/** Tool runs at once (each a short process). */
const PARALLEL = 4;
/** Cases converted and cached together. */
const BATCH = 100;

export const run = promisify(execFile);

/** Runs `jobs` at most PARALLEL at a time, results in order. */
export async function inParallel<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      out[k] = await jobs[k]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, jobs.length) }, worker));
  return out;
}

/** The cases with their texts, read BATCH at a time by `readBatch` (which caches each batch). */
export async function inBatches<C, T>(cases: C[], readBatch: (batch: C[]) => Promise<T[]>): Promise<{ c: C; texts: T }[]> {
  const out: { c: C; texts: T }[] = [];
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    const texts = await readBatch(batch);
    batch.forEach((c, k) => out.push({ c, texts: texts[k] }));
  }
  return out;
}

/** Writes the batch's Word files into `dir` (000.docx, 001.docx, …): their paths, in order. */
export function writeDocxFiles(batch: OfficeCase[], dir: string): Promise<string[]> {
  return Promise.all(
    batch.map(async (c, k) => {
      const file = path.join(dir, `${String(k).padStart(3, '0')}.docx`);
      writeFileSync(file, await flowToDocx(c.flow));
      return file;
    }),
  );
}

/** Has LibreOffice convert `files` to `format` into `out`, with a profile of its own in `dir`. */
export async function soffice(files: string[], format: string, out: string, dir: string): Promise<void> {
  // A profile of its own: a second soffice (another test, a desktop session) would otherwise hold the lock.
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', out, ...files], { maxBuffer: 1 << 24, timeout: 600_000 });
}
