/**
 * Runs of digits printed without separators (a flattened web page), split by the template's arithmetic: every split
 * that holds is returned, so that a caller takes only a unique one.
 */
import { describe, expect, it } from 'vitest';
import { splitCells, splitDigits } from '../../src/pipeline/parse/digit-split';

const B_ROW = { groups: [7], lastIsSum: true };
const C_TABLE = { groups: [5, 5, 5], lastIsSum: true };

describe('splitDigits', () => {
  it('finds the one split of a table B row whose total is the sum of its cells', () => {
    expect(splitDigits('640020470', B_ROW)).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
  });
});

describe('splitCells: blank marks in the run', () => {
  it('takes each mark for a blank cell of its own', () => {
    expect(splitCells('15/1/3/19', B_ROW)).toEqual([[15, null, 1, null, 3, null, 19]]);
    expect(splitCells('///////', B_ROW)).toEqual([[null, null, null, null, null, null, null]]);
    expect(splitCells('80002无10', B_ROW)).toEqual([[8, 0, 0, 0, 2, null, 10]]);
  });

  it('keeps no arithmetic for a group whose total is blank: only a split forced by the count is one', () => {
    expect(splitCells('12/3—4—', B_ROW)).toEqual([[1, 2, null, 3, null, 4, null]]);
    expect(splitCells('123/4//—', B_ROW).length).toBeGreaterThan(1);
  });

  it('finds every split however many the digits allow before it, not the first twenty (0 36 31 32 0 99 and 0 3 63 13 20 99)', () => {
    const splits = splitCells('000无无无00无0363132099', C_TABLE);
    expect(splits).toContainEqual([0, 0, 0, null, null, null, 0, 0, null, 0, 36, 31, 32, 0, 99]);
    expect(splits).toContainEqual([0, 0, 0, null, null, null, 0, 0, null, 0, 3, 63, 13, 20, 99]);
  });

  it('gives no split for a dash printed twice (one blank cell or two?) or for other characters', () => {
    expect(splitCells('12——3', B_ROW)).toEqual([]);
    expect(splitCells('1--5', B_ROW)).toEqual([]);
    expect(splitCells('12a3', B_ROW)).toEqual([]);
  });

  it('is splitDigits for a run without marks', () => {
    expect(splitCells('6 40020 470', B_ROW)).toEqual(splitDigits('640020470', B_ROW));
  });
});
