/** Table C (administrative reconsideration and litigation): 15 numbers, three groups of five, in template order. */
import { APPEAL_COLUMNS, APPEAL_GROUPS, type Appeals, type TablePlacement } from '../../schema';
import { toCells } from './cells';
import { placementOf } from './placement';
import type { DiagnosticLog } from './diagnostics';
import { fitValues, isMarkdownRule, partsOf, type Line } from './lines';
import { isPageNoise, type CellToken } from '../text';

const COLS = APPEAL_COLUMNS.map((c) => c.key);
const WIDTH = APPEAL_GROUPS.length * COLS.length;
/** A row label that may precede a group's five numbers in layouts that print one row per group. */
const GROUP_LABEL = /^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|行政诉讼[(（]?(未经复议直接起诉|复议后起诉)[)）]?)$/;

export function parseTableC(lines: Line[], from: number, to: number, log: DiagnosticLog): { appeals: Appeals; placement: TablePlacement } {
  const tokens: CellToken[] = [];
  let first: number | null = null;
  for (let i = from; i < to && tokens.length < WIDTH; i++) {
    const raw = lines[i].raw;
    if (!raw.trim() || isPageNoise(raw) || isMarkdownRule(raw)) continue;
    const parts = partsOf(lines[i]);
    if (!parts.values.length || (parts.label && !GROUP_LABEL.test(parts.label))) continue;
    // An empty tab or pipe row is layout; an empty fenced Markdown row is a group whose cells were all left blank.
    if (!parts.fenced && parts.values.every((v) => v.kind === 'blank' && v.printed === '')) continue;
    first ??= lines[i].no;
    tokens.push(...(parts.separator === 'space' ? parts.values : fitValues(parts.values, WIDTH - tokens.length, parts.fenced)));
  }
  const appeals = {} as Appeals;
  if (tokens.length !== WIDTH) {
    log.warn(
      tokens.length ? 'table-c-count' : 'table-c-missing',
      first,
      `${WIDTH} numbers of table C`,
      tokens.length ? `${tokens.length} values: ${tokens.map((t) => t.printed || '∅').join(' ')}` : 'none',
      tokens.length ? `表四应有 ${WIDTH} 个数字，实际 ${tokens.length} 个，无法对应，记为空值` : '没有找到表四（行政复议、行政诉讼）的数字，记为空值',
      'appeals',
    );
    for (const g of APPEAL_GROUPS) appeals[g.key] = Object.fromEntries(COLS.map((c) => [c, null])) as Appeals['review'];
    return { appeals, placement: placementOf({ label: 0, arithmetic: 0, unread: WIDTH }) };
  }
  APPEAL_GROUPS.forEach((g, gi) => {
    appeals[g.key] = toCells(COLS, tokens.slice(gi * COLS.length, (gi + 1) * COLS.length), log, first, `appeals.${g.key}`);
  });
  // The fifteen numbers of one printed row, in the order of the header: each stands in its header's position.
  return { appeals, placement: placementOf({ label: WIDTH, arithmetic: 0, unread: 0 }) };
}
