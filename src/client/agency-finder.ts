/**
 * The search page's agency finder: agencies whose name or short form contains the query, shown above the full-text
 * results. It fetches the name index's manifest once and one bucket per query (src/lib/search/agency-names.ts), so
 * finding an agency costs a few kilobytes whatever the size of the full-text index.
 */
import {
  lookupFor,
  matchAgencies,
  type AgencyNameEntry,
  type AgencyNameManifest,
} from '../lib/search/agency-names';
import { agencyNamesBucketUrl, agencyNamesManifestUrl, agencyUrl } from '../lib/paths';

/** Agencies listed at most; more are counted and the reader is asked for a longer name. */
const SHOWN = 8;

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export interface AgencyFinder {
  /** Shows the agencies matching every term, or hides the list; resolves to the number found. */
  show(terms: readonly string[], query: string): Promise<number>;
}

export function agencyFinder(section: HTMLElement): AgencyFinder {
  const heading = section.querySelector<HTMLElement>('[data-agency-heading]');
  const list = section.querySelector<HTMLUListElement>('ul');
  const more = section.querySelector<HTMLElement>('[data-agency-more]');
  let manifest: Promise<AgencyNameManifest> | undefined;
  const buckets = new Map<number, Promise<AgencyNameEntry[]>>();
  let latest = 0;

  const bucket = (n: number) => {
    let entries = buckets.get(n);
    if (!entries) {
      entries = fetchJson<AgencyNameEntry[]>(agencyNamesBucketUrl(n));
      buckets.set(n, entries);
      entries.catch(() => buckets.delete(n));
    }
    return entries;
  };

  const render = (found: AgencyNameEntry[], query: string) => {
    if (!heading || !list || !more) return;
    heading.textContent = `名称包含“${query}”的机构（${found.length} 个）`;
    more.textContent = `另有 ${found.length - SHOWN} 个机构，请输入更完整的名称。`;
    list.replaceChildren(
      ...found.slice(0, SHOWN).map((agency) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = agencyUrl(agency.slug);
        link.textContent = agency.name;
        item.append(link);
        if (agency.region) item.append(` · ${agency.region}`);
        return item;
      }),
    );
    more.hidden = found.length <= SHOWN;
    section.hidden = false;
  };

  /** A query of words most agency names share: no list, a hint. */
  const renderTooCommon = (query: string) => {
    if (!heading || !list || !more) return;
    heading.textContent = '机构';
    list.replaceChildren();
    more.textContent = `很多机构的名称都包含“${query}”，请加上地名等更具体的部分来查找机构。`;
    more.hidden = false;
    section.hidden = false;
  };

  return {
    async show(terms, query) {
      const run = ++latest;
      section.hidden = true;
      if (terms.length === 0) return 0;
      try {
        manifest ??= fetchJson<AgencyNameManifest>(agencyNamesManifestUrl).catch((error: unknown) => {
          manifest = undefined;
          throw error;
        });
        const lookup = lookupFor(terms, await manifest);
        if ('tooShort' in lookup) return 0;
        if ('tooCommon' in lookup) {
          if (run === latest) renderTooCommon(query);
          return 0;
        }
        const found = matchAgencies(terms, await bucket(lookup.bucket));
        if (run !== latest) return found.length;
        if (found.length > 0) render(found, query);
        return found.length;
      } catch (error) {
        console.warn('Agency name index failed', error);
        return 0;
      }
    },
  };
}
