/**
 * A numbered sub-row label whose words lost characters (PDF extraction) is named by its number and the row before it:
 * also when a character of a vertical group label stands before the number ("结6.属于四类过性信息"), when the group's
 * own label is printed among its rows ("理 （三）不予公开" between rows 4 and 5), and for a "1." right after the
 * previous group's last row ("1.本机掌握相关政府信息" after "8.属于行政查询事项", its group label below it).
 */
import { describe, expect, it } from 'vitest';
import { compareTables } from '../../src/generator/compare';
import { runCase } from '../property/harness';

const exact = (seed: string, template?: '2019') => {
  const c = runCase(seed, { layout: 'pdf-text', ...(template ? { template } : {}) });
  return { text: c.text, misses: compareTables(c.report.truth, c.parsed!, ['requests']).map((m) => m.path) };
};

describe('numbered sub-rows with characters dropped from their words', () => {
  it('reads a row whose number follows a vertical group label’s character', () => {
    const { text, misses } = exact('wide-rt-2021-pdf-text-311');
    expect(text).toMatch(/结 6\.属于四类过性信息/);
    expect(misses).toEqual([]);
  });

  it('reads the sub-row after its group’s own label printed among the group’s rows', () => {
    const { text, misses } = exact('wide-rt-2021-pdf-text-453');
    expect(text).toMatch(/理 （三）不予公开\n\n结 5\.属于三类内事务信息/);
    expect(misses).toEqual([]);
  });

  it('reads the numbers on the line with the rest of a label wrapped over two lines', () => {
    const c = runCase('wide2-rt-2021-pdf-text-1379', { layout: 'pdf-text' });
    expect(c.text).toMatch(/5\.要求行政机关确认或重新\n\n出具已获取信息 6 3 1 — 1 0 11/);
    expect(c.parsed!.requests['notProcessed.confirmation']).toEqual(c.report.truth.requests['notProcessed.confirmation']);
  });

  it('reads a "1." after the last row of the group before as the next group’s first row', () => {
    const { text, misses } = exact('wide-rt-2019-pdf-text-42', '2019');
    expect(text).toMatch(/8\.属于行政查询事项 42 0 0 0 0 0 42\n1\.本机掌握相关政府信息 302/);
    expect(misses).toEqual([]);
  });
});
