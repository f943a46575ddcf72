/**
 * Rule 2 of the house: a diagnostic names what was expected and what was found. A row read from the numbers after its
 * label (pdf.js text items, a cell a line; blank cells printed as nothing) whose every column stays open used to say
 * it found "" (1,511 such diagnostics in 1,000 reports of the pdfjs-items shape, 1,056 in mutool's): it now names the
 * numbers the row printed. The fixture is a generated report printed by Chromium and read by pdf.js (`npm run
 * shape-case -- --prefix shape-pdf --i 18 --shape pdfjs-items`); its true values come from the generator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { diagnosticText } from '../../src/lib/diagnostic-text';
import { parseReport } from '../../src/pipeline/parse';

const FIXTURE = 'tests/fixtures/shapes/pdfjs-items-short-rows-unplaced.txt';

describe('diagnostics name what they expected and found', () => {
  const r = parseReport({ text: readFileSync(FIXTURE, 'utf8'), file: 'a.txt' });

  it('names the numbers a short row printed when none of its cells is placed (pdfCase(shape-pdf, 18), pdf.js items)', () => {
    expect(readFileSync(FIXTURE, 'utf8')).toContain('二、上年结转政府信息公开申请数量\n０\n０\n０\n三、');
    const d = r.diagnostics.find((x) => x.path === 'requests.carriedOver');
    expect(d?.code).toBe('row-short');
    expect(d?.found).toBe('3 values: 0 0 0');
    expect(diagnosticText(d!).found).toBe('3 个数值：0 0 0');
    // Which three of the seven columns hold them is not proved: the row stays null.
    expect(Object.values(r.requests!.carriedOver)).toEqual([null, null, null, null, null, null, null]);
  });

  it('leaves no diagnostic of the report without what it expected or found, and no cell wrong', () => {
    expect(r.diagnostics.filter((d) => !d.expected.trim() || !d.found.trim()).map((d) => `${d.code} ${d.line}`)).toEqual([]);
    const verdicts = cellVerdicts(pdfCase('shape-pdf', 18).truth, r, r.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(verdicts.filter((v) => v.verdict === 'exact').length).toBeGreaterThan(100);
  });
});
