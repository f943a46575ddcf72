/**
 * Diagnostics in Chinese for readers (src/lib/diagnostic-text.ts): the parser's English phrases and canonical keys
 * become the template's words, on examples and on every diagnostic of generated reports in every layout and text
 * shape, damaged in every way the robustness tests damage them.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport, LAYOUTS } from '../../src/generator';
import { CORRUPTIONS, corrupt } from '../../src/generator/corrupt';
import { rngFor } from '../../src/generator/rng';
import { generateShaped, shapeTruthOptions, TEXT_SHAPES } from '../../src/generator/shapes';
import { diagnosticText, textParts, untranslatedTexts, untranslatedWords } from '../../src/lib/diagnostic-text';
import { ingestFile } from '../../src/pipeline/ingest';
import { parseReport } from '../../src/pipeline/parse';
import { unsupportedFormatDiagnostic } from '../../src/pipeline/read/discover';
import type { Diagnostic } from '../../src/schema';

const PER_KIND = 30;
const PER_SHAPE = 40;

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

  it('shows the metadata field names a publisher writes as code', () => {
    const unknown = diag({ code: 'meta-unknown-field', expected: '以下字段之一：agency, year, sourceUrl', found: 'foo', message: '前置元数据中的字段 foo 无法识别，已忽略' });
    const codes = (text: string) => textParts(unknown, text).filter((p) => p.code).map((p) => p.text);
    expect(codes(unknown.expected)).toEqual(['agency', 'year', 'sourceUrl']);
    expect(codes(unknown.found)).toEqual(['foo']);
    expect(textParts(unknown, unknown.message)).toEqual([
      { text: '前置元数据中的字段 ', code: false },
      { text: 'foo', code: true },
      { text: ' 无法识别，已忽略', code: false },
    ]);
    // Elsewhere the same words are plain text.
    expect(textParts(diag({}), 'year')).toEqual([{ text: 'year', code: false }]);
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
        // (The parser reads a form feed as a page break, so quoted text runs over it.)
        for (const e of untranslatedTexts(d, c.text.replace(/\f/g, ''))) english.push(`${c.name} ${d.code} ${e.field}: ${e.text} (${e.words.join(', ')})`);
      }
    }
    // The corpus reaches the parser's phrases: blank and short rows, missing rows, sections and tables, ambiguity.
    expect([...codes]).toEqual(expect.arrayContaining(['cell-blank', 'row-missing', 'section-missing', 'table-b-missing', 'table-c-count']));
    expect(codes.size).toBeGreaterThanOrEqual(10);
    expect(english.slice(0, 10)).toEqual([]);
  });

  it('leaves no English in any diagnostic of the text fixtures (texts of printed PDFs, web pages and Word files)', async () => {
    const files = (await readdir('tests/fixtures', { recursive: true })).filter((f) => /\.(txt|md)$/.test(f)).sort();
    const english: string[] = [];
    let diagnostics = 0;
    for (const name of files) {
      const text = await readFile(path.join('tests/fixtures', name), 'utf8');
      for (const d of parseReport({ text, file: 'a.txt' }).diagnostics) {
        diagnostics++;
        for (const e of untranslatedTexts(d, text.replace(/\f/g, ''))) english.push(`${name} ${d.code} ${e.field}: ${e.text} (${e.words.join(', ')})`);
      }
    }
    // Not vacuous: the fixtures are the hard cases of every shape, most of them read with diagnostics.
    expect(files.length).toBeGreaterThan(100);
    expect(diagnostics).toBeGreaterThan(500);
    expect(english.slice(0, 10)).toEqual([]);
  });

  it('leaves no English outside code in what reading, metadata, enrich and validation say about bad files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'diagnostic-text-files-'));
    try {
      const seed = await readFile('content/reports/004_70dbf32ff745fb63.txt', 'utf8');
      const files: Record<string, string | Buffer> = {
        'empty.txt': '',
        'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]),
        'yaml-invalid.md': `---\ntitle: [unclosed\n---\n${seed}`,
        'yaml-unclosed.md': `---\ntitle: 标题\n${seed}`,
        'meta-fields.md': `---\nfoo: 1\nyear: abc\nsourceUrl: not-a-url\nregion: 7\nagency: 甲机关\n---\n${seed}`,
        'meta-fields.meta.json': JSON.stringify({ agency: '乙机关' }),
        'sidecar-invalid.txt': seed,
        'sidecar-invalid.meta.json': '{ year: ',
        'no-table.txt': '某某机关2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n',
        'old.doc': Buffer.from('not a word file'),
        'broken.docx': Buffer.from('not a zip'),
        'broken.pdf': Buffer.from('%PDF-1.4 broken'),
      };
      for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
      const codes = new Set<string>();
      const english: string[] = [];
      const scan = (d: Diagnostic, source: string) => {
        codes.add(d.code);
        const t = diagnosticText(d);
        for (const [field, text] of Object.entries({ expected: t.expected, found: t.found, message: t.message })) {
          const plain = textParts(d, text)
            .filter((p) => !p.code)
            .map((p) => p.text)
            .join(' ')
            // File names and extensions name the publisher's files.
            .replace(/[\w.-]*\.(txt|md|json|yaml|doc|docx|pdf|xyz)\b/g, ' ');
          const words = untranslatedWords(plain, source);
          if (words.length) english.push(`${d.file} ${d.code} ${field}: ${text} (${words.join(', ')})`);
        }
      };
      for (const name of Object.keys(files).filter((n) => !n.includes('.meta.'))) {
        const ingested = await ingestFile(dir, name);
        const diagnostics = 'report' in ingested ? ingested.report.diagnostics : ingested.rejected.diagnostics;
        const source = typeof files[name] === 'string' ? (files[name] as string) : '';
        for (const d of diagnostics) scan(d, source);
      }
      scan(unsupportedFormatDiagnostic('notes.xyz'), '');
      expect([...codes]).toEqual(
        expect.arrayContaining([
          'file-empty',
          'file-binary',
          'front-matter-invalid',
          'front-matter-unclosed',
          'meta-unknown-field',
          'meta-invalid',
          'meta-conflict',
          'doc-unsupported',
          'docx-unreadable',
          'pdf-unreadable',
          'table-b-missing',
          'region-unknown',
          'unsupported-format',
        ]),
      );
      expect(english).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
