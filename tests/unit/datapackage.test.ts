/**
 * downloads/datapackage.json: valid against the Frictionless Tabular Data Package profile (tests/fixtures/datapackage,
 * JSON Schema draft-04), and true to the CSVs beside it: every CSV download is described, its header is its Table
 * Schema's field names in order, its values have the declared types, and the labels and units are the dictionary's.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline';
import { readPartsIndex } from '../../src/lib/report-parts';
import { DOWNLOAD_FILES } from '../../src/schema';
import { copySeeds } from './database-corpus';

const PROFILE = JSON.parse(readFileSync(path.resolve('tests/fixtures/datapackage/tabular-data-package.json'), 'utf8'));

interface Field {
  name: string;
  type: string;
  title: string;
  description: string;
  unit?: string;
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  schema: { fields: Field[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] };
}

function validator() {
  // The profile's examples and context are documentation keywords draft-04 does not define; `textarea` is a format
  // for form editors (any string).
  return new Ajv({ strict: false, allErrors: true })
    .addFormat('uri', (s: string) => URL.canParse(s))
    .addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s))
    .addFormat('email', /^[^@\s]+@[^@\s]+$/)
    .addFormat('textarea', true)
    .compile(PROFILE);
}

const readCsv = (text: string): string[][] => parse(text, { bom: true });

describe('datapackage.json', () => {
  let dir: string;
  let downloads: string;
  let descriptor: { profile: string; resources: Resource[] };
  const csv = new Map<string, string[][]>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'datapackage-'));
    await copySeeds(path.join(dir, 'content'));
    await runPipeline({ contentDir: path.join(dir, 'content'), outDir: path.join(dir, 'data'), cache: false, workers: 0 });
    downloads = path.join(dir, 'data', 'downloads');
    descriptor = JSON.parse(await readFile(path.join(downloads, DOWNLOAD_FILES.dataPackage), 'utf8'));
    for (const r of descriptor.resources) csv.set(r.name, readCsv(await readFile(path.join(downloads, r.path), 'utf8')));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const wideResources = () => descriptor.resources.filter((r) => /^reports-wide-\d{4}(-\d+)?\.csv$/.test(r.path));

  it('describes each part of the reports listed in parts.json: its wide and long CSV, the long one keyed to the wide one', async () => {
    const index = readPartsIndex(path.join(dir, 'data'));
    // The seeds span several years: one part each.
    expect(index.parts.length).toBeGreaterThan(1);
    const expected = index.parts.flatMap((p) => [p.files.wide.path, p.files.long.path]);
    expect(descriptor.resources.map((r) => r.path)).toEqual([...expected, DOWNLOAD_FILES.dictionary]);
    for (const p of index.parts) {
      const long = descriptor.resources.find((r) => r.path === p.files.long.path)!;
      expect(long.schema.foreignKeys).toEqual([{ fields: ['report_id'], reference: { resource: p.files.wide.path.replace(/\.csv$/, ''), fields: ['id'] } }]);
      expect(csv.get(p.files.wide.path.replace(/\.csv$/, ''))!.length - 1).toBe(p.reports);
    }
  });

  it('validates against the Tabular Data Package profile', () => {
    const validate = validator();
    expect(validate(descriptor), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(descriptor.profile).toBe('tabular-data-package');
  });

  it('the validator refuses a descriptor that breaks the profile (so the check above can fail)', () => {
    const validate = validator();
    const broken = structuredClone(descriptor);
    delete (broken.resources[0].schema.fields[0] as Partial<Field>).name;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...descriptor, resources: [] })).toBe(false);
    expect(validate({ ...descriptor, resources: [{ ...descriptor.resources[0], name: 'Not A Name' }] })).toBe(false);
  });

  it('describes every CSV download, with its size', async () => {
    const csvFiles = (await readdir(downloads)).filter((f) => f.endsWith('.csv')).sort();
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(csvFiles);
    for (const r of descriptor.resources) expect(r.bytes).toBe(readFileSync(path.join(downloads, r.path)).length);
  });

  it('each CSV’s header is its Table Schema’s field names, in order', () => {
    for (const r of descriptor.resources) expect(csv.get(r.name)![0], r.path).toEqual(r.schema.fields.map((f) => f.name));
  });

  it('every value has its field’s type; keys are unique and foreign keys resolve', () => {
    const ok: Record<string, (v: string) => boolean> = {
      string: () => true,
      integer: (v) => /^-?\d+$/.test(v),
      number: (v) => v.trim() !== '' && Number.isFinite(Number(v)),
    };
    for (const r of descriptor.resources) {
      const [header, ...rows] = csv.get(r.name)!;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        // '' is the declared missing value.
        r.schema.fields.forEach((f, i) => expect(row[i] === '' || ok[f.type](row[i]), `${r.path} ${f.name} ${row[i]}`).toBe(true));
      }
      const keyOf = (row: string[]) => r.schema.primaryKey.map((k) => row[header.indexOf(k)]).join('\u0000');
      expect(new Set(rows.map(keyOf)).size).toBe(rows.length);
      for (const fk of r.schema.foreignKeys ?? []) {
        const [targetHeader, ...targetRows] = csv.get(fk.reference.resource)!;
        const targets = new Set(targetRows.map((t) => fk.reference.fields.map((k) => t[targetHeader.indexOf(k)]).join('\u0000')));
        for (const row of rows) expect(targets.has(fk.fields.map((k) => row[header.indexOf(k)]).join('\u0000'))).toBe(true);
      }
    }
    // The seeds have numbers in the cells, not only blanks: the number check ran.
    const received = wideResources().flatMap((wide) => {
      const receivedTotal = wide.schema.fields.findIndex((f) => f.name === 'requests.received.total');
      return csv.get(wide.name)!.slice(1).map((row) => Number(row[receivedTotal]));
    });
    expect(received).toContain(21);
  });

  it('labels and units are the data dictionary’s', () => {
    const [header, ...entries] = csv.get('dictionary')!;
    const col = (name: string) => header.indexOf(name);
    const dictionary = new Map(entries.map((e) => [e[col('key')], e]));
    const [wide] = wideResources();
    expect(wide.schema.fields.map((f) => f.name)).toEqual([...dictionary.keys()]);
    for (const f of wide.schema.fields) {
      const entry = dictionary.get(f.name)!;
      expect(f.title).toBe(entry[col('label_zh')]);
      expect(f.description.startsWith(entry[col('label_en')])).toBe(true);
      expect(f.unit ?? '').toBe(entry[col('unit')]);
    }
    const fees = wide.schema.fields.find((f) => f.name === 'proactive.fees.amount')!;
    expect(fees).toMatchObject({ type: 'number', unit: '万元' });
    expect(wide.schema.fields.find((f) => f.name === 'year')).toMatchObject({ type: 'integer', title: '年度', description: 'Year' });
  });
});
