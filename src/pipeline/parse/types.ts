import type { Appeals, Diagnostic, Passage, Placement, Proactive, Proactive2019, ProseCounts, Requests, Sections, Source } from '../../schema';

/** What the parser makes of one report's text: numbers as printed, prose re-flowed, diagnostics. No identity yet. */
export interface ParsedReport {
  agencyName: string | null;
  year: number | null;
  title: string | null;
  /** From a saved web page's header block ("原文链接: https://…", "发布时间: 2026-03-10 12:56"), when it has one. */
  sourceUrl: string | null;
  publishedAt: string | null;
  template: '2021' | '2019';
  layout: Source['layout'];
  preface: Passage | null;
  sections: Sections;
  closing: Passage | null;
  proactive: Proactive | null;
  proactive2019: Proactive2019 | null;
  requests: Requests;
  appeals: Appeals;
  proseCounts: ProseCounts;
  /** How each table's cells were placed. */
  placement: Placement;
  diagnostics: Diagnostic[];
  /** False when no table B could be found at all: then the file does not become a report (it is rejected). */
  hasTableB: boolean;
}

export interface ParseInput {
  /** Decoded text, front matter removed (line numbers still count from the file's first line via `lineOffset`). */
  text: string;
  /** Path relative to the content folder, for diagnostics. */
  file: string;
  /** Lines removed from the top (front matter) so diagnostics point at the file's own line numbers. */
  lineOffset?: number;
}
