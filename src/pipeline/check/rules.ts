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
  REQUEST_ROW_KEYS,
  type AppealColumn,
  type AppealGroup,
  type Cell,
  type Report,
  type RequestKey,
  type RequestRow,
  type RuleBreak,
  type RuleId,
} from '../../schema';
import { GROUP_OUTCOMES, groupLineStandsIn, OUTCOME_ROWS } from '../outcome-rows';
import { formatNumber, sameNumber, sumCells } from './arithmetic';
import { appealColumnLabel, appealGroupLabel, applicantLabel, ruleRowLabel } from './labels';

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

function requestTerm(report: CheckedReport, row: RequestKey, column: string, label = ruleRowLabel(row)): Term {
  const cells = report.requests[row] as RequestRow | undefined;
  return { path: PATHS.get(row)?.get(column) ?? requestPath(row, column), label, value: cells ? cells[column as keyof RequestRow] : null };
}

/** `本年新收… 21 + 上年结转… 0 = 21` (terms known to be non-null). */
function showTerms(terms: readonly Term[]): string {
  const shown = terms.map((t) => `${t.label} ${t.value}`).join(' + ');
  return terms.length === 1 ? shown : `${shown} = ${formatNumber(sumCells(terms.map((t) => t.value)) ?? NaN)}`;
}

/** The two sums when both are known and differ; null when they agree or a cell is blank. */
export function differ(expected: readonly Term[], found: readonly Term[]): { expected: number; found: number } | null {
  const e = sumCells(expected.map((t) => t.value));
  const f = sumCells(found.map((t) => t.value));
  return e === null || f === null || sameNumber(e, f) ? null : { expected: e, found: f };
}

/** A RuleBreak for sums `differ` found apart. The message is built only here: most comparisons hold. */
export function ruleBreak(
  rule: RuleId,
  scope: string,
  terms: { expected: readonly Term[]; found: readonly Term[] },
  sums: { expected: number; found: number },
  message: string,
): RuleBreak {
  return { rule, scope, ...sums, cells: [...terms.expected, ...terms.found].map((t) => t.path), message };
}

const columnName = (column: string) => `“${applicantLabel(column)}”列`;

// The rules below are plain loops, with messages built only for a break: they run on every report, and the
// TypeScript runner names every closure created in a loop (tsx's keepNames), which made callbacks the main cost.

/** A cell of table B, null when blank or when the report does not print the row. */
function cellOf(report: CheckedReport, row: RequestKey, column: string): Cell {
  const cells = report.requests[row] as RequestRow | undefined;
  return cells ? cells[column as keyof RequestRow] : null;
}

/** Sum of cells; null when any is blank (then the rule is skipped). */
function sumOf(report: CheckedReport, rows: readonly RequestKey[], column: string): number | null {
  let sum = 0;
  for (const row of rows) {
    const v = cellOf(report, row, column);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Whether a comparison holds or cannot be made: the common case, decided without building terms. */
function holds(expected: number | null, found: number | null): boolean {
  return expected === null || found === null || sameNumber(expected, found);
}

const B1_INTAKE: RequestKey[] = ['received', 'carriedOver'];
const B1_OUTFLOW: RequestKey[] = ['handledTotal', 'carriedForward'];

/** B1: received + carriedOver = handledTotal + carriedForward, per column. */
export function checkB1(report: CheckedReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const column of APPLICANT_KEYS) {
    if (holds(sumOf(report, B1_INTAKE, column), sumOf(report, B1_OUTFLOW, column))) continue;
    const expected = B1_INTAKE.map((row) => requestTerm(report, row, column));
    const found = B1_OUTFLOW.map((row) => requestTerm(report, row, column));
    const sums = differ(expected, found);
    if (sums) out.push(ruleBreak('B1', column, { expected, found }, sums, `${columnName(column)}：${showTerms(expected)}，而${showTerms(found)}，两者应相等`));
  }
  return out;
}

const UNGROUPED_OUTCOMES = OUTCOME_ROWS.filter((r) => !('group' in r)).map((r) => r.key);

/** The outcome rows of one column for B2; a group printed as one line stands in for its all-blank sub-rows. */
function outcomeRows(report: CheckedReport, column: string): RequestKey[] {
  const rows: RequestKey[] = [...UNGROUPED_OUTCOMES];
  for (const { group, subRows } of GROUP_OUTCOMES) {
    if (groupLineStandsIn(group, (key) => cellOf(report, key, column))) rows.push(group);
    else rows.push(...subRows);
  }
  return rows;
}

/** B2: handledTotal = the sum of the 22 outcome rows, per column. */
export function checkB2(report: CheckedReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const column of APPLICANT_KEYS) {
    const rows = outcomeRows(report, column);
    if (holds(sumOf(report, rows, column), cellOf(report, 'handledTotal', column))) continue;
    const expected = rows.map((row) => requestTerm(report, row, column));
    const total = requestTerm(report, 'handledTotal', column);
    const sums = differ(expected, [total]);
    if (sums)
      out.push(ruleBreak('B2', column, { expected, found: [total] }, sums, `${columnName(column)}：各项办理结果之和为 ${sums.expected}，而${total.label}为 ${sums.found}`));
  }
  return out;
}

/** B3: total = the sum of the six applicant columns, per row (group lines included when printed). */
export function checkB3(report: CheckedReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const row of REQUEST_KEYS) {
    const cells = report.requests[row] as RequestRow | undefined;
    if (!cells) continue; // a group line the report does not print
    let parts: number | null = 0;
    for (const column of APPLICANT_PARTS) parts = parts === null || cells[column] === null ? null : parts + cells[column];
    if (holds(parts, cells.total)) continue;
    const expected: Term[] = [];
    for (const column of APPLICANT_PARTS) expected.push(requestTerm(report, row, column, applicantLabel(column)));
    const found = [requestTerm(report, row, 'total')];
    const sums = differ(expected, found);
    if (sums) out.push(ruleBreak('B3', row, { expected, found }, sums, `“${ruleRowLabel(row)}”行：六类申请人之和为 ${sums.expected}，而总计为 ${sums.found}`));
  }
  return out;
}

const APPEAL_PARTS = APPEAL_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

function appealTerm(report: CheckedReport, group: AppealGroup, column: AppealColumn): Term {
  return { path: `appeals.${group}.${column}`, label: appealColumnLabel(column), value: report.appeals[group][column] };
}

/** C1: total = upheld + corrected + other + pending, per group of table C. */
export function checkC1(report: CheckedReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const { key: group } of APPEAL_GROUPS) {
    const expected: Term[] = [];
    for (const column of APPEAL_PARTS) expected.push(appealTerm(report, group, column));
    const found = [appealTerm(report, group, 'total')];
    const sums = differ(expected, found);
    if (sums) out.push(ruleBreak('C1', group, { expected, found }, sums, `“${appealGroupLabel(group)}”：${showTerms(expected)}，而总计为 ${sums.found}`));
  }
  return out;
}

/** Which prose count is compared with which table B row (rule N1). */
const PROSE_ROWS = [
  { prose: 'received', row: 'received' },
  { prose: 'handled', row: 'handledTotal' },
  { prose: 'carriedForward', row: 'carriedForward' },
] as const;

/** N1: counts stated in the prose agree with the totals of table B. */
export function checkN1(report: CheckedReport): RuleBreak[] {
  const out: RuleBreak[] = [];
  for (const { prose, row } of PROSE_ROWS) {
    const count = report.proseCounts[prose];
    if (!count) continue;
    const table = requestTerm(report, row, 'total');
    // "共受理申请 N 件" often counts last year's carried-over requests too: that reading is not a break.
    const intake = sumCells([table.value, requestTerm(report, 'carriedOver', 'total').value]);
    if (prose === 'received' && intake !== null && sameNumber(intake, count.value)) continue;
    const expected = [table];
    const found = [{ path: table.path, label: '正文', value: count.value }];
    const sums = differ(expected, found);
    if (!sums) continue;
    const where = count.line === null ? '' : `（第 ${count.line} 行）`;
    const message = `正文称“${count.text}”${where}，即 ${sums.found} 件，而表三“${table.label}”的总计列为 ${sums.expected}`;
    // The prose is not a cell: mark only the table's cell.
    out.push({ ...ruleBreak('N1', prose, { expected, found }, sums, message), cells: [table.path] });
  }
  return out;
}

/** All per-report rules, in the order of FORMAT.md. */
export function checkReport(report: CheckedReport): RuleBreak[] {
  return [...checkB1(report), ...checkB2(report), ...checkB3(report), ...checkC1(report), ...checkN1(report)];
}
