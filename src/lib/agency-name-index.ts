/**
 * The agency name index of the search page (src/lib/search/agency-names.ts explains it), built once per build from
 * the agency list: the manifest and the buckets served under /search/agencies/.
 */
import { agencies } from './site-data';
import { agencyShortForms } from './search/aliases';
import { buildAgencyNameIndex, type AgencyNameEntry } from './search/agency-names';

function entry(agency: (typeof agencies)[number]): AgencyNameEntry {
  const { province, prefecture, county } = agency.region;
  const forms = agencyShortForms(agency.name);
  const region = [province, prefecture, county].filter(Boolean).join(' ');
  return forms.length ? { name: agency.name, slug: agency.slug, region, forms } : { name: agency.name, slug: agency.slug, region };
}

export const agencyNameIndex = buildAgencyNameIndex(agencies.map(entry));
