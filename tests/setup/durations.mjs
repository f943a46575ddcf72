// Writes tests/setup/durations.json, the order tests/setup/sequencer.ts starts test files in where vitest has no
// results of its own (a fresh clone), from the durations vitest kept of a run: `node tests/setup/durations.mjs
// [<checkout>]`, run after `CI=true npx vitest run` in a fresh clone (<checkout>, default this one). Vitest keeps each
// file's duration, its hooks included, in node_modules/.vite/vitest/<hash>/results.json (keyed by project and file;
// kept here by file, so that moving a file to another project keeps its duration).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [checkout = join(here, '..', '..')] = process.argv.slice(2);
const cacheDir = join(checkout, 'node_modules', '.vite', 'vitest');
const [hash] = readdirSync(cacheDir);
const { results } = JSON.parse(readFileSync(join(cacheDir, hash, 'results.json'), 'utf8'));
const seconds = Object.fromEntries(results.map(([key, r]) => [key.slice(key.indexOf(':') + 1), Math.round(r.duration / 100) / 10]).sort((a, b) => b[1] - a[1]));
writeFileSync(join(here, 'durations.json'), `${JSON.stringify({ measured: new Date().toISOString().slice(0, 10), seconds }, null, 2)}\n`);
console.log(`tests/setup/durations.json: ${results.length} files`);
