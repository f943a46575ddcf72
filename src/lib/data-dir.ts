/**
 * Where the site reads the data contract written by `npm run data`.
 * DATA_DIR lets tests build the site from a throwaway data set without touching the project's data/.
 */
import { resolve } from 'node:path';

export const DATA_DIR = resolve(process.env.DATA_DIR ?? 'data');

/** Absolute path of a file inside the data folder. */
export function dataPath(...parts: string[]): string {
  return resolve(DATA_DIR, ...parts);
}
