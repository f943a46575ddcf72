/**
 * Distinct agency-years for a generated corpus: the pipeline keeps one report per agency and year and rejects the
 * others as duplicates (src/pipeline/duplicates.ts), so a corpus of n files must name n different agency-years to
 * give n reports. A report that would repeat an agency-year already used gets another agency, drawn from its own
 * seed (deterministic: the same run of seeds gives the same corpus); its year and everything else stay as drawn.
 */
import { generateAgency, type AgencyTruth } from './agency';
import { rngFor } from './rng';
import type { Truth } from './types';

/** Agencies drawn for one report before giving up (the pool is some 60,000 agencies × 7 years). */
const MAX_DRAWS = 1000;

/** The pipeline's identity of a report: the agency's name (generated names are already normalised) and the year. */
export const agencyYearKey = (truth: Pick<Truth, 'agencyName' | 'year'>) => `${truth.agencyName}\u0000${truth.year}`;

export class DistinctAgencyYears {
  private readonly used = new Set<string>();

  /** How many agency-years were taken so far. */
  get size(): number {
    return this.used.size;
  }

  /**
   * `make(undefined)` is the report as its seed draws it; while its agency-year is taken, `make(agency)` is tried
   * with agencies drawn from `seed`. The result's agency-year is marked as used.
   */
  take<T extends { truth: Truth }>(seed: string, make: (agency: AgencyTruth | undefined) => T): T {
    let report = make(undefined);
    for (let draw = 1; this.used.has(agencyYearKey(report.truth)); draw++) {
      if (draw > MAX_DRAWS) throw new Error(`no unused agency for ${report.truth.year} after ${MAX_DRAWS} draws (seed ${seed})`);
      report = make(generateAgency(rngFor(seed, `distinct-agency-${draw}`)));
    }
    this.used.add(agencyYearKey(report.truth));
    return report;
  }
}
