/**
 * Columns by position (src/pipeline/parse/columns.ts): a table's value offsets prove a column grid only when they form
 * exactly as many blocks as columns, each sharing a line with the next; a value is placed only inside one block and
 * not right beside the block to its left, unless the row's value before it stands in that block.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { parseReport } from '../../src/pipeline/parse';
import { columnGrids, placeByColumns } from '../../src/pipeline/parse/columns';
import { readCell } from '../../src/pipeline/text';

/** A line's value offsets from the end offsets of one-character values: [end - 1, end) each. */
const at = (...ends: number[]) => ends.flatMap((e) => [e - 1, e]);
const FULL = at(10, 20, 30, 40, 50, 60, 70);
const tokens = (...printed: string[]) => printed.map(readCell);

describe('columnGrids', () => {
  it('proves a grid from a full row and places a short row’s values in the blocks where they stand', () => {
    const grids = columnGrids([FULL, at(10, 30, 70), FULL], 7);
    expect(grids.every((g) => g === grids[0] && g !== null)).toBe(true);
    const row = placeByColumns(grids[0]!, 7, { tokens: tokens('4', '1', '5'), spans: at(10, 30, 70) });
    expect(row?.map((t) => t.printed)).toEqual(['4', '', '1', '', '', '', '5']);
  });

  it('proves no grid when no line ties two neighbouring blocks (a column blank in every row leaves two numberings)', () => {
    expect(columnGrids([at(10, 20, 30), at(40, 50, 60, 70)], 7)).toEqual([null, null]);
  });

  it('proves no grid where values stand one space apart (text that does not keep positions)', () => {
    const raw = [0, 2, 4, 6, 8, 10, 12].flatMap((s) => [s, s + 1]);
    expect(columnGrids([raw, raw, raw], 7)).toEqual([null, null, null]);
  });

  it('starts a new run where the columns move (a line whose values make an eighth block)', () => {
    const moved = at(15, 25, 30, 40, 50, 60, 70);
    const grids = columnGrids([FULL, FULL, moved, moved], 7);
    expect(grids[0]).toBe(grids[1]);
    expect(grids[2]).not.toBe(grids[1]);
    expect(grids[2]).toBe(grids[3]);
    expect(grids[2]?.lo[0]).toBe(14);
  });
});

describe('columnGrids with verify (pdftotext -layout: a row of wider numbers pushed right)', () => {
  /** The last page of pdfCase('hunt11-pdf', 522) (a page apart from full rows that show the text keeps positions). */
  const page = (spans: number[]) => spans.map((x) => x + 1000);
  const other = page([52, 54, 55, 56, 57, 58, 67, 68, 76, 77, 84, 85, 88, 90]);
  const total = page([52, 55, 56, 58, 59, 61, 67, 68, 76, 77, 88, 91]);
  const carried = page([53, 54, 55, 56, 57, 58, 67, 68, 76, 77, 89, 90]);
  const lines = [FULL, FULL, FULL, other, total, carried];

  it('proves no grid from a run whose nearly full line the grid cannot place', () => {
    // （七）总计's 116 pushed its 26 and 11 a character right (the PDF has them over 0 0 2 of 四、结转下年度继续办理);
    // the two lines chain into seven blocks, but 总计's 26 stands right
    // beside a block of the other line's only: 0 0 2 ∅ 0 0 2 read from them put the blank under 社会公益组织, truly
    // under 其他 (where （六）其他处理's 0 stands, a run of its own).
    const unverified = columnGrids(lines, 7, false);
    expect(unverified[4]).not.toBeNull();
    expect(unverified[5]).toBe(unverified[4]);
    const verified = columnGrids(lines, 7, true);
    expect(verified.slice(4)).toEqual([null, null]);
    expect(verified[3]?.lo).toEqual([1052, 1055, 1057, 1067, 1076, 1084, 1088]);
    expect(verified[0]).not.toBeNull();
  });
});

describe('placeByColumns', () => {
  const grid = columnGrids([FULL, FULL, FULL], 7)[0]!;
  it('places nothing when a value stands in no block, or two values in one column', () => {
    expect(placeByColumns(grid, 7, { tokens: tokens('1'), spans: at(15) })).toBeNull();
    expect(placeByColumns(grid, 7, { tokens: tokens('1', '2'), spans: [9, 10, 9, 10] })).toBeNull();
  });
  it('places nothing when a value stands a character from the block to its left (it may be that column’s, moved)', () => {
    // The first column's values reach offset 10, the second's span [11, 20).
    const wide = columnGrids([FULL, [5, 10, 11, 20, ...FULL.slice(4)]], 7)[0]!;
    expect(wide.lo.slice(0, 2)).toEqual([5, 11]);
    expect(placeByColumns(wide, 7, { tokens: tokens('3'), spans: [15, 16] })?.map((t) => t.printed)).toEqual(['', '3', '', '', '', '', '']);
    expect(placeByColumns(wide, 7, { tokens: tokens('3'), spans: [11, 12] })).toBeNull();
  });
  it('places a value a character from the block to its left when the row’s value before it stands in that block', () => {
    // pdftotext -layout prints 其他 and 总计 one space apart ("0 1"): the 0 takes the sixth column, so the 1 is the seventh.
    const five = at(10, 20, 30, 40, 50);
    const close = columnGrids([[...five, 59, 60, 61, 62], [...five, 55, 60, 61, 64]], 7)[0]!;
    expect(close.hi[5]).toBe(60);
    expect(close.lo[6]).toBe(61);
    expect(placeByColumns(close, 7, { tokens: tokens('2', '0', '1'), spans: [...at(10), 59, 60, 61, 62] })?.map((t) => t.printed)).toEqual(['2', '', '', '', '', '0', '1']);
    // Alone, the 1 could be the sixth column's, moved a character: not placed.
    expect(placeByColumns(close, 7, { tokens: tokens('2', '1'), spans: [...at(10), 61, 62] })).toBeNull();
    // Its left neighbour in another block does not take the sixth column either.
    expect(placeByColumns(close, 7, { tokens: tokens('2', '1'), spans: [...at(50), 61, 62] })).toBeNull();
  });
});

describe('a short row under a row whose wider numbers pdftotext -layout pushed right', () => {
  it('is not placed by a grid that row contradicts (pdfCase(\'hunt11-pdf\', 522))', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseReport } = await import('../../src/pipeline/parse');
    const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-pushed-row.txt', 'utf8');
    expect(text).toContain('（七）总计                        116 26 11      0        1           154\n');
    expect(text).toContain('四、结转下年度继续办理                         0 0 2         0        0            2\n');
    const r = parseReport({ text, file: 'a.txt' });
    // Truly 0 | 0 | 2 | 0 | 0 | blank | 2; before 1.5.48 read 0 | 0 | 2 | blank | 0 | 0 | 2.
    const truth: Record<string, number | null> = { natural: 0, commercial: 0, research: 2, nonprofit: 0, legal: 0, otherOrg: null, total: 2 };
    for (const [column, value] of Object.entries(r.requests.carriedForward)) expect([null, truth[column]], column).toContain(value);
    expect(r.requests.carriedForward.otherOrg).toBeNull();
    expect(r.requests.handledTotal).toEqual({ natural: 116, commercial: 26, research: 11, nonprofit: 0, legal: 1, otherOrg: null, total: 154 });
  });
});

/**
 * pdfCase('lay20-pdf', 97, undefined, { tableLayouts: true }), pdftotext -layout: a table of zeros whose columns move
 * by up to six characters between rows, more than the two that part 其他 from 总计 ("0 0" at 99 and 101). The rows
 * around "2.重复申请 ０ 0 ０ 0" print otherOrg where the rows below print the total, so where its last 0 stands
 * proves neither column (before 1.5.95 read as otherOrg, the total blank; truly the total).
 */
describe('a short row whose value stands where the page’s full rows print two different columns', () => {
  it('is not placed by position', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseReport } = await import('../../src/pipeline/parse');
    const { cellVerdicts } = await import('../../src/generator/shapes/measure');
    const { pdfCase } = await import('../../src/generator/shapes/pdf');
    const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-columns-jitter-past-neighbour.txt', 'utf8');
    expect(text).toMatch(/\n +2\.重复申请 +０ +0 +０ +0\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests['notProcessed.duplicate']).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null });
    const truth = pdfCase('lay20-pdf', 97, undefined, { tableLayouts: true }).truth;
    expect(truth.requests['notProcessed.duplicate'].otherOrg).toBeNull();
    expect(cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    // The full rows on either side are still read by their positions.
    expect(r.requests['notProcessed.complaint']).toEqual({ natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 });
  });
});

/**
 * pdftotext -layout printing a page's rows at shifting places (pdfCase('hunt50-pdf', 158)): "3.其他 0 0", its 其他 and
 * 总计, under the grid's 法律服务机构 and 其他. Zeros only with the total left blank keep the row's total however they
 * are placed, so in text with pages their places alone are not taken (before 1.5.107: legal 0 for a blank).
 */
describe('a row of zeros whose total its positions leave blank (text with pages)', () => {
  it('is not placed by where the zeros stand', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-zeros-without-total.txt', 'utf8');
    expect(text).toMatch(/\n +理 +3\.其他 {56}0 0\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests['otherHandling.other']).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.otherHandling.other')?.code).toBe('row-short');
    expect(cellVerdicts(pdfCase('hunt50-pdf', 158).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});
