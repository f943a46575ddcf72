/** Finds the input files under the content folder: sorted relative paths with forward slashes. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../schema';
import { diagnostic } from '../diagnostic';
import { byCodePoint } from '../order';
import { documentFormatOf } from './formats/kinds';
import { isSidecar } from './sidecar-names';

/** Formats the text reader handles, by file extension. */
const TEXT_FORMATS = { '.txt': 'txt', '.md': 'md' } as const;
export type TextFormat = (typeof TEXT_FORMATS)[keyof typeof TEXT_FORMATS];

export function textFormatOf(file: string): TextFormat | null {
  const ext = path.posix.extname(file).toLowerCase();
  return ext in TEXT_FORMATS ? TEXT_FORMATS[ext as keyof typeof TEXT_FORMATS] : null;
}

export interface Discovered {
  /** Report files the readers handle. */
  files: string[];
  /** Other files (not sidecars): reported, not read. */
  unsupported: string[];
}

async function walk(dir: string, prefix: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Hidden entries (.git, .DS_Store, .gitkeep) are tooling, not published reports.
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel, out);
    else if (entry.isFile()) out.push(rel);
  }
}

/**
 * Every file under `contentDir`, or only under its sub-folder `under` (a shard, README "Building in shards": the
 * other folders are not even listed), with paths relative to `contentDir` either way, so a report's source path and
 * its /sources/ address are the same in a shard as in the whole build.
 */
export async function discoverFiles(contentDir: string, under?: string): Promise<Discovered> {
  const all: string[] = [];
  if (under === undefined) await walk(contentDir, '', all);
  else await walk(path.join(contentDir, ...under.split('/')), under, all);
  all.sort(byCodePoint);
  const candidates = all.filter((f) => !isSidecar(f));
  const readable = (f: string) => textFormatOf(f) !== null || documentFormatOf(f) !== null;
  return {
    files: candidates.filter(readable),
    unsupported: candidates.filter((f) => !readable(f)),
  };
}

/** The diagnostic for a file in a format no reader handles (spreadsheets, images, WPS files…). */
export function unsupportedFormatDiagnostic(relPath: string): Diagnostic {
  const ext = path.posix.extname(relPath).toLowerCase() || '（无扩展名）';
  return diagnostic({
    severity: 'warning',
    code: 'unsupported-format',
    file: relPath,
    expected: '.txt、.md、.html、.htm、.pdf 或 .docx 文件',
    found: ext,
    message: `暂不支持读取 ${ext} 文件，已跳过`,
  });
}
