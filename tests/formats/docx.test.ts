/** The Word reader: .docx through mammoth and the HTML reader; old .doc and damaged files rejected with a reason. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/generator/compare';
import { PLAIN_HTML_STYLE } from '../../src/generator/render-html';
import { parseReport } from '../../src/pipeline/parse';
import { readDocument } from '../../src/pipeline/read/formats';
import { seedCases } from './support/cases';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');

describe('readDocx', () => {
  it('reads a Word report with merged cells and blank cells as its text file reads', async () => {
    const seed = seedCases(PLAIN_HTML_STYLE).find((s) => s.file.startsWith('002'))!;
    const read = await readDocument('docx', readFileSync(path.join(FIXTURES, 'report.docx')), 'report.docx');
    expect(read).toMatchObject({ reader: 'docx-mammoth', encoding: 'utf-8', diagnostics: [] });
    const parsed = parseReport({ text: read.text!, file: 'report.docx' });
    expect(compareTables(seed.truth, parsed)).toEqual([]);
    expect({ agency: parsed.agencyName, year: parsed.year }).toEqual({ agency: seed.parsed.agencyName, year: 2023 });
    // The blank cells of the source are null, each with a diagnostic, as in the text file.
    const blanks = (p: typeof parsed) => p.diagnostics.filter((d) => d.code === 'cell-blank').map((d) => d.path);
    expect(blanks(parsed).length).toBeGreaterThan(0);
    expect(blanks(parsed)).toEqual(blanks(seed.parsed));
  });

  it('rejects a damaged .docx with an error', async () => {
    const read = await readDocument('docx', Buffer.from('PK\u0003\u0004 not really a zip'), 'bad.docx');
    expect(read.text).toBeNull();
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'docx-unreadable', file: 'bad.docx' })]);
  });

  it('rejects an old binary .doc and says to convert it to .docx or PDF', async () => {
    const read = await readDocument('doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc');
    expect(read.text).toBeNull();
    expect(read.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'doc-unsupported', file: 'old.doc' })]);
    expect(read.diagnostics[0].message).toMatch(/\.docx.*PDF/);
  });
});
