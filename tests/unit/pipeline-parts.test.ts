/**
 * The reports' downloads by year (src/pipeline/write/parts.ts): a year in one part, or in parts of `perPart`
 * reports in id order; the three files of a part hold the same reports; parts.json lists them with their sizes;
 * part files a later run no longer writes are removed, other files are left alone.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPartsIndex, readReports } from '../../src/lib/report-parts';
import { splitIntoParts, writeParts } from '../../src/pipeline/write';
import { DownloadParts, partFileNames, type Report } from '../../src/schema';
import { makeReport } from './pipeline-helpers';

/** Reports of 2022 (five) and 2023 (two), ids in code-point order as the writer sorts them. */
function corpus(): Report[] {
  const of = (n: number, year: number) => makeReport({ id: `ji-guan-${String(n).padStart(2, '0')}-abcdef-${year}`, year });
  return [...[1, 2, 3, 4, 5].map((n) => of(n, 2022)), of(1, 2023), of(2, 2023)].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('splitIntoParts', () => {
  it('groups by year, oldest first, and cuts a year of more than perPart reports into parts in id order', () => {
    const parts = splitIntoParts(corpus(), 2);
    expect(parts.map((p) => [p.year, p.part, p.parts, p.reports.map((r) => r.id.slice(8, 10))])).toEqual([
      [2022, 1, 3, ['01', '02']],
      [2022, 2, 3, ['03', '04']],
      [2022, 3, 3, ['05']],
      [2023, 1, 1, ['01', '02']],
    ]);
    expect(parts[0].files).toEqual({ json: 'reports-2022-1.json', wide: 'reports-wide-2022-1.csv', long: 'reports-long-2022-1.csv' });
    expect(parts[3].files).toEqual({ json: 'reports-2023.json', wide: 'reports-wide-2023.csv', long: 'reports-long-2023.csv' });
  });

  it('gives no part for no reports', () => {
    expect(splitIntoParts([])).toEqual([]);
  });
});

describe('writeParts', () => {
  let dir: string;
  let index: DownloadParts;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-parts-'));
    const downloads = path.join(dir, 'downloads');
    // A first run wrote 2021 and 2022 in one part each; a file of another kind sits beside them.
    await writeParts(downloads, splitIntoParts([makeReport({ id: 'a-abcdef-2021', year: 2021 }), ...corpus()]), { csvOf: () => undefined });
    await writeFile(path.join(downloads, 'reports.sqlite'), 'kept');
    index = await writeParts(downloads, splitIntoParts(corpus(), 2), { csvOf: () => undefined }, 2);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists every part with its reports and the size of each file, as parts.json says', async () => {
    expect(DownloadParts.parse(index)).toEqual(index);
    expect(readPartsIndex(dir)).toEqual(index);
    expect(index).toMatchObject({ reports: 7, reportsPerPart: 2 });
    expect(index.parts.map((p) => [p.year, p.part, p.reports, p.first.slice(0, 10), p.last.slice(0, 10)])).toEqual([
      [2022, 1, 2, 'ji-guan-01', 'ji-guan-02'],
      [2022, 2, 2, 'ji-guan-03', 'ji-guan-04'],
      [2022, 3, 1, 'ji-guan-05', 'ji-guan-05'],
      [2023, 1, 2, 'ji-guan-01', 'ji-guan-02'],
    ]);
    for (const p of index.parts) {
      for (const file of Object.values(p.files)) expect((await stat(path.join(dir, 'downloads', file.path))).size).toBe(file.bytes);
    }
  });

  it('puts the same reports in the three files of a part', async () => {
    const p = index.parts[1];
    const read = async (name: string) => readFile(path.join(dir, 'downloads', name), 'utf8');
    const json = JSON.parse(await read(p.files.json.path)) as Report[];
    expect(json.map((r) => r.id)).toEqual(['ji-guan-03-abcdef-2022', 'ji-guan-04-abcdef-2022']);
    const wide = parse(await read(p.files.wide.path), { columns: true, bom: true }) as Record<string, string>[];
    expect(wide.map((r) => r.id)).toEqual(json.map((r) => r.id));
    const long = parse(await read(p.files.long.path), { columns: true, bom: true }) as Record<string, string>[];
    expect([...new Set(long.map((r) => r.report_id))]).toEqual(json.map((r) => r.id));
  });

  it('removes the part files of the earlier run that this one did not write, and nothing else', async () => {
    const written = index.parts.flatMap((p) => Object.values(p.files).map((f) => f.path));
    expect((await readdir(path.join(dir, 'downloads'))).sort()).toEqual([...written, 'parts.json', 'reports.sqlite'].sort());
    expect(written).not.toContain(partFileNames(2022, 1, 1).json);
  });

  it('reads back as the site reads it: every report, validated, year by year', () => {
    expect(readReports(dir).map((r) => `${r.year} ${r.id.slice(0, 10)}`)).toEqual([
      '2022 ji-guan-01',
      '2022 ji-guan-02',
      '2022 ji-guan-03',
      '2022 ji-guan-04',
      '2022 ji-guan-05',
      '2023 ji-guan-01',
      '2023 ji-guan-02',
    ]);
  });
});
