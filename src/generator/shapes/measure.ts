/**
 * Cell-by-cell verdicts of a parse against the truth, for every cell of tables A, B and C:
 * - exact: the parser's value equals the truth (a cell printed blank is exact when it comes back null);
 * - null: the parser left a true number null and a diagnostic names the cell, its row or its table;
 * - absent: the text does not hold the number at all (a row whose numbers a shape loses, such as md-labels-only's lost
 *   run), and the parser left it null with a diagnostic: the one right answer, counted apart from `null` so that the
 *   exact share of the numbers a text holds can be read beside the exact share of all cells;
 * - silent: the parser left a true number null with no diagnostic about it;
 * - wrong: the parser gave a number the source does not hold in that cell.
 * "Null with a diagnostic" is an acceptable answer; silent and wrong are defects (wrong is the worst).
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_KEYS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_ROWS,
  REQUEST_GROUP_KEYS,
  REQUEST_ROW_KEYS,
  type Diagnostic,
} from '../../schema';
import { checkB1, checkB2, checkB3, checkC1 } from '../../pipeline/check';
import { covers, speaksAbout, type ParsedTables } from '../compare';
import type { TableId, Truth } from '../types';

export type Verdict = 'exact' | 'null' | 'absent' | 'silent' | 'wrong';

export interface CellVerdict {
  path: string;
  verdict: Verdict;
  expected: number | null;
  found: number | null;
}

export interface Tally {
  reports: number;
  cells: number;
  exact: number;
  null: number;
  /** Cells whose number the text does not hold, left null with a diagnostic (see `Verdict`). */
  absent: number;
  silent: number;
  wrong: number;
  /**
   * Reports where the check stage finds a break of B1, B2, B3 or C1 in the parsed tables that the truth does not have
   * (a break the printed table does not have); as in the check stage, a comparison with a null cell is skipped.
   */
  spuriousBreaks: number;
  /** Reports the parser failed on (its one `parser-exception` diagnostic): every cell null, but a bug, never a layout. */
  crashed: number;
}

export const emptyTally = (): Tally => ({ reports: 0, cells: 0, exact: 0, null: 0, absent: 0, silent: 0, wrong: 0, spuriousBreaks: 0, crashed: 0 });

/** The sum of tallies (a run over several shapes). */
export const sumTallies = (tallies: readonly Tally[]): Tally =>
  tallies.reduce((sum, t) => {
    for (const k of Object.keys(sum) as (keyof Tally)[]) sum[k] += t[k];
    return sum;
  }, emptyTally());

type Grid = Record<string, Record<string, number | null> | undefined | null> | null | undefined;

const REQUEST_ROWS = [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS].map((key) => ({ key, columns: APPLICANT_KEYS as readonly string[] }));
const APPEAL_ROWS = APPEAL_GROUPS.map((g) => ({ key: g.key as string, columns: APPEAL_COLUMNS.map((c) => c.key as string) }));

/** Every canonical row of one table, with its columns. */
function rowsOf(table: TableId): { key: string; columns: readonly string[] }[] {
  if (table === 'requests') return REQUEST_ROWS;
  if (table === 'appeals') return APPEAL_ROWS;
  return (table === 'proactive' ? PROACTIVE_ROWS : PROACTIVE_2019_ROWS).map((r) => ({ key: r.key as string, columns: r.columns as readonly string[] }));
}

/**
 * Every cell of one table under every canonical key, and whether the source prints it: a collapsed group's sub-rows,
 * a group line the report does not print (its sub-rows are printed instead) and the table A of the other template
 * are not cells of the source — the truth there is "nothing", so any number read there is wrong.
 */
function cellsOf(table: TableId, truth: Truth): { path: string; expected: number | null; printed: boolean }[] {
  const grid = truth[table] as Grid;
  const out: { path: string; expected: number | null; printed: boolean }[] = [];
  for (const { key, columns } of rowsOf(table)) {
    const row = grid?.[key];
    const collapsed = table === 'requests' && truth.collapsedGroups.some((g) => key.startsWith(`${g}.`));
    const printed = !!row && !collapsed;
    for (const c of columns) out.push({ path: `${table}.${key}.${c}`, expected: printed ? (row[c] ?? null) : null, printed });
  }
  return out;
}

function valueAt(parsed: ParsedTables, path: string): number | null {
  const [table, ...rest] = path.split('.');
  const column = rest.pop()!;
  const grid = parsed[table as keyof ParsedTables] as Grid;
  return grid?.[rest.join('.')]?.[column] ?? null;
}

/**
 * Verdicts for every printed cell, and a `wrong` verdict for every number the parser put in a cell the source does
 * not print (a collapsed group's sub-row, a group line, the other template's table A). `absent`: value paths of the
 * rows whose numbers the text does not hold (`ShapedReport.absent`).
 */
export function cellVerdicts(truth: Truth, parsed: ParsedTables, diagnostics: readonly Diagnostic[], absent: readonly string[] = []): CellVerdict[] {
  const tables: TableId[] = ['requests', 'appeals', 'proactive', 'proactive2019'];
  return tables.flatMap((table) =>
    cellsOf(table, truth).flatMap(({ path, expected, printed }): CellVerdict[] => {
      const found = valueAt(parsed, path);
      if (!printed) return found === null ? [] : [{ path, verdict: 'wrong', expected, found }];
      if (found === expected) return [{ path, verdict: 'exact', expected, found }];
      if (found !== null) return [{ path, verdict: 'wrong', expected, found }];
      const flagged = diagnostics.some((d) => d.severity !== 'info' && (covers(d, path) || (!d.path && speaksAbout(d, table))));
      const held = !absent.includes(path.slice(0, path.lastIndexOf('.')));
      return [{ path, verdict: flagged ? (held ? 'null' : 'absent') : 'silent', expected, found }];
    }),
  );
}

/** The breaks of B1, B2, B3 and C1 the check stage finds in the parsed tables and the truth does not have (`rule:scope`). */
export function spuriousBreaks(truth: Truth, parsed: ParsedTables): string[] {
  const checked = { requests: parsed.requests, appeals: parsed.appeals, proseCounts: {} };
  const known = new Set(truth.ruleBreaks.map((b) => `${b.rule}:${b.scope}`));
  return [...checkB1(checked), ...checkB2(checked), ...checkB3(checked), ...checkC1(checked)].map((b) => `${b.rule}:${b.scope}`).filter((k) => !known.has(k));
}

/** Adds one report's verdicts to a tally. */
export function addReport(tally: Tally, truth: Truth, parsed: ParsedTables, diagnostics: readonly Diagnostic[], absent: readonly string[] = []): CellVerdict[] {
  const verdicts = cellVerdicts(truth, parsed, diagnostics, absent);
  tally.reports++;
  for (const v of verdicts) {
    tally.cells++;
    tally[v.verdict]++;
  }
  if (spuriousBreaks(truth, parsed).length > 0) tally.spuriousBreaks++;
  if (diagnostics.some((d) => d.code === 'parser-exception')) tally.crashed++;
  return verdicts;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)} %` : '—');

/**
 * A fixed-width table of tallies: shape, reports, cells, exact (and its share of all cells and of the cells whose
 * number the text holds), null, absent, silent, wrong, spurious breaks.
 */
export function formatTallies(rows: [string, Tally][]): string {
  const head = ['shape', 'reports', 'cells', 'exact', 'exact %', 'of held', 'null+diag', 'absent', 'null silent', 'wrong', 'reports w/ new rule breaks', 'parser errors'];
  const body = rows.map(([name, t]) =>
    [name, t.reports, t.cells, t.exact, pct(t.exact, t.cells), pct(t.exact, t.cells - t.absent), t.null, t.absent, t.silent, t.wrong, t.spuriousBreaks, t.crashed].map(String),
  );
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
