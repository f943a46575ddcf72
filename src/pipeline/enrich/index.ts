/** Enrich stage: agency identity (normalised name, slug, level, region) and the report id. */
import type { Agency, Diagnostic, MetaOverrides } from '../../schema';
import { normalizeAgencyName } from './normalize';
import { agencyLevel, inferRegion, regionFromOverride, type RegionResult } from './region';
import { agencySlug } from './slug';

export { normalizeAgencyName } from './normalize';
export { agencySlug, reportId } from './slug';
export { inferRegion, regionFromOverride, agencyLevel } from './region';

const inferred = new Map<string, RegionResult>();

/** Region inference is the costly part and agencies repeat across years: memoise it per name, re-filing diagnostics per file. */
function inferRegionCached(name: string, file: string): RegionResult {
  let hit = inferred.get(name);
  if (!hit) {
    hit = inferRegion(name, file);
    inferred.set(name, hit);
  }
  return { ...hit, diagnostics: hit.diagnostics.map((d) => ({ ...d, file })) };
}

const slugs = new Map<string, string>();

/** Slugs by name: pinyin-pro's segmentation and a SHA-1 cost 10-25 µs a name, and an agency reports every year. */
function agencySlugCached(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = agencySlug(name);
    slugs.set(name, slug);
  }
  return slug;
}

/**
 * The agency of a report, from its name (metadata `agency` already applied by the caller) and the metadata `region`,
 * which wins over inference.
 */
export function identifyAgency(name: string, meta: Pick<MetaOverrides, 'region'>, file: string): { agency: Agency; diagnostics: Diagnostic[] } {
  const normalized = normalizeAgencyName(name);
  const { region, division, diagnostics } = meta.region
    ? { ...regionFromOverride(meta.region), diagnostics: [] }
    : inferRegionCached(normalized, file);
  return {
    agency: { name: normalized, slug: agencySlugCached(normalized), level: agencyLevel(normalized, division), region },
    diagnostics,
  };
}
