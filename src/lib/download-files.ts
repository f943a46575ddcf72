/**
 * The data set downloads of a data folder (data/downloads/, served at /downloads/): which are present, with their
 * size, and the reports' per-year parts. No side effects: the /data/ page lists these, and the downloads integration
 * (src/integrations/downloads.ts) copies exactly these files into the site.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOWNLOAD_FILES, PART_FORMATS, type DownloadPart } from '../schema/downloads';
import { readPartsIndex } from './report-parts';

export interface Download {
  name: string;
  zh: string;
  description: string;
  /** One line on opening the file. */
  howTo?: string;
  bytes: number;
}

/** The data set downloads written to data/downloads/, in display order. */
const { database, dataPackage } = DOWNLOAD_FILES;
const DOWNLOADS: readonly Omit<Download, 'bytes'>[] = [
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

/**
 * `available`: the downloads present in `dataDir`/downloads/ with their size (a missing file is left out rather than
 * linked); `parts`: the reports by year (src/schema/downloads.ts), each part's JSON, wide CSV and long CSV, listed in
 * parts.json, none before `npm run data`; `files`: every file served under /downloads/ (both).
 */
export function listDownloads(dataDir: string): { available: Download[]; parts: DownloadPart[]; files: string[] } {
  const at = (name: string) => path.join(dataDir, 'downloads', name);
  const available = DOWNLOADS.flatMap((d) => {
    const stats = statSync(at(d.name), { throwIfNoEntry: false });
    return stats ? [{ ...d, bytes: stats.size }] : [];
  });
  const parts = existsSync(at(DOWNLOAD_FILES.parts)) ? readPartsIndex(dataDir).parts : [];
  const files = [...available.map((d) => d.name), ...parts.flatMap((p) => PART_FORMATS.map((format) => p.files[format].path))];
  return { available, parts, files };
}
