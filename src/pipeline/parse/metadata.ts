/** Title, agency name and year from the first lines: "伊美区人民政府 / 2024 年政府信息公开工作年度报告", "2019年上海市…年度报告". */
import type { Line } from './lines';
import { Url } from '../../schema';
import { chineseYear, fold } from '../text';

export interface TitleInfo {
  title: string | null;
  agencyName: string | null;
  year: number | null;
  line: number | null;
  /** 1-based line of the title's last line (the title block may run over several lines). */
  end: number | null;
}

/** A year's number as titles print it, in digits or Chinese (an OCR'd 〇 may read as O); a regex source. */
export const YEAR_NUMBER = '(?:19|20)\\d{2}|[〇零○O一二三四五六七八九]{4}';
const YEAR = `(${YEAR_NUMBER})年度?`;
/** The report's own name; the title ends with it. */
const REPORT = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)|(?:工作)?年度报告/g;
/** agency, then year, right before the report's name */
const AGENCY_FIRST = new RegExp(`^(.{2,}?)(?:关于)?${YEAR}$`);
/** year first: "2019年上海市人民政府办公厅政府信息公开工作年度报告" */
const YEAR_FIRST = new RegExp(`^${YEAR}(.{2,40}?)$`);
/**
 * Page chrome that may stand before the title on the same line ("当前位置：首页…年报 华州区水利局2020年…"), or the
 * sentence a title is quoted in ("…规定，现发布《坪山乡人民政府2019年政府信息公开工作年度报告》": pandoc's text of a
 * Word file leaves out the title paragraph itself).
 */
const CHROME_PREFIX = /^.*(?:当前位置|首页|年报|栏目|[:>《》】\]])/;
/** Sentence punctuation, which no agency's name holds: a candidate with it is a sentence's words, not a name. */
const SENTENCE_PUNCTUATION = /[，,。；;：:！!？?]/;

/** Lines that carry page chrome or key-value headers before the title. */
const LABEL_PREFIX = /^(?:标题|题目|title)\s*[:：]\s*/i;

/**
 * A line that can be part of an agency name: a few Chinese characters, no digits or sentence punctuation; one
 * character too, a long name's last wrapped alone ("镇宁布依族苗族自治县人民政府办公" / "室" / "2019 年…报告").
 */
const NAME_PART = /^[\u4e00-\u9fff（）()·]{1,20}$/;
const CHROME = /正文|目录|首页|当前位置|来源|发布|附件|打印|关闭/;

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
  // The first lines with text, taken without filtering the whole text.
  const head: Line[] = [];
  for (let i = 0; i < lines.length && head.length < maxLines; i++) if (lines[i].text) head.push(lines[i]);
  for (let i = 0; i < head.length; i++) {
    // Without spaces: a title printed with its characters spaced apart ("二 〇 二 三 年 政 府 … 报 告": pypdf's text of
    // a heading set with letter spacing) is read as one without.
    const text = head[i].text.replace(/\s+/g, '');
    if (!/报告|年度|年报/.test(text) && !/年$/.test(text)) continue;
    // The agency name may be split over the lines before the title ("绵阳市" / "商务局" / "2023年…报告"),
    // and the word 报告 may be on the next line.
    let a0 = i;
    while (a0 > 0 && i - a0 < 3 && NAME_PART.test(head[a0 - 1].text.replace(/\s+/g, '')) && !CHROME.test(head[a0 - 1].text.replace(/\s+/g, ''))) a0--;
    for (const [a, b] of [[a0, i], [a0, i + 1], [i, i], [i - 1, i], [i, i + 1], [i - 1, i + 1]]) {
      if (a < 0 || b >= head.length) continue;
      // A title is short: looking further into a very long line would only cost time (a 5 MB line is quadratic here).
      const joined = head.slice(a, b + 1).map((l) => l.text.slice(0, 300).replace(LABEL_PREFIX, '')).join('');
      const compactText = fold(joined).replace(/\s+/g, '');
      let after = 0;
      for (const phrase of compactText.matchAll(REPORT)) {
        // The title ends with the report's name; page chrome may stand before it and follow it on the same line,
        // a breadcrumb ending in the report's name too ("当前位置：首页>政务公开>政府信息公开工作年度报告2019年度西昌市…"):
        // the title starts after the name printed before it.
        const before = compactText.slice(after, phrase.index);
        after = phrase.index + phrase[0].length;
        // A title quoted in a sentence ("…现发布《镇宁布依族苗" / "族自治县人民政府办公室 2019 年…报告》。") whose 《 is not in
        // the lines joined: the name's start is on a line before them.
        if (compactText[after] === '》' && !before.includes('《')) continue;
        const af = AGENCY_FIRST.exec(before);
        const agency = af ? cleanName(af[1].replace(CHROME_PREFIX, '')) : '';
        if (af && agency.length >= 2 && agency.length <= 40 && !SENTENCE_PUNCTUATION.test(agency))
          return { title: `${agency}${before.slice(af[1].length)}${phrase[0]}`, agencyName: agency, year: toYear(af[2]), line: head[a].no, end: head[b].no };
        const yf = YEAR_FIRST.exec(before.replace(CHROME_PREFIX, ''));
        const named = yf ? cleanName(yf[2]) : '';
        if (yf && !SENTENCE_PUNCTUATION.test(named)) return { title: `${yf[0]}${phrase[0]}`, agencyName: named, year: toYear(yf[1]), line: head[a].no, end: head[b].no };
      }
    }
  }
  return { title: null, agencyName: null, year: null, line: null, end: null };
}

/** How far into the file a saved page's header block may run (its key-value lines come before the report's text). */
const HEADER_LINES = 20;
const PUBLISHED = /^(?:发布时间|发布日期|发文日期|成文日期)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const SOURCE_URL = /^(?:原文链接|原文地址|原文网址|来源链接|网址|链接)\s*[:：]\s*(https?:\/\/[^\s"'<>]+)\s*$/;
const BODY_MARK = /^=+\s*正文\s*=+$/;
/** The first characters of the lines readPageHeader reads or stops at: BODY_MARK's, a section numeral, PUBLISHED's and SOURCE_URL's words. */
const HEADER_FIRSTS = new Set(Array.from('=一二三四五六发成原来网链', (ch) => ch.charCodeAt(0)));

/**
 * The source address and publication date from the key-value header block a web page was saved with ("标题: …",
 * "发布时间: 2026-03-10 12:56", "原文链接: https://…", then "==== 正文 ===="): only among the first lines, before the
 * report's text, and only in those exact forms (a date or address in the report's prose is not the page's).
 */
export function readPageHeader(raws: string[]): { sourceUrl: string | null; publishedAt: string | null } {
  let sourceUrl: string | null = null;
  let publishedAt: string | null = null;
  for (const raw of raws.slice(0, HEADER_LINES)) {
    const line = raw.trim();
    // Every line this looks for starts with one of a few characters: most lines are passed over without a pattern.
    if (!HEADER_FIRSTS.has(line.charCodeAt(0))) continue;
    if (BODY_MARK.test(line) || /^[一二三四五六][、.]/.test(line)) break;
    const date = PUBLISHED.exec(line);
    if (date && !publishedAt) {
      const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) publishedAt = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
    const url = SOURCE_URL.exec(line);
    // Only an address the report schema takes: a file is never rejected for its page's header.
    if (url && !sourceUrl && Url.safeParse(url[1]).success) sourceUrl = url[1];
  }
  return { sourceUrl, publishedAt };
}
