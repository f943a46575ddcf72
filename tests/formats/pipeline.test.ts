/**
 * The pipeline takes web pages, PDF and Word files from the content folder like text files: each becomes a report
 * whose source records its format and reader, its original is copied to sources/, and what cannot be read
 * (a scan, an old .doc) is rejected with an error saying why.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');

describe('runPipeline with HTML, PDF and Word files', () => {
  let dir: string;
  let result: PipelineResult;
  const copies = { 'web/yimei.html': 'gbk-page.html', 'pdf/yining.pdf': 'two-page-table.pdf', 'word/yimei-2023.docx': 'report.docx', 'pdf/scan.pdf': 'scanned.pdf' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-formats-'));
    const content = path.join(dir, 'content');
    for (const [target, source] of Object.entries(copies)) {
      await mkdir(path.dirname(path.join(content, target)), { recursive: true });
      await copyFile(path.join(FIXTURES, source), path.join(content, target));
    }
    await writeFile(path.join(content, 'word/old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await writeFile(path.join(content, 'pdf/yining.meta.json'), JSON.stringify({ sourceUrl: 'https://www.yining.gov.cn/2025/ndbg.pdf' }));
    result = await runPipeline({ contentDir: content, outDir: path.join(dir, 'data'), cache: false, workers: 0 });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const source = (file: string) => result.reports.find((r) => r.source.path === file)?.source;

  it('makes a report of each readable file, with its format, reader and encoding', () => {
    expect(source('web/yimei.html')).toMatchObject({ format: 'html', reader: 'html-dom', encoding: 'gb18030', layout: 'tsv' });
    expect(source('pdf/yining.pdf')).toMatchObject({ format: 'pdf', reader: 'pdf-positions', encoding: 'unicode', layout: 'tsv' });
    expect(source('word/yimei-2023.docx')).toMatchObject({ format: 'docx', reader: 'docx-mammoth', encoding: 'utf-8', layout: 'tsv' });
    expect(result.reports.map((r) => `${r.agency.name} ${r.year}`).sort()).toEqual(['伊宁市人民政府 2024', '伊美区人民政府 2024', '伊美区人民政府办公室 2023']);
  });

  it('applies a sidecar next to a PDF', () => {
    expect(result.reports.find((r) => r.source.path === 'pdf/yining.pdf')!.meta.sourceUrl).toBe('https://www.yining.gov.cn/2025/ndbg.pdf');
  });

  it('copies every original file to sources/ unchanged', async () => {
    for (const [target, fixture] of Object.entries(copies))
      expect((await readFile(path.join(dir, 'data/sources', target))).equals(await readFile(path.join(FIXTURES, fixture)))).toBe(true);
  });

  it('rejects a scanned PDF and an old .doc with an error saying why', () => {
    const codes = (file: string) => result.rejected.find((r) => r.file === file)?.diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(codes('pdf/scan.pdf')).toEqual(['error pdf-no-text']);
    expect(codes('word/old.doc')).toEqual(['error doc-unsupported']);
  });
});
