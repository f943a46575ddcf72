/** The cell verdicts behind every shape figure: exact, null with a diagnostic, silent null, wrong. */
import { describe, expect, it } from 'vitest';
import { generateTruth } from '../../src/generator';
import { addReport, cellVerdicts, emptyTally, formatTallies } from '../../src/generator/shapes/measure';
import type { Diagnostic, DiagnosticCode } from '../../src/schema';

const diagnostic = (path: string | undefined, code: DiagnosticCode = 'cell-unreadable', severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({
  severity,
  code,
  file: 'x.txt',
  line: null,
  expected: '',
  found: '',
  message: '',
  ...(path ? { path } : {}),
});

function setup() {
  const truth = generateTruth('measure-1', { blankRate: 0 });
  const parsed = structuredClone({ requests: truth.requests, proactive: truth.proactive, proactive2019: truth.proactive2019, appeals: truth.appeals });
  return { truth, parsed };
}

describe('cell verdicts', () => {
  it('counts every cell of tables A, B and C once, all exact when the parse equals the truth', () => {
    const { truth, parsed } = setup();
    const verdicts = cellVerdicts(truth, parsed, []);
    const printedRequestRows = Object.entries(truth.requests).filter(([key, row]) => row && !truth.collapsedGroups.some((g) => key.startsWith(`${g}.`))).length;
    const tableA = Object.values((truth.proactive ?? truth.proactive2019)!).reduce((n, row) => n + Object.keys(row).length, 0);
    expect(verdicts).toHaveLength(printedRequestRows * 7 + 15 + tableA);
    expect(verdicts.every((v) => v.verdict === 'exact')).toBe(true);
  });

  it('tells wrong, flagged null and silent null apart', () => {
    const { truth, parsed } = setup();
    parsed.requests.received!.natural = truth.requests.received!.natural! + 1;
    parsed.requests.disclosed!.total = null;
    parsed.appeals.review.total = null;
    const verdicts = cellVerdicts(truth, parsed, [diagnostic('requests.disclosed')]);
    const of = (path: string) => verdicts.find((v) => v.path === path)?.verdict;
    expect(of('requests.received.natural')).toBe('wrong');
    expect(of('requests.disclosed.total')).toBe('null');
    expect(of('appeals.review.total')).toBe('silent');
    expect(verdicts.filter((v) => v.verdict !== 'exact')).toHaveLength(3);
  });

  it('counts a number where the source prints a blank as wrong, and a blank read as null as exact', () => {
    const truth = generateTruth('measure-2', { blankRate: 0 });
    truth.requests.carriedOver!.research = null;
    const parsed = structuredClone({ requests: truth.requests, proactive: truth.proactive, proactive2019: truth.proactive2019, appeals: truth.appeals });
    expect(cellVerdicts(truth, parsed, []).find((v) => v.path === 'requests.carriedOver.research')?.verdict).toBe('exact');
    parsed.requests.carriedOver!.research = 0;
    expect(cellVerdicts(truth, parsed, []).find((v) => v.path === 'requests.carriedOver.research')?.verdict).toBe('wrong');
  });

  it('counts a number in a cell the source does not print as wrong: a collapsed group\'s sub-row, an unprinted group line, the other template\'s table A', () => {
    const truth = generateTruth('measure-3', { blankRate: 0, collapse: ['otherHandling'], template: '2021' });
    const parsed = structuredClone({ requests: truth.requests, proactive: truth.proactive, proactive2019: truth.proactive2019, appeals: truth.appeals });
    const clean = cellVerdicts(truth, parsed, []);
    expect(clean.some((v) => v.path.startsWith('requests.otherHandling.noCorrection'))).toBe(false);
    expect(clean.every((v) => v.verdict === 'exact')).toBe(true);
    // The group's line read into its first sub-row as well: every number there is one the source does not print.
    parsed.requests['otherHandling.noCorrection'] = { ...truth.requests.otherHandling! };
    parsed.requests.withheld = { ...truth.requests['withheld.process']! };
    parsed.proactive2019 = { rules: { created: 1, published: null, totalPublic: null } } as unknown as typeof parsed.proactive2019;
    const verdicts = cellVerdicts(truth, parsed, []);
    const of = (path: string) => verdicts.find((v) => v.path === path);
    expect(of('requests.otherHandling.noCorrection.total')).toMatchObject({ verdict: 'wrong', expected: null, found: truth.requests.otherHandling!.total });
    expect(of('requests.withheld.natural')?.verdict).toBe('wrong');
    expect(of('proactive2019.rules.created')).toMatchObject({ verdict: 'wrong', found: 1 });
    expect(of('proactive2019.rules.published')).toBeUndefined();
    const wrong = verdicts.filter((v) => v.verdict === 'wrong').length;
    const nonNull = (row: Record<string, number | null>) => Object.values(row).filter((v) => v !== null).length;
    expect(wrong).toBe(nonNull(truth.requests.otherHandling!) + nonNull(truth.requests['withheld.process']!) + 1);
  });

  it('takes a table-level error without a path as a diagnostic for its null cells, not an info', () => {
    const { truth, parsed } = setup();
    parsed.appeals.review.upheld = null;
    expect(cellVerdicts(truth, parsed, [diagnostic(undefined, 'table-c-missing', 'info')]).find((v) => v.path === 'appeals.review.upheld')?.verdict).toBe('silent');
    expect(cellVerdicts(truth, parsed, [diagnostic(undefined, 'table-c-missing')]).find((v) => v.path === 'appeals.review.upheld')?.verdict).toBe('null');
  });

  it('tallies reports and prints one line per shape', () => {
    const { truth, parsed } = setup();
    parsed.requests.received!.natural = truth.requests.received!.natural! + 1;
    const tally = emptyTally();
    addReport(tally, truth, parsed, []);
    expect(tally).toMatchObject({ reports: 1, wrong: 1, silent: 0, null: 0, exact: tally.cells - 1 });
    // received.natural + 1 breaks B3 on that row and B1 on that column: a break the printed table does not have.
    expect(tally.spuriousBreaks).toBe(1);
    const table = formatTallies([['cell-lines', tally]]).split('\n');
    expect(table).toHaveLength(2);
    expect(table[1]).toMatch(/^cell-lines\s+1\s+\d+\s+\d+\s+\d+\.\d\d %\s+\d+\.\d\d %\s+0\s+0\s+0\s+1\s+1\s+0$/);
  });

  it('counts a report the parser failed on apart: its cells are null with a diagnostic, but it is a bug', () => {
    const { truth, parsed } = setup();
    const tally = emptyTally();
    addReport(tally, truth, parsed, [diagnostic(undefined, 'parser-exception')]);
    addReport(tally, truth, parsed, []);
    expect(tally.crashed).toBe(1);
    expect(formatTallies([['pdf-lines', tally]]).split('\n')[1]).toMatch(/\s1$/);
  });

  it('counts a flagged null in a row whose numbers the text does not hold as absent, apart from null; the share of held cells leaves them out', () => {
    const { truth, parsed } = setup();
    parsed.requests.disclosed = { ...truth.requests.disclosed!, natural: null, total: null };
    parsed.requests.received = { ...truth.requests.received!, natural: null };
    const flagged = [diagnostic('requests.disclosed'), diagnostic('requests.received')];
    const of = (verdicts: ReturnType<typeof cellVerdicts>, path: string) => verdicts.find((v) => v.path === path)?.verdict;
    const verdicts = cellVerdicts(truth, parsed, flagged, ['requests.disclosed']);
    expect(of(verdicts, 'requests.disclosed.natural')).toBe('absent');
    expect(of(verdicts, 'requests.disclosed.total')).toBe('absent');
    expect(of(verdicts, 'requests.received.natural')).toBe('null');
    // Without a diagnostic a lost number is still a silent null, and a number read there is wrong.
    expect(of(cellVerdicts(truth, parsed, [], ['requests.disclosed']), 'requests.disclosed.natural')).toBe('silent');
    parsed.requests.disclosed.natural = truth.requests.disclosed!.natural! + 1;
    expect(of(cellVerdicts(truth, parsed, flagged, ['requests.disclosed']), 'requests.disclosed.natural')).toBe('wrong');
    const tally = emptyTally();
    parsed.requests.disclosed.natural = null;
    addReport(tally, truth, parsed, flagged, ['requests.disclosed']);
    expect(tally).toMatchObject({ absent: 2, null: 1, wrong: 0, silent: 0, exact: tally.cells - 3 });
    const [, held] = formatTallies([['md-labels-only', tally]]).split('\n')[1].match(/ (\d+\.\d\d) %\s+(\d+\.\d\d) %/)!.slice(1);
    expect(Number(held)).toBeCloseTo((100 * (tally.cells - 3)) / (tally.cells - 2), 2);
  });
});
