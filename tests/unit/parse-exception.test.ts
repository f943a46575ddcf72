/** An exception inside the parser is caught once, by parseReport, under one code, and the file becomes a rejection. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest';
import { parseReport } from '../../src/pipeline/parse';

vi.mock('../../src/pipeline/parse/sections', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  findSections: () => {
    throw new Error('unexpected token in table B');
  },
}));

describe('a parser exception', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parse-exception-'));
    await writeFile(path.join(dir, 'r.txt'), '伊美区人民政府 2024 年政府信息公开工作年度报告\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is one parser-exception error from parseReport, which does not throw', () => {
    const parsed = parseReport({ text: '伊美区人民政府 2024 年政府信息公开工作年度报告\n', file: 'r.txt' });
    expect(parsed.hasTableB).toBe(false);
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'parser-exception', file: 'r.txt', found: 'unexpected token in table B' })]);
  });

  it('rejects the file with exactly that error', async () => {
    const result = await ingestFile(dir, 'r.txt');
    expect('rejected' in result && result.rejected.diagnostics.map((d) => [d.severity, d.code, d.found])).toEqual([
      ['error', 'parser-exception', 'unexpected token in table B'],
    ]);
  });
});
