/**
 * Metadata a publisher may set per report file, overriding what the parser and the enrich stage infer: YAML front
 * matter or a sidecar `<name>.meta.json` / `<name>.meta.yaml` (read by src/pipeline/read, applied by enrich).
 */
import { z } from 'zod/v4';
import { Url } from './report';

const text = z.string().trim().min(1);
const placeName = text.nullable().optional();

/** Each field is validated on its own (src/pipeline/read/meta.ts), so one bad field does not drop the rest. */
export const META_OVERRIDE_FIELDS = {
  agency: text,
  region: z.strictObject({ province: placeName, prefecture: placeName, county: placeName }),
  year: z.coerce.number().int().min(2000).max(2100),
  title: text,
  sourceUrl: z.string().trim().pipe(Url),
  // YAML may read an unquoted date as a Date; keep the calendar date as printed.
  publishedAt: z.union([text, z.date().transform((d) => d.toISOString().slice(0, 10))]),
} as const;

export const MetaOverridesSchema = z.object(META_OVERRIDE_FIELDS).partial();
export type MetaOverrides = z.infer<typeof MetaOverridesSchema>;
export type MetaField = keyof typeof META_OVERRIDE_FIELDS;
export const META_FIELDS = Object.keys(META_OVERRIDE_FIELDS) as MetaField[];
