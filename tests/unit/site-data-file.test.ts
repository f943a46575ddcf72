/**
 * The site reads the reports' per-year parts and agencies.json itself (src/lib/site-data.ts through
 * src/lib/report-parts.ts and read-data-file.ts): valid files come back as the schema's values, and a bad file fails
 * with the file and the place in it. The same holds for rejected.json and summary.json (src/lib/data-files.ts): a
 * missing one fails, never reads as "nothing".
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod/v4';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDataFile } from '../../src/lib/read-data-file';
import { readReports, readReportsJson } from '../../src/lib/report-parts';
import { runPipeline } from '../../src/pipeline';
import { AgencyIndexEntry, Report } from '../../src/schema/report';

let dir: string;
let reportsJson: { agency: { slug: string; name: string } }[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'site-data-'));
  await runPipeline({ contentDir: 'content', outDir: dir });
  reportsJson = readReportsJson(dir) as typeof reportsJson;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readDataFile', () => {
  it('returns the reports and agencies the pipeline wrote, validated', () => {
    const reports = readReports(dir);
    expect(reports.map((r) => r.agency.name).sort()).toEqual(reportsJson.map((r) => r.agency.name).sort());
    expect(reports.find((r) => r.agency.name === '伊宁市人民政府')?.requests.received.total).toBe(21);
    const agencies = readDataFile(path.join(dir, 'agencies.json'), z.array(AgencyIndexEntry));
    expect(agencies.map((a) => a.slug).sort()).toEqual([...new Set(reportsJson.map((r) => r.agency.slug))].sort());
  });

  it('names the file and the path of each invalid value', async () => {
    const broken = structuredClone(reportsJson);
    broken[2].agency.slug = 'Not A Slug';
    const file = path.join(dir, 'broken-reports.json');
    await writeFile(file, JSON.stringify(broken));
    expect(() => readDataFile(file, z.array(Report))).toThrow(file);
    expect(() => readDataFile(file, z.array(Report))).toThrow(/at \[2\]\.agency\.slug: /);
  });

  it('says which file is missing or not JSON', async () => {
    const missing = path.join(dir, 'nothing-here.json');
    expect(() => readDataFile(missing, z.array(Report))).toThrow(`cannot read the data file ${missing}`);
    const garbled = path.join(dir, 'garbled.json');
    await writeFile(garbled, '[{"id": ');
    expect(() => readDataFile(garbled, z.array(Report))).toThrow(`cannot read the data file ${garbled}`);
  });
});

describe('lib/data-files (rejected.json, summary.json)', () => {
  const dataDirBefore = process.env.DATA_DIR;
  afterEach(() => {
    if (dataDirBefore === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = dataDirBefore;
  });

  /** Imports src/lib/data-files.ts afresh over `dataDir` (it reads its files once, on import). */
  const dataFilesOf = async (dataDir: string) => {
    process.env.DATA_DIR = dataDir;
    vi.resetModules();
    return import('../../src/lib/data-files');
  };

  it('reads what the pipeline wrote', async () => {
    const { rejected, summary } = await dataFilesOf(dir);
    expect(rejected).toEqual(JSON.parse(await readFile(path.join(dir, 'rejected.json'), 'utf8')));
    const written = JSON.parse(await readFile(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary.builtAt).toBe(written.builtAt);
    expect(summary.reports).toBe(reportsJson.length);
  });

  it.each(['rejected.json', 'summary.json'])('fails with the file name and the fix when %s is missing', async (missing) => {
    const partial = await mkdtemp(path.join(tmpdir(), 'site-data-partial-'));
    try {
      await cp(dir, partial, { recursive: true });
      await rm(path.join(partial, missing));
      await expect(dataFilesOf(partial)).rejects.toThrow(`cannot read the data file ${path.join(partial, missing)} (run \`npm run data\` first`);
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  });
});
