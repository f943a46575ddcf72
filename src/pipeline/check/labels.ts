/** Short Chinese labels for rule messages, taken from the template labels in src/schema/keys.ts. */
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, REQUEST_GROUPS, REQUEST_ROWS, TABLE_LABELS, shortLabel, type RequestKey } from '../../schema';

// “（七）总计” alone would read like the total column: say whose total it is.
const rowLabel = (r: (typeof REQUEST_ROWS)[number]) =>
  r.key === 'handledTotal' ? `${shortLabel(TABLE_LABELS.requestsOutcomes.zh)}${shortLabel(r.zh)}` : shortLabel(r.zh);

const rowLabels = new Map<string, string>([
  ...REQUEST_ROWS.map((r) => [r.key, rowLabel(r)] as const),
  ...REQUEST_GROUPS.map((g) => [g.key, `${shortLabel(g.zh)}（合计行）`] as const),
]);

/** A table B row or group as rule messages name it: short, with “办理结果总计” and “（合计行）” spelled out. */
export function ruleRowLabel(key: RequestKey): string {
  return rowLabels.get(key) ?? key;
}

const applicantLabels = new Map<string, string>(APPLICANT_COLUMNS.map((c) => [c.key, c.zh]));

export function applicantLabel(key: string): string {
  return applicantLabels.get(key) ?? key;
}

export function appealGroupLabel(key: string): string {
  return APPEAL_GROUPS.find((g) => g.key === key)?.zh ?? key;
}

export function appealColumnLabel(key: string): string {
  return APPEAL_COLUMNS.find((c) => c.key === key)?.zh ?? key;
}
