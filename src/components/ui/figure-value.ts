/**
 * A count or a share; "—" with an explanation when it cannot be computed.
 *
 * A function, not a component: pages show dozens of these (a report's indicators, a region's table of agencies), and
 * an Astro component instance each cost more than the markup. The markup is what the component rendered, byte for
 * byte, with Astro's own escaping; templates put the returned HTML string in as an expression (`{figureValue(v)}`).
 */
import { addAttribute, escapeHTML, markHTMLString } from 'astro/runtime/server/index.js';
import { NO_VALUE_TITLE, formatCount, formatShare } from '../../lib/format';
import type { Value } from '../../lib/indicators';

const NO_VALUE_TITLE_ATTRIBUTE = addAttribute(NO_VALUE_TITLE, 'title');
const NO_VALUE_TITLE_TEXT = escapeHTML(NO_VALUE_TITLE);

export function figureValue(value: Value, kind: 'count' | 'share' = 'count') {
  const text = escapeHTML(kind === 'share' ? formatShare(value) : formatCount(value));
  return markHTMLString(
    value === null ? `<span class="no-value"${NO_VALUE_TITLE_ATTRIBUTE}>${text}<span class="visually-hidden">（${NO_VALUE_TITLE_TEXT}）</span></span>` : text,
  );
}
