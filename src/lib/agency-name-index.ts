/**
 * The agency name index of the search page (src/lib/search/agency-names.ts explains it), built once per build from
 * the agency list: the manifest and the buckets served under /search/agencies/.
 */
import { agencies } from './site-data';
import { agencyNameEntry, buildAgencyNameIndex } from './search/agency-names';

export const agencyNameIndex = buildAgencyNameIndex(agencies.map(agencyNameEntry));
