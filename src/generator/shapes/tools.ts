/**
 * What the shapes made by tools outside the pipeline share (pdf.ts, office.ts, docx.ts, web.ts, browser.ts): running a
 * few processes at a time, writing a batch's Word files, LibreOffice's conversion, reading cases in batches whose texts
 * are cached (cachedJson), files written whole.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { flowToDocx } from '../render-docx';
import type { OfficeCase } from './office';

/** Tool runs at once (each a short process). */
const PARALLEL = 4;
/** Cases converted and cached together. */
const BATCH = 100;
/** The paragraph pandoc prints between two files of one run (letters only: no format escapes them). */
const PANDOC_CUT = 'PANDOCBATCHCUTHERE';

export const run = promisify(execFile);

/** Whether `command` can be run here (a Debian tool CI installs and a developer machine may lack): it prints its version. */
export function canRun(command: string, versionArg: string): boolean {
  return !spawnSync(command, [versionArg], { encoding: 'utf8' }).error;
}

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

/** Written whole, then renamed: a run stopped mid-write leaves no truncated file under the final name. */
export function writeWhole(file: string, data: string | Buffer): void {
  writeFileSync(`${file}.part`, data);
  renameSync(`${file}.part`, file);
}

/**
 * A batch's texts from `<cacheDir>/<key>.json`, the key a hash of `keyParts` (what the texts depend on: the tools and
 * their arguments, the batch's documents); made by `make` and written there when absent.
 */
export async function cachedJson<T>(cacheDir: string, keyParts: string[], make: () => Promise<T>): Promise<T> {
  const hash = createHash('sha256');
  for (const part of keyParts) hash.update(part);
  const json = path.join(cacheDir, `${hash.digest('hex').slice(0, 32)}.json`);
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as T;
  const made = await make();
  writeWhole(json, JSON.stringify(made));
  return made;
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

/**
 * pandoc's text of each file in `files` (all of format `from`) as `pandoc -f <from> -t <to> <file>` prints it: from one
 * run over all of them (pandocBatch), or a run per file where that fails. pandoc spends some 170 ms starting and
 * collecting its heap per report, about 35 ms a report in one run: over a thousand pages that was most of the web
 * and Word shapes' test time.
 */
export async function pandocTexts(files: string[], from: 'html' | 'docx', to: string, args: string[], dir: string): Promise<string[]> {
  return (
    (await pandocBatch(files, from, to, args, dir)) ??
    inParallel(files.map((file) => async () => (await run('pandoc', ['-f', from, '-t', to, ...args, file], { encoding: 'utf8', maxBuffer: 1 << 26 })).stdout))
  );
}

/**
 * One pandoc run over `files`, each followed by a marker paragraph, split at the markers; null when the markers do not
 * come back one per file (another pandoc). Each file is parsed on its own (--file-scope; Word files always are); in
 * one run, Markdown prints headings' identifiers (prefixed by the file's name) that a run on one file leaves
 * implicit, hence `-header_attributes`. tests/unit/shape-tools.test.ts checks the texts equal one run per file.
 */
export async function pandocBatch(files: string[], from: 'html' | 'docx', to: string, args: string[], dir: string): Promise<string[] | null> {
  // A marker file per run: runs into other formats may share `dir` at once.
  const cut = path.join(dir, `pandoc-cut-${to}.${from}`);
  if (from === 'html') writeFileSync(cut, `<p>${PANDOC_CUT}</p>`);
  else await cutDocx(cut);
  const batchTo = to === 'markdown' ? 'markdown-header_attributes' : to;
  const inputs = files.flatMap((file) => [file, cut]);
  const parts = await run('pandoc', ['-f', from, '-t', batchTo, '--file-scope', ...args, ...inputs], { encoding: 'utf8', maxBuffer: 1 << 28 }).then(
    (r) => r.stdout.split(new RegExp(`^${PANDOC_CUT}\n`, 'm')),
    () => [],
  );
  if (parts.length !== files.length + 1 || parts[files.length].trim() !== '') return null;
  return parts.slice(0, files.length).map((part) => `${part.replace(/^\n+/, '').replace(/\n+$/, '')}\n`);
}

/** Writes `file`, a Word file whose one paragraph is PANDOC_CUT (pandoc writes it from Markdown in some 30 ms). */
async function cutDocx(file: string): Promise<void> {
  const child = run('pandoc', ['-f', 'markdown', '-o', file]);
  child.child.stdin?.end(`${PANDOC_CUT}\n`);
  await child;
}
