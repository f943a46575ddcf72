/**
 * Markdown tables (`| a | b |` rows under a `|---|` separator), as PDF→Markdown and OCR tools produce them. Either
 * one table per table of the report, or — like the OCR corpus file — table B cut into one small table per row or
 * group under generic headers (类别 | 数据1 | … | 总计), with header-only noise tables of "-" cells and a block
 * whose header names the wrong columns (本年新收件数 | 上年结转件数 | 予以公开 …).
 */
import type { DocumentParts } from '../document';
import type { Rng } from '../rng';
import type { ModelRow, ModelTable } from '../table-model';
import { assemble } from './assemble';
import { labelFields, type MergedCells } from './grid';
import { markdownHooks } from './markdown-prose';

function mdRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function mdTable(header: string[], rows: string[][]): string[] {
  return [mdRow(header), mdRow(header.map(() => '---')), ...rows.map(mdRow)];
}

function proactiveLines(tables: ModelTable[]): string[] {
  return tables.flatMap((t) => [`### ${t.caption}`, ...mdTable(t.header[0], t.rows.map((r) => [r.labels[0].text, ...r.cells])), '']);
}

function wholeRequests(table: ModelTable, merged: MergedCells): string[] {
  const header = [table.header[0][0], '', '', '自然人', ...table.header[2], '总计'];
  return mdTable(header, table.rows.map((r) => [...labelFields(r.labels, merged), ...r.cells]));
}

/**
 * 一、本年新收… → 本年新收…; （一）予以公开 → 予以公开 (the OCR tables drop the ordinal in the row cell). A bare
 * 总计 would read as the column header, so （七）总计 keeps its ordinal.
 */
function withoutOrdinal(label: string): string {
  const bare = label.replace(/^[一二三四五六七]、/, '').replace(/^[（(][一二三四五六七][）)]\s*/, '');
  return bare === '总计' ? label : bare;
}

const GENERIC_HEADER = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
const WRONG_HEADER = ['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '不予公开', '结转下年度', '总计'];
const NOISE = [
  ['### 申请人情况 (自然人)', ...mdTable(['(数据项目)', '数量'], [['-', '-']])],
  ['### 申请人情况 (法人或其他组织)', ...mdTable(['商业企业', '科研机构', '社会公益', '法律服务机构', '其他'], [['-', '-', '-', '-', '-']])],
  ['### 申请人情况 (总计)', ...mdTable(['(数据项目)', '数量'], [['-', '-']])],
];

function perRowRequests(table: ModelTable, rng: Rng, quirks: Set<string>): string[] {
  const lines: string[] = [];
  if (rng.chance(0.6)) {
    quirks.add('md-noise-tables');
    for (const block of NOISE) lines.push(...block, '');
  }
  const rows = table.rows;
  // The OCR file's last block: the rows from one near the end on, under a header naming the wrong columns.
  const wrongFrom = rng.chance(0.4) ? rows.length - rng.int(2, 4) : rows.length;
  let i = 0;
  while (i < wrongFrom) {
    const row = rows[i];
    const group = row.labels.find((l) => l.level === 1);
    if (row.labels[0]?.level === 0 && row.labels[0].first) lines.push(`### ${row.labels[0].text}`, '');
    if (group) {
      // One table per group: its heading, then every sub-row (up to the wrong-header block).
      const members: ModelRow[] = [];
      while (i < wrongFrom && rows[i].labels.some((l) => l.level === 1 && l.text === group.text)) members.push(rows[i++]);
      lines.push(`### ${group.text}`, ...mdTable(GENERIC_HEADER, members.map((r) => [r.labels[r.labels.length - 1].text, ...r.cells])), '');
      continue;
    }
    const own = row.labels[row.labels.length - 1].text;
    lines.push(`### ${own}`, ...mdTable(GENERIC_HEADER, [[withoutOrdinal(own), ...row.cells]]), '');
    i++;
  }
  if (wrongFrom < rows.length) {
    quirks.add('md-wrong-header');
    lines.push(...mdTable(WRONG_HEADER, rows.slice(wrongFrom).map((r) => [r.labels[r.labels.length - 1].text, ...r.cells])), '');
  }
  return lines;
}

function appealsLines(table: ModelTable, perGroup: boolean): string[] {
  const cells = table.rows[0].cells;
  const [top, middle, bottom] = table.header;
  if (perGroup) {
    const titles = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
    return titles.flatMap((t, g) => [`### ${t}`, ...mdTable(middle.slice(0, 5), [cells.slice(g * 5, g * 5 + 5)]), '']);
  }
  const pad = (xs: string[]) => [...xs, ...Array<string>(15 - xs.length).fill('')];
  return mdTable(pad([top[0], '', '', '', '', top[1]]), [
    pad([...middle.slice(0, 5), middle[5], '', '', '', '', middle[6]]),
    pad(['', '', '', '', '', ...bottom.slice(5)]),
    cells,
  ]);
}

export function renderMarkdownTable(parts: DocumentParts, rng: Rng): { text: string; quirks: string[] } {
  const perRow = rng.chance(0.4);
  const merged: MergedCells = rng.chance(0.5) ? 'empty' : 'repeat';
  const quirks = new Set(['markdown-tables', perRow ? 'md-per-row-tables' : `md-merged-${merged}`]);
  const lines = assemble(parts, {
    ...markdownHooks(parts, rng),
    table: (key) => {
      if (key === 'proactive') return proactiveLines(parts.tables.proactive);
      if (key === 'requests') return [...(perRow ? perRowRequests(parts.tables.requests, rng, quirks) : wholeRequests(parts.tables.requests, merged)), ''];
      return [...appealsLines(parts.tables.appeals, perRow), ''];
    },
  });
  return { text: lines.join('\n'), quirks: [...quirks] };
}
