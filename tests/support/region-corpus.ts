/**
 * A generated corpus for the region tests: a few agencies in each of three provinces reporting over three years,
 * some years missing (coverage), some agencies chaining 上年结转 from last year's 结转下年度 (X1 holds) and the
 * others not (X1 breaks), one injected B1 break, and blank cells (totals over n of m reports).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeText, generateReport, type Layout } from '../../src/generator';
import { generateAgency, type AgencyTruth } from '../../src/generator/agency';
import { rngFor } from '../../src/generator/rng';
import type { RequestRow } from '../../src/schema';

export const CORPUS_PROVINCES = ['河南省', '广东省', '四川省'] as const;
export const CORPUS_YEARS = [2022, 2023, 2024] as const;
const AGENCIES_PER_PROVINCE = 5;
const LAYOUTS: Layout[] = ['tsv', 'pdf-text', 'markdown-table'];

/** County- and prefecture-level agencies of one province, drawn deterministically (distinct names). */
function agenciesIn(province: string): AgencyTruth[] {
  const out: AgencyTruth[] = [];
  for (let k = 0; out.length < AGENCIES_PER_PROVINCE && k < 20_000; k++) {
    const agency = generateAgency(rngFor(`region-corpus-${province}-${k}`, 'agency'));
    if (agency.province !== province || agency.level === 'township' || agency.level === 'province') continue;
    if (out.some((a) => a.name === agency.name)) continue;
    out.push(agency);
  }
  return out;
}

/** Years agency number `j` of a province reports: every third misses 2023, every third from the second misses 2022. */
export const plannedYears = (j: number) => CORPUS_YEARS.filter((y) => !(j % 3 === 1 && y === 2023) && !(j % 3 === 2 && y === 2022));

/** Writes the corpus under `<contentDir>/reports/`; returns the number of files. */
export async function writeRegionCorpus(contentDir: string): Promise<number> {
  await mkdir(path.join(contentDir, 'reports'), { recursive: true });
  let files = 0;
  for (const [p, province] of CORPUS_PROVINCES.entries()) {
    const agencies = agenciesIn(province);
    for (const [j, agency] of agencies.entries()) {
      let carriedForward: RequestRow | undefined;
      for (const year of plannedYears(j)) {
        // ASCII seeds: the file name is made from the seed.
        const seed = `region-p${p}-a${j}-${year}`;
        const report = generateReport(seed, {
          agency,
          year,
          template: '2021',
          layout: LAYOUTS[(j + year) % LAYOUTS.length],
          breaks: j === 0 && year === 2024 ? ['B1'] : [],
          blankRate: j === 3 ? 0.5 : 0,
          // Even-numbered agencies carry last year's 结转下年度 over (X1 holds), the others do not.
          carriedOver: j % 2 === 0 ? carriedForward : undefined,
        });
        carriedForward = report.truth.requests.carriedForward;
        await writeFile(path.join(contentDir, 'reports', `${report.name}${report.extension}`), encodeText(report.text, { encoding: 'utf-8', crlf: false }));
        files += 1;
      }
    }
  }
  return files;
}
