/** Helpers of the parallel and cache tests: a generated content folder, and a data folder read back as bytes. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeText, generateReport } from '../../src/generator';

/**
 * Writes the generated reports of seeds 0…count−1 under `<contentDir>/reports/`: every fifth file in GB18030 with
 * CRLF line ends, so the readers' decoding runs too. Returns the file paths relative to `contentDir`.
 */
export async function writeGeneratedCorpus(contentDir: string, count: number): Promise<string[]> {
  await mkdir(path.join(contentDir, 'reports'), { recursive: true });
  const files: string[] = [];
  for (let seed = 0; seed < count; seed++) {
    const report = generateReport(seed);
    const file = `reports/${report.name}${report.extension}`;
    const encoding = seed % 5 === 4 ? { encoding: 'gb18030' as const, crlf: true } : { encoding: 'utf-8' as const, crlf: false };
    await writeFile(path.join(contentDir, file), encodeText(report.text, encoding));
    files.push(file);
  }
  return files;
}

/**
 * Every file under `dataDir` (relative path → bytes), without the cache folder; summary.json's `builtAt`, the
 * only field that differs between two runs over the same input, is blanked.
 */
export async function readDataTree(dataDir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dataDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.startsWith('.cache/')) continue;
    let text = (await readFile(path.join(dataDir, rel))).toString('base64');
    if (rel === 'summary.json') text = JSON.stringify({ ...JSON.parse(await readFile(path.join(dataDir, rel), 'utf8')), builtAt: '' });
    tree.set(rel, text);
  }
  return tree;
}
