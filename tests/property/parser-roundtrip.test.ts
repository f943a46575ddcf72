/**
 * Round trip: generated reports with known values, in every layout and with the quirks of real files, go through the
 * encoder, the reader's decoder and `parseReport`; every cell of tables A, B and C, the agency name and the year must
 * come back exactly. Null cells (printed blank or "—", "-", "/", "无") must be null with a diagnostic. Run-together
 * digits that no rule can split one way (flattened layout) must be flagged, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { INJECTABLE_RULES, LAYOUTS, type Layout, type ReportOptions, type TableId } from '../../src/generator';
import { compareTables, covers, nullCellPaths, proactiveTable, speaksAbout } from '../../src/generator/compare';
import { SECTIONS } from '../../src/schema';
import { cases, lazy, summarise, type Case, type Failure } from './harness';

/** 170 per layout + 152 in the 2019 template + 40 ambiguous flattened reports = 1042 reports. */
const PER_LAYOUT = 170;

/** Every tenth report breaks a consistency rule: the parser must still return the numbers as printed. */
function withBreaks(layout: Layout) {
  return (i: number): ReportOptions => (i % 10 === 3 && layout !== 'flattened' ? { layout, breaks: [INJECTABLE_RULES[i % INJECTABLE_RULES.length]] } : { layout });
}

const PRINTED_LAYOUTS = LAYOUTS.filter((l) => l !== 'flattened');

const GROUPS: { name: string; run: () => Case[] }[] = [
  ...LAYOUTS.map((layout) => ({ name: layout, run: lazy(() => cases(`rt-${layout}`, PER_LAYOUT, withBreaks(layout))) })),
  {
    name: '2019 template',
    run: lazy(() => PRINTED_LAYOUTS.flatMap((layout) => cases(`rt19-${layout}`, 38, (i) => ({ ...withBreaks(layout)(i), template: '2019' })))),
  },
];

function check(all: Case[], failuresOf: (c: Case) => string[]): void {
  const failures: Failure[] = all.map((c) => ({ c, details: c.error ? [c.error] : failuresOf(c) })).filter((f) => f.details.length > 0);
  expect(failures.length, summarise(all, failures)).toBe(0);
}

/**
 * A case's cells read as a number other than the truth's (a row the parser did not find, "no row", is null, not a
 * number), and its tables with null cells but no warning about them.
 */
function guessesOrUnflagged(c: Case): string[] {
  const tables: TableId[] = ['requests', 'appeals', proactiveTable(c.report.truth)];
  const mismatches = compareTables(c.report.truth, c.parsed!, tables);
  const wrong = mismatches.filter((m) => typeof m.found === 'number');
  const unflagged = tables.filter((t) => mismatches.some((m) => m.found === null && m.path.startsWith(t)) && !c.parsed!.diagnostics.some((d) => speaksAbout(d, t) || /ambiguous/.test(d.code)));
  return [
    ...wrong.slice(0, 3).map((m) => `${m.path}: guessed ${JSON.stringify(m.found)}, true value ${JSON.stringify(m.expected)}`),
    ...unflagged.map((t) => `${t}: null cells without a warning`),
  ];
}

/** Tables the truth holds for this report (a flattened table that cannot be split one way is tested elsewhere). */
function exactTables(c: Case): TableId[] {
  return (['requests', 'appeals', proactiveTable(c.report.truth)] as TableId[]).filter((t) => !c.report.ambiguousTables.includes(t));
}

describe.each(GROUPS)('parseReport round trip: $name', ({ run }) => {
  it('returns every cell of tables A, B and C as printed', () => {
    check(run(), (c) => {
      const table2019 = c.report.truth.template === '2019' ? ['proactive'] : ['proactive2019'];
      return compareTables(c.report.truth, c.parsed!, [...exactTables(c), ...(table2019 as TableId[])]).map(
        (m) => `${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`,
      );
    });
  });

  it('finds the agency name, the year and the template', () => {
    check(run(), (c) => {
      const { truth } = c.report;
      const found = { agencyName: c.parsed!.agencyName, year: c.parsed!.year, template: c.parsed!.template };
      const expected = { agencyName: truth.agencyName, year: truth.year, template: truth.template };
      return (Object.keys(expected) as (keyof typeof expected)[])
        .filter((k) => found[k] !== expected[k])
        .map((k) => `${k}: expected ${JSON.stringify(expected[k])}, found ${JSON.stringify(found[k])} (title line: ${JSON.stringify(c.text.split('\n').find((l) => l.includes('年度报告')) ?? '')})`);
    });
  });

  it('gives every blank or marked cell a diagnostic', () => {
    check(run(), (c) => nullCellPaths(c.report.truth).filter((p) => !c.parsed!.diagnostics.some((d) => covers(d, p))).slice(0, 3).map((p) => `${p} is null in the source but no diagnostic names it`));
  });

  it('recognises the layout', () => {
    check(run(), (c) => (c.parsed!.layout === c.report.layout ? [] : [`layout: expected ${c.report.layout}, found ${c.parsed!.layout}`]));
  });

  it('finds all six sections', () => {
    check(run(), (c) => SECTIONS.filter((s) => c.parsed!.sections[s.key] === null).map((s) => `section ${s.no}、${s.zh} not found`));
  });

  it('reads the request counts stated in the prose', () => {
    check(run(), (c) => {
      const expected = c.report.truth.proseCounts;
      const found = c.parsed!.proseCounts;
      return (['received', 'handled', 'carriedForward'] as const)
        .filter((k) => expected[k] !== found[k]?.value)
        .map((k) => `proseCounts.${k}: expected ${expected[k]}, found ${found[k]?.value} (${JSON.stringify(found[k]?.text ?? '')})`);
    });
  });
});

describe('parseReport on run-together digits that split more than one way', () => {
  const run = lazy(() => cases('rt-flat-ambiguous', 40, () => ({ layout: 'flattened', flatAmbiguity: 'force' })));

  it('generates the ambiguous cases it claims', () => {
    expect(run().every((c) => c.report.ambiguousTables.length > 0)).toBe(true);
  });

  it('never guesses: each ambiguous table is right or null, and carries a warning', () => {
    check(run(), (c) =>
      c.report.ambiguousTables.flatMap((table) => {
        const wrong = compareTables(c.report.truth, c.parsed!, [table]).filter((m) => m.found !== null);
        const flagged = c.parsed!.diagnostics.some((d) => speaksAbout(d, table) || /ambiguous/.test(d.code));
        return [
          ...wrong.slice(0, 3).map((m) => `${m.path}: guessed ${JSON.stringify(m.found)}, true value ${JSON.stringify(m.expected)}`),
          ...(flagged ? [] : [`${table}: digits split more than one way but no diagnostic says so`]),
        ];
      }),
    );
  });

  it('still reads the tables that split one way', () => {
    check(run(), (c) => compareTables(c.report.truth, c.parsed!, exactTables(c)).slice(0, 5).map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`));
  });
});

/**
 * A flattened page with blank cells (a page that leaves zeros blank, scraped to text): a blank prints nothing, so a
 * row's run is short of a cell and may still split into seven cells that add up (199, 0, 20, 22, blank, 0, 241 runs
 * "199020220241": 1, 9, 9, 0, 202, 20, 241). 50 of 59,322 cells of 300 such reports were read wrong before
 * PARSER_VERSION 1.5.92; now a page whose table B does not add up in its columns under its rows' splits is read as
 * possibly short of cells, and none of its runs is split.
 */
describe('parseReport on run-together digits of a page with blank cells', () => {
  // Blank cells print nothing, or a mark ("/", "—", "-", "无"): a mark is a cell of its own (digit-split.ts splitCells).
  const run = lazy(() => cases('rt-flat-blanks', 200, (i) => ({ layout: 'flattened', flatBlanks: true, template: i % 2 ? '2019' : '2021', blankRate: i % 4 < 2 ? 0 : 0.3 })));

  it('generates pages with blank cells in both templates', () => {
    const blank = run().filter((c) => nullCellPaths(c.report.truth).length > 0);
    expect(blank.filter((c) => c.report.truth.template === '2019').length).toBeGreaterThan(40);
    expect(blank.filter((c) => c.report.truth.template === '2021').length).toBeGreaterThan(40);
  });

  it('never guesses: every cell is right or null, and a table with null cells carries a warning', () => {
    check(run(), guessesOrUnflagged);
  });

  it('recognises every page as flattened, marks in its runs or not, and reads table B whole on pages whose blanks print a mark', () => {
    expect(run().filter((c) => c.parsed!.layout !== 'flattened').map((c) => c.report.name)).toEqual([]);
    // A mark in table B's first run: "…数量15/1/3/19二、上年结转…".
    const marked = run().filter((c) => /本年新收[^二]*数量[\d ]*[/—–\-无][^二]*二、/.test(c.text));
    expect(marked.length).toBeGreaterThan(20);
    const whole = marked.filter((c) => compareTables(c.report.truth, c.parsed!, ['requests']).length === 0);
    expect(whole.length).toBeGreaterThan(10);
  });

  it('still reads the tables that split one way on pages that print every cell', () => {
    const whole = run().filter((c) => nullCellPaths(c.report.truth).length === 0);
    expect(whole.length).toBeGreaterThan(30);
    check(whole, (c) => compareTables(c.report.truth, c.parsed!, exactTables(c)).slice(0, 3).map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`));
  });
});

/**
 * A flattened page whose numbers keep the look the page gives them (thousands separators, full-width digits), as a
 * page's text scraped whole keeps them ("行政处罚9,348行政强制730"). Before PARSER_VERSION 1.5.96 a comma cut table A's
 * run (9 read for 9,348: 46 wrong cells in 200 such reports) and a page in full-width digits was not recognised as
 * flattened (nearly every cell null).
 */
describe('parseReport on run-together numbers as the page shows them', () => {
  const run = lazy(() => cases('rt-flat-shown', 200, (i) => ({ layout: 'flattened', flatShown: true, ...(i % 4 === 3 ? { flatBlanks: true, blankRate: 0.3 } : {}) })));

  it('generates pages with thousands separators and with full-width digits', () => {
    expect(run().filter((c) => /\d,\d{3}/.test(c.text)).length).toBeGreaterThan(20);
    expect(run().filter((c) => /[０-９]{3}/.test(c.text)).length).toBeGreaterThan(20);
  });

  it('never guesses: every cell is right or null, and a table with null cells carries a warning', () => {
    check(run(), guessesOrUnflagged);
  });

  it('reads a table A count printed with a thousands separator', () => {
    const grouped = run().filter((c) => /(?:行政许可|行政处罚|行政强制)\d{1,3},\d{3}/.test(c.text));
    expect(grouped.length).toBeGreaterThan(5);
    check(grouped, (c) => compareTables(c.report.truth, c.parsed!, ['proactive']).filter((m) => /licensing|penalties|coercion/.test(m.path)).map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`));
  });

  it('reads most pages in full-width digits as flattened', () => {
    const wide = run().filter((c) => /[０-９]{3}/.test(c.text));
    expect(wide.filter((c) => c.parsed!.layout === 'flattened').length).toBeGreaterThan(0.9 * wide.length);
  });
});
