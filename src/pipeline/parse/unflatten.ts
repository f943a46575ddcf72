/**
 * Web pages flattened to text run every table cell together ("本年新收…数量640020470二、上年结转…"). This rewrites
 * such text into the line layout the table readers know: headings on their own lines, one tab-separated line per
 * table row, the digit runs split by the template's arithmetic (digit-split.ts). Rows whose split is still ambiguous
 * are settled by the column rules B1 and B2 when exactly one choice satisfies them; otherwise they are written with
 * empty cells and a marker line that the parser turns into a diagnostic.
 */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS, REQUEST_GROUP_KEYS, REQUEST_ROWS, type RequestKey } from '../../schema';
import { MARK_SYMBOLS, MARK_WORD, splitCells, splitDigits, TABLE_B_ROW as B_ROW, TABLE_C as C_TABLE } from './digit-split';
import { YEAR_NUMBER } from './metadata';
import { matchGroup, matchRow } from './table-b';
import { compact, fold } from '../text';

export const AMBIGUOUS_MARK = '⟨ambiguous⟩';
/**
 * A digit run not split because table B's columns do not add up under any of its rows' splits (rules B1 and B2), or a
 * row of it has no split at all: a blank cell prints no digit when a page is flattened, so every run of the page may
 * be short of a cell, and no split of it is proved (a row of 199, 0, 20, 22, blank, 0, 241 runs "199020220241",
 * which splits as 1, 9, 9, 0, 202, 20, 241 with B3 holding). Tables A and C of the page are left unsplit too.
 */
export const BLANKS_MARK = '⟨blanks⟩';

const HEADING =
  /([一二三四五六]、(?:行政机关)?(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|(?:因)?政府信息公开(?:工作被申请|申请)?行政复议[^\d。]{0,24}?情况|(?:政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项))/g;
/**
 * A digit run of table A; a decimal part belongs to it ("24252.311082"), a "1." numbering of the next label does not,
 * nor do thousands separators cut it ("行政处罚9,348行政强制730": the page prints its numbers as it shows them).
 */
const RUN = /\d[\d ]*(?:,\d{3}[\d ]*)*(?:\.\d+)?/g;
/** One number as a page prints it: digits, or thousands groups of three after a comma, and a decimal part. */
const ONE_NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
/**
 * In tables B and C (no negative number, no decimal), a run of digits and blank marks ("15/1/3/19"), holding a digit
 * or two marks at least (one "/" between words is text: 本年增/减). 无 begins words of two labels (无法提供, 无正当理由).
 */
const MARKED_RUN = new RegExp(`(?:[\\d${MARK_SYMBOLS}]|${MARK_WORD})(?:[\\d${MARK_SYMBOLS} ]|${MARK_WORD})*`, 'g');
const MARKED_RUN_CELLS = new RegExp(`\\d|[${MARK_SYMBOLS}无].*[${MARK_SYMBOLS}无]`);
/** Where a row label starts inside run-together header text. */
const ROW_START = /[一二三四]、|[(][一二三四五六七][)]/g;

const WIDTH = APPLICANT_KEYS.length;

/** The report's own name: on a flattened page the title ends with it, and page chrome follows on the same run. */
const REPORT_NAMES = /(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告/g;
/** A year as a title prints it before the report's name, within TITLE_REACH characters ("2019 年度西昌市…", "…二〇二四年"). */
const TITLE_YEAR = new RegExp(`(?:${YEAR_NUMBER})\\s*年`);
const TITLE_REACH = 60;
/** A run without spaces that holds sentence punctuation (folded): the preamble's first sentence, not page chrome. */
const SENTENCE_RUN = /^\S{8,}$/;
const SENTENCE_MARK = /[,;、。]/;
/**
 * The closing lines at the very end of a flattened page: a sentence end, then the agency and the date
 * ("无。西城区医疗保障局 2023年3月8日"), perhaps followed by a short page control ("附件下载") that is no part of the report.
 */
const CLOSING = /^(.*[。;!?])\s*((?:[\u4e00-\u9fff()·]{2,30}\s*)?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([\u4e00-\u9fff ]{0,12})$/;

/** A sentence before a table on the same run ("该部分以表格形式报告。表格如下："): prose, kept on its own line. */
const TABLE_LEAD = /^([^\d]{0,80}?[。:])\s*(?=第二十条|信息内容|\(本列数据|本列数据|申请人情况|行政复议)/;

interface Piece {
  label: string;
  digits: string;
}

type Zone = 'prose' | 'a' | 'b' | 'c';

/** A segment of the flattened text: its zone, a sentence leading a table, and the text itself. */
interface Segment {
  zone: Zone;
  lead: string | null;
  text: string;
}

export function unflatten(text: string): string {
  const flat = fold(text).replace(/\r?\n/g, ' ');
  const out: string[] = [];
  const segments: Segment[] = [];
  let zone: Zone = 'prose';
  for (const segment of flat.replace(HEADING, '\n$1\n').split('\n')) {
    const whole = segment.trim();
    if (!whole) continue;
    if (out.length === 0 && segments.length === 0 && !/^[一二三四五六]、/.test(whole)) {
      out.push(...titleAndPreamble(whole));
      continue;
    }
    if (/^二、(?:行政机关)?主动公开/.test(whole)) zone = 'a';
    else if (/^三、(?:行政机关)?收到和处理/.test(whole)) zone = 'b';
    else if (/^四、(?:因)?政府信息公开/.test(whole)) zone = 'c';
    else if (/^[一五六]、/.test(whole) && whole.length < 40) zone = 'prose';
    const lead = zone === 'prose' ? null : TABLE_LEAD.exec(whole);
    segments.push({ zone, lead: lead?.[1] ?? null, text: lead ? whole.slice(lead[0].length) : whole });
  }
  // Table B first: whether its columns add up says whether the page may have lost blank cells (BLANKS_MARK).
  const tableB = segments.filter((g) => g.zone === 'b' && g.text.length >= 40).map((g) => splitTableB(pieces(g.text, true)));
  const blanks = tableB.some((rows) => !rows.proved);
  for (const g of segments) {
    if (g.lead) out.push(g.lead);
    if (g.zone === 'prose' || g.text.length < 40) out.push(g.text);
    else if (g.zone === 'a') out.push(...pieces(g.text).map((p) => tableARow(p, blanks)));
    else if (g.zone === 'b') out.push(...tableBLines(tableB.shift()!, blanks));
    else out.push(...tableC(pieces(g.text, true), blanks));
  }
  const closing = zone === 'prose' ? CLOSING.exec(out.at(-1) ?? '') : null;
  if (closing) out.splice(-1, 1, closing[1], closing[2]);
  return out.join('\n');
}

/**
 * The text before the first section: the title on a line of its own and the preamble from its first sentence; the
 * page chrome between them (来源, 时间, share buttons, 相关链接 — all of the rest when no sentence follows) is left out.
 * Unchanged when no title is found.
 */
function titleAndPreamble(s: string): string[] {
  // The title's report name has its year before it; a breadcrumb's ("首页 > 政务公开 > 政府信息公开工作年度报告") has none.
  const names = [...s.matchAll(REPORT_NAMES)];
  const title = names.find((m) => TITLE_YEAR.test(s.slice(Math.max(0, m.index - TITLE_REACH), m.index))) ?? names[0];
  if (!title) return [s];
  const end = title.index + title[0].length;
  const rest = s.slice(end).split(/\s+/);
  const first = rest.findIndex((run) => SENTENCE_RUN.test(run) && SENTENCE_MARK.test(run));
  return first < 0 ? [s.slice(0, end)] : [s.slice(0, end), rest.slice(first).join(' ')];
}

/**
 * Cuts a segment into (label, digit run) pairs; trailing text without digits becomes a last piece. In tables B and C
 * (`marked`) a run may hold blank marks.
 */
function pieces(segment: string, marked = false): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  let numbering = '';
  const runs = marked ? [...segment.matchAll(MARKED_RUN)].filter((m) => MARKED_RUN_CELLS.test(m[0])) : [...segment.matchAll(RUN)];
  runs.forEach((m, i) => {
    let digits = m[0];
    const after = segment.slice(m.index! + digits.length, runs[i + 1]?.index ?? segment.length);
    const label = numbering + segment.slice(last, m.index).trim();
    numbering = '';
    // "…信息00000002.其他法律…": the last digit numbers the next sub-row.
    if (/^[.、]/.test(after) && /\d$/.test(digits.trim())) {
      numbering = digits.trimEnd().slice(-1);
      digits = digits.trimEnd().slice(0, -1);
    }
    out.push({ label, digits });
    last = m.index! + m[0].length;
  });
  const rest = segment.slice(last).trim();
  if (rest) out.push({ label: rest, digits: '' });
  return out;
}

/** Cells tab-separated, a blank cell (null) written as a blank mark. */
function cellsText(cells: (number | '' | null)[]): string {
  return cells.map((c) => c ?? '—').join('\t');
}

function cellsLine(label: string, cells: (number | '' | null)[]): string {
  return `${label}\t${cellsText(cells)}`;
}

/** A row of empty cells and the marker line (AMBIGUOUS_MARK, or BLANKS_MARK when `blanks`) naming its candidates. */
function ambiguous(label: string, digits: string, count: number, candidates: (number | null)[][], blanks = false): string[] {
  // Bracketed so that no reader takes the candidates for a row of numbers.
  const shown = candidates.slice(0, 5).map((c) => `[${c.map((v) => v ?? '—').join(' ')}]`).join(' 或 ') || '无';
  return [cellsLine(label, Array(count).fill('')), `${blanks ? BLANKS_MARK : AMBIGUOUS_MARK} ${label}: ${digits.trim()} → ${shown}`];
}

/**
 * Table A rows have no arithmetic: a run splits only when every cell is one digit, or the row has one cell; on a page
 * that may have lost blank cells (`blanks`) a run of several cells does not split ("123" may be 12, blank, 3), nor
 * does one with a thousands separator (splitDigits: no split).
 */
function tableARow(p: Piece, blanks: boolean): string {
  const name = /(行政规范性文件|规范性文件|规章|行政许可|行政处罚|行政强制|行政事业性收费)$/.exec(p.label.replace(/\s/g, ''));
  if (!name || !p.digits.trim()) return `${p.label}${p.digits}`;
  const label = name[1];
  const cells = /规章|规范性文件/.test(label) ? 3 : 1;
  if (cells === 1) {
    // A run of one cell is that cell whole; with separators misplaced ("9,3481") it reads as no number.
    const printed = p.digits.replace(/\s/g, '');
    return ONE_NUMBER.test(printed) ? cellsLine(label, [Number(printed.replace(/,/g, ''))]) : ambiguous(label, p.digits, cells, [], blanks).join('\n');
  }
  const splits = splitDigits(p.digits, { groups: [cells], lastIsSum: false });
  return splits.length === 1 && !blanks ? cellsLine(label, splits[0]) : ambiguous(label, p.digits, cells, splits, blanks).join('\n');
}

/**
 * The label from its last row start on (header text run together before it is dropped). Found with the one global
 * ROW_START, from lastIndex 0: matchAll would copy the pattern for every label.
 */
function rowLabel(label: string): string {
  let start = -1;
  ROW_START.lastIndex = 0;
  for (let m = ROW_START.exec(label); m; m = ROW_START.exec(label)) start = m.index;
  return start >= 0 ? label.slice(start) : label;
}

/** Table B's rows with their candidate splits, and whether B1 and B2 hold under them (settleByColumns). */
interface TableBRows {
  rows: (SplitRow & { label: string; digits: string })[];
  proved: boolean;
}

function splitTableB(ps: Piece[]): TableBRows {
  const rows = ps
    .filter((p) => p.digits.trim())
    .map((p) => {
      const label = rowLabel(p.label);
      const compacted = compact(label);
      const key = matchRow(compacted) ?? matchGroup(compacted);
      return { label, digits: p.digits, key: key as RequestKey | null, candidates: splitCells(p.digits, B_ROW) };
    });
  return { rows, proved: settleByColumns(rows) };
}

/** Table B's lines: each row split one way as cells, the others (every row when `blanks`) as empty cells and a marker. */
function tableBLines({ rows }: TableBRows, blanks: boolean): string[] {
  return rows.flatMap((r) => (r.candidates.length === 1 && !blanks ? [cellsLine(r.label, r.candidates[0])] : ambiguous(r.label, r.digits, WIDTH, r.candidates, blanks)));
}

/** Rows summed by B2: the outcome rows, and a group's own line where a report prints no sub-rows. */
const OUTCOME = new Set<string>([...REQUEST_ROWS.filter((r) => r.outcome).map((r) => r.key), ...REQUEST_GROUP_KEYS]);

/** A row of table B with its candidate splits (one when settled). */
interface SplitRow {
  key: RequestKey | null;
  candidates: (number | null)[][];
}

/** Where settleByColumns reads a key's cells: the key's first row, and that row's index among the open rows (−1 when settled). */
interface CellSource {
  candidates: (number | null)[][];
  open: number;
}

/**
 * Chooses among a row's candidate splits the only combination for which rules B1 and B2 hold in every column. Returns
 * whether some combination holds: false when none does, when a row has no split, or when there are too many to try.
 */
function settleByColumns(rows: SplitRow[]): boolean {
  const open = rows.filter((r) => r.candidates.length > 1);
  const combos = open.reduce((n, r) => n * r.candidates.length, 1);
  if (combos > 5000 || rows.some((r) => r.candidates.length === 0)) return false;
  // Each rule's cells are found once: the trials below read them for every combination.
  const outcomes: (CellSource | null)[] = [];
  for (const r of rows) if (r.key && OUTCOME.has(r.key)) outcomes.push(sourceOf(rows, open, r.key));
  const sides: Sides = {
    outcomes,
    handled: sourceOf(rows, open, 'handledTotal'),
    received: sourceOf(rows, open, 'received'),
    carriedOver: sourceOf(rows, open, 'carriedOver'),
    carriedForward: sourceOf(rows, open, 'carriedForward'),
  };
  // Pushed, not mapped: rulesHold reads it in every trial (see lines.ts toLines on Array.prototype.map's holey arrays).
  const choice: number[] = [];
  for (let i = 0; i < open.length; i++) choice.push(0);
  const solutions: number[][] = [];
  for (let n = 0; n < combos && solutions.length < 2; n++) {
    let k = n;
    for (let i = 0; i < open.length; i++) {
      choice[i] = k % open[i].candidates.length;
      k = Math.floor(k / open[i].candidates.length);
    }
    if (rulesHold(sides, choice)) solutions.push([...choice]);
  }
  if (solutions.length === 1) open.forEach((r, i) => (r.candidates = [r.candidates[solutions[0][i]]]));
  return solutions.length > 0;
}

/** The cells of rules B1 and B2 (B2: the outcome rows, in order, against 处理总计). */
interface Sides {
  outcomes: (CellSource | null)[];
  handled: CellSource | null;
  received: CellSource | null;
  carriedOver: CellSource | null;
  carriedForward: CellSource | null;
}

/** A key's first row as a CellSource; null when no row has the key. */
function sourceOf(rows: SplitRow[], open: SplitRow[], key: string): CellSource | null {
  const r = rows.find((x) => x.key === key);
  return r ? { candidates: r.candidates, open: open.indexOf(r) } : null;
}

/** A cell in column `col` under the open rows' `choice`: 0 where the report has no such row or the cell is blank. */
function cellValue(source: CellSource | null, choice: number[], col: number): number {
  return source ? (source.candidates[source.open >= 0 ? choice[source.open] : 0][col] ?? 0) : 0;
}

/** Whether B1 and B2 hold in every applicant column under `choice`. */
function rulesHold(sides: Sides, choice: number[]): boolean {
  for (let c = 0; c < APPLICANT_KEYS.length; c++) {
    let outcomes = 0;
    for (const source of sides.outcomes) outcomes += cellValue(source, choice, c);
    const handled = cellValue(sides.handled, choice, c);
    if (outcomes !== handled || cellValue(sides.received, choice, c) + cellValue(sides.carriedOver, choice, c) !== handled + cellValue(sides.carriedForward, choice, c)) return false;
  }
  return true;
}

/** Table C's run split by C1 in each group when one split holds (and the page lost no blank cell: `blanks`). */
function tableC(ps: Piece[], blanks: boolean): string[] {
  const lines: string[] = [];
  for (const p of ps) {
    const digits = p.digits.replace(/\s/g, '');
    // Fewer digits and marks than cells: no split (each is at most one cell).
    if (digits.length < APPEAL_GROUPS.length * APPEAL_COLUMNS.length) {
      lines.push(`${p.label}${p.digits}`);
      continue;
    }
    const splits = splitCells(digits, C_TABLE);
    lines.push(p.label, ...(splits.length === 1 && !blanks ? [cellsText(splits[0])] : ambiguous('', digits, APPEAL_GROUPS.length * APPEAL_COLUMNS.length, splits, blanks).slice(1)));
  }
  return lines;
}
