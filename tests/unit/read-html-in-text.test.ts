/**
 * HTML inside a .md or .txt file: PDF-to-Markdown converters write tables with merged cells as HTML (MinerU writes
 * every table so, one table a line) and line breaks inside Markdown table cells as <br>. The read stage makes each
 * table the lines the web page reader makes of one, and a <br> a space, so the parser reads the numbers as in a page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { readSource } from '../../src/pipeline/read';
import { expandHtmlInText } from '../../src/pipeline/read/formats/html-in-text';

/** generateShaped('shape-12', 'md-html', shapeTruthOptions(12)): Markdown prose, tables as one-line HTML. */
const FIXTURE = 'tests/fixtures/shapes/md-html-tables.md';
const dir = mkdtempSync(path.join(tmpdir(), 'html-in-text-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML tables inside a Markdown file', () => {
  const text = readFileSync(FIXTURE, 'utf8');

  it('are read as the web page reader reads tables: every cell by its row and column', async () => {
    expect(text).toMatch(/^<html><body><table><tr><th rowspan="3" colspan="3">/m);
    expect(text).toContain('<td rowspan="22">');
    writeFileSync(path.join(dir, 'report.md'), text);
    const doc = await readSource(dir, 'report.md');
    expect(doc.reader).toBe('text-html-tables');
    expect(doc.text).not.toContain('<td');
    const r = parseReport({ text: doc.text!, file: 'report.md' });
    expect(r.requests.received).toEqual({ natural: 4, commercial: 2, research: 0, nonprofit: 0, legal: 1, otherOrg: null, total: 7 });
    expect(r.requests['otherHandling.other']).toEqual({ natural: null, commercial: 0, research: 0, nonprofit: null, legal: null, otherOrg: 0, total: 0 });
    expect(r.appeals.review).toEqual({ upheld: 0, corrected: 0, other: 3, pending: null, total: 3 });
    expect(r.appeals.suitDirect).toEqual({ upheld: 0, corrected: null, other: null, pending: 3, total: 3 });
    expect(r.proactive?.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('are lost when left as HTML (what the conversion is for)', () => {
    const r = parseReport({ text, file: 'report.md' });
    expect(r.requests.received.total).toBeNull();
  });

  it('keep the text around them, and two tables on one line stay two', () => {
    const two = 'before<table><tr><td>规章</td><td>1</td></tr></table><table><tr><td>行政许可</td><td>2</td></tr></table>after';
    expect(expandHtmlInText(two)).toEqual({ text: 'before\n规章\t1\n\n行政许可\t2\nafter', tables: 2 });
  });
});

describe('<br> inside a Markdown table cell', () => {
  it('is a space, so the row stays one line and its label one label', () => {
    const row = '| （二）部分公开（区分处理的，只计这一情形，<br>不计其他情形） | 3 | 0 | 0 | 0 | 0 | 0 | 3 |';
    const { text, tables } = expandHtmlInText(`${row}\n| 1.属于国家秘密<br/> | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`);
    expect(tables).toBe(0);
    expect(text.split('\n')).toEqual([
      '| （二）部分公开（区分处理的，只计这一情形， 不计其他情形） | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      '| 1.属于国家秘密  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ]);
  });

  it('leaves a text without HTML as it is', () => {
    const plain = '一、总体情况\n本机关 2024 年主动公开信息 <5 条的栏目不计。\n';
    expect(expandHtmlInText(plain)).toEqual({ text: plain, tables: 0 });
  });
});
