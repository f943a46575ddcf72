/**
 * Table B printed by a PDF-to-Markdown converter that cuts tall label cells out of the table (上海市科委 2024 in
 * ../shared/corpus): rows whose labels stand as loose lines, sometimes rows away from their numbers, the numbers in
 * label-less one-row tables; a page number alone among them. A number row is placed by its place between two proved
 * rows (the template's rows between them, in order, each row's total holding), and a label beside it vetoes that
 * reading only when the label could own the row: a label on a line with a whole row of its own numbers cannot.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { APPLICANT_KEYS, REQUEST_ROWS, type RequestRowKey } from '../../src/schema';

/** A generated report in the md-detached shape (generateShaped('shape-160', 'md-detached')). */
const GENERATED = 'tests/fixtures/shapes/md-detached-early-label.txt';

const HEADER = ['| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |', `|${'---|'.repeat(8)}`];
/** Row i's cells: i + 1 natural persons, i % 3 companies, the total. */
const cellsOf = (i: number) => [i + 1, i % 3, 0, 0, 0, 0, i + 1 + (i % 3)];
const ROWS = REQUEST_ROWS.map((r, i) => ({ key: r.key as RequestRowKey, zh: r.zh, cells: cellsOf(i) }));
const row = (key: RequestRowKey) => ROWS.find((r) => r.key === key)!;
const expected = (key: RequestRowKey) => Object.fromEntries(APPLICANT_KEYS.map((k, c) => [k, row(key).cells[c]]));
const numbers = (key: RequestRowKey) => [`| ${row(key).cells.join(' | ')} |`, `|${'---|'.repeat(7)}`];

/** A report whose table B prints every row with its label, but for the lines `edit` gives a row instead. */
function report(edit: Partial<Record<RequestRowKey, string[]>>): string {
  const table = ROWS.flatMap((r) => edit[r.key] ?? [`| ${r.zh} | ${r.cells.join(' | ')} |`]);
  return [
    '2024年某市科学技术局政府信息公开工作年度报告',
    '一、总体情况',
    '本机关全年依法公开政府信息。',
    '三、收到和处理政府信息公开申请情况',
    ...HEADER,
    ...table,
    '四、政府信息公开行政复议、行政诉讼情况',
    '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

describe('table B rows whose labels a converter printed apart from their numbers', () => {
  it('places a number row between two whole rows by its place, its label printed rows before', () => {
    // 2.其他法律… printed above 1.属于国家秘密's row; its numbers in a table of their own below that row.
    const text = report({
      'withheld.stateSecret': [row('withheld.lawForbids').zh, `| ${row('withheld.stateSecret').zh} | ${row('withheld.stateSecret').cells.join(' | ')} |`],
      'withheld.lawForbids': numbers('withheld.lawForbids'),
    });
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests['withheld.lawForbids']).toEqual(expected('withheld.lawForbids'));
    expect(r.requests['withheld.stateSecret']).toEqual(expected('withheld.stateSecret'));
    expect(r.diagnostics.filter((d) => d.code.startsWith('table-b'))).toEqual([]);
  });

  it('places a number row after a block of labels that holds its own label, with a later row’s', () => {
    // 5.属于三类… and 1.本机关不掌握… as loose lines, then 5's numbers; 1's numbers later, after 8.属于行政查询事项.
    const text = report({
      'withheld.internal': [row('withheld.internal').zh, row('unavailable.notHeld').zh, ...numbers('withheld.internal')],
      'unavailable.notHeld': numbers('unavailable.notHeld'),
    });
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests['withheld.internal']).toEqual(expected('withheld.internal'));
    expect(r.requests['unavailable.notHeld']).toEqual(expected('unavailable.notHeld'));
  });

  it('places a row’s numbers printed before a block of labels whose own rows follow it whole', () => {
    // 上海市科委's 无法提供: 1.本机关不掌握… printed rows before; its numbers, then 2.没有现成… and 3.补正…, then their rows.
    const text = report({
      'withheld.internal': [row('withheld.internal').zh, row('unavailable.notHeld').zh, ...numbers('withheld.internal')],
      'unavailable.notHeld': numbers('unavailable.notHeld'),
      'unavailable.mustCreate': [row('unavailable.mustCreate').zh, row('unavailable.unclear').zh, ...numbers('unavailable.mustCreate')],
      'unavailable.unclear': numbers('unavailable.unclear'),
    });
    const r = parseReport({ text, file: 'a.md' });
    for (const key of ['withheld.internal', 'unavailable.notHeld', 'unavailable.mustCreate', 'unavailable.unclear'] as const) expect(r.requests[key]).toEqual(expected(key));
    // The same numbers with only one of the two rows after the labels: the row before them may be 2.没有现成…'s.
    const short = text.replace(numbers('unavailable.unclear').join('\n'), '');
    const s = parseReport({ text: short, file: 'a.md' });
    expect(s.requests['unavailable.notHeld'].natural).toBeNull();
  });

  it('leaves a number row null when the label beside it is another row’s and its own is not there', () => {
    // The numbers of 5.属于三类… after 1.本机关不掌握… alone: the label says they are another row's (rows swapped).
    const text = report({ 'withheld.internal': [row('unavailable.notHeld').zh, ...numbers('withheld.internal')], 'unavailable.notHeld': numbers('unavailable.notHeld') });
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests['withheld.internal'].natural).toBeNull();
    expect(r.diagnostics.some((d) => d.code === 'table-b-unproved' || d.code === 'table-b-ambiguous')).toBe(true);
  });

  it('sets a page number alone on a line apart from the whole rows around it, and says so', () => {
    const text = report({
      'notProcessed.repetitive': [row('notProcessed.repetitive').zh, row('notProcessed.confirmation').zh, ...numbers('notProcessed.repetitive'), '3'],
      'notProcessed.confirmation': numbers('notProcessed.confirmation'),
    });
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests['notProcessed.repetitive']).toEqual(expected('notProcessed.repetitive'));
    expect(r.requests['notProcessed.confirmation']).toEqual(expected('notProcessed.confirmation'));
    expect(r.diagnostics.filter((d) => d.code === 'table-b-unplaced-values').map((d) => d.message)).toEqual([expect.stringContaining('“3”不在表格行内')]);
  });

  it('reads a generated report whose run’s first label stands in the run before’s label block', () => {
    const text = readFileSync(GENERATED, 'utf8');
    // 6.属于四类过程性信息 among the first run's labels; 7.属于行政执法案卷 alone before the two rows' numbers; page 1.
    expect(text).toMatch(/1\.属于国家秘密\n6\.属于四类过程性信\n息\n\| —/);
    expect(text).toMatch(/7\.属于行政执法案卷\n\| 0 \| {2}\| 0 \| — \| 0 \| — \| 0 \|\n\|---\|---\|---\|---\|---\|---\|---\|\n1\n/);
    const r = parseReport({ text, file: 'a.md' });
    expect(r.requests['withheld.process']).toEqual({ natural: 0, commercial: null, research: 0, nonprofit: null, legal: 0, otherOrg: null, total: 0 });
    expect(r.requests['withheld.enforcementFile']).toEqual({ natural: null, commercial: null, research: 0, nonprofit: 0, legal: null, otherOrg: 0, total: null });
    expect(r.requests.partlyDisclosed).toEqual({ natural: 5, commercial: 2, research: 3, nonprofit: 0, legal: null, otherOrg: null, total: 10 });
  });
});

describe('section headings when the overview numbers its own parts like the sections', () => {
  it('takes the heading that gives the section’s own name', () => {
    const text = report({}).replace(
      '本机关全年依法公开政府信息。',
      ['本机关全年依法公开政府信息。', '二、工作机制保障', '健全制度。', '三、主动公开工作情况', '主动公开文件 12 件。', '一、主动公开政府信息情况', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|', '| 规章 | 2 | 0 | 9 |', '| 规范性文件 | 13 | 1 | 55 |'].join('\n'),
    );
    const r = parseReport({ text, file: 'a.md' });
    expect(r.proactive?.rules).toEqual({ issued: 2, repealed: 0, inForce: 9 });
    expect(r.proactive?.normativeDocs).toEqual({ issued: 13, repealed: 1, inForce: 55 });
    expect(r.sections.overview?.text).toContain('主动公开文件 12 件');
  });

  it('keeps the heading with the section’s own numeral before one that only gives its name', () => {
    const text = report({}).replace(
      '本机关全年依法公开政府信息。',
      ['本机关全年依法公开政府信息。', '一、主动公开政府信息情况', '全年主动公开文件 12 件。', '二、主动公开政府信息', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|', '| 规章 | 2 | 0 | 9 |'].join('\n'),
    );
    const r = parseReport({ text, file: 'a.md' });
    expect(r.proactive?.rules).toEqual({ issued: 2, repealed: 0, inForce: 9 });
    expect(r.sections.proactive?.title).toBe('二、主动公开政府信息');
  });
});
