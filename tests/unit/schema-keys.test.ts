/** Typed cross-cutting keys of src/schema: the closed list of diagnostic codes and the value-path helpers. */
import { describe, expect, it } from 'vitest';
import { CELL_DEFINITIONS, DIAGNOSTIC_CODES, Diagnostic, splitCellPath, tableOfPath, valuePathLabel } from '../../src/schema';

const CJK = /[\u4e00-\u9fff]/;
const diagnostic = (code: string) => ({ severity: 'warning', code, file: 'a.txt', line: 3, expected: '', found: '', message: '' });

describe('diagnostic codes', () => {
  it('are a closed list: the schema refuses a code not on it', () => {
    expect(Diagnostic.safeParse(diagnostic('cell-blank')).success).toBe(true);
    expect(Diagnostic.safeParse(diagnostic('cell-blanc')).success).toBe(false);
  });

  it('each have a Chinese explanation', () => {
    for (const [code, zh] of Object.entries(DIAGNOSTIC_CODES)) expect(CJK.test(zh), code).toBe(true);
  });
});

describe('value paths', () => {
  it('split with dotted row keys: the table is the first segment, the column the last', () => {
    expect(splitCellPath('requests.withheld.process.natural')).toEqual({ table: 'requests', row: 'withheld.process', column: 'natural' });
    expect(splitCellPath('requests.received')).toBeNull();
    expect(tableOfPath('requests.withheld.process')).toBe('requests');
    for (const d of CELL_DEFINITIONS) expect(splitCellPath(d.path)).toEqual({ table: d.table, row: d.row, column: d.column });
  });

  it('read as the template labels a cell, a row and a table', () => {
    const cell = CELL_DEFINITIONS.find((d) => d.path === 'requests.received.natural')!;
    expect(valuePathLabel('requests.received.natural')).toBe(`${cell.tableZh}：${cell.zh}`);
    expect(valuePathLabel('requests.received.natural')).toContain('自然人');
    const row = valuePathLabel('requests.received');
    expect(row).toContain('本年新收政府信息公开申请数量');
    expect(row).not.toContain('自然人');
    expect(valuePathLabel('appeals')).toBe(CELL_DEFINITIONS.find((d) => d.table === 'appeals')!.tableZh);
    expect(valuePathLabel('no.such.path')).toBe('no.such.path');
  });
});
