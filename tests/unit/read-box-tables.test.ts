/**
 * Tables drawn with box characters (`w3m -dump` of a page whose tables have `border="1"`) or as grid tables
 * (`+---+`, `| a |`): each band between two rule lines becomes one tab-separated line, a cell's pieces joined top to
 * bottom, so a wrapped label and a number stacked one digit a line read whole.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { textOfBody } from '../../src/pipeline/read';
import { expandBoxTables } from '../../src/pipeline/read/formats/box-tables';

/** webCase('shape-web', 45)'s page with border="1" on its tables, dumped by `w3m -dump` (80 columns). */
const W3M_BOXES = readFileSync('tests/fixtures/shapes/w3m-boxes.txt', 'utf8');

describe('tables drawn with box characters', () => {
  it('become one line a row, stacked digits and wrapped labels joined', () => {
    expect(W3M_BOXES).toContain('│        │                                     │１ │   │３ │     │     │  │１ │\n│        │(一) 予以公开                        │５ │0  │７ │0    │０   │０│９ │\n');
    const body = textOfBody(W3M_BOXES);
    expect(body.reader).toBe('text-drawn-tables');
    expect(body.text).toContain('\t(一) 予以公开\t１５３\t0\t３７\t0\t０\t０\t１９０\n');
    expect(body.text).toContain('\t(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)\t３３\t０\t8\t１\t0\t0\t４２\n');
    const r = parseReport({ text: body.text, file: 'a.txt' });
    expect(r.requests.disclosed).toEqual({ natural: 153, commercial: 0, research: 37, nonprofit: 0, legal: 0, otherOrg: 0, total: 190 });
    expect(r.requests.received).toEqual({ natural: 264, commercial: 0, research: 67, nonprofit: 0, legal: 0, otherOrg: 0, total: 331 });
    expect(r.appeals.review).toEqual({ upheld: 3, corrected: 7, other: 0, pending: 0, total: 10 });
    expect(r.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'cell-blank')).toEqual([]);
  });

  it('keep the text a spanning cell prints beside a rule line', () => {
    const text = ['┌────┬────┬──┐', '│    │甲  │1 │', '│不予├────┼──┤', '│    │乙  │2 │', '└────┴────┴──┘'].join('\n');
    expect(expandBoxTables(text)).toEqual({ text: '\t甲\t1\n不予\t乙\t2', tables: 1 });
  });
});

describe('grid tables', () => {
  it('join a cell’s lines within a row', () => {
    const text = ['+------+-----+', '| 行政 | 1   |', '| 许可 | 2   |', '+======+=====+', '| 行政 | 3   |', '+------+-----+'].join('\n');
    expect(expandBoxTables(text)).toEqual({ text: '行政许可\t12\n行政\t3', tables: 1 });
  });

  it('leave Markdown tables as they are', () => {
    const text = ['| a | b |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |'].join('\n');
    expect(expandBoxTables(text)).toEqual({ text, tables: 0 });
  });
});
