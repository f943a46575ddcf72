/**
 * Web page text with every table cell run together (the Pingtan corpus files): page metadata and breadcrumb noise,
 * then the whole report on one or a few very long lines, a row's numbers printed with no separator ("640020470")
 * or with a stray space here and there. The renderer reports which tables cannot be split back into one answer.
 */
import type { DocumentParts } from '../document';
import { appealsVerdict, proactiveRowVerdict, requestsVerdict, type FlatRow, type SplitVerdict } from '../flat-split';
import type { Rng } from '../rng';
import type { ModelRow } from '../table-model';
import type { TableId } from '../types';
import { assemble, type TableKey } from './assemble';

interface SpacedRow {
  row: ModelRow;
  /** Separator after each cell but the last: '' (run together) or ' '. */
  seps: string[];
}

function numbers(r: SpacedRow): string {
  return r.row.cells.map((c, i) => c + (r.seps[i] ?? '')).join('');
}

/**
 * The row's digits with the stray spaces removed: a parser cannot know that a space separates two cells (a web page
 * may put one anywhere), so a split counts as determined only if it is determined without them.
 */
const digitsOf = (r: SpacedRow): FlatRow => ({ path: r.row.path, chunks: [r.row.cells.join('')] });

type Verdicts = Partial<Record<TableId, SplitVerdict>>;

/** How each table splits; with `stopEarly`, stops at the first table that does not split one way (cheap rejection). */
function verdicts(a: SpacedRow[], b: SpacedRow[], c: SpacedRow, stopEarly: boolean): Verdicts {
  const out: Verdicts = {};
  out.proactive = a.every((r) => proactiveRowVerdict(digitsOf(r).chunks, r.row.cells.length) === 'unique') ? 'unique' : 'ambiguous';
  if (stopEarly && out.proactive !== 'unique') return out;
  out.appeals = appealsVerdict(digitsOf(c).chunks);
  if (stopEarly && out.appeals !== 'unique') return out;
  out.requests = requestsVerdict(b.map(digitsOf));
  return out;
}

function spacedRows(rows: ModelRow[], rng: Rng): SpacedRow[] {
  return rows.map((row) => ({ row, seps: row.cells.slice(1).map(() => (rng.chance(0.06) ? ' ' : '')) }));
}

interface FlattenedText {
  text: string;
  quirks: string[];
  /** How each table's run-together digits split: one way, several (proven), or undecided. */
  verdicts: Verdicts;
}

/** `stopEarly`: the caller only wants to know whether every table splits one way (see `verdicts`). */
export function renderFlattened(parts: DocumentParts, rng: Rng, stopEarly: boolean): FlattenedText {
  const { tables, truth, title } = parts;
  const a = spacedRows(tables.proactive.flatMap((t) => t.rows), rng);
  const b = spacedRows(tables.requests.rows, rng);
  const [c] = spacedRows(tables.appeals.rows, rng);
  const gap = () => (rng.chance(0.15) ? ' ' : '');
  const rowText = (r: SpacedRow) => r.row.labels.filter((l) => l.first).map((l) => l.text).join('') + gap() + numbers(r);

  const tableText: Record<TableKey, () => string> = {
    proactive: () => tables.proactive.map((t) => `${t.caption}${t.header[0].join('')}${gap()}` + t.rows.map((r) => rowText(a.find((x) => x.row === r)!)).join(gap())).join(gap()),
    requests: () => `${tables.requests.header.flat().join('')}${gap()}${b.map(rowText).join(gap())}`,
    appeals: () => `${tables.appeals.header.flat().join('')}${gap()}${numbers(c)}`,
  };
  const pieces = assemble(parts, {
    title: () => [],
    intro: (text) => [text],
    heading: (s) => [`\n${s.heading}`],
    block: (block) => [block.kind === 'subheading' ? `${block.text}。` : block.text],
    table: (key) => [` ${tableText[key]()} `],
    signature: (lines) => [lines.join(' ')],
  });
  // Sections run together on one line, or each section on a line of its own.
  const perSection = rng.chance(0.4);
  const body = pieces.join('').split('\n').filter((l) => l !== '');
  const published = `${truth.year + 1}-02-${String(rng.int(1, 28)).padStart(2, '0')} ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  const crumb = `当前位置： 首页政务公开政府信息公开政府信息公开年报 ${title.oneLine} 来源：${truth.agencyName} 时间：${published} 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> `;
  const meta = [
    `标题: ${title.oneLine}`,
    `发布时间: ${published}`,
    '文号: ',
    `发布机构: ${rng.chance(0.5) ? truth.agencyName : ''}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/${truth.year + 1}02/t${truth.year + 1}0208_${rng.int(10000, 99999)}.htm`,
    '==================== 正文 ====================',
  ];
  const main = perSection ? [crumb + body[0], ...body.slice(1)] : [crumb + body.join('')];
  const text = [...(rng.chance(0.7) ? meta : []), ...main.slice(0, -1), `${main[main.length - 1]} 附件下载`].join('\n');
  return { text, quirks: ['run-together-digits', 'breadcrumb', perSection ? 'flat-line-per-section' : 'flat-single-line'], verdicts: verdicts(a, b, c, stopEarly) };
}
