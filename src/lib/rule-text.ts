/** Plain-language text for a rule break: the rule's explanation from keys.ts and what the break concerns. */
import { APPEAL_GROUPS, APPLICANT_COLUMNS, RULES, type RuleId } from '../schema/keys';
import type { RuleBreak } from '../schema/report';
import { formatCount } from './format';
import { requestRowLabel } from './labels';

export function ruleExplanation(rule: string): string {
  return RULES[rule as RuleId]?.zh ?? rule;
}

/** The table B row each prose count (rule N1) is compared with. */
const PROSE_COUNT_ROWS = { received: 'received', handled: 'handledTotal', carriedForward: 'carriedForward' } as const;

/** The scope of a break (a column, row, group or prose count) in Chinese, falling back to the key itself. */
function scopeLabel(scope: string): string {
  const row = PROSE_COUNT_ROWS[scope as keyof typeof PROSE_COUNT_ROWS] ?? scope;
  return (
    APPLICANT_COLUMNS.find((c) => c.key === scope)?.zh ??
    APPEAL_GROUPS.find((g) => g.key === scope)?.zh ??
    requestRowLabel(row as never)
  );
}

/** What a break found, in words: the checker's own message, or expected and found values when it has none. */
export function breakSummary(brk: RuleBreak): string {
  return brk.message.trim() || `${scopeLabel(brk.scope)}：按规则应为 ${formatCount(brk.expected)}，报告中为 ${formatCount(brk.found)}`;
}
