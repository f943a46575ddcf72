/** ingestFile's handling of what the parser returns or throws, with the parser replaced per test. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParsedReport } from '../../src/pipeline/parse/types';
import { ingestFile } from '../../src/pipeline/ingest';
import { makeReport } from './pipeline-helpers';

const parser = vi.hoisted(() => ({ behaviour: (): unknown => undefined }));
vi.mock('../../src/pipeline/parse', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  parseReport: () => parser.behaviour(),
}));

function parsed(patch: Partial<ParsedReport>): ParsedReport {
  const r = makeReport();
  return {
    agencyName: '伊美区人民政府',
    year: 2024,
    title: '伊美区人民政府2024年政府信息公开工作年度报告',
    sourceUrl: null,
    publishedAt: null,
    template: '2021',
    layout: 'tsv',
    preface: r.preface,
    sections: r.sections,
    closing: r.closing,
    proactive: r.proactive,
    proactive2019: null,
    requests: r.requests,
    appeals: r.appeals,
    proseCounts: {},
    placement: r.placement,
    diagnostics: [],
    hasTableB: true,
    ...patch,
  };
}

describe('ingestFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pipeline-ingest-'));
    await writeFile(path.join(dir, 'r.txt'), '伊美区人民政府 2024 年政府信息公开工作年度报告\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a report without table B, adding an error when the parser gave none', async () => {
    parser.behaviour = () => parsed({ hasTableB: false });
    const result = await ingestFile(dir, 'r.txt');
    expect('rejected' in result && result.rejected.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'table-b-missing']]);
  });

  it('rejects a report whose agency or year is unknown', async () => {
    parser.behaviour = () => parsed({ agencyName: null });
    const result = await ingestFile(dir, 'r.txt');
    expect('rejected' in result && result.rejected.diagnostics.map((d) => d.code)).toEqual(['report-identity-missing']);
  });

  it('rejects output that fails the schema with diagnostics naming the path', async () => {
    parser.behaviour = () => parsed({ year: 1850 });
    const result = await ingestFile(dir, 'r.txt');
    expect('rejected' in result && result.rejected.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'schema-invalid', path: 'year', found: expect.stringMatching(/^too_small: .*2000.*（值：1850）$/) }),
    ]);
  });

  it('says which value the schema refused, NaN included', async () => {
    const requests = makeReport().requests;
    requests.received.natural = NaN;
    parser.behaviour = () => parsed({ requests });
    const result = await ingestFile(dir, 'r.txt');
    expect('rejected' in result && result.rejected.diagnostics).toEqual([
      expect.objectContaining({ code: 'schema-invalid', path: 'requests.received.natural', found: expect.stringMatching(/^invalid_type: .*（值：NaN）$/) }),
    ]);
  });

  it('builds a checked report from valid parser output', async () => {
    const requests = makeReport().requests;
    requests.received.total = requests.received.total! + 1;
    parser.behaviour = () => parsed({ requests });
    const result = await ingestFile(dir, 'r.txt');
    if (!('report' in result)) throw new Error('expected a report');
    expect(result.report.id).toMatch(/^yi-mei-qu-ren-min-zheng-fu-[0-9a-f]{6}-2024$/);
    expect(result.report.checks.map((b) => [b.rule, b.scope])).toEqual([
      ['B1', 'total'],
      ['B3', 'received'],
    ]);
  });
});
