/**
 * One number of an official table: the value as printed, a visible marker for a blank (null) cell,
 * and a mark linking to each rule break that concerns the cell.
 *
 * A function, not a component: a report page has about 200 of these cells, and an Astro component instance per cell
 * (props, slots, an async render and its buffers) cost more than the cell's markup. The markup is what the component
 * rendered, byte for byte, built with Astro's own escaping (`escapeHTML` for text, `addAttribute` for attributes);
 * tables put a row's cells in their templates as one expression (`{tableCells(…)}`).
 */
import { addAttribute, escapeHTML, markHTMLString } from 'astro/runtime/server/index.js';
import { formatCount } from '../../lib/format';
import type { CellNote, NumberedBreak } from '../../lib/report-notes';
import { diagnosticText } from '../../lib/diagnostic-text';

export interface TableCellProps {
  value: number | null;
  note?: CellNote;
  colspan?: number;
  /** Ids of the header cells, for tables whose headers scope cannot express (table C). */
  headers?: string;
}

const NULL_TITLE_LEAD = '原报告此处为空或无法识别，数据中记为空值（null），不当作 0 计算';

const breakMark = (b: NumberedBreak) =>
  `<a class="break-mark"${addAttribute(`#${b.anchor}`, 'href')}${addAttribute(`不符合规则 ${b.brk.rule}，见第 ${b.n} 条说明`, 'aria-label')}> ${escapeHTML(b.brk.rule)} </a>`;

/** The `<td>` of one number. */
function tableCell({ value, note, colspan, headers }: TableCellProps): string {
  const breaks = note?.breaks ?? [];
  let shown: string;
  if (value === null) {
    const nullTitle = [NULL_TITLE_LEAD, ...(note?.diagnostics ?? []).map((d) => `${diagnosticText(d).message}${d.line ? `（原文第 ${d.line} 行）` : ''}`)].join('；');
    shown = `<abbr class="null-cell"${addAttribute(nullTitle, 'title')}>空</abbr>`;
  } else {
    shown = escapeHTML(formatCount(value));
  }
  const open = `<td${addAttribute(breaks.length > 0 ? 'num cell-break' : 'num', 'class')}${addAttribute(colspan, 'colspan')}${addAttribute(headers, 'headers')}>`;
  return `${open} ${shown} ${breaks.map(breakMark).join('')} </td>`;
}

/** A row's `<td>`s as trusted HTML for an Astro template, one string (Astro buffers each item of an array apart). */
export function tableCells(cells: TableCellProps[]) {
  return markHTMLString(cells.map(tableCell).join(''));
}
