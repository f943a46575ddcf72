/** What the writers derive from the accepted reports: their order (by id) and the agency index (agencies.json). */
import type { AgencyIndexEntry, Report } from '../../schema';
import { byKey } from '../order';

export function sortReports(reports: readonly Report[]): Report[] {
  return [...reports].sort(byKey((r) => r.id));
}

/** One entry per agency slug, with its years ascending; name, level and region from its latest report. */
export function buildAgencyIndex(reports: readonly Pick<Report, 'id' | 'year' | 'agency'>[]): AgencyIndexEntry[] {
  const bySlug = new Map<string, Pick<Report, 'id' | 'year' | 'agency'>[]>();
  for (const r of reports) {
    const list = bySlug.get(r.agency.slug);
    if (list) list.push(r);
    else bySlug.set(r.agency.slug, [r]);
  }
  return [...bySlug.entries()]
    .sort(byKey(([slug]) => slug))
    .map(([, list]) => {
      const byYear = [...list].sort((a, b) => a.year - b.year);
      return { ...byYear[byYear.length - 1].agency, years: byYear.map((r) => r.year), reportIds: byYear.map((r) => r.id) };
    });
}
