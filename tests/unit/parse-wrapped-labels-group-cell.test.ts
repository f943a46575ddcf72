/**
 * A web page's table B with long labels wrapped in a narrow column and each group's label in a cell spanning its rows,
 * printed to PDF by Chromium and read by the pipeline's PDF reader (tests/formats/pdf-layouts.test.ts, 'wrapped-labels,
 * no borders', case 36): a row's numbers stand on a line of their own between the two halves of its label, and the
 * group's label is centred beside its rows, on the line of its middle row's numbers. Row 8.属于行政查询事项 is printed
 * blank (no line of numbers at all). Neither the group's label nor the blank row may take another row's numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

const FIXTURE = 'tests/fixtures/shapes/pdf-reader-wrapped-labels-blank-row.txt';
const NONE = { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null };

describe('a wrapped-label table whose group labels stand on a sub-row\u2019s line of numbers', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const r = parseReport({ text, file: 'a.pdf' });

  it('reads each row\u2019s numbers after its own label, the group\u2019s label naming none', () => {
    expect(text).toContain('2.没有现成信\n（四）无法提供\t３\t０\t—\t０\t—\t—\t３\n息需要另行制作\n');
    expect(r.requests['unavailable.mustCreate']).toEqual({ natural: 3, commercial: 0, research: null, nonprofit: 0, legal: null, otherOrg: null, total: 3 });
    expect(r.requests['unavailable.unclear']).toEqual({ natural: 0, commercial: null, research: null, nonprofit: 1, legal: null, otherOrg: 0, total: 1 });
    // The group's own line is not printed: nothing may stand there (it was read 3 0 — 0 — — 3, mustCreate's numbers).
    expect(Object.values(r.requests.unavailable ?? NONE).every((v) => v === null)).toBe(true);
  });

  it('places neither a row printed blank nor the next, whose numbers could be either\u2019s', () => {
    // "8.属于行政查" / "询事项" / "1.本机关不掌" / numbers: 1.'s here (8. printed blank), but labels printed in a block
    // before their numbers look the same (see below): neither row is proved. The rows before and after are.
    expect(text).toContain('8.属于行政查\n询事项\n1.本机关不掌\n\t１８\t—\t—\t１\t—\t０\t１９\n握相关政府信息\n');
    expect(r.requests['withheld.inquiry']).toEqual(NONE);
    expect(r.diagnostics.some((d) => d.code === 'row-no-values' && d.path === 'requests.withheld.inquiry')).toBe(true);
    expect(r.requests['unavailable.notHeld']).toEqual(NONE);
    expect(r.diagnostics.find((d) => d.code === 'table-b-unplaced-values')?.found).toBe('18 — — 1 — 0 19 after two labels, the first without numbers');
    expect(r.requests['withheld.enforcementFile']).toEqual({ natural: 1, commercial: null, research: null, nonprofit: 1, legal: 0, otherOrg: null, total: 2 });
    expect(r.requests['unavailable.unclear']).toEqual({ natural: 0, commercial: null, research: null, nonprofit: 1, legal: null, otherOrg: 0, total: 1 });
  });

  it('does not give the numbers after two labels to the second when the first\u2019s numbers were dropped', () => {
    // 7. and 8. printed as a block of labels, then 7.'s numbers: right after 8.'s label, but 7.'s.
    const block = text.replace('7.属于行政执\n\t１\t—\t—\t１\t０\t—\t２\n法案卷\n8.属于行政查\n询事项\n', '7.属于行政执法案卷\n8.属于行政查询事项\n\t１\t—\t—\t１\t０\t—\t２\n');
    expect(block).not.toBe(text);
    const d = parseReport({ text: block, file: 'a.pdf' });
    expect(d.requests['withheld.inquiry']).toEqual(NONE);
    expect(d.requests['withheld.enforcementFile']).toEqual(NONE);
    expect(d.requests['withheld.process']).toEqual({ natural: null, commercial: null, research: 0, nonprofit: null, legal: null, otherOrg: 0, total: 0 });
  });

  it('does not give a row the numbers that follow text it cannot be the rest of', () => {
    // The numbers after "1.本机关不掌" with that label garbled beyond recognition are not 8.'s (its label's rest is 询事项).
    const garbled = text.replace('1.本机关不掌\n', '1.XYZ不掌\n');
    const g = parseReport({ text: garbled, file: 'a.pdf' });
    expect(g.requests['withheld.inquiry']).toEqual(NONE);
    expect(g.requests['unavailable.notHeld']).toEqual(NONE);
  });
});
