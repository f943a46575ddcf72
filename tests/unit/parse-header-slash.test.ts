/**
 * The 2019 template's table A header 本年增/减 printed as pdf.js text items, one per line ("本年增" / "/" / "减"): the
 * slash is part of the header word, not a blank cell's mark, so the rows under that header keep their three numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated 2019-template report printed by Chromium, read as pdf.js text items (pdfCase('shape-pdf', 9)). */
const GENERATED = 'tests/fixtures/shapes/pdfjs-items-2019-header-slash.txt';

describe('a header word cut around its slash', () => {
  const text = readFileSync(GENERATED, 'utf8');

  it('reads the rows under it', () => {
    expect(text).toContain('上一年项目数量\n本年增\n/\n减\n处理决定数量\n行政许可\n68\n0\n595\n其他对外管理服务事项\n52\n-3\n51608\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive2019?.licensing).toEqual({ previousItems: 68, change: 0, decisions: 595 });
    expect(r.proactive2019?.otherServices).toEqual({ previousItems: 52, change: -3, decisions: 51608 });
    expect(r.diagnostics.filter((d) => d.code === 'table-a-unproved')).toEqual([]);
  });

  it('keeps a slash between other lines a blank cell', () => {
    const r = parseReport({ text: text.replace('本年增\n/\n减\n', '本年增减\n').replace('行政许可\n68\n0\n595\n', '行政许可\n68\n/\n595\n'), file: 'a.txt' });
    expect(r.proactive2019?.licensing).toEqual({ previousItems: 68, change: null, decisions: 595 });
  });
});
