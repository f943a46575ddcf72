/**
 * Table C's proof rule (src/pipeline/parse/table-c.ts): its fifteen numbers are placed by the header's order only
 * when they stand after the header and nothing but their own columns' header cells stands between them; numbers
 * before the header, text of another table between them, or more numbers than the table has leave it null.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../src/lib/diagnostic-text';
import { parseReport } from '../../src/pipeline/parse';
import { DiagnosticLog } from '../../src/pipeline/parse/diagnostics';
import { toLines } from '../../src/pipeline/parse/lines';
import { parseTableC } from '../../src/pipeline/parse/table-c';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { officeCase } from '../../src/generator/shapes/office';
import { pdfCase } from '../../src/generator/shapes/pdf';

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

  it('places nothing of a short table without positions, even where C1 would hold in one reading only', () => {
    // webCase('hunt-web', 1763) as pandoc printed it, without its columns: review 0 2 3 5 and suitDirect 1 0 1 2 with
    // their first cells blank, and suitAfterReview's total 2 alone (the agency's own C1 break). Moving the blanks,
    // suitDirect [∅ 1 0 ∅ 1] and suitAfterReview [2 ∅ ∅ ∅ 2] add up: a reading by C1 alone would be wrong.
    const { appeals, diagnostics } = read([HEADING, ...HEADER, '0 2 3 5 1 0 1 2 2']);
    expect(appeals.suitDirect.total).toBeNull();
    expect(appeals.suitAfterReview.upheld).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['table-c-count']);
  });

  it('places each number under its column’s header word where the text keeps columns by position (w3m: display width, a number stacked in a narrow column)', () => {
    // webCase('shape-web', 45) dumped by `w3m -dump`: 10 printed "１" over "０" in the 总计 column.
    const lines = [
      '四、因政府信息公开工作被申请行政复议、行政诉讼情况',
      '',
      '         行政复议                                行政诉讼',
      '结果  结果  其他  尚未  总      未经复议直接起诉              复议后起诉',
      '维持  纠正  结果  审结  计 结果  结果  其他  尚未  总 结果  结果  其他  尚未  总',
      '                           维持  纠正  结果  审结  计 维持  纠正  结果  审结  计',
      '３    ７    0     0     １ 0     0     ０    0     ０ 6     0     ０    ０    6',
      '                        ０',
    ];
    const all = toLines(lines);
    const log = new DiagnosticLog('t.txt');
    const { appeals, placement } = parseTableC(all, 0, all.length, log, true);
    expect(appeals.review).toEqual({ upheld: 3, corrected: 7, other: 0, pending: 0, total: 10 });
    expect(appeals.suitAfterReview).toEqual({ upheld: 6, corrected: 0, other: 0, pending: 0, total: 6 });
    expect(placement.method).toBe('label');
    // Counted in characters (as pdftotext -layout text is), the same lines place nothing by position.
    expect(read(lines).appeals.review.total).toBeNull();
  });

  it('does not place numbers by the header in pdftotext -layout text, whose header words drift from the numbers (pdfCase(\'shape-pdf\', 18))', () => {
    // 尚未审 stands over the 1 of 其他结果 (suitDirect.other), and the 0 of 尚未审结 after it under no header word.
    const { appeals } = read([
      '四、因政府信息公开工作被申请行政复议、行政诉讼情况',
      '           行政复议                                   行政诉讼',
      '                                  未经复议直接起诉                        复议后起诉',
      '结果维 结果纠 其他结 尚未审        总',
      ' 持   正   果   结         计   结果维 结果纠 其他结 尚未审         总   结果维 结果纠 其他结 尚未审        总',
      '                            持   正   果   结          计    持   正   果   结         计',
      ' ２     ０     ０         ２      ０        １      ０    １    ０           ０     ０   ０',
    ]);
    expect(appeals.review.total).toBeNull();
    expect(appeals.suitDirect.other).toBeNull();
  });
});

describe('table C one number a line, C1 broken as read (officeCase(hunt15-office, 117), MuPDF on a LibreOffice PDF)', () => {
  const text = readFileSync('tests/fixtures/shapes/mutool-libreoffice-table-c-wrapped-and-empty.txt', 'utf8');
  const NONE = { upheld: null, corrected: null, other: null, pending: null, total: null };

  it('is not read when a number wrapped in its cell and a cell printed as nothing explain the count of fifteen', () => {
    // 0 0 — 0 0 | 29 29 37 30 125 | 0 13 0 0 13: the blank printed as nothing, 125 as "１２" over "５".
    expect(text).toContain('\n0\n0\n０\n0\n29\n29\n37\n３０\n１２\n５\n\n0\n13\n0\n0\n13\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.appeals).toEqual({ review: NONE, suitDirect: NONE, suitAfterReview: NONE });
    expect(r.diagnostics.find((d) => d.path === 'appeals')?.code).toBe('table-c-unproved');
  });

  it('is read as printed when every group adds up, and when C1 breaks with no such other reading', () => {
    const fixed = text.replace('\n0\n0\n０\n0\n29\n29\n37\n３０\n１２\n５\n', '\n0\n0\n—\n0\n0\n29\n29\n37\n３０\n１２５\n');
    expect(parseReport({ text: fixed, file: 'a.txt' }).appeals.suitDirect).toEqual({ upheld: 29, corrected: 29, other: 37, pending: 30, total: 125 });
    // A real break (total 126 for 125) with nothing wrapped: read as printed, the break for the check stage to report.
    const broken = fixed.replace('１２５', '１２６');
    expect(parseReport({ text: broken, file: 'a.txt' }).appeals.suitDirect).toEqual({ upheld: 29, corrected: 29, other: 37, pending: 30, total: 126 });
  });
});

describe('table C in a terminal’s dump with its numbers on two lines (webCase(lay15-web, 218, { tableLayouts: true }), w3m)', () => {
  const text = readFileSync('tests/fixtures/shapes/w3m-table-c-totals-a-line-lower.txt', 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^[\s\u00a0]*０[\s\u00a0]+０[\s\u00a0]+０[\s\u00a0]+０[\s\u00a0]+２/.test(l));

  it('is not read in line order: each group’s total stands a line lower, under its narrow 总/计 column', () => {
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1].trim().split(/[\s\u00a0]+/)).toEqual(['０', '２', '０']);
    const r = parseReport({ text, file: 'a.txt' });
    // Read in line order the totals were 2, 0, 0 for review, suitDirect's first cells shifted: wrong cells, C1 broken.
    expect(r.appeals.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.diagnostics.find((d) => d.path === 'appeals')?.found).toMatch(/^numbers on 2 lines: /);
  });

  it('is read in the header’s order when the fifteen numbers stand on one line', () => {
    const one = [...lines.slice(0, at), '  ０    ０    ０    ０    ０    ２    ０    ０    ０    ２    ０    ０    ０    ０    ０', ...lines.slice(at + 2)].join('\n');
    const r = parseReport({ text: one, file: 'a.txt' });
    expect(r.appeals.suitDirect).toEqual({ upheld: 2, corrected: 0, other: 0, pending: 0, total: 2 });
  });
});

describe('table C as text blocks, one holding a row’s four numbers (pdfCase(hunt19-pdf, 427), poppler’s default mode)', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-table-c-blocks-out-of-order.txt', 'utf8');
  const NONE = { upheld: null, corrected: null, other: null, pending: null, total: null };
  // 0 0 0 38 38 | 19 35 28 35 117 | 0 0 0 0 0, printed with two of the first group's zeros last.
  const BLOCKS = '\n０\n\n３８\n\n３８\n\n１９\n\n３５ ２８ ３５ １１７\n\n０\n\n０\n\n０\n\n０\n\n０\n\n０\n\n０\n';

  it('is not read in the blocks’ order when C1 breaks in it', () => {
    expect(text).toContain(BLOCKS);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.appeals).toEqual({ review: NONE, suitDirect: NONE, suitAfterReview: NONE });
    expect(r.diagnostics.find((d) => d.path === 'appeals')?.code).toBe('table-c-unproved');
  });

  it('is not read in that order when every group adds up either (the blocks’ order is the tool’s), but is when all fifteen are alike', () => {
    // Since 1.5.103: two of a group's first four cells, or two groups, can change places and keep C1.
    const ordered = text.replace(BLOCKS, '\n０\n\n０\n\n０\n\n３８\n\n３８\n\n１９\n\n３５ ２８ ３５ １１７\n\n０\n\n０\n\n０\n\n０\n\n０\n');
    expect(ordered).not.toBe(text);
    const r = parseReport({ text: ordered, file: 'a.txt' });
    expect(r.appeals).toEqual({ review: NONE, suitDirect: NONE, suitAfterReview: NONE });
    expect(r.diagnostics.find((d) => d.path === 'appeals')?.code).toBe('table-c-unproved');
    const zeros = parseReport({ text: text.replace(BLOCKS, `\n${'０\n\n'.repeat(15)}`), file: 'a.txt' });
    expect(zeros.appeals.suitDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(zeros.placement.appeals).toMatchObject({ method: 'arithmetic', byArithmetic: 15, unread: 0 });
  });
});

describe('table C as text blocks of 0s and blank marks (pdfCase(hunt36-pdf, 148), poppler’s default mode)', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-table-c-zeros-and-blanks-apart.txt', 'utf8');
  const NONE = { upheld: null, corrected: null, other: null, pending: null, total: null };
  // 0 0 无 无 无 | 0 0 无 无 无 | 0 无 无 无 0, printed in blocks that put a 0 where a 无 stands: review's total read 0.
  const BLOCKS = '\n\f0\n\n0\n\n无\n\n无\n\n0\n\n无\n\n０\n\n无\n\n无\n\n无\n\n０\n\n无\n\n无\n\n无\n\n0\n';

  it('proves no 0 and no blank in its cell: C1 holds whichever way they change places', () => {
    expect(text).toContain(BLOCKS);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.appeals).toEqual({ review: NONE, suitDirect: NONE, suitAfterReview: NONE });
    expect(r.diagnostics.filter((d) => d.path === 'appeals').map((d) => d.code)).toEqual(['table-c-unproved']);
    expect(r.diagnostics.filter((d) => d.path?.startsWith('appeals.'))).toEqual([]);
  });

  it('keeps no other number in its place either: blocks of a group can change places with another group’s', () => {
    const r = parseReport({ text: text.replace(BLOCKS, '\n\f7\n\n0\n\n无\n\n无\n\n7\n\n无\n\n０\n\n无\n\n无\n\n无\n\n３\n\n无\n\n无\n\n无\n\n3\n'), file: 'a.txt' });
    expect(r.appeals).toEqual({ review: NONE, suitDirect: NONE, suitAfterReview: NONE });
    expect(r.placement.appeals).toEqual({ method: 'none', byLabel: 0, byArithmetic: 0, unread: 15 });
  });
});

describe('table C as text blocks whose groups keep C1 in the order printed (poppler’s default mode)', () => {
  const cases = [
    // "０ １６ ３ ２８ ４７ ０ ３３ ２３ ０ ５６ ０ ０ ０ ０ ０" for 0 16 3 28 47 | 0 0 0 0 0 | 33 23 0 0 56: a run of blocks moved.
    { file: 'pdftotext-default-table-c-groups-moved.txt', truth: () => pdfCase('lay22-pdf', 770, undefined, { tableLayouts: true }).truth, blocks: '\n０\n\n１６\n\n３\n\n２８\n\n４７\n\n０\n\n３３\n\n２３\n\n０\n\n５６\n' },
    // "0 １ 1 0 2 | …" for 1 0 1 0 2: two cells of two fonts (ASCII and full-width digits) in each other's place.
    { file: 'pdftotext-default-table-c-two-fonts-swapped.txt', truth: () => pdfCase('lay23-pdf', 118, undefined, { tableLayouts: true }).truth, blocks: '\f0\n\n１\n\n1\n\n0\n\n2\n' },
  ];
  for (const c of cases)
    it(`are not read in that order: ${c.file} (read wrong before 1.5.103)`, () => {
      const text = readFileSync(`tests/fixtures/shapes/${c.file}`, 'utf8');
      expect(text).toContain(c.blocks);
      const r = parseReport({ text, file: 'a.txt' });
      expect(cellVerdicts(c.truth(), r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
      expect(r.placement.appeals).toMatchObject({ method: 'none', unread: 15 });
      expect(r.diagnostics.find((d) => d.path === 'appeals')?.code).toBe('table-c-unproved');
    });
});

describe('table C printed as one run of digits (pypdf: the cells of a Word table run together)', () => {
  const run = (digits: string) => read([HEADING, ...HEADER, digits]);

  it('reads fifteen zeros as fifteen cells: no cell can hold two digits (no leading zero), so none was left blank', () => {
    const { appeals, placement, diagnostics } = run('000000000000000');
    for (const g of ['review', 'suitDirect', 'suitAfterReview'] as const) expect(appeals[g]).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(placement.method).toBe('label');
    expect(diagnostics).toEqual([]);
  });

  it('reads a last digit after fourteen zeros too, and keeps the full-width digits as printed', () => {
    const { appeals, diagnostics } = run('００００００００００００００３');
    expect(appeals.suitAfterReview).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 3 });
    expect(diagnostics).toEqual([]);
  });

  it('leaves any other run null: a blank cell prints nothing, so a digit other than 0 could start a two-digit cell', () => {
    // 1 0 0 0 1 | 0 0 0 0 0 | 0 0 0 0 0, or 10 ∅ 0 0 1 | …: both keep every group's total.
    for (const digits of ['100010000000000', '0000000000000000', '1010000000050000']) {
      const { appeals, diagnostics } = run(digits);
      expect(appeals.review.upheld).toBeNull();
      expect(diagnostics.map((d) => d.code)).toContain('digits-ambiguous');
    }
  });

  it('reads the run of a Word report read by pypdf cell for cell (officeCase(shape-office, 5))', () => {
    const file = 'tests/fixtures/shapes/office-pypdf-table-c-zeros-run.txt';
    expect(readFileSync(file, 'utf8')).toContain('审结总计\n000000000000000\n五、');
    const r = parseReport({ text: readFileSync(file, 'utf8'), file: 'a.txt' });
    const verdicts = cellVerdicts(officeCase('shape-office', 5).truth, r, r.diagnostics).filter((v) => v.path.startsWith('appeals.'));
    expect(verdicts.length).toBe(15);
    expect(verdicts.filter((v) => v.verdict !== 'exact')).toEqual([]);
  });
});

describe('table C after a page footer run into its numbers (pypdf prints a page’s footer before its first line)', () => {
  const ROW = '— 3 — 2 5 0 0 0 0 0 — — 0 0 0';

  it('reads a row that starts with a blank mark, a number and a blank mark where no footer is in sequence', () => {
    const { appeals, diagnostics } = read([HEADING, ...HEADER, ROW]);
    expect(appeals.review).toEqual({ upheld: null, corrected: 3, other: null, pending: 2, total: 5 });
    expect(diagnostics.map((d) => d.code)).toEqual(['cell-blank', 'cell-blank']);
  });

  it('leaves it null when its dash, number and dash continue the footers printed alone (— 2 — before it)', () => {
    const { appeals, diagnostics } = read(['— 2 —', HEADING, ...HEADER, ROW]);
    expect(appeals.review.corrected).toBeNull();
    expect(diagnostics.find((d) => d.code === 'table-c-unproved')?.found).toBe(`a page footer run into the numbers: ${ROW}`);
  });

  it('reads no number of "— 120 —— 3 2 5 …" (pdfCase(hunt54-pdf, 189) by pypdf: 120 was read as 行政复议’s 纠正, 5 wrong cells)', () => {
    const file = 'tests/fixtures/shapes/pypdf-table-c-footer-run-in.txt';
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('— 119 —三 、 收 到');
    expect(text).toContain('\n— 120 —— 3 2 5 0 0 0 0 0 — 0 0 0\n');
    const r = parseReport({ text, file: 'a.txt' });
    const verdicts = cellVerdicts(pdfCase('hunt54-pdf', 189).truth, r, r.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(r.placement.appeals).toMatchObject({ method: 'none', unread: 15 });
    const d = r.diagnostics.find((x) => x.code === 'table-c-unproved')!;
    expect(diagnosticText(d).found).toBe('页码与数字连在一起：— 120 —— 3 2 5 0 0 0 0 0 — 0 0 0');
  });
});
