/** Shapes shared by the generator's modules: the truth of a report and the rendered document. */
import type { Appeals, Proactive, Proactive2019, RequestGroup, Requests, RuleId, SectionKey } from '../schema';
import type { AgencyTruth } from './agency';

/** Text layouts the generator renders; the same names as `Source['layout']` in src/schema/report.ts. */
export const LAYOUTS = ['pdf-text', 'tsv', 'pipe', 'markdown-table', 'flattened'] as const;
export type Layout = (typeof LAYOUTS)[number];

export type Template = '2021' | '2019';

/** Byte encodings the files are written in. */
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** One block of a prose section: a sub-heading such as （一）主动公开情况, or a paragraph. */
export interface ProseBlock {
  kind: 'subheading' | 'paragraph';
  text: string;
}

export interface TruthRuleBreak {
  rule: RuleId;
  /** Column, row or group the rule failed on, as in `RuleBreak.scope`. */
  scope: string;
}

export interface ProseCountsTruth {
  received?: number;
  handled?: number;
  carriedForward?: number;
}

/**
 * The true values of one report, directly comparable with the parser's `ParsedReport`: `requests`, `proactive`,
 * `proactive2019`, `appeals` have the schema's shapes. A cell is null where the source prints it blank or with a
 * null mark ("—", "-", "/", "无"): FORMAT.md stores numbers as printed, so those cells are null with a diagnostic.
 */
export interface Truth {
  seed: string;
  agencyName: string;
  agency: AgencyTruth;
  year: number;
  template: Template;
  proactive: Proactive | null;
  proactive2019: Proactive2019 | null;
  requests: Requests;
  appeals: Appeals;
  /** Groups of table B printed as one line with no sub-rows (their sub-rows are null). */
  collapsedGroups: RequestGroup[];
  proseCounts: ProseCountsTruth;
  /** The preamble paragraph between the title and section 一, or null when the report has none. */
  preface: string | null;
  sections: Record<SectionKey, ProseBlock[]>;
  /** Closing lines after section 六 as printed: the agency and the date, the date alone, or none. */
  closing: string[];
  /** Rules the numbers break (computed after injection). Empty for a consistent report. */
  ruleBreaks: TruthRuleBreak[];
  /** Rules asked to be broken (see TruthOptions.breaks). */
  injectedBreaks: RuleId[];
}

/** A rendered report: its text, the truth, and which quirks the renderer applied (for tests and failure triage). */
export interface GeneratedReport {
  /** File name stem, unique per seed, e.g. `g000042-pdf-text`. */
  name: string;
  /** `.txt` or `.md`, as such a file would be published. */
  extension: '.txt' | '.md';
  layout: Layout;
  text: string;
  truth: Truth;
  quirks: string[];
  /**
   * Flattened layout only: tables whose run-together digits are not proven to split back into one answer with the
   * rules a parser may use (B3, B1, B2, C1, no leading zeros). The parser must flag them rather than guess.
   */
  ambiguousTables: TableId[];
}

export type TableId = 'proactive' | 'proactive2019' | 'requests' | 'appeals';
