/** The content folders of the database and data package tests: the seeds, and a generated corpus over provinces and years. */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateReport, type GeneratedReport } from '../../src/generator';

export const SEEDS_DIR = path.resolve('content');

/** Years each generated agency reports for; the last agency's final year breaks X1 (its carried-over row is not last year's). */
export const GENERATED_YEARS = [2022, 2023, 2024];
export const GENERATED_PROVINCES = 3;

/**
 * Writes agencies from at least GENERATED_PROVINCES provinces, each with a report for every year of GENERATED_YEARS
 * whose 上年结转 is the previous report's 结转下年度 (so X1 holds), except the last agency's last year; plus an
 * unreadable file and an unsupported one, which become rejected files with diagnostics. Returns the reports written.
 */
export async function writeRegionalCorpus(contentDir: string): Promise<GeneratedReport[]> {
  const dir = path.join(contentDir, 'reports');
  await mkdir(dir, { recursive: true });
  const written: GeneratedReport[] = [];
  const provinces = new Set<string>();
  async function writeAgency(a: number, breakX1: boolean): Promise<void> {
    let previous: GeneratedReport | null = null;
    for (const year of GENERATED_YEARS) {
      const carried = previous?.truth.requests.carriedForward;
      const changed = carried && breakX1 && year === GENERATED_YEARS[GENERATED_YEARS.length - 1];
      const report: GeneratedReport = generateReport(`db-${a}-${year}`, {
        year,
        layout: 'tsv',
        ...(previous ? { agency: previous.truth.agency } : {}),
        ...(carried ? { carriedOver: changed ? { ...carried, natural: (carried.natural ?? 0) + 5, total: (carried.total ?? 0) + 5 } : carried } : {}),
      });
      await writeFile(path.join(dir, `${a}-${year}${report.extension}`), report.text);
      written.push(report);
      previous = report;
    }
    provinces.add(previous!.truth.agency.province);
  }
  let a = 0;
  while (provinces.size < GENERATED_PROVINCES || a < 3) await writeAgency(a++, false);
  await writeAgency(a, true);
  await writeFile(path.join(dir, 'unreadable.txt'), 'not a report at all\n');
  await writeFile(path.join(dir, 'table.xls'), 'binary');
  return written;
}

/** A copy of the seed reports (the pipeline writes nothing into content/, but a copy keeps the tests independent). */
export async function copySeeds(contentDir: string): Promise<void> {
  await cp(SEEDS_DIR, contentDir, { recursive: true });
}
