/**
 * Compares a parser's output with the truth, cell by cell: the oracle of the property tests and the benchmark.
 * Also says which diagnostics speak about which table, so tests can demand "the right value or a diagnostic".
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_KEYS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_ROWS,
  REQUEST_GROUP_KEYS,
  REQUEST_ROW_KEYS,
  type Appeals,
  type Diagnostic,
  type Proactive,
  type Proactive2019,
  type Requests,
} from '../schema';
import { appealBreaks, requestBreaks } from './rules';
import type { TableId, Truth } from './types';

/** The parts of `ParsedReport` (src/pipeline/parse/types.ts) the truth is compared with. */
export interface ParsedTables {
  requests: Requests;
  proactive: Proactive | null;
  proactive2019: Proactive2019 | null;
  appeals: Appeals;
}

export interface Mismatch {
  path: string;
  expected: unknown;
  found: unknown;
}

type Grid = Record<string, Record<string, number | null> | undefined> | null | undefined;

function compareGrid(prefix: string, rows: { key: string; columns: readonly string[] }[], expected: Grid, found: Grid, out: Mismatch[]): void {
  if (!expected || !found) {
    if (!expected !== !found) out.push({ path: prefix, expected: expected ? 'a table' : null, found: found ? 'a table' : null });
    return;
  }
  for (const { key, columns } of rows) {
    const e = expected[key];
    const f = found[key];
    if (!e || !f) {
      if (!e !== !f) out.push({ path: `${prefix}.${key}`, expected: e ? 'a row' : 'no row', found: f ? 'a row' : 'no row' });
      continue;
    }
    for (const c of columns) if (e[c] !== f[c]) out.push({ path: `${prefix}.${key}.${c}`, expected: e[c], found: f[c] ?? null });
  }
}

const REQUEST_KEYS = [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS].map((key) => ({ key, columns: APPLICANT_KEYS }));
const APPEAL_KEYS = APPEAL_GROUPS.map((g) => ({ key: g.key, columns: APPEAL_COLUMNS.map((c) => c.key) }));

/** Every cell of tables A, B and C that differs from the truth (`tables` limits the comparison). */
export function compareTables(truth: Truth, parsed: ParsedTables, tables: readonly TableId[] = ['proactive', 'proactive2019', 'requests', 'appeals']): Mismatch[] {
  const out: Mismatch[] = [];
  if (tables.includes('proactive')) compareGrid('proactive', [...PROACTIVE_ROWS], truth.proactive, parsed.proactive, out);
  if (tables.includes('proactive2019')) compareGrid('proactive2019', [...PROACTIVE_2019_ROWS], truth.proactive2019, parsed.proactive2019, out);
  if (tables.includes('requests')) compareGrid('requests', REQUEST_KEYS, truth.requests, parsed.requests, out);
  if (tables.includes('appeals')) compareGrid('appeals', APPEAL_KEYS, truth.appeals, parsed.appeals, out);
  return out;
}

/** Value paths of the truth's null cells (printed blank or with a mark): each needs a diagnostic. */
export function nullCellPaths(truth: Truth): string[] {
  const paths: string[] = [];
  const walk = (prefix: string, grid: Grid) => {
    for (const [row, cells] of Object.entries(grid ?? {})) {
      for (const [col, v] of Object.entries(cells ?? {})) if (v === null) paths.push(`${prefix}.${row}.${col}`);
    }
  };
  walk('proactive', truth.proactive);
  walk('proactive2019', truth.proactive2019);
  walk('requests', truth.requests);
  walk('appeals', truth.appeals);
  return paths;
}

/** A diagnostic covers a value path when it names that path or an ancestor (a row, a table). */
export function covers(d: Diagnostic, path: string): boolean {
  return !!d.path && (path === d.path || path.startsWith(`${d.path}.`));
}

const TABLE_CODE: Record<TableId, RegExp> = {
  proactive: /table-?a|proactive/i,
  proactive2019: /table-?a|proactive/i,
  requests: /table-?b|requests/i,
  appeals: /table-?c|appeals/i,
};

/**
 * A warning or error about a table: on a path inside it, with a code naming it (table-b-missing), or an error
 * about the whole file (no path), which speaks for every table.
 */
export function speaksAbout(d: Diagnostic, table: TableId): boolean {
  if (d.severity === 'info') return false;
  // Both templates' table A are table A: a diagnostic on `proactive.*` speaks about a 2019 table A read as 2021.
  const prefixes = table.startsWith('proactive') ? ['proactive', 'proactive2019'] : [table];
  if (d.path) return prefixes.some((p) => d.path === p || d.path!.startsWith(`${p}.`));
  return TABLE_CODE[table].test(d.code) || d.severity === 'error';
}

/** The table rules the parsed numbers break although the truth keeps them: the check stage would flag those. */
export function newRuleBreaks(truth: Truth, parsed: ParsedTables, table: TableId): string[] {
  const key = (b: { rule: string; scope: string }) => `${b.rule}:${b.scope}`;
  const known = new Set(truth.ruleBreaks.map(key));
  if (table === 'requests') return requestBreaks(parsed.requests).map(key).filter((k) => !known.has(k));
  if (table === 'appeals') return appealBreaks(parsed.appeals).map(key).filter((k) => !known.has(k));
  return [];
}

/** The table of table A the truth holds: the 2021 or the 2019 template's. */
export function proactiveTable(truth: Truth): TableId {
  return truth.template === '2019' ? 'proactive2019' : 'proactive';
}
