/**
 * The data files other than the reports and agencies.json (src/lib/site-data.ts): rejected files, the summary,
 * downloads and the copies of the source files. Read once per build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { z } from 'zod/v4';
import { Rejected } from '../schema/report';
import { DATA_DIR, dataPath } from './data-dir';
import { readDataFile } from './read-data-file';
import { readPartsIndex } from './report-parts';
import { DOWNLOAD_FILES, PART_FORMATS, type DownloadPart } from '../schema/downloads';

/**
 * Files that did not become a report, with their diagnostics. `npm run data` always writes rejected.json (`[]` when
 * every file became a report), so a missing file fails the build with its name: an empty /quality/ page would
 * otherwise claim that nothing was rejected.
 */
export const rejected = readDataFile(dataPath('rejected.json'), z.array(Rejected));

/** The run's summary (counts and the build time shown on /data/); missing, it fails the build like rejected.json. */
export const summary = readDataFile(
  dataPath('summary.json'),
  z.object({ files: z.number(), reports: z.number(), warnings: z.number(), errors: z.number(), ruleBreaks: z.number(), builtAt: z.string() }),
);

/** The data set downloads written to data/downloads/, in display order; `howTo`: one line on opening the file. */
const { database, dataPackage } = DOWNLOAD_FILES;
const DOWNLOADS: readonly { name: string; zh: string; description: string; howTo?: string }[] = [
  {
    name: DOWNLOAD_FILES.parts,
    zh: '按年度分卷的文件清单（JSON）',
    description: '下方各年度 JSON、宽表和长表文件的清单：年度、卷号、报告数、首末报告编号、文件名和大小，供程序批量下载。',
  },
  {
    name: database,
    zh: 'SQLite 数据库',
    description: '全部数据一个文件：机关、报告、表一至表三的每个数字（长表）、勾稽关系不符、诊断信息和正文，带索引和外键。',
    howTo: `用 Datasette（datasette ${database}）、DuckDB（ATTACH '${database}'）或 pandas（pandas.read_sql）直接打开，视图 cells_long 即长表。`,
  },
  {
    name: dataPackage,
    zh: '数据包说明（Frictionless Data Package）',
    description: '各年度宽表、长表和数据字典 CSV 的字段名、类型、单位和中英文名称（Table Schema）。',
    howTo: `与 CSV 放在同一文件夹，用 frictionless validate ${dataPackage} 校验，或用支持数据包的工具一次读入全部表格。`,
  },
  { name: DOWNLOAD_FILES.jsonSchema, zh: 'JSON Schema', description: '报告数据结构的机器可读定义。' },
  { name: DOWNLOAD_FILES.dictionary, zh: '数据字典（CSV）', description: '每个规范键的中英文名称、单位和所属表格。' },
];

/** Downloads present in data/downloads/ with their size (a missing file is left out rather than linked). */
export const availableDownloads = DOWNLOADS.flatMap((d) => {
  const stats = statSync(dataPath('downloads', d.name), { throwIfNoEntry: false });
  return stats ? [{ ...d, bytes: stats.size }] : [];
});

/**
 * The reports by year (src/schema/downloads.ts): each part's JSON, wide CSV and long CSV, listed in parts.json; none
 * before `npm run data`.
 */
export const downloadParts: DownloadPart[] = existsSync(dataPath('downloads', DOWNLOAD_FILES.parts)) ? readPartsIndex(DATA_DIR).parts : [];

/** Every file served under /downloads/: the downloads above and every part's files. */
export const downloadFileNames = [
  ...availableDownloads.map((d) => d.name),
  ...downloadParts.flatMap((p) => PART_FORMATS.map((format) => p.files[format].path)),
];

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

export function readSourceCopy(path: string): Buffer {
  return readFileSync(sourceFile(path)!);
}
