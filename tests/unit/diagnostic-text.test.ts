/**
 * Diagnostics in Chinese for readers (src/lib/diagnostic-text.ts): the parser's English phrases and canonical keys
 * become the template's words, on examples and on every diagnostic of generated reports in every layout and text
 * shape, damaged in every way the robustness tests damage them.
 */
import { describe, expect, it } from 'vitest';
import { generateReport, LAYOUTS } from '../../src/generator';
import { CORRUPTIONS, corrupt } from '../../src/generator/corrupt';
import { rngFor } from '../../src/generator/rng';
import { generateShaped, shapeTruthOptions, TEXT_SHAPES } from '../../src/generator/shapes';
import { diagnosticText } from '../../src/lib/diagnostic-text';
import { parseReport } from '../../src/pipeline/parse';
import type { Diagnostic } from '../../src/schema';

const PER_KIND = 30;
const PER_SHAPE = 40;

/** Words readers may meet on /quality/: rule ids, format and encoding names. Everything else in Latin letters fails. */
const ALLOWED_WORDS = new Set(['PDF', 'UTF', 'GB', 'GBK', 'BOM', 'JSON', 'YAML', 'OCR', 'Word', 'WPS', 'HTML', 'docx', 'doc', 'txt', 'md', 'htm', 'html', 'pdf']);
const RULE_ID = /^[BCNX]\d$/;

/** The Latin words of a text that are neither allowed nor quoted from the file itself (stray bytes can spell words). */
function englishIn(text: string, source: string): string[] {
  return (text.match(/[A-Za-z]{2,}\d*/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !RULE_ID.test(w) && !source.includes(w));
}

const diag = (fields: Partial<Diagnostic>): Diagnostic => ({
  severity: 'warning',
  code: 'cell-blank',
  file: 'reports/a.txt',
  line: 12,
  expected: '',
  found: '',
  message: '',
  ...fields,
});

describe('diagnosticText', () => {
  it('says the parser’s phrases and keys with the template’s labels', () => {
    const blank = diagnosticText(
      diag({
        expected: '7 numbers',
        found: 'blank cells: nonprofit, legal',
        message: 'requests.received 的 nonprofit、legal 在原文中为空或缺失，记为空值（不是 0）',
        path: 'requests.received',
      }),
    );
    expect(blank).toEqual({
      expected: '7 个数字',
      found: '空白单元格：“社会公益组织”、“法律服务机构”',
      message: '收到和处理政府信息公开申请情况：一、本年新收政府信息公开申请数量 的 “社会公益组织”、“法律服务机构” 在原文中为空或缺失，记为空值（不是 0）',
      detail: null,
    });
    const noValues = diagnosticText(
      diag({
        code: 'row-no-values',
        expected: '7 numbers for withheld.process',
        found: 'no numbers proved to be this row’s',
        message: '表三“withheld.process”行没有找到能证明属于该行的数字，记为空值',
        path: 'requests.withheld.process',
      }),
    );
    expect(noValues.expected).toBe('“（三）不予公开 / 6.属于四类过程性信息”行的 7 个数字');
    expect(noValues.found).toBe('没有能证明属于该行的数字');
    expect(noValues.message).toBe('表三“（三）不予公开 / 6.属于四类过程性信息”行没有找到能证明属于该行的数字，记为空值');
    // Table C's columns are named as table C prints them, not as table B's columns of the same key.
    expect(diagnosticText(diag({ found: 'blank cells: total', path: 'appeals.review' })).found).toBe('空白单元格：“总计”');
  });

  it('keeps what a library said as a detail, with a Chinese summary', () => {
    const t = diagnosticText(
      diag({ severity: 'error', code: 'parser-exception', line: null, expected: 'a parseable report', found: 'Cannot read properties of undefined (reading \'x\')' }),
    );
    expect(t).toMatchObject({ expected: '可以解析的报告', found: '程序内部错误', detail: "Cannot read properties of undefined (reading 'x')" });
    const schema = diagnosticText(diag({ severity: 'error', code: 'schema-invalid', expected: '符合数据模型的 year', found: 'too_big: Too big（值：99999）' }));
    expect(schema).toMatchObject({ found: '不符合数据模型的值（值：99999）', detail: 'too_big: Too big' });
  });

  it('leaves file names, rule ids and text quoted from the file as they are', () => {
    const t = diagnosticText(diag({ code: 'cell-unreadable', expected: 'a number', found: 'abc', message: 'reports/received.txt：B1/B2 不成立' }));
    expect(t).toMatchObject({ expected: '数字', found: 'abc', message: 'reports/received.txt：B1/B2 不成立' });
  });

  it('leaves no English in any diagnostic of damaged reports and of every text shape', () => {
    const cases: { name: string; text: string }[] = [];
    CORRUPTIONS.forEach((kind) => {
      for (let i = 0; i < PER_KIND; i++) {
        const seed = `diagnostic-text-${kind}-${i}`;
        const report = generateReport(seed, { layout: LAYOUTS[i % LAYOUTS.length] });
        cases.push({ name: seed, text: corrupt(report.text, kind, rngFor(seed, 'corrupt')) });
      }
    });
    for (const shape of TEXT_SHAPES)
      for (let i = 0; i < PER_SHAPE; i++) cases.push({ name: `${shape}-${i}`, text: generateShaped(`diagnostic-text-${shape}-${i}`, shape, shapeTruthOptions(i)).text });
    const codes = new Set<string>();
    const english: string[] = [];
    for (const c of cases) {
      for (const d of parseReport({ text: c.text, file: `${c.name}.txt` }).diagnostics) {
        codes.add(d.code);
        const t = diagnosticText(d);
        for (const [field, text] of Object.entries({ expected: t.expected, found: t.found, message: t.message })) {
          const words = englishIn(text, c.text);
          if (words.length) english.push(`${c.name} ${d.code} ${field}: ${text} (${words.join(', ')})`);
        }
      }
    }
    // The corpus reaches the parser's phrases: blank and short rows, missing rows, sections and tables, ambiguity.
    expect([...codes]).toEqual(expect.arrayContaining(['cell-blank', 'row-missing', 'section-missing', 'table-b-missing', 'table-c-count']));
    expect(codes.size).toBeGreaterThanOrEqual(10);
    expect(english.slice(0, 10)).toEqual([]);
  });
});
