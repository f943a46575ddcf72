/** The HTML reader: charset, report body among site chrome, tables with rowspan/colspan → one TSV line per row. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/generator/compare';
import { parseReport } from '../../src/pipeline/parse';
import { gridLines } from '../../src/pipeline/read/formats/table-grid';
import { htmlToText, readHtml } from '../../src/pipeline/read/formats/html';
import { seedCases } from './support/cases';
import { PLAIN_HTML_STYLE } from '../../src/generator/render-html';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');
const seed = (prefix: string) => seedCases(PLAIN_HTML_STYLE).find((s) => s.file.startsWith(prefix))!;

describe('gridLines', () => {
  it('prints a label merged over rows on its own line, a value spanning columns once, and keeps blank cells', () => {
    const lines = gridLines({
      rows: 3,
      cols: 4,
      cells: [
        { text: '（三）不予公开', row: 0, col: 0, rowspan: 2, colspan: 1 },
        { text: '1.属于国家秘密', row: 0, col: 1, rowspan: 1, colspan: 1 },
        { text: '', row: 0, col: 2, rowspan: 1, colspan: 1 },
        { text: '7', row: 0, col: 3, rowspan: 1, colspan: 1 },
        { text: '2.其他法律行政法规禁止公开', row: 1, col: 1, rowspan: 1, colspan: 1 },
        { text: '4', row: 1, col: 2, rowspan: 1, colspan: 1 },
        { text: '', row: 1, col: 3, rowspan: 1, colspan: 1 },
        { text: '行政许可', row: 2, col: 0, rowspan: 1, colspan: 2 },
        { text: '12', row: 2, col: 2, rowspan: 1, colspan: 2 },
      ],
    });
    expect(lines).toEqual(['（三）不予公开', '\t1.属于国家秘密\t\t7', '\t2.其他法律行政法规禁止公开\t4\t', '行政许可\t12']);
  });

  it('reads 无 written as the radical ⽆ (Chromium prints it so with Noto fonts) as a value: the row keeps its trailing blank cells', () => {
    const row = (none: string) =>
      gridLines({
        rows: 2,
        cols: 5,
        cells: [
          { text: '（一）予以公开', row: 0, col: 0, rowspan: 1, colspan: 1 },
          ...['1', '2', '3', '6'].map((text, i) => ({ text, row: 0, col: i + 1, rowspan: 1, colspan: 1 })),
          { text: '（二）部分公开', row: 1, col: 0, rowspan: 1, colspan: 1 },
          ...['', none, '0', ''].map((text, i) => ({ text, row: 1, col: i + 1, rowspan: 1, colspan: 1 })),
        ],
      })[1];
    expect(row('无')).toBe('（二）部分公开\t\t无\t0\t');
    expect(row('\u2f46')).toBe('（二）部分公开\t\t\u2f46\t0\t');
  });
});

/** Table B's header and first rows as agencies' pages print them. */
const TABLE_B = `<table border="1">
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>13</td><td>0</td><td>0</td><td>0</td><td>6</td><td>0</td><td>19</td></tr>
<tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1<span>2</span></td><td>0</td><td>0</td><td>0</td><td>6</td><td>0</td><td>18</td></tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr>
<tr><td>2.其他法律<br>行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td colspan="2">（七）总计</td><td>12</td><td>0</td><td>0</td><td>0</td><td>6</td><td>0</td><td>18</td></tr>
</table>`;

describe('readHtml', () => {
  it('reads a table with rowspan and colspan headers as one line per row with exactly its value cells', () => {
    const lines = htmlToText(`<body>${TABLE_B}</body>`).split('\n').filter(Boolean);
    expect(lines).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '\t自然人\t法人或其他组织\t总计',
      '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
      '一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t6\t0\t19',
      '三、本年度办理结果',
      '\t（一）予以公开\t12\t0\t0\t0\t6\t0\t18',
      '（三）不予公开',
      '\t\t1.属于国家秘密\t\t0\t0\t0\t0\t0\t',
      '\t\t2.其他法律 行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0',
      '\t（七）总计\t12\t0\t0\t0\t6\t0\t18',
    ]);
  });

  it('decodes a GBK page declared by <meta http-equiv> and reads the same report as its text file', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'gbk-page.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = readHtml(bytes, 'gbk-page.html');
    expect(read).toMatchObject({ encoding: 'gb18030', reader: 'html-dom', diagnostics: [] });
    const text = seed('000');
    const parsed = parseReport({ text: read.text!, file: 'gbk-page.html' });
    expect(compareTables(text.truth, parsed)).toEqual([]);
    expect({ agency: parsed.agencyName, year: parsed.year }).toEqual({ agency: '伊美区人民政府', year: 2024 });
  });

  it('leaves out navigation, related links, footer and scripts, and puts the title above the article first', () => {
    const text = readHtml(readFileSync(path.join(FIXTURES, 'gbk-page.html')), 'gbk-page.html').text!;
    for (const chrome of ['首页', '当前位置', '相关链接', '版权所有', '发布时间', 'siteStats']) expect(text).not.toContain(chrome);
    expect(text.split('\n')[0]).toBe('伊美区人民政府2024年政府信息公开工作年度报告');
  });

  it('honours <meta charset="gbk"> on a page too short to detect', () => {
    const bytes = iconv.encode('<html><head><meta charset="gbk"></head><body><p>伊美区人民政府</p></body></html>', 'gbk');
    expect(readHtml(bytes, 'a.html')).toMatchObject({ text: '伊美区人民政府\n', encoding: 'gb18030' });
  });

  it('trusts valid UTF-8 bytes over a stale gb2312 declaration, with a warning', () => {
    const read = readHtml(Buffer.from('<meta charset="gb2312"><p>伊美区人民政府</p>', 'utf8'), 'a.html');
    expect(read.text).toBe('伊美区人民政府\n');
    expect(read.encoding).toBe('utf-8');
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'html-charset-mismatch', file: 'a.html' })]);
  });

  it('reads a report laid out inside a layout table, and skips hidden elements, styles and scripts', () => {
    const html = `<body><table><tr><td><a href="/">首页</a></td><td>
      <h1>伊美区人民政府<br>2024年政府信息公开工作年度报告</h1><style>p { color: red }</style>
      <p style="display:none">隐藏的文字</p><script>var a = "本年新收";</script>
      <p>一、总体情况</p>${TABLE_B}</td></tr></table></body>`;
    const lines = htmlToText(html).split('\n').filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['伊美区人民政府 2024年政府信息公开工作年度报告', '一、总体情况']);
    expect(lines).toContain('\t（一）予以公开\t12\t0\t0\t0\t6\t0\t18');
    expect(lines.join('\n')).not.toMatch(/隐藏|color|var a/);
  });
});
