/** Locates the six section headings. Sections are found by what their heading says, not by numeral or order. */
import { SECTIONS, type SectionKey } from '../../schema';
import type { Line } from './lines';
import { compact } from '../text';

export interface SectionSpan {
  key: SectionKey;
  title: string;
  /** Index into the line array of the heading. */
  start: number;
  /** Index one past the section's last line. */
  end: number;
}

const HEADING_WORDS: [SectionKey, RegExp][] = [
  ['overview', /总体情况|概述|基本情况/],
  ['proactive', /主动公开/],
  ['requests', /收到和处理|依申请公开情况|申请情况$/],
  ['appeals', /行政复议|行政诉讼/],
  ['problems', /存在的主要问题|问题及改进|主要问题|改进情况/],
  ['other', /其他需要报告|其他事项/],
];

/** Numbered section headings: 一、 … 六、 (table B's own "一、本年新收…" rows never carry these words). */
const NUMBERED = /^[一二三四五六七八][、.,]\s*(.{2,48})$/;
const NUMERALS = new Set(Array.from('一二三四五六七八', (ch) => ch.charCodeAt(0)));
/** The last characters of the unnumbered headings' words 情况 and 事项. */
const KUANG = '况'.charCodeAt(0);
const XIANG = '项'.charCodeAt(0);

function headingKey(line: Line): { key: SectionKey; exact: boolean; named: boolean } | null {
  const text = line.text;
  if (!text || text.length > 80) return null;
  // Cheap test first: a heading starts with a section numeral or ends with the section's own word (see NUMBERED and
  // the unnumbered names below); most lines do neither. The word's last character is compared before the word.
  const last = text.charCodeAt(text.length - 1);
  if (!NUMERALS.has(text.charCodeAt(0)) && !(last === KUANG && text.endsWith('情况')) && !(last === XIANG && text.endsWith('事项'))) return null;
  const c = compact(text);
  if (c.length > 50 || /[。；]$/.test(c)) return null;
  const m = NUMBERED.exec(c);
  const body = m ? m[1] : c;
  // Without a numeral only a heading that is nothing but the section name counts (prose lines mention the names too).
  if (!m && !/^(政府信息公开工作|行政机关)?(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、?行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/.test(c)) return null;
  if (/\d\s*\d/.test(body.replace(/第\d+/g, ''))) return null;
  for (const [key, re] of HEADING_WORDS) {
    if (!re.test(body)) continue;
    const section = SECTIONS.find((s) => s.key === key)!;
    // The section's own numeral (二 for 主动公开), and the section's own name as the template prints it.
    return { key, exact: !!m && c[0] === section.no, named: body === section.zh };
  }
  return null;
}

/**
 * One heading per section, each running to the next heading found. Where a section's words head several lines
 * (an overview sub-heading "一、主动公开…", "三、主动公开工作情况"), the line with the section's own numeral wins, then
 * the one that gives the section's own name (a report whose overview numbers its parts like the sections, and whose
 * sections are numbered otherwise), else the first.
 */
export function findSections(lines: Line[]): SectionSpan[] {
  const chosen = new Map<SectionKey, { key: SectionKey; title: string; start: number; rank: number }>();
  lines.forEach((line, i) => {
    const h = headingKey(line);
    if (!h) return;
    const rank = (h.exact ? 2 : 0) + (h.named ? 1 : 0);
    const prev = chosen.get(h.key);
    if (!prev || rank > prev.rank) chosen.set(h.key, { key: h.key, title: line.text.replace(/\s+/g, ' '), start: i, rank });
  });
  const found = [...chosen.values()].sort((a, b) => a.start - b.start);
  // Pushed, not mapped: an optimized Array.prototype.map returns a holey array, and the spans' readers, optimized on
  // the packed arrays of the first files, would be deoptimized by it (see lines.ts toLines).
  const spans: SectionSpan[] = [];
  for (let i = 0; i < found.length; i++) spans.push({ key: found[i].key, title: found[i].title, start: found[i].start, end: i + 1 < found.length ? found[i + 1].start : lines.length });
  return spans;
}
