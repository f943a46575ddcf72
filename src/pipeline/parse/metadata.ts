/** Title, agency name and year from the first lines: "伊美区人民政府 / 2024 年政府信息公开工作年度报告", "2019年上海市…年度报告". */
import type { Line } from './lines';
import { chineseYear, fold } from './text';

export interface TitleInfo {
  title: string | null;
  agencyName: string | null;
  year: number | null;
  line: number | null;
}

const YEAR = '((?:19|20)\\d{2}|[〇零○O一二三四五六七八九]{4})\\s*年度?';
/** The report's own name, replaced by § before matching so that it cannot be mistaken for part of the agency name. */
const REPORT = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)|(?:工作)?年度报告/;
/** agency, then year, then "政府信息公开工作年度报告" */
const AGENCY_FIRST = new RegExp(`^(.{2,60}?)\\s*(?:关于)?\\s*${YEAR}\\s*§`);
/** year first: "2019年上海市人民政府办公厅政府信息公开工作年度报告" */
const YEAR_FIRST = new RegExp(`^${YEAR}\\s*(.{2,60}?)\\s*§`);
/** Lines that carry page chrome or key-value headers before the title. */
const LABEL_PREFIX = /^(?:标题|题目|title)\s*[:：]\s*/i;

function toYear(s: string): number | null {
  return /^\d{4}$/.test(s) ? Number(s) : chineseYear(s);
}

function cleanName(s: string): string {
  return fold(s)
    .replace(/[《》“”"]/g, '')
    .replace(/\s+/g, '')
    .replace(/(?:的|关于)$/, '')
    .trim();
}

/** Looks at the first lines for one that (joined with the lines before it) reads as a report title. */
export function readTitle(lines: Line[], maxLines = 15): TitleInfo {
  const head = lines.filter((l) => l.text).slice(0, maxLines);
  for (let i = 0; i < head.length; i++) {
    if (!/报告|年度|年报/.test(head[i].text) && !/年$/.test(head[i].text)) continue;
    // The agency name or the word 报告 may be on a neighbouring line.
    for (const [a, b] of [[i, i], [i - 1, i], [i, i + 1], [i - 1, i + 1], [i - 2, i]]) {
      if (a < 0 || b >= head.length) continue;
      const joined = head.slice(a, b + 1).map((l) => l.text.replace(LABEL_PREFIX, '')).join('');
      const text = fold(joined).replace(/\s+/g, ' ').trim();
      const compactText = text.replace(/\s+/g, '');
      const phrase = REPORT.exec(compactText);
      if (!phrase) continue;
      // The title ends with the report's name; page chrome may follow it on the same line.
      const marked = `${compactText.slice(0, phrase.index)}§`;
      const title = `${compactText.slice(0, phrase.index)}${phrase[0]}`;
      const yf = YEAR_FIRST.exec(marked);
      if (yf) return { title, agencyName: cleanName(yf[2]), year: toYear(yf[1]), line: head[a].no };
      const af = AGENCY_FIRST.exec(marked);
      if (af && cleanName(af[1]).length >= 2) return { title, agencyName: cleanName(af[1]), year: toYear(af[2]), line: head[a].no };
    }
  }
  return { title: null, agencyName: null, year: null, line: null };
}
