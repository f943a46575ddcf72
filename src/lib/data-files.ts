/**
 * The files of the data contract that are not content collections: rejected files, the summary,
 * downloads and the copies of the source files. Read once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { z } from 'zod/v4';
import { Rejected } from '../schema/report';
import { dataPath } from './data-dir';

function readJson<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  const path = dataPath(file);
  if (!existsSync(path)) return fallback;
  return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Files that did not become a report, with their diagnostics. */
export const rejected = readJson('rejected.json', z.array(Rejected), []);

export const summary = readJson(
  'summary.json',
  z
    .object({ files: z.number(), reports: z.number(), warnings: z.number(), errors: z.number(), ruleBreaks: z.number(), builtAt: z.string() })
    .partial()
    .nullable(),
  null,
);

/** The data set downloads written to data/downloads/, in display order. */
const DOWNLOADS = [
  { name: 'reports.json', zh: '全部报告（JSON）', description: '每份报告的完整数据，与报告页的 JSON 下载同一结构。' },
  { name: 'reports-wide.csv', zh: '宽表（CSV）', description: '每份报告一行，每个数字一列。' },
  { name: 'reports-long.csv', zh: '长表（CSV）', description: '每个数字一行：报告、表格、行、列、数值。' },
  { name: 'report.schema.json', zh: 'JSON Schema', description: '报告数据结构的机器可读定义。' },
  { name: 'dictionary.csv', zh: '数据字典（CSV）', description: '每个规范键的中英文名称、单位和所属表格。' },
] as const;

/** Downloads present in data/downloads/ (a missing file is left out rather than linked). */
export const availableDownloads = DOWNLOADS.filter((d) => existsSync(dataPath('downloads', d.name)));

export function readDownload(name: string): Buffer {
  return readFileSync(dataPath('downloads', name));
}

/** A source copy's location, or null when the path would leave data/sources/ (paths come from the data). */
function sourceFile(path: string): string | null {
  const root = dataPath('sources');
  const full = dataPath('sources', path);
  return full.startsWith(root + sep) ? full : null;
}

export function sourceExists(path: string): boolean {
  const file = sourceFile(path);
  return file !== null && existsSync(file);
}

export function readSource(path: string): Buffer {
  return readFileSync(sourceFile(path)!);
}
