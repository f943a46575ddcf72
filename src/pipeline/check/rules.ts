/**
 * The per-report consistency rules of FORMAT.md (B1, B2, B3, C1, N1). They report breaks and never change a number.
 * A comparison that involves a null cell is skipped: the blank already has a diagnostic and is not read as 0.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_KEYS,
  APPLICANT_PARTS,
  REQUEST_GROUP_KEYS,
  REQUEST_ROWS,
  REQUEST_ROW_KEYS,
  type Cell,
  type Report,
  type RequestKey,
  type RequestRow,
  type RuleBreak,
  type RuleId,
} from '../../schema';
import { formatNumber, sameNumber, sumCells } from './arithmetic';
import { appealColumnLabel, appealGroupLabel, applicantLabel, requestRowLabel } from './labels';

export type CheckedReport = Pick<Report, 'requests' | 'appeals' | 'proseCounts'>;

/** One number in a comparison: its value path, label for messages, and value. */
export interface Term {
  path: string;
  label: string;
  value: Cell;
}

export function requestPath(row: RequestKey, column: string): string {
  return `requests.${row}.${column}`;
}

const REQUEST_KEYS: RequestKey[] = [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS];
/** Each cell's path, made once: the rules run on every report and mostly find nothing to report. */
const PATHS = new Map(REQUEST_KEYS.map((row) => [row, new Map(APPLICANT_KEYS.map((c) => [c as string, requestPath(row, c)]))]));

function requestTerm(report: CheckedReport, row: RequestKey, column: string, label = requestRowLabel(row)): Term {
  const cells = report.requests[row] as RequestRow | undefined;
  return { path: PATHS.get(row)?.get(column) ?? requestPath(row, column), label, value: cells ? cells[column as keyof RequestRow] : null };
}

/** `本年新收… 21 + 上年结转… 0 = 21` (terms known to be non-null). */
export function showTerms(terms: readonly Term[]): string {
  const shown = terms.map((t) => `${t.label} ${t.value}`).join(' + ');
  return terms.length === 1 ? shown : `${shown} = ${formatNumber(sumCells(terms.map((t) => t.value)) ?? NaN)}`;
}

interface Comparison {
  rule: RuleId;
  scope: string;
  /** Terms whose sum is the expected value. */
  expected: Term[];
  /** Terms whose sum is the value found. */
  found: Term[];
  message: (expected: number, found: number) => string;
}

/** A RuleBreak when both sides are known and differ; null when they agree or a cell is blank. */
export function compare(c: Comparison): RuleBreak | null {
  const expected = sumCells(c.expected.map((t) => t.value));
  const found = sumCells(c.found.map((t) => t.value));
  if (expected === null || found === null || sameNumber(expected, found)) return null;
  return {
    rule: c.rule,
    scope: c.scope,
    expected,
    found,
    cells: [...c.expected, ...c.found].map((t) => t.path),
    message: c.message(expected, found),
  };
}

const columnName = (column: string) => `“${applicantLabel(column)}”列`;

/** B1: received + carriedOver = handledTotal + carriedForward, per column. */
export function checkB1(report: CheckedReport): RuleBreak[] {
  return APPLICANT_KEYS.flatMap((column) => {
    const intake = [requestTerm(report, 'received', column), requestTerm(report, 'carriedOver', column)];
    const outflow = [requestTerm(report, 'handledTotal', column), requestTerm(report, 'carriedForward', column)];
    const broken = compare({
      rule: 'B1',
      scope: column,
      expected: intake,
      found: outflow,
      message: () => `${columnName(column)}：${showTerms(intake)}，而${showTerms(outflow)}，两者应相等`,
    });
    return broken ? [broken] : [];
  });
}

const OUTCOME_ROWS = REQUEST_ROWS.filter((r) => r.outcome);
const UNGROUPED_OUTCOMES = OUTCOME_ROWS.filter((r) => !('group' in r)).map((r) => r.key);
const GROUP_OUTCOMES = REQUEST_GROUP_KEYS.map((group) => ({
  group,
  subRows: OUTCOME_ROWS.filter((r) => 'group' in r && r.group === group).map((r) => r.key),
}));

/** The outcome terms of one column for B2; a group printed as one line stands in for its all-blank sub-rows. */
function outcomeTerms(report: CheckedReport, column: string): Term[] {
  const terms: Term[] = UNGROUPED_OUTCOMES.map((key) => requestTerm(report, key, column));
  for (const { group, subRows: keys } of GROUP_OUTCOMES) {
    const subRows = keys.map((key) => requestTerm(report, key, column));
    const groupLine = requestTerm(report, group, column);
    const useGroupLine = subRows.every((t) => t.value === null) && groupLine.value !== null;
    terms.push(...(useGroupLine ? [groupLine] : subRows));
  }
  return terms;
}

/** B2: handledTotal = the sum of the 22 outcome rows, per column. */
export function checkB2(report: CheckedReport): RuleBreak[] {
  return APPLICANT_KEYS.flatMap((column) => {
    const total = requestTerm(report, 'handledTotal', column);
    const broken = compare({
      rule: 'B2',
      scope: column,
      expected: outcomeTerms(report, column),
      found: [total],
      message: (expected, found) => `${columnName(column)}：各项办理结果之和为 ${expected}，而${total.label}为 ${found}`,
    });
    return broken ? [broken] : [];
  });
}

/** B3: total = the sum of the six applicant columns, per row (group lines included when printed). */
export function checkB3(report: CheckedReport): RuleBreak[] {
  const rows: RequestKey[] = [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS.filter((g) => report.requests[g])];
  return rows.flatMap((row) => {
    const parts = APPLICANT_PARTS.map((column) => requestTerm(report, row, column, applicantLabel(column)));
    const broken = compare({
      rule: 'B3',
      scope: row,
      expected: parts,
      found: [requestTerm(report, row, 'total')],
      message: (expected, found) => `“${requestRowLabel(row)}”行：六类申请人之和为 ${expected}，而总计为 ${found}`,
    });
    return broken ? [broken] : [];
  });
}

/** C1: total = upheld + corrected + other + pending, per group of table C. */
export function checkC1(report: CheckedReport): RuleBreak[] {
  return APPEAL_GROUPS.flatMap(({ key: group }) => {
    const term = (column: string): Term => ({
      path: `appeals.${group}.${column}`,
      label: appealColumnLabel(column),
      value: report.appeals[group][column as keyof (typeof report.appeals)[typeof group]],
    });
    const parts = APPEAL_COLUMNS.filter((c) => c.key !== 'total').map((c) => term(c.key));
    const broken = compare({
      rule: 'C1',
      scope: group,
      expected: parts,
      found: [term('total')],
      message: (_, found) => `“${appealGroupLabel(group)}”：${showTerms(parts)}，而总计为 ${found}`,
    });
    return broken ? [broken] : [];
  });
}

/** Which prose count is compared with which table B row (rule N1). */
const PROSE_ROWS = [
  { prose: 'received', row: 'received' },
  { prose: 'handled', row: 'handledTotal' },
  { prose: 'carriedForward', row: 'carriedForward' },
] as const;

/** N1: counts stated in the prose agree with the totals of table B. */
export function checkN1(report: CheckedReport): RuleBreak[] {
  return PROSE_ROWS.flatMap(({ prose, row }) => {
    const count = report.proseCounts[prose];
    if (!count) return [];
    const table = requestTerm(report, row, 'total');
    // "共受理申请 N 件" often counts last year's carried-over requests too: that reading is not a break.
    const intake = sumCells([table.value, requestTerm(report, 'carriedOver', 'total').value]);
    if (prose === 'received' && intake !== null && sameNumber(intake, count.value)) return [];
    const where = count.line === null ? '' : `（第 ${count.line} 行）`;
    const broken = compare({
      rule: 'N1',
      scope: prose,
      expected: [table],
      found: [{ path: table.path, label: '正文', value: count.value }],
      message: (expected, found) => `正文称“${count.text}”${where}，即 ${found} 件，而表三“${table.label}”的总计列为 ${expected}`,
    });
    // The prose is not a cell: mark only the table's cell.
    return broken ? [{ ...broken, cells: [table.path] }] : [];
  });
}

/** All per-report rules, in the order of FORMAT.md. */
export function checkReport(report: CheckedReport): RuleBreak[] {
  return [...checkB1(report), ...checkB2(report), ...checkB3(report), ...checkC1(report), ...checkN1(report)];
}
