/**
 * parseReport: decoded text → numbers as printed, prose re-flowed, metadata and diagnostics.
 * Knows nothing of files, HTML or the site. Never throws: an unexpected failure becomes an error diagnostic.
 */
import {
  APPEAL_GROUPS,
  REQUEST_ROW_KEYS,
  SECTIONS,
  type Appeals,
  type Section,
  type SectionKey,
  type Sections,
} from '../../schema';

import { DiagnosticLog } from './diagnostics';
import { detectLayout } from './layout';
import { compactOf, FULL_DIGIT, joinCommasApart, joinLonePoints, joinThousands, markSpaceCells, pagesOf, splitLeadingFooters, splitMixedWidths, toLines, type Line } from './lines';
import { readPageHeader, readTitle, type TitleInfo } from './metadata';
import { closingOf, closingStart, passageOf } from './passages';
import { NULL_APPEAL_ROW, NULL_REQUEST_ROW } from './null-rows';
import { placementOf } from './placement';
import { findProseCounts } from './prose-counts';
import { reflow, wrapProfile, type Paragraph, type WrapProfile } from './reflow';
import { findSections, type SectionSpan } from './sections';
import { parseTableA, isTemplate2019 } from './table-a';
import { findTableBStart, parseTableB } from './table-b';
import { parseTableC } from './table-c';
import { AMBIGUOUS_MARK, BLANKS_MARK, unflatten } from './unflatten';
import type { ParseInput, ParsedReport } from './types';

export type { ParseInput, ParsedReport } from './types';
export { PARSER_VERSION } from './version';

const SECTION_KEYS = SECTIONS.map((s) => s.key);
const APPEAL_GROUP_KEYS = APPEAL_GROUPS.map((g) => g.key);
/** The sections' record of null values, never changed: each report's empty record is a copy of it (see null-rows.ts). */
const NULL_SECTIONS = Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Sections;

export function parseReport(input: ParseInput): ParsedReport {
  const log = new DiagnosticLog(input.file);
  try {
    return parse(input, log);
  } catch (e) {
    log.error('parser-exception', null, 'a parseable report', e instanceof Error ? e.message : String(e), '解析时发生内部错误，该文件未能生成报告');
    return { ...emptyReport(), diagnostics: log.items };
  }
}

/** An object with every key set to `value(key)`; plain loops, as this runs for every file. */
function record<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = value(k);
  return out;
}

/** A table B row of null cells (a module function: under tsx a closure made per call is named at run time). */
function nullRow(): typeof NULL_REQUEST_ROW {
  return { ...NULL_REQUEST_ROW };
}

/** A table C row of null cells (see nullRow). */
function nullAppealRow(): typeof NULL_APPEAL_ROW {
  return { ...NULL_APPEAL_ROW };
}

function emptyReport(): ParsedReport {
  return {
    agencyName: null,
    year: null,
    title: null,
    sourceUrl: null,
    publishedAt: null,
    template: '2021',
    layout: 'unknown',
    preface: null,
    sections: { ...NULL_SECTIONS },
    closing: null,
    proactive: null,
    proactive2019: null,
    requests: record(REQUEST_ROW_KEYS, nullRow),
    appeals: record(APPEAL_GROUP_KEYS, nullAppealRow) as Appeals,
    proseCounts: {},
    placement: record(['proactive', 'requests', 'appeals'] as const, () => placementOf({ label: 0, arithmetic: 0, unread: 0 })),
    diagnostics: [],
    hasTableB: false,
  };
}

/** Where each table sits in its section: prose before it is the section's text. */
const TABLE_START: Partial<Record<SectionKey, RegExp>> = {
  proactive: /^第二十条|^信息内容/,
  requests: /勾稽|^申请人情况|本年新收/,
  appeals: /^行政复议|^结果维持|^\|?结果|^[\d|]/,
};

function parse(input: ParseInput, log: DiagnosticLog): ParsedReport {
  const report = emptyReport();
  // pdftotext ends each page with a form feed, which then starts the next page's first line: a page break, not a
  // character of that line (in -layout text it would shift the line's columns by one).
  const paged = input.text.includes('\f');
  const text = paged ? input.text.replace(/\f/g, '') : input.text;
  const printed = input.text.split('\n');
  const raws = paged ? printed.map((l) => (l.includes('\f') ? l.replace(/\f/g, '') : l)) : printed;
  // Where each page starts, for the readers of positions (a table's columns move between pages).
  const pages = paged ? pagesOf(printed) : undefined;
  const layout = detectLayout(text, raws);
  const read = layout === 'flattened' ? toLines(unflatten(text).split('\n')) : toLines(raws, input.lineOffset ?? 0, pages);
  // Two digit widths glued together need a full-width digit: most texts have none, which one scan of the text says
  // (joining commas apart adds none), not a test of every line.
  const commasJoined = joinCommasApart(splitLeadingFooters(read));
  const widthsSplit = layout === 'flattened' || FULL_DIGIT.test(text) ? splitMixedWidths(commasJoined) : commasJoined;
  const lines = markSpaceCells(joinLonePoints(joinThousands(widthsSplit)));
  report.layout = layout;
  for (const l of lines)
    if (l.raw.startsWith(AMBIGUOUS_MARK))
      log.warn('digits-ambiguous', null, 'a digit run that splits into cells one way only', l.raw.slice(AMBIGUOUS_MARK.length).trim(), '原文数字连写，按表内勾稽关系仍无法唯一拆分，记为空值');
    else if (l.raw.startsWith(BLANKS_MARK))
      log.warn('digits-ambiguous', null, 'a digit run on a page whose table B adds up under its splits', l.raw.slice(BLANKS_MARK.length).trim(), '原文数字连写，表三各列按拆分结果对不上（B1、B2），空白单元格可能在连写时消失，无法证明如何拆分，记为空值');

  const title = readTitle(lines);
  Object.assign(report, { title: title.title, agencyName: title.agencyName, year: title.year }, readPageHeader(raws));
  if (!title.title) log.warn('title-missing', 1, '政府信息公开工作年度报告 title in the first lines', lines.find((l) => l.text)?.text ?? '(empty)', '未能在开头几行识别报告标题（机关名称和年度）');

  const spans = findSections(lines);
  const closingFrom = cutClosing(lines, spans, title.agencyName);
  for (const s of SECTIONS)
    if (!spanOf(spans, s.key)) log.warn('section-missing', null, `a section heading like “${s.no}、${s.zh}”`, 'no such heading', `未找到“${s.zh}”部分的标题`);

  const bStart = findTableBStart(lines, spanOf(spans, 'requests')?.start ?? 0);
  if (bStart < 0) {
    log.error('table-b-missing', spanOf(spans, 'requests')?.start != null ? lines[spanOf(spans, 'requests')!.start].no : null, 'table B row “一、本年新收政府信息公开申请数量”', 'no such row', '未找到表三（收到和处理政府信息公开申请情况），该文件不能生成报告');
    const profile = proseProfile(lines, spans);
    report.sections = sectionsOf(lines, spans, proseOf(lines, spans, profile));
    Object.assign(report, passages(lines, spans, title, closingFrom, profile));
    report.diagnostics = log.items;
    return report;
  }
  report.hasTableB = true;
  const bStop = nextStart(spans, bStart, lines.length);
  const tableB = parseTableB(lines, bStart, bStop, log);
  report.requests = tableB.requests;
  report.placement.requests = tableB.placement;

  const aFrom = spanOf(spans, 'proactive')?.start ?? 0;
  const aTo = nextStart(spans, aFrom, bStart);
  report.template = isTemplate2019(lines, aFrom, aTo) ? '2019' : '2021';
  const tableA = parseTableA(lines, aFrom, aTo, report.template, log);
  Object.assign(report, { proactive: tableA.proactive, proactive2019: tableA.proactive2019 });
  report.placement.proactive = tableA.placement;

  const cFrom = Math.max(spanOf(spans, 'appeals')?.start ?? tableB.end, tableB.end);
  const cTo = nextStart(spans, cFrom, lines.length);
  const tableC = parseTableC(lines, cFrom, cTo, log, tableB.display);
  report.appeals = tableC.appeals;
  report.placement.appeals = tableC.placement;

  const profile = proseProfile(lines, spans);
  const prose = proseOf(lines, spans, profile);
  report.sections = sectionsOf(lines, spans, prose);
  Object.assign(report, passages(lines, spans, title, closingFrom, profile));
  report.proseCounts = findProseCounts([...(prose.get('overview') ?? []), ...(prose.get('requests') ?? [])]);

  if (report.year === null) log.warn('year-missing', title.line, 'the report year in the title (2024年 or 二〇二四年)', title.title ?? '(no title)', '未能识别报告年度');
  if (report.agencyName === null) log.warn('agency-missing', title.line, 'the agency name before the year in the title', title.title ?? '(no title)', '未能识别发布机关名称');
  report.diagnostics = log.items;
  return report;
}

function spanOf(spans: SectionSpan[], key: SectionKey): SectionSpan | undefined {
  for (const s of spans) if (s.key === key) return s;
  return undefined;
}

/** The first section heading after line i, or `limit` when it comes first. */
function nextStart(spans: SectionSpan[], i: number, limit: number): number {
  let out = limit;
  for (const s of spans) if (s.start > i && s.start < out) out = s.start;
  return out;
}

/**
 * Where the closing lines (agency, date) after the last section begin; the last section then ends there, so its
 * prose does not run into the signature.
 */
function cutClosing(lines: Line[], spans: SectionSpan[], agencyName: string | null): number {
  const last = spans.at(-1);
  if (!last) return lines.length;
  const from = closingStart(lines, last.start + 1, last.end, agencyName);
  last.end = from;
  return from;
}

/** The preamble between the title block and the first section, and the closing lines after the last section. */
function passages(lines: Line[], spans: SectionSpan[], title: TitleInfo, closingFrom: number, profile: WrapProfile): Pick<ParsedReport, 'preface' | 'closing'> {
  const titleEnd = title.end === null ? -1 : lines.findIndex((l) => l.no === title.end);
  const firstSection = spans[0]?.start ?? lines.length;
  return {
    preface: passageOf(lines, titleEnd + 1, firstSection, profile),
    closing: spans.length ? closingOf(lines, closingFrom, lines.length) : null,
  };
}

/** The wrap width is measured on the prose sections only: table lines would hide it. */
function proseProfile(lines: Line[], spans: SectionSpan[]): WrapProfile {
  const prose: Line[] = [];
  for (const s of spans) if (s.key === 'overview' || s.key === 'problems' || s.key === 'other') for (let i = s.start + 1; i < Math.min(s.end, lines.length); i++) prose.push(lines[i]);
  return wrapProfile(prose.length >= 8 ? prose : lines);
}

/** A section's prose lines: from its heading to its table (if it has one) or the next heading. */
function paragraphs(lines: Line[], span: SectionSpan | undefined, profile: WrapProfile): Paragraph[] {
  if (!span) return [];
  const body = lines.slice(span.start + 1, span.end);
  const stop = TABLE_START[span.key];
  const cut = stop ? body.findIndex((l) => stop.test(compactOf(l))) : -1;
  return reflow(cut >= 0 ? body.slice(0, cut) : body, profile);
}

/** Each found section's paragraphs, re-flowed once. */
function proseOf(lines: Line[], spans: SectionSpan[], profile: WrapProfile): Map<SectionKey, Paragraph[]> {
  return new Map(spans.map((s) => [s.key, paragraphs(lines, s, profile)]));
}

function sectionsOf(lines: Line[], spans: SectionSpan[], prose: Map<SectionKey, Paragraph[]>): Sections {
  const out = {} as Record<SectionKey, Section | null>;
  for (const s of SECTIONS) {
    const span = spans.find((x) => x.key === s.key);
    out[s.key] = span ? { title: span.title, line: lines[span.start].no, text: prose.get(s.key)!.map((p) => p.text).join('\n') } : null;
  }
  return out;
}
