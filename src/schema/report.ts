/**
 * The zod schema of a parsed report: the single source of truth for the parser's output,
 * the site's data read (src/lib/site-data.ts) and the published JSON Schema.
 */
import { z } from 'zod/v4';
import { DIAGNOSTIC_CODE_LIST } from './diagnostic-codes';
import {
  APPLICANT_KEYS,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  PROACTIVE_ROWS,
  PROACTIVE_2019_ROWS,
  REQUEST_GROUP_KEYS,
  REQUEST_ROW_KEYS,
  RULE_IDS,
  SECTIONS,
} from './keys';

/** A number as printed: null where the source cell is blank or unreadable (always with a diagnostic). Zod 4 numbers are finite. */
export const Cell = z.number().nullable();
export type Cell = z.infer<typeof Cell>;

function objectOf<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);
}

export const RequestRow = objectOf(APPLICANT_KEYS, Cell);
export type RequestRow = z.infer<typeof RequestRow>;

/** Table B: the 25 rows; a group printed as one line (no sub-rows) is stored under the group's own key. */
export const Requests = objectOf(REQUEST_ROW_KEYS, RequestRow).extend(
  Object.fromEntries(REQUEST_GROUP_KEYS.map((g) => [g, RequestRow.optional()])) as Record<
    (typeof REQUEST_GROUP_KEYS)[number],
    z.ZodOptional<typeof RequestRow>
  >,
);
export type Requests = z.infer<typeof Requests>;

const rowsSchema = (rows: readonly { key: string; columns: readonly string[] }[]) =>
  z.object(Object.fromEntries(rows.map((r) => [r.key, objectOf(r.columns, Cell)])));

export const Proactive = rowsSchema(PROACTIVE_ROWS);
export type Proactive = z.infer<typeof Proactive>;
export const Proactive2019 = rowsSchema(PROACTIVE_2019_ROWS);
export type Proactive2019 = z.infer<typeof Proactive2019>;

export const AppealGroupCells = objectOf(APPEAL_COLUMNS.map((c) => c.key), Cell);
export const Appeals = objectOf(APPEAL_GROUPS.map((g) => g.key), AppealGroupCells);
export type Appeals = z.infer<typeof Appeals>;

/**
 * How a table's cells were placed (rule: a number is the agency's own, or visibly missing): `label` every cell read
 * beside its printed row label (or in its printed position under the header), `arithmetic` some cells printed apart
 * from their labels and placed because the template's arithmetic admits one reading only, `partial` some cells left
 * null because no placement could be proved, `none` no cell placed. The counts are cells.
 */
export const PLACEMENT_METHODS = ['label', 'arithmetic', 'partial', 'none'] as const;
export const TablePlacement = z.object({
  method: z.enum(PLACEMENT_METHODS),
  byLabel: z.number().int().min(0),
  byArithmetic: z.number().int().min(0),
  unread: z.number().int().min(0),
});
export type TablePlacement = z.infer<typeof TablePlacement>;
/** Per table: A (`proactive`, or `proactive2019` for the older template), B (`requests`), C (`appeals`). */
export const Placement = z.object({ proactive: TablePlacement, requests: TablePlacement, appeals: TablePlacement });
export type Placement = z.infer<typeof Placement>;

export const Section = z.object({
  /** The heading as printed. */
  title: z.string(),
  /** 1-based line of the heading in the source text. */
  line: z.number().int().nullable(),
  /** Re-flowed prose: one paragraph, heading or list item per line. */
  text: z.string(),
});
export type Section = z.infer<typeof Section>;
/**
 * Prose outside the six sections, kept so that every sentence of the source reaches its page and the search index:
 * the preamble between the title and 一、 (legal basis, statistics period, where the report is published, contact
 * address) and the closing lines after the last section (the issuing agency, the date).
 */
export const Passage = z.object({
  /** 1-based line of the passage's first line in the source text. */
  line: z.number().int().nullable(),
  /** Re-flowed prose, one paragraph per line (closing lines: one printed line per line). */
  text: z.string(),
});
export type Passage = z.infer<typeof Passage>;

export const Sections = objectOf(SECTIONS.map((s) => s.key), Section.nullable());
export type Sections = z.infer<typeof Sections>;

/** A request count stated in the prose (rule N1). */
export const ProseCount = z.object({ value: z.number(), line: z.number().int().nullable(), text: z.string() });
export const ProseCounts = z.object({
  received: ProseCount.optional(),
  handled: ProseCount.optional(),
  carriedForward: ProseCount.optional(),
});
export type ProseCounts = z.infer<typeof ProseCounts>;

export const Severity = z.enum(['error', 'warning', 'info']);
export const Diagnostic = z.object({
  severity: Severity,
  /** A stable machine-readable code from the closed list of ./diagnostic-codes.ts, e.g. `table-b-missing`. */
  code: z.enum(DIAGNOSTIC_CODE_LIST),
  /** Path of the source file relative to the content folder. */
  file: z.string(),
  /** 1-based line in the source text, null when the problem is not tied to one line. */
  line: z.number().int().nullable(),
  expected: z.string(),
  found: z.string(),
  message: z.string(),
  /** The value path concerned, e.g. `requests.received.natural`. */
  path: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const RuleBreak = z.object({
  rule: z.enum(RULE_IDS),
  /** Which column, row or group the rule was applied to, e.g. `natural`, `received`, `review`. */
  scope: z.string(),
  expected: z.number(),
  found: z.number(),
  /** Value paths involved, e.g. `requests.received.natural`; the site marks these cells. */
  cells: z.array(z.string()),
  message: z.string(),
});
export type RuleBreak = z.infer<typeof RuleBreak>;

export const Region = z.object({
  province: z.string().nullable(),
  prefecture: z.string().nullable(),
  county: z.string().nullable(),
  /** Administrative division code of the most specific level found. */
  code: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export const AgencyLevel = z.enum(['province', 'prefecture', 'county', 'township', 'unknown']);
export type AgencyLevel = z.infer<typeof AgencyLevel>;

export const Agency = z.object({
  name: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  level: AgencyLevel,
  region: Region,
});
export type Agency = z.infer<typeof Agency>;

export const Source = z.object({
  /** Path relative to the content folder, with forward slashes. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  /** File format as received. */
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx']),
  /** Character encoding detected. */
  encoding: z.string(),
  /** Text layout recognised: PDF-extracted text, tab/pipe-separated tables, Markdown tables, or run-together digits. */
  layout: z.enum(['pdf-text', 'tsv', 'pipe', 'markdown-table', 'flattened', 'unknown']),
  /** Which reader produced the text the numbers come from. */
  reader: z.string(),
});
export type Source = z.infer<typeof Source>;

/**
 * An absolute URL, kept as written: Zod 4's own `z.url()` replaces the value with the normalised `href`
 * (percent-encoded, lower-cased scheme and host), which would change the data.
 */
export const Url = z
  .string()
  .refine((s) => URL.canParse(s), { message: 'Invalid URL' })
  .meta({ format: 'uri' });

export const Meta = z.object({
  title: z.string(),
  sourceUrl: Url.nullable(),
  publishedAt: z.string().nullable(),
  /** Which fields came from front matter or a sidecar instead of inference. */
  overridden: z.array(z.string()),
});

export const Report = z.object({
  /** agency slug + year: the permalink id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  agency: Agency,
  year: z.number().int().min(2000).max(2100),
  template: z.enum(['2021', '2019']),
  meta: Meta,
  source: Source,
  /** The preamble between the title and the first section; null when the report has none. */
  preface: Passage.nullable(),
  sections: Sections,
  /** The closing lines after the last section (issuing agency, date); null when the report has none. */
  closing: Passage.nullable(),
  /** Table A (2021 template); null when the report uses the 2019 template or has no table A. */
  proactive: Proactive.nullable(),
  /** Table A of the 2019 template. */
  proactive2019: Proactive2019.nullable(),
  requests: Requests,
  appeals: Appeals,
  proseCounts: ProseCounts,
  /** How each table's cells were placed (by label, by arithmetic, partly unread). */
  placement: Placement,
  checks: z.array(RuleBreak),
  diagnostics: z.array(Diagnostic),
  parserVersion: z.string(),
});
export type Report = z.infer<typeof Report>;

/** One agency with its reports, for agencies.json. */
export const AgencyIndexEntry = Agency.extend({
  years: z.array(z.number().int()),
  reportIds: z.array(z.string()),
});
export type AgencyIndexEntry = z.infer<typeof AgencyIndexEntry>;

/** A file that did not become a report, for the data-quality page. */
export const Rejected = z.object({ file: z.string(), diagnostics: z.array(Diagnostic) });
export type Rejected = z.infer<typeof Rejected>;
