/**
 * Reads one JSON file of the data contract and validates it with its zod schema, once. A missing, unreadable or
 * invalid file throws an error that names the file and, for schema errors, the path inside it (`[12].agency.slug`),
 * so a bad data folder fails the build with a message saying where to look.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod/v4';

/** The first problems listed in the message; the rest are counted. */
const SHOWN_ISSUES = 5;

const issuePath = (path: PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(the whole file)';

export function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
  return validated(file, readJson(file), schema).data;
}

/**
 * The same check, returning the parsed JSON itself instead of zod's copy of it: for the files a build holds whole (the
 * reports' summaries), where zod's objects take half as much memory again as JSON.parse's (BENCHMARKS.md, "The site
 * build's memory, 100,000 reports"). Only for schemas that change no value (no transform, default or coercion: the
 * report schema has none), so the value is zod's output but for keys the schema does not name, which it keeps.
 */
export function readValidatedJson<T>(file: string, schema: z.ZodType<T>): T {
  const json = readJson(file);
  validated(file, json, schema);
  return json as T;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the data file ${file} (run \`npm run data\` first, or set DATA_DIR): ${(error as Error).message}`);
  }
}

function validated<T>(file: string, json: unknown, schema: z.ZodType<T>): { data: T } {
  const result = schema.safeParse(json);
  if (result.success) return result;
  const { issues } = result.error;
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => `at ${issuePath(i.path)}: ${i.message}`);
  const more = issues.length > shown.length ? `; … and ${issues.length - shown.length} more` : '';
  // One line: Astro prints only the first line of a build error's message.
  throw new Error(`the data file ${file} does not match its schema (src/schema/report.ts): ${shown.join('; ')}${more}`);
}
