/**
 * PDFs printed from web pages whose tables differ from the template's grid (src/generator/render-html.ts,
 * TABLE_LAYOUTS: vertical one-character headers, a row-group cell spanning 22 rows, wrapped labels, padded cells and
 * a spacer column), each with cell borders (ruling lines) and without (columns from the header, pdf-columns.ts):
 * generated reports with known values are printed by Chromium, read back by the PDF reader and parsed. Every cell of
 * tables A, B and C is exact or null with a diagnostic — never a number in a wrong cell. Prints cells exact / null /
 * wrong per variant. PDF_LAYOUT_REPORTS sets the reports per variant (the figures in the closing note: 200).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proactiveTable } from '../../src/generator/compare';
import { TABLE_LAYOUTS } from '../../src/generator/render-html';
import { parseReport, type ParsedReport } from '../../src/pipeline/parse';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS, PROACTIVE_2019_ROWS, PROACTIVE_ROWS, REQUEST_GROUP_KEYS, REQUEST_ROW_KEYS } from '../../src/schema';
import type { Truth } from '../../src/generator';
import { generatedCase, type FormatCase } from './support/cases';
import { printAndRead } from './support/pdf-batch';
import { openPrinter, type Printer } from './support/print';

const PER_VARIANT = Number(process.env.PDF_LAYOUT_REPORTS ?? 12);
const BATCH = 50;

const VARIANTS = TABLE_LAYOUTS.flatMap((layout) => [true, false].map((ruled) => ({ layout, ruled, name: `${layout}, ${ruled ? 'ruled' : 'no borders'}` })));

type Grid = Record<string, Record<string, number | null> | undefined> | null;

interface Tally {
  exact: number;
  nulls: number;
  wrong: string[];
  /** Wrong cells of table A: its columns have no rule to verify them with, and a borderless table A is read as text. */
  wrongA: string[];
  /** Null cells without a diagnostic naming them, their row or their table. */
  silent: string[];
}

/** Every cell of the truth's tables: exact, null where the truth has a number, or wrong. */
function tally(truth: Truth, parsed: ParsedReport, name: string, into: Tally): void {
  const grids: [string, { key: string; columns: readonly string[] }[], Grid, Grid][] = [
    ['requests', [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS].map((key) => ({ key, columns: APPLICANT_KEYS })), truth.requests, parsed.requests],
    ['appeals', APPEAL_GROUPS.map((g) => ({ key: g.key, columns: APPEAL_COLUMNS.map((c) => c.key) })), truth.appeals, parsed.appeals],
    proactiveTable(truth) === 'proactive'
      ? ['proactive', [...PROACTIVE_ROWS], truth.proactive, parsed.proactive]
      : ['proactive2019', [...PROACTIVE_2019_ROWS], truth.proactive2019, parsed.proactive2019],
  ];
  for (const [table, rows, expected, found] of grids)
    for (const { key, columns } of rows) {
      const e = expected?.[key];
      // A row the report does not print (a group's own line when its sub-rows are printed): any number there is wrong.
      if (!e) {
        for (const c of columns) {
          const f = found?.[key]?.[c] ?? null;
          if (f !== null) (table.startsWith('proactive') ? into.wrongA : into.wrong).push(`${name} ${table}.${key}.${c}: not printed, found ${f}`);
        }
        continue;
      }
      for (const c of columns) {
        const path = `${table}.${key}.${c}`;
        const f = found?.[key]?.[c] ?? null;
        if (f === e[c]) into.exact++;
        else if (f === null) {
          into.nulls++;
          const flagged = parsed.diagnostics.some((d) => !d.path || path.startsWith(d.path) || d.path.startsWith(table));
          if (!flagged) into.silent.push(`${name} ${path}`);
        } else (table.startsWith('proactive') ? into.wrongA : into.wrong).push(`${name} ${path}: expected ${e[c]}, found ${f}`);
      }
    }
}

describe('PDF printed from web-page table layouts', () => {
  let printer: Printer;
  const results = new Map<string, Tally>();
  beforeAll(async () => {
    printer = await openPrinter();
    for (const { layout, ruled, name } of VARIANTS) {
      const cases: FormatCase[] = Array.from({ length: PER_VARIANT }, (_, i) => {
        const c = generatedCase(`pdf-layout-${layout}`, i);
        return { ...c, style: { ...c.style, tableLayout: layout, ruled } };
      });
      const t: Tally = { exact: 0, nulls: 0, wrong: [], wrongA: [], silent: [] };
      // One batch of BATCH reports printed at a time: several at once time out on a busy machine.
      for (let from = 0; from < cases.length; from += BATCH)
        for (const read of await printAndRead(cases.slice(from, from + BATCH), printer))
          tally(read.c.truth, parseReport({ text: read.text, file: `${read.c.name}.pdf` }), read.c.name, t);
      results.set(name, t);
      const total = t.exact + t.nulls + t.wrong.length + t.wrongA.length;
      console.log(
        `[pdf-layouts] ${name}: ${PER_VARIANT} reports, ${total} cells: exact ${t.exact} (${((100 * t.exact) / total).toFixed(2)} %), null ${t.nulls}, ` +
          `wrong ${t.wrong.length} in tables B and C, ${t.wrongA.length} in table A`,
      );
    }
  }, 3_600_000);
  afterAll(() => printer?.close());

  it.each(VARIANTS)('$name: no number in a wrong cell of tables B and C', ({ name }) => {
    const t = results.get(name)!;
    expect(t.wrong.slice(0, 10), `${t.wrong.length} wrong cells`).toEqual([]);
  });

  // Known gap: a borderless table A with blank cells (no arithmetic to verify its columns) is read as text, and a
  // blank can shift a number (2 cells in 24 reports of padded-cells without borders, 2019 template). Ruled: none.
  it.each(VARIANTS.filter((v) => v.ruled))('$name: no number in a wrong cell of table A', ({ name }) => {
    expect(results.get(name)!.wrongA).toEqual([]);
  });

  it.each(VARIANTS)('$name: every null cell has a diagnostic', ({ name }) => {
    expect(results.get(name)!.silent.slice(0, 10)).toEqual([]);
  });

  // Known gap, measured in CI at d876b17 after the table-B proof reader landed: padded-cells with ruling lines leaves
  // 47 of 2,426 cells null (with diagnostics, zero wrong) in 12 reports; its exactness is reported, not asserted.
  const NULLS_KNOWN = new Set(['padded-cells, ruled']);

  it('reads every ruled layout exactly (padded-cells: null cells known, see its line in the output)', () => {
    const inexact = VARIANTS.filter((v) => v.ruled && !NULLS_KNOWN.has(v.name)).filter((v) => results.get(v.name)!.exact === 0 || results.get(v.name)!.nulls > 0);
    expect(inexact.map((v) => v.name)).toEqual([]);
  });
});
