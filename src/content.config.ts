/** Astro content collections over the JSON the ingest pipeline writes to data/ (see scripts/data.ts). */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { AgencyIndexEntry, Report } from './schema';
import { dataPath } from './lib/data-dir';

const reports = defineCollection({ loader: file(dataPath('reports.json')), schema: Report });
const agencies = defineCollection({
  loader: file(dataPath('agencies.json'), {
    parser: (text) => JSON.parse(text).map((a: { slug: string }) => ({ id: a.slug, ...a })),
  }),
  schema: AgencyIndexEntry,
});

export const collections = { reports, agencies };
