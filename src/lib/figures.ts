/**
 * The key figures of a report, one column each on the agency and compare pages, with the derived indicators.
 * Labels come from src/schema/keys.ts; values from src/lib/indicators.ts.
 */
import { APPEAL_GROUPS, REQUEST_GROUPS, TABLE_LABELS } from '../schema/keys';
import type { ReportSummary } from '../schema/summary';
import { INDICATORS, groupValue, sum, type Value } from './indicators';
import { requestRowLabel, shortLabel } from './labels';

export interface Figure {
  key: string;
  zh: string;
  kind: 'count' | 'share';
  title?: string;
  value: (report: ReportSummary) => Value;
}

const rowFigure = (key: 'received' | 'disclosed' | 'partlyDisclosed' | 'handledTotal' | 'carriedForward'): Figure => ({
  key,
  zh: shortLabel(requestRowLabel(key)),
  title: requestRowLabel(key),
  kind: 'count',
  value: (r) => r.requests[key].total,
});

const groupFigure = (key: 'withheld' | 'unavailable' | 'notProcessed'): Figure => ({
  key,
  zh: shortLabel(REQUEST_GROUPS.find((g) => g.key === key)!.zh),
  kind: 'count',
  value: (r) => groupValue(r.requests, key),
});

export const FIGURES: Figure[] = [
  rowFigure('received'),
  rowFigure('disclosed'),
  rowFigure('partlyDisclosed'),
  groupFigure('withheld'),
  groupFigure('unavailable'),
  groupFigure('notProcessed'),
  // "（七）总计" alone is ambiguous in a list of figures: name it after its block, 本年度办理结果总计.
  { ...rowFigure('handledTotal'), zh: `${shortLabel(TABLE_LABELS.requestsOutcomes.zh)}${shortLabel(requestRowLabel('handledTotal'))}` },
  rowFigure('carriedForward'),
  { key: 'reconsiderations', zh: APPEAL_GROUPS[0].zh, kind: 'count', value: (r) => r.appeals.review.total },
  {
    key: 'lawsuits',
    zh: TABLE_LABELS.appealsLitigation.zh,
    kind: 'count',
    value: (r) => sum([r.appeals.suitDirect.total, r.appeals.suitAfterReview.total]),
  },
  { key: 'ruleBreaks', zh: '规则不符', title: '不符合勾稽关系等一致性规则的次数', kind: 'count', value: (r) => r.checks.length },
  ...INDICATORS.map((i): Figure => ({ key: i.key, zh: i.zh, title: i.definition, kind: 'share', value: i.compute })),
];

/** The figures of the agency page's year-by-year table. */
export const AGENCY_FIGURES = FIGURES.filter((f) => f.kind === 'count' && f.key !== 'handledTotal');

/** A figure's change from `previous` to `current` (a count's difference, a share's difference in share points); null when either is unknown. */
export function figureChange(figure: Figure, current: ReportSummary, previous: ReportSummary): Value {
  const to = figure.value(current);
  const from = figure.value(previous);
  return to === null || from === null ? null : to - from;
}
