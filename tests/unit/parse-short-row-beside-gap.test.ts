/**
 * poppler's default mode prints a table's columns as blocks: most rows of table B have no numbers on their labels'
 * lines, a few have one or two. A row whose label line holds fewer numbers than columns has the others elsewhere,
 * possibly right after the next label, where they count with that row's own (its blank cells printed as nothing).
 * pdfCase('lay41-pdf', 304, undefined, { tableLayouts: true }) by pdftotext (hunt lay41, 3 wrong cells on 1.5.126):
 * "3.危及“三安 0", "4.保护第三方", then seven zeros, some of them 3.'s, were read as 4.'s row between the proved rows
 * 3. and 5. (each one number on its label's line): 0 where the report left natural, otherOrg and total blank.
 * A row printed whole on one line beside such a row is still read (tests/unit/parse-out-of-order-cells.test.ts:
 * pdfminer-row-boxes-after-labels.txt).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { parseReport } from '../../src/pipeline/parse';

const NULL_ROW = { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null };

describe('a gap beside a row whose label line holds only some of its numbers, in text of column blocks', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-default-short-row-beside-gap.txt', 'utf8');
  const report = parseReport({ text, file: 'a.txt' });

  it('does not give a row the numbers it gathers from several lines, however many they are', () => {
    // The text as poppler printed it: 3.'s label with one number, 4.'s label alone, seven zeros one to a line.
    expect(text).toMatch(/3\.危及“三安 0\n全一稳定”\n4\.保护第三方\n\n0\n\n0\n\n0\n\n0 0\n\n0\n\n0\n/);
    expect(report.requests['withheld.thirdParty']).toEqual(NULL_ROW);
    const diagnostic = report.diagnostics.find((d) => d.code === 'table-b-unproved' && d.path === 'requests.withheld.thirdParty');
    expect(diagnostic?.found).toBe('0 0 0 0 0 0 0 from several lines, beside withheld.security, 1 number(s) on its label\'s line');
    expect(diagnostic?.message).toContain('分印在几行');
  });

  it('leaves no cell wrong', () => {
    const truth = pdfCase('lay41-pdf', 304, undefined, { tableLayouts: true }).truth;
    expect(truth.requests['withheld.thirdParty']).toMatchObject({ natural: null, otherOrg: null, total: null });
    const verdicts = cellVerdicts(truth, report, report.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(verdicts.filter((v) => v.verdict === 'exact').length).toBeGreaterThan(30);
  });
});
