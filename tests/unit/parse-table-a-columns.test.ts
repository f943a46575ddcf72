/**
 * Table A read down its columns. poppler's default mode reads a PDF that LibreOffice made from a Word file in blocks:
 * 信息内容 and a row label, then the next item's caption with its header cell and numbers. A number standing after an
 * item's caption then belongs to the label before the caption as often as to the label after it, so when a row label
 * stands before its own item's caption the captions part nothing and no lone label takes numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** generatedCase('lo', 59) as a Word file, made a PDF by LibreOffice 7.4, read by `pdftotext` (default mode). */
const TEXT = 'tests/fixtures/shapes/pdftotext-libreoffice-table-a.txt';

describe('table A whose labels stand before their own captions', () => {
  const text = readFileSync(TEXT, 'utf8');

  it('places no lone label: 273 (行政许可’s) stands after （五）’s caption, just before 行政处罚', () => {
    expect(text).toContain('信息内容\n行政许可\n\n第二十条第（五）项\n本年处理决定数量\n273\n\n信息内容\n行政处罚\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive?.penalties).toEqual({ decisions: null });
    expect(r.proactive?.licensing).toEqual({ decisions: null });
    const d = r.diagnostics.find((x) => x.code === 'table-a-unproved' && x.path === 'proactive.penalties');
    expect(d?.message).toContain('印在其所属项目的标题之前');
  });

  it('still places them when the captions stand before their labels (the same text in row order)', () => {
    const rows = '第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n273\n第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n3\n行政强制\n1774\n';
    const table = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '0', '2', '60', '行政规范性文件', '12', '9', '10'].join('\n');
    const fees = '第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n83\n';
    const from = text.indexOf('二、主动公开政府信息情况\n') + '二、主动公开政府信息情况\n'.length;
    const to = text.indexOf('三、收到和处理政府信息公开申请情况');
    expect(from).toBeGreaterThan(100);
    const r = parseReport({ text: `${text.slice(0, from)}${table}\n${rows}${fees}${text.slice(to)}`, file: 'b.txt' });
    expect(r.proactive).toMatchObject({ licensing: { decisions: 273 }, penalties: { decisions: 3 }, coercion: { decisions: 1774 }, fees: { amount: 83 } });
  });
});
