/**
 * Tables printed without ruling lines (pdf-columns.ts): the columns come from the header, a blank cell stays blank
 * (never shifts the numbers after it), and a grid that B3 does not prove leaves the cells blank with a diagnostic.
 * Synthetic pages: text items placed as a browser prints a borderless table, centred in their cells.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/schema';
import { blocksToText } from '../../src/pipeline/read/formats/blocks';
import { pdfBlocks, type PdfPage, type PdfTextItem } from '../../src/pipeline/read/formats/pdf-layout';

/** Column centres of the seven applicant columns. */
const COLUMNS = [220, 260, 300, 340, 380, 420, 460];
const NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** A text item of size 10 centred on `cx`, baseline `y`. */
const at = (str: string, cx: number, y: number): PdfTextItem => {
  const width = Array.from(str).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 5.5 : 10), 0);
  return { str, x: cx - width / 2, y, width, size: 10 };
};
const label = (str: string, y: number): PdfTextItem => ({ str, x: 20, y, width: 150, size: 10 });

/** A data row: its label and the printed cells ('' = nothing printed) under the columns. */
function row(text: string, cells: string[], y: number): PdfTextItem[] {
  return [label(text, y), ...cells.flatMap((c, i) => (c ? [at(c, COLUMNS[i], y)] : []))];
}

function read(items: PdfTextItem[]): { lines: string[]; diagnostics: Diagnostic[] } {
  const sink = { file: 'x.pdf', diagnostics: [] as Diagnostic[] };
  const page: PdfPage = { width: 600, height: 800, items, rules: [] };
  return { lines: blocksToText(pdfBlocks([page], sink), { paragraphs: false }).split('\n'), diagnostics: sink.diagnostics };
}

const HEADER = [at('申请人情况', 340, 100), ...NAMES.map((n, i) => at(n, COLUMNS[i], 115))];
const tail = (lines: string[], start: string) => lines.find((l) => l.startsWith(start))?.split('\t').slice(1);

describe('tables printed without rules', () => {
  it('puts each number under its header column; a blank cell stays blank instead of pulling the next number left', () => {
    const { lines, diagnostics } = read([
      ...HEADER,
      ...row('一、本年新收政府信息公开申请数量', ['29', '8', '', '6', '0', '8', '51'], 140),
      ...row('二、上年结转政府信息公开申请数量', ['3', '', '1', '0', '', '1', '5'], 160),
      ...row('四、结转下年度继续办理', ['3', '', '0', '', '', '0', '3'], 180),
    ]);
    expect(tail(lines, '一、本年新收')).toEqual(['29', '8', '—', '6', '0', '8', '51']);
    expect(tail(lines, '二、上年结转')).toEqual(['3', '—', '1', '0', '—', '1', '5']);
    expect(tail(lines, '四、结转')).toEqual(['3', '—', '0', '—', '—', '0', '3']);
    expect(diagnostics).toEqual([]);
  });

  it('reads headers printed one character per line and numbers of neighbouring columns that come out as one text item', () => {
    // Narrow columns, four character widths each: every header line and every row comes out as one text item
    // ("自商科社法其总" and the digits of a row with ideographic spaces between), its characters in their cells.
    const glued = (cells: string[], y: number): PdfTextItem => {
      const slots = cells.flatMap((c) => {
        const pad = Math.floor((4 - Array.from(c).length) / 2);
        return Array.from('\u3000'.repeat(pad) + c + '\u3000'.repeat(4 - pad - Array.from(c).length));
      });
      return { str: slots.join(''), x: COLUMNS[0] - 20, y, width: slots.length * 10, size: 10 };
    };
    const header = [0, 1, 2, 3, 4, 5].map((k) => glued(NAMES.map((n) => Array.from(n)[k] ?? ''), 100 + 12 * k));
    const { lines } = read([at('申请人情况', 340, 85), ...header, label('一、本年新收政府信息公开申请数量', 190), glued(['１２', '３', '', '０', '０', '１', '１６'], 190)]);
    expect(tail(lines, '一、本年新收')).toEqual(['１２', '３', '—', '０', '０', '１', '１６']);
  });

  it('leaves the cells of a row blank, with a diagnostic, when a number is under no column', () => {
    const { lines, diagnostics } = read([
      ...HEADER,
      ...row('一、本年新收政府信息公开申请数量', ['29', '8', '', '6', '0', '8', '51'], 140),
      ...row('二、上年结转政府信息公开申请数量', ['3', '', '1', '0', '', '1', '5'], 160).concat(at('7', 520, 160)),
    ]);
    expect(tail(lines, '一、本年新收')).toEqual(['29', '8', '—', '6', '0', '8', '51']);
    expect(tail(lines, '二、上年结转')).toEqual(Array(7).fill('—'));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'pdf-cells-unplaced', file: 'x.pdf' })]);
  });

  it('leaves every cell blank, with a diagnostic, when B3 does not prove the columns', () => {
    // A blank first cell and no number under 其他: read under these columns, B3 fails in both rows.
    const { lines, diagnostics } = read([
      ...HEADER,
      ...row('一、本年新收政府信息公开申请数量', ['', '8', '5', '6', '0', '8', '20'], 140),
      ...row('二、上年结转政府信息公开申请数量', ['3', '1', '2', '0', '4', '', '11'], 160),
    ]);
    expect(tail(lines, '一、本年新收')).toEqual(Array(7).fill('—'));
    expect(tail(lines, '二、上年结转')).toEqual(Array(7).fill('—'));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'pdf-columns-unproved', file: 'x.pdf', severity: 'warning' })]);
  });

  it('keeps the rows of a genuine B3 break as printed: one row in ten may break the rule', () => {
    const { lines, diagnostics } = read([
      ...HEADER,
      ...row('一、本年新收政府信息公开申请数量', ['29', '8', '', '6', '0', '8', '52'], 140),
      ...row('二、上年结转政府信息公开申请数量', ['3', '', '1', '0', '', '1', '5'], 160),
    ]);
    expect(tail(lines, '一、本年新收')).toEqual(['29', '8', '—', '6', '0', '8', '52']);
    expect(diagnostics).toEqual([]);
  });
});
