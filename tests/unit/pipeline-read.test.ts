import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/pipeline/read/decode';
import { discoverFiles, readSource, unsupportedFormatDiagnostic } from '../../src/pipeline/read';

const SAMPLE = '伊美区人民政府\n2024年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请21件，办结18件。\n';

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decodeBytes(Buffer.from(SAMPLE, 'utf8'), 'a.txt');
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: SAMPLE });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]), 'a.txt');
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: SAMPLE });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]), 'a.txt');
    const be = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]), 'a.txt');
    expect(le).toMatchObject({ ok: true, encoding: 'utf-16le', text: SAMPLE });
    expect(be).toMatchObject({ ok: true, encoding: 'utf-16be', text: SAMPLE });
  });

  it('detects GB18030 (not valid UTF-8) and decodes it', () => {
    const bytes = iconv.encode(SAMPLE, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ ok: true, encoding: 'gb18030', text: SAMPLE });
  });

  it('drops the GB18030 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(SAMPLE, 'gb18030')]);
    expect(iconv.decode(bytes, 'gb18030', { stripBOM: false })).toBe(`\uFEFF${SAMPLE}`);
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ ok: true, encoding: 'gb18030', text: SAMPLE });
  });

  it('decodes GB text with rare (non-GB2312) characters too', () => {
    // 镕, 喆, 堃 and 珺 are GBK-only: the strict GB18030 fast path leaves this text to the statistical detector.
    const rare = `${SAMPLE}镕喆堃珺${'镕喆堃珺'.repeat(5)}\n`;
    expect(decodeBytes(iconv.encode(rare, 'gb18030'), 'a.txt')).toMatchObject({ ok: true, encoding: 'gb18030', text: rare });
  });

  it('reads Big5 as Big5, although its bytes are also valid GBK', () => {
    const traditional = '伊美區人民政府\n2024年政府資訊公開工作年度報告\n一、總體情況\n本年度共收到政府資訊公開申請21件，辦結18件。\n'.repeat(3);
    const bytes = iconv.encode(traditional, 'big5');
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    expect(decodeBytes(bytes, 'a.txt')).toMatchObject({ ok: true, encoding: 'big5', text: traditional });
  });

  it('keeps mostly-UTF-8 text with a few invalid bytes, with a warning', () => {
    const utf8 = Buffer.from(SAMPLE.repeat(10));
    const d = decodeBytes(Buffer.concat([utf8, Buffer.from([0xff]), utf8]), 'a.txt');
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: `${SAMPLE.repeat(10)}\uFFFD${SAMPLE.repeat(10)}` });
    expect(d.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding-invalid-bytes' })]);
  });

  it('rejects text in an encoding that is neither UTF nor Chinese', () => {
    const d = decodeBytes(Buffer.from('Caf\xe9 r\xe9sum\xe9 na\xefve '.repeat(20), 'latin1'), 'a.txt');
    expect(d.ok).toBe(false);
    expect(d.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'encoding-unknown' })]);
  });

  it('turns CRLF and lone CR into LF', () => {
    const d = decodeBytes(Buffer.from('一、总体情况\r\n正文\r二、主动公开\r\n'), 'a.txt');
    expect(d).toMatchObject({ ok: true, text: '一、总体情况\n正文\n二、主动公开\n' });
  });

  it('rejects NUL bytes as binary', () => {
    const d = decodeBytes(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x41]), 'x.txt');
    expect(d.ok).toBe(false);
    expect(d.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'file-binary', file: 'x.txt' })]);
  });

  it('rejects text full of control characters as binary', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0x07 : 0x41)));
    const d = decodeBytes(bytes, 'x.txt');
    expect(d.ok).toBe(false);
    expect(d.diagnostics[0]).toMatchObject({ code: 'file-binary', found: expect.stringContaining('100 个控制字符') });
  });

  it('keeps a text with a stray control character', () => {
    const d = decodeBytes(Buffer.from(`${SAMPLE.repeat(5)}\u0007`), 'x.txt');
    expect(d.ok).toBe(true);
  });

  it('reports empty and whitespace-only files', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(' \r\n\t\n'), Buffer.from([0xef, 0xbb, 0xbf])]) {
      const d = decodeBytes(bytes, 'e.txt');
      expect(d.ok).toBe(false);
      expect(d.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'file-empty', file: 'e.txt' })]);
    }
  });
});

describe('readSource', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-read-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes the bytes and reports size, format and encoding', async () => {
    const bytes = iconv.encode(SAMPLE, 'gb18030');
    await writeFile(path.join(dir, 'r.txt'), bytes);
    const doc = await readSource(dir, 'r.txt');
    const { createHash } = await import('node:crypto');
    expect(doc).toMatchObject({
      path: 'r.txt',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      format: 'txt',
      encoding: 'gb18030',
      text: SAMPLE,
      lineOffset: 0,
      meta: {},
      diagnostics: [],
    });
  });

  it('takes metadata from front matter, strips it and keeps the line offset', async () => {
    const front = '---\nagency: 伊美区人民政府办公室\nyear: 2023\nregion:\n  province: 黑龙江省\nsourceUrl: https://example.gov.cn/a.html\npublishedAt: 2024-01-20\n---\n';
    await writeFile(path.join(dir, 'r.md'), front + SAMPLE);
    const doc = await readSource(dir, 'r.md');
    expect(doc.text).toBe(SAMPLE);
    expect(doc.lineOffset).toBe(8);
    expect(doc.format).toBe('md');
    expect(doc.meta).toEqual({
      agency: '伊美区人民政府办公室',
      year: 2023,
      region: { province: '黑龙江省' },
      sourceUrl: 'https://example.gov.cn/a.html',
      publishedAt: '2024-01-20',
    });
    expect(doc.diagnostics).toEqual([]);
  });

  it('ignores invalid and unknown front-matter fields with warnings, keeping the valid ones', async () => {
    await writeFile(path.join(dir, 'r.txt'), `---\nyear: 1850\ncolour: red\ntitle: 标题\n---\n${SAMPLE}`);
    const doc = await readSource(dir, 'r.txt');
    expect(doc.meta).toEqual({ title: '标题' });
    expect(doc.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'meta-invalid'],
      ['warning', 'meta-unknown-field'],
    ]);
  });

  it('reports YAML errors at the file line and still strips the block', async () => {
    await writeFile(path.join(dir, 'r.txt'), `---\nyear: 2024\nagency: [unclosed\n---\n${SAMPLE}`);
    const doc = await readSource(dir, 'r.txt');
    expect(doc.text).toBe(SAMPLE);
    expect(doc.lineOffset).toBe(4);
    expect(doc.meta).toEqual({});
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'front-matter-invalid', line: expect.any(Number) })]);
    expect(doc.diagnostics[0].line).toBeGreaterThanOrEqual(2);
    expect(doc.diagnostics[0].line).toBeLessThanOrEqual(4);
  });

  it('reads a JSON or YAML sidecar, which wins over front matter', async () => {
    await writeFile(path.join(dir, 'a.txt'), `---\nyear: 2023\ntitle: 前置标题\n---\n${SAMPLE}`);
    await writeFile(path.join(dir, 'a.meta.json'), JSON.stringify({ year: 2022, agency: '偃师区伊洛街道办事处' }));
    await writeFile(path.join(dir, 'b.txt'), SAMPLE);
    await writeFile(path.join(dir, 'b.meta.yaml'), 'year: "2021"\nregion:\n  county: 偃师区\n');
    const a = await readSource(dir, 'a.txt');
    expect(a.meta).toEqual({ year: 2022, title: '前置标题', agency: '偃师区伊洛街道办事处' });
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'meta-conflict' })]);
    const b = await readSource(dir, 'b.txt');
    expect(b.meta).toEqual({ year: 2021, region: { county: '偃师区' } });
  });

  it('reports an unparseable sidecar and keeps reading the file', async () => {
    await writeFile(path.join(dir, 'a.txt'), SAMPLE);
    await writeFile(path.join(dir, 'a.meta.json'), '{ year: ');
    const doc = await readSource(dir, 'a.txt');
    expect(doc.text).toBe(SAMPLE);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'meta-invalid', found: expect.any(String) })]);
  });

  it('returns no text for a binary file', async () => {
    await writeFile(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 255]));
    const doc = await readSource(dir, 'bin.txt');
    expect(doc.text).toBeNull();
    expect(doc.encoding).toBeNull();
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['file-binary']);
  });
});

describe('discoverFiles', () => {
  it('lists .txt and .md files recursively in byte order, skips sidecars and hidden files, lists the rest as unsupported', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pipeline-discover-'));
    try {
      await mkdir(path.join(dir, 'b', 'c'), { recursive: true });
      await mkdir(path.join(dir, '.git'));
      for (const f of ['z.txt', 'a.MD', 'b/c/x.txt', 'b/r.xls', 'b/r.meta.json', 'a.meta.yaml', 'README.md', '.gitkeep', '.git/HEAD', 'b/y.md'])
        await writeFile(path.join(dir, f), 'x');
      const found = await discoverFiles(dir);
      expect(found.files).toEqual(['README.md', 'a.MD', 'b/c/x.txt', 'b/y.md', 'z.txt']);
      expect(found.unsupported).toEqual(['b/r.xls']);
      expect(unsupportedFormatDiagnostic('b/r.xls')).toMatchObject({ code: 'unsupported-format', file: 'b/r.xls', found: '.xls' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
