/**
 * Table C's proof rule (src/pipeline/parse/table-c.ts): its fifteen numbers are placed by the header's order only
 * when they stand after the header and nothing but their own columns' header cells stands between them; numbers
 * before the header, text of another table between them, or more numbers than the table has leave it null.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticLog } from '../../src/pipeline/parse/diagnostics';
import { toLines } from '../../src/pipeline/parse/lines';
import { parseTableC } from '../../src/pipeline/parse/table-c';

function read(lines: string[]) {
  const all = toLines(lines);
  const log = new DiagnosticLog('t.txt');
  return { ...parseTableC(all, 0, all.length, log), diagnostics: log.items };
}

const HEADING = '四、政府信息公开行政复议、行政诉讼情况';
const HEADER = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const VALUES = ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0'];

describe('table C proof rule', () => {
  it('reads fifteen numbers one per line after the header, and a number after its own column’s header cell (洪泽区’s 总计 / 0)', () => {
    const { appeals, placement } = read([HEADING, ...HEADER.slice(0, 2), '行政', '复议', ...HEADER.slice(4), ...VALUES.slice(0, 14), '总计', VALUES[14]]);
    expect(appeals.review).toEqual({ upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 });
    expect(appeals.suitAfterReview).toEqual({ upheld: 5, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(placement.method).toBe('label');
  });

  it('leaves the table null when other text stands between its numbers', () => {
    const { appeals, diagnostics } = read([HEADING, ...HEADER, ...VALUES.slice(0, 7), '（七）总计', ...VALUES.slice(7)]);
    expect(appeals.review.upheld).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['table-c-unproved']);
  });

  it('does not count numbers printed before the header (table B’s last columns on the same page)', () => {
    const { appeals, diagnostics } = read([HEADING, '0', '3', '1', ...HEADER, ...VALUES.slice(3)]);
    expect(appeals.review.upheld).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['table-c-count']);
  });

  it('leaves the table null when more numbers follow the fifteen', () => {
    const { appeals, diagnostics } = read([HEADING, ...HEADER, ...VALUES, '0', '2']);
    expect(appeals.suitDirect.total).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['table-c-unproved']);
  });

  it('reads one row of fifteen, and group rows, without a header', () => {
    expect(read([HEADING, VALUES.join(' ')]).appeals.review.upheld).toBe(10);
    const rows = read([HEADING, `行政复议 ${VALUES.slice(0, 5).join(' ')}`, `未经复议直接起诉 ${VALUES.slice(5, 10).join(' ')}`, `复议后起诉 ${VALUES.slice(10).join(' ')}`]);
    expect(rows.appeals.suitAfterReview.upheld).toBe(5);
  });
});
