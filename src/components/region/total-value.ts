/**
 * A total over a region's reports: the sum, how many reports it covers when some left the cell blank (never read
 * as 0), and a warning mark when reports in it break a rule on this cell.
 *
 * A function, not a component: a region's page shows dozens of these, and an Astro component instance each cost
 * more than the markup. The markup is what the component rendered, byte for byte, with Astro's own escaping;
 * templates put the returned HTML string in as an expression (`{totalValue(total)}`).
 */
import { addAttribute, escapeHTML, markHTMLString } from 'astro/runtime/server/index.js';
import { formatCount } from '../../lib/format';
import type { CellTotal } from '../../lib/region-stats';

export function totalValue(total: CellTotal) {
  const partial = total.counted < total.of;
  const value = total.value === null ? '<span class="null-cell" title="各报告均未填报">未填报</span>' : escapeHTML(formatCount(total.value));
  const cover = partial && total.value !== null ? `<span class="total-cover">（${total.counted}/${total.of} 份）</span>` : '';
  const flagged = `其中 ${total.flagged} 份报告的这一数字不符合一致性规则`;
  const mark = total.flagged > 0 ? `<span class="break-mark"${addAttribute(flagged, 'title')}>\n⚠<span class="visually-hidden">${flagged}</span></span>` : '';
  return markHTMLString(value + cover + mark);
}
