/**
 * What every layout prints, decided once per report: title, section headings (with their real-world variants),
 * prose, the three tables as row models, and the signature. Renderers only arrange these parts on lines.
 */
import { SECTIONS, type SectionKey } from '../schema';
import { pickNumberStyle, type NumberStyle } from './cells';
import { pickLabelStyle, type LabelStyle } from './labels';
import type { Rng } from './rng';
import { buildTables, type TableModels } from './table-model';
import { buildTitle, pickTitleStyle, type Title } from './title';
import type { ProseBlock, Truth } from './types';

const HEADING_VARIANTS: Record<SectionKey, string[]> = {
  overview: ['总体情况'],
  proactive: ['主动公开政府信息情况', '行政机关主动公开政府信息情况'],
  requests: ['收到和处理政府信息公开申请情况', '行政机关收到和处理政府信息公开申请情况'],
  appeals: ['政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、行政诉讼情况'],
  problems: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
  other: ['其他需要报告的事项'],
};

export interface SectionPart {
  key: SectionKey;
  heading: string;
  blocks: ProseBlock[];
}

export interface DocumentParts {
  truth: Truth;
  title: Title;
  /** The preamble paragraph ('' when the report has none). */
  intro: string;
  sections: SectionPart[];
  tables: TableModels;
  /** Closing lines: agency name and date (the date is in the following year: a trap for year detection), or none. */
  signature: string[];
  numbers: NumberStyle;
  labels: LabelStyle;
  quirks: string[];
}

export interface PartsOptions {
  /** The layout keeps empty cells apart, so a null cell may be printed empty. */
  blankAllowed: boolean;
  /** Digits must stay plain ASCII without separators (the flattened layout). */
  plainNumbers: boolean;
  /**
   * Cells are separated by spaces (PDF text): a label printed "1. 属于国家秘密" would put a number-like "1." among
   * the cells, so item numbers keep no space after them.
   */
  spaceSeparated: boolean;
}

export function documentParts(truth: Truth, rng: Rng, options: PartsOptions): DocumentParts {
  const numbers = pickNumberStyle(rng.fork('numbers'), options.blankAllowed);
  if (options.plainNumbers) Object.assign(numbers, { fullWidth: 'none', thousands: false });
  const labels = pickLabelStyle(rng.fork('labels'));
  if (options.spaceSeparated) labels.spaceAfterNumber = false;
  const title = buildTitle(truth, pickTitleStyle(rng.fork('title')));
  const sections = SECTIONS.map((s) => ({ key: s.key, heading: `${s.no}、${rng.pick(HEADING_VARIANTS[s.key])}`, blocks: truth.sections[s.key] }));
  const tables = buildTables(truth, numbers, labels, rng.fork('cells'));
  const printed = [...tables.proactive, tables.requests, tables.appeals].flatMap((t) => t.rows.flatMap((r) => r.cells));
  const quirks = [
    ...title.quirks,
    printed.some((c) => /[０-９]/.test(c)) ? 'fullwidth-digits' : null,
    printed.some((c) => /\d,\d{3}/.test(c)) ? 'thousands-separator' : null,
    printed.some((c) => c === '') ? 'blank-cells' : null,
    printed.some((c) => /^[—\-/无]$/.test(c)) ? 'null-marks' : null,
    labels.ascii ? 'ascii-labels' : null,
    truth.collapsedGroups.length ? `collapsed-${truth.collapsedGroups.join('-')}` : null,
    truth.template === '2019' ? 'template-2019' : null,
  ].filter((q): q is string => q !== null);
  return {
    truth,
    title,
    intro: truth.preface ?? '',
    sections,
    tables,
    signature: truth.closing,
    numbers,
    labels,
    quirks,
  };
}
