/**
 * The extraction shapes reproduce what makes real extractions hard (../shared/corpus), deterministically, without
 * losing or changing a number except where a shape says it loses one (md-labels-only).
 */
import { describe, expect, it } from 'vitest';
import { generateShaped, shapeTruthOptions, TEXT_SHAPES, type ShapedReport, type TextShape } from '../../src/generator/shapes';
import { APPLICANT_KEYS } from '../../src/schema';
import { batchHtml, pdfCase } from '../../src/generator/shapes/pdf';
import { webCase } from '../../src/generator/shapes/web';
import { TABLE_LAYOUTS } from '../../src/generator/render-html';

const N = 60;
const generated = new Map<TextShape, ShapedReport[]>();
/** N reports of a shape, generated once. */
function reports(shape: TextShape): ShapedReport[] {
  if (!generated.has(shape)) generated.set(shape, Array.from({ length: N }, (_, i) => generateShaped(`unit-shape-${i}`, shape, shapeTruthOptions(i))));
  return generated.get(shape)!;
}
const share = (shape: TextShape, test: (text: string) => boolean) => reports(shape).filter((r) => test(r.text)).length / N;

/** Section 三 with table B: from its heading to section 四's (the only heading naming 行政复议). */
function tableB(text: string): string {
  const start = text.indexOf('收到和处理政府信息公开申请情况');
  return text.slice(start, text.indexOf('行政复议', start));
}

describe('extraction shapes', () => {
  it.each(TEXT_SHAPES)('%s is deterministic from the seed and differs between seeds', (shape) => {
    expect(generateShaped('det-1', shape).text).toBe(generateShaped('det-1', shape).text);
    expect(generateShaped('det-1', shape).text).not.toBe(generateShaped('det-2', shape).text);
  });

  it('cell-lines puts every cell on its own line: no line of table B holds two numbers', () => {
    for (const r of reports('cell-lines')) {
      const lines = tableB(r.text).split('\n');
      expect(lines.filter((l) => /^\s*[\d０-９,]+\s+[\d０-９,]+\s*$/.test(l))).toEqual([]);
    }
  });

  it('cell-lines prints each row’s numbers together, in column order', () => {
    for (const r of reports('cell-lines')) {
      const printed = tableB(r.text)
        .split('\n')
        .map((l) => l.trim().normalize('NFKC').replace(/,/g, ''))
        .filter((l) => /^\d+$/.test(l))
        .join(' ');
      for (const row of ['received', 'carriedForward'] as const) {
        const values = APPLICANT_KEYS.map((k) => r.truth.requests[row]![k]).filter((v) => v !== null);
        expect(` ${printed} `).toContain(` ${values.join(' ')} `);
      }
    }
  });

  it('cell-lines reproduces the difficulties of pdftotext’s default mode', () => {
    // Vertical group labels: a line of one to three characters of 三、本年度办理结果 between the rows.
    expect(share('cell-lines', (t) => tableB(t).split('\n').some((l) => /^(三、?|本年?|年度|度办?|办理|理结?|结果|果)$/.test(l.trim())))).toBeGreaterThan(0.5);
    // Header words split mid-word: 商业 on one line and 企业's tail elsewhere, or 商业企 / 业.
    expect(share('cell-lines', (t) => /^(商业|商业企)( |$)/m.test(t))).toBeGreaterThan(0.5);
    // A page footer between the first and the last row of table B.
    expect(share('cell-lines', (t) => /^\s*(— ?\d+ ?—|- ?\d+ ?-)\s*$/m.test(tableB(t)))).toBeGreaterThan(0.3);
    // Numbers on the lines before their label.
    expect(share('cell-lines', (t) => /^\d+\n(\d+\n){6}二、上年结转/m.test(tableB(t)))).toBeGreaterThan(0.1);
  });

  it('md-split breaks table B into several Markdown tables', () => {
    expect(share('md-split', (t) => (tableB(t).match(/^\|(---\|)+$/gm) ?? []).length >= 2)).toBeGreaterThan(0.8);
  });

  it('md-detached prints label blocks apart from label-less number rows', () => {
    const labelLess = /^\|( [\d０-９,—\-/无]* \|){7}$/m;
    expect(share('md-detached', (t) => labelLess.test(tableB(t)))).toBeGreaterThan(0.9);
  });

  it('md-labels-only loses the numbers of one run of rows: fewer number rows than rows', () => {
    for (const r of reports('md-labels-only')) {
      const rows = tableB(r.text).split('\n').filter((l) => /^\|.*\|$/.test(l) && !/^\|(---\|)+$/.test(l) && /\d/.test(l));
      const printedRows = Object.keys(r.truth.requests).filter((k) => r.truth.requests[k as keyof typeof r.truth.requests]).length;
      expect(rows.length).toBeLessThan(printedRows);
    }
  });

  it('names the rows whose numbers a shape loses: md-labels-only\'s lost run, no row elsewhere', () => {
    for (const r of reports('md-labels-only')) {
      expect(r.absent.length).toBeGreaterThanOrEqual(2);
      const numberRows = tableB(r.text)
        .split('\n')
        .filter((l) => /^\|.*\d.*\|$/.test(l))
        .map((l) => l.normalize('NFKC').replace(/,/g, ''));
      // A lost row's numbers are printed nowhere as a Markdown row (unless another row holds the same numbers).
      const rowText = (row: Record<string, number | null> | null | undefined) => (row ? `| ${APPLICANT_KEYS.map((k) => row[k]).join(' | ')} |` : '');
      const held = Object.entries(r.truth.requests).filter(([key]) => !r.absent.includes(`requests.${key}`)).map(([, row]) => rowText(row));
      for (const path of r.absent) {
        const row = r.truth.requests[path.replace(/^requests\./, '') as keyof typeof r.truth.requests]!;
        if (held.includes(rowText(row)) || APPLICANT_KEYS.some((k) => row[k] === null)) continue;
        expect(numberRows.some((l) => l.includes(rowText(row)))).toBe(false);
      }
    }
    for (const shape of TEXT_SHAPES.filter((s) => s !== 'md-labels-only')) for (const r of reports(shape)) expect(r.absent).toEqual([]);
  });

  it('md-shifted shifts some rows by one cell', () => {
    const widths = (t: string) => new Set(tableB(t).split('\n').filter((l) => /^\|.*\d.*\|$/.test(l)).map((l) => l.split('|').length));
    expect(share('md-shifted', (t) => widths(t).size >= 2)).toBeGreaterThan(0.8);
  });
});

describe('printed reports with the web pages\u2019 table layouts (measure-shapes --table-layouts)', () => {
  it('lay out tables in every layout, with borders and without, where the default prints the official grid', () => {
    const cases = Array.from({ length: 60 }, (_, i) => pdfCase('layouts', i, undefined, { tableLayouts: true }));
    expect(new Set(cases.map((c) => c.style.tableLayout))).toEqual(new Set(TABLE_LAYOUTS));
    expect(new Set(cases.map((c) => c.style.ruled))).toEqual(new Set([true, false]));
    expect(batchHtml(cases.filter((c) => !c.style.ruled).slice(0, 1))).toContain('class="report-table unruled"');
    // The same report without the option: the official grid, ruled, and the same numbers.
    const plain = pdfCase('layouts', 0);
    expect([plain.style.tableLayout, plain.style.ruled]).toEqual(['official', true]);
    expect(plain.truth).toEqual(cases[0].truth);
    // Web pages likewise: the same numbers, the tables laid out otherwise.
    const pages = Array.from({ length: 40 }, (_, i) => webCase('layouts', i, { tableLayouts: true }));
    expect(pages.some((p) => p.html.includes('class="report-table unruled"'))).toBe(true);
    expect(webCase('layouts', 0).html).not.toContain('class="report-table unruled"');
    expect(webCase('layouts', 0).truth).toEqual(pages[0].truth);
  });
});
