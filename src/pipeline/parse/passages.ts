/**
 * Prose outside the six sections: the preamble between the title and 一、 and the closing lines after the last
 * section (the issuing agency and the date). Both are kept so that no sentence of the source is dropped.
 */
import type { Passage } from '../../schema';
import type { Line } from './lines';
import { reflow, type WrapProfile } from './reflow';
import { collapseSpaces, compact, isPageNoise } from '../text';

/** A date line: 2025 年 1 月 28 日, 二〇二五年一月二十八日 (compacted: no spaces, ASCII digits). */
const DATE = '(?:(?:19|20)\\d{2}|[〇零○O一二三四五六七八九]{4})年(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号]';
const DATE_LINE = new RegExp(`^${DATE}$`);
/** An agency name on a line of its own: Han characters and brackets only, no sentence punctuation. */
const NAME_LINE = /^[\u4e00-\u9fff（）()·]{2,30}$/;
/** The agency and the date on one line (a flattened page). */
const NAME_DATE_LINE = new RegExp(`^[\\u4e00-\\u9fff（）()·]{2,30}${DATE}$`);
/** Closing lines above the date that may name the agency (淮安市洪泽区 / 人民政府办公室). */
const MAX_NAME_LINES = 2;

/**
 * A web page's footer after the report, as a terminal's or a scraper's text of the page keeps it: related links and
 * their list, the site's owner, copyright, ICP licence, site code, print and close buttons.
 */
const PAGE_FOOTER = /^(?:相关链接|相关文章|相关阅读|主办单位|承办单位|主办|版权所有|Copyright|ICP|网站标识码|网站地图|联系我们|技术支持|扫一扫|分享到|【?打印】?|【?关闭(?:窗口)?】?|[•·*]|-\s|\[\d+\])/i;

const isBlank = (l: Line) => !l.text || isPageNoise(l.text);

/** The preamble: lines `from` … `to` (exclusive) re-flowed into paragraphs, or null when they hold no text. */
export function passageOf(lines: Line[], from: number, to: number, profile: WrapProfile): Passage | null {
  const paragraphs = reflow(lines.slice(Math.max(0, from), to), profile);
  if (paragraphs.length === 0) return null;
  return { line: paragraphs[0].line, text: paragraphs.map((p) => p.text).join('\n') };
}

/**
 * Where the closing lines of lines `from` … `to` (exclusive) begin: a date line at the very end (or before a web
 * page's footer), with up to two name lines above it, or a last line that is the agency's name; `to` when the text
 * does not end so.
 */
export function closingStart(lines: Line[], from: number, to: number, agencyName: string | null): number {
  let end = to;
  // The page's footer after the closing lines (a saved page's text) is kept with them.
  while (end > from && (isBlank(lines[end - 1]) || PAGE_FOOTER.test(lines[end - 1].text))) end--;
  if (end === from) return to;
  const last = compact(lines[end - 1].text);
  if (NAME_DATE_LINE.test(last) || (agencyName !== null && last === agencyName)) return end - 1;
  if (!DATE_LINE.test(last)) return to;
  let start = end - 1;
  for (let names = 0, i = start - 1; i >= from && names < MAX_NAME_LINES; i--) {
    if (isBlank(lines[i])) continue;
    if (!NAME_LINE.test(compact(lines[i].text))) break;
    start = i;
    names++;
  }
  return start;
}

/** The closing lines as printed, one per line, or null when there are none. */
export function closingOf(lines: Line[], from: number, to: number): Passage | null {
  const kept = lines.slice(from, to).filter((l) => !isBlank(l));
  if (kept.length === 0) return null;
  return { line: kept[0].no, text: kept.map((l) => collapseSpaces(l.text).trim()).join('\n') };
}
