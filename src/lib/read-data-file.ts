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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the data file ${file} (run \`npm run data\` first, or set DATA_DIR): ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const { issues } = result.error;
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => `at ${issuePath(i.path)}: ${i.message}`);
  const more = issues.length > shown.length ? `; … and ${issues.length - shown.length} more` : '';
  // One line: Astro prints only the first line of a build error's message.
  throw new Error(`the data file ${file} does not match its schema (src/schema/report.ts): ${shown.join('; ')}${more}`);
}
