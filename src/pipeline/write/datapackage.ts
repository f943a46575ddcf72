/**
 * downloads/datapackage.json: a Frictionless (Tabular) Data Package describing every CSV download (the wide and long
 * CSV of each part of the reports, src/schema/downloads.ts, and the dictionary) with a Table Schema: field names in
 * column order, types, and the labels and units of the data dictionary. Built from the same column lists the CSV
 * writers use (src/schema/csv.ts, cells.ts), so a column cannot be described other than it is written.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { DICTIONARY_FIELDS, DOWNLOAD_FILES, LONG_FIELDS, WIDE_FIELDS, type CsvField, type DownloadPart, type DownloadParts } from '../../schema';

/** A Table Schema field; `unit` is an extra property (Table Schema has none for units; extra properties are allowed). */
interface TableSchemaField {
  name: string;
  type: CsvField['type'];
  /** The Chinese label. */
  title: string;
  /** The English label (and the unit, for readers that ignore `unit`). */
  description: string;
  unit?: string;
}

function tableField(f: CsvField): TableSchemaField {
  return {
    name: f.key,
    type: f.type,
    title: f.zh,
    description: f.unit ? `${f.en} (unit: ${f.unit})` : f.en,
    ...(f.unit ? { unit: f.unit } : {}),
  };
}

interface ResourceSpec {
  name: string;
  file: string;
  title: string;
  description: string;
  fields: readonly CsvField[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

const DICTIONARY: ResourceSpec = {
  name: 'dictionary',
  file: DOWNLOAD_FILES.dictionary,
  title: '数据字典 / Data dictionary',
  description: 'Every column of the wide CSV with its Chinese and English label, unit and table.',
  fields: DICTIONARY_FIELDS,
  primaryKey: ['key'],
};

/** A resource's name: its file's, without the extension (`reports-wide-2024`). */
const resourceName = (file: string) => file.replace(/\.csv$/, '');

/** The wide and long CSV of one part of the reports (src/schema/downloads.ts): a resource each, named after the file. */
function partResources(part: DownloadPart): ResourceSpec[] {
  const which = part.parts > 1 ? `${part.year}, part ${part.part} of ${part.parts}` : `${part.year}`;
  const whichZh = part.parts > 1 ? `${part.year} 年第 ${part.part}/${part.parts} 部分` : `${part.year} 年`;
  const wide = resourceName(part.files.wide.path);
  return [
    {
      name: wide,
      file: part.files.wide.path,
      title: `宽表（${whichZh}）：每份报告一行 / Wide (${which}): one row per report`,
      description: `Reports of ${which}, one row each: who published it, then one column per canonical number (value path), empty where the cell was blank or the table absent.`,
      fields: WIDE_FIELDS,
      primaryKey: ['id'],
    },
    {
      name: resourceName(part.files.long.path),
      file: part.files.long.path,
      title: `长表（${whichZh}）：每个数字一行 / Long (${which}): one row per number`,
      description: `Reports of ${which}, one row per cell a report has: report, table, row and column keys, and the number (empty for a blank cell).`,
      fields: LONG_FIELDS,
      primaryKey: ['report_id', 'table', 'row', 'column'],
      foreignKeys: [{ fields: ['report_id'], reference: { resource: wide, fields: ['id'] } }],
    },
  ];
}

/**
 * The descriptor for the CSVs in `downloadsDir`: each part's wide and long CSV, then the dictionary (their sizes are
 * read from the files, written before). No build time: the same input gives the same bytes (summary.json has the time).
 */
export function dataPackage(downloadsDir: string, parts: DownloadParts) {
  return {
    profile: 'tabular-data-package',
    name: 'gov-info-disclosure-annual-reports',
    title: '政府信息公开工作年度报告数据集 / Government information disclosure annual reports',
    description:
      'The numbers of the annual reports on government information disclosure (政府信息公开工作年度报告), as the agencies printed them, in the keys of the national template.',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    resources: [...parts.parts.flatMap(partResources), DICTIONARY].map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: r.file,
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      // The files start with a byte-order mark (for spreadsheet programs); UTF-8 readers that keep it see it in the first name.
      encoding: 'utf-8',
      bytes: statSync(path.join(downloadsDir, r.file)).size,
      schema: {
        fields: r.fields.map(tableField),
        missingValues: [''],
        primaryKey: r.primaryKey,
        ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}),
      },
    })),
  };
}
