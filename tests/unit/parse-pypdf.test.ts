/**
 * pypdf's `page.extract_text()` (what LangChain's PyPDFLoader and many Python scripts hand on) leaves out spaces it
 * judges narrow and puts others where a heading is letter-spaced: a blank mark run into the next cell's number ("7
 * -45"), two cells run together ("4 017" for 4, 0, 17), a number run into its label past a closing bracket ("情形）0")
 * or a wrapped label's last piece ("费3,429"), a thousands separator with a space on each side ("７１３ , ３５２"), a
 * page's footer before its first line ("— 1 —康 巴 什 区…"), a title spaced character by character. Each fixture is a
 * generated report printed by Chromium and read by pypdf (`npm run shape-case -- --prefix shape-pdf --i N --shape
 * pypdf`); its true values come from the generator.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { partsOf, splitLeadingFooters, toLines } from '../../src/pipeline/parse/lines';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { officeCase } from '../../src/generator/shapes/office';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { diagnosticText } from '../../src/lib/diagnostic-text';

/** The fixture parsed, and its cells read wrong or null without a diagnostic, and exact, against the generator's truth. */
function read(fixture: string, i: number) {
  const r = parseReport({ text: readFileSync(`tests/fixtures/shapes/${fixture}`, 'utf8'), file: 'a.txt' });
  const verdicts = cellVerdicts(pdfCase('shape-pdf', i).truth, r, r.diagnostics);
  const wrong = verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent').map((v) => `${v.path} ${v.expected} ${v.found}`);
  return { r, wrong, exact: (path: string) => verdicts.find((v) => v.path === path)?.verdict === 'exact' };
}

const values = (raw: string) => partsOf(toLines([raw])[0]).values.map((t) => (t.kind === 'number' ? t.value : t.printed));

describe('pypdf: cells run together', () => {
  it('reads no negative count: a blank mark run into a number leaves its row null, saying why (pdfCase(shape-pdf, 108))', () => {
    const { r, wrong } = read('pypdf-dash-run-into-number.txt', 108);
    expect(readFileSync('tests/fixtures/shapes/pypdf-dash-run-into-number.txt', 'utf8')).toContain('(七) 总计 24 8 6 0 7 -45');
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests!.handledTotal)).toEqual([null, null, null, null, null, null, null]);
    const d = r.diagnostics.find((x) => x.code === 'cell-unreadable' && x.path === 'requests.handledTotal');
    expect(d?.found).toBe('otherOrg -45');
    expect(diagnosticText(d!).expected).toBe('不小于 0 的数量');
  });

  it('keeps a negative number where the 2019 template prints one (本年增/减)', () => {
    expect(values('其他对外管理服务事项 52 -3 51608')).toEqual([52, -3, 51608]);
  });

  it('reads a number run into its label past a closing bracket as the row’s first cell (pdfCase(shape-pdf, 425))', () => {
    const { r, wrong } = read('pypdf-number-after-bracket.txt', 425);
    expect(readFileSync('tests/fixtures/shapes/pypdf-number-after-bracket.txt', 'utf8')).toContain('情形）0 1 0 0 0 / 1');
    expect(wrong).toEqual([]);
    expect(r.requests!.partlyDisclosed).toEqual({ natural: 0, commercial: 1, research: 0, nonprofit: 0, legal: 0, otherOrg: null, total: 1 });
    expect(values('3.危及“三安全一稳定”2 0 0 0 0 0 2')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  it('leaves a short row’s blanks unknown beside a number with a leading zero: "017" is 0 and 17 (pdfCase(shape-pdf, 173))', () => {
    const { r, wrong } = read('pypdf-leading-zero.txt', 173);
    expect(readFileSync('tests/fixtures/shapes/pypdf-leading-zero.txt', 'utf8')).toContain('一、本年新收政府信息公开申请数量 13 4 017');
    expect(wrong).toEqual([]);
    // Three numbers for seven columns, and the 0 run into 17 stands in one of the blanks: which one is not shown.
    const { natural, research, total, commercial, otherOrg } = r.requests!.received;
    expect([natural, research, total]).toEqual([13, 4, 17]);
    expect([commercial, otherOrg]).toEqual([null, null]);
    expect(r.diagnostics.some((d) => d.code === 'row-short' && d.path === 'requests.received' && d.severity === 'warning')).toBe(true);
  });
});

describe('pypdf: separators and labels', () => {
  it('joins a thousands separator with a space on each side to its two groups (pdfCase(shape-pdf, 882))', () => {
    const { r, wrong } = read('pypdf-comma-between-words.txt', 882);
    expect(readFileSync('tests/fixtures/shapes/pypdf-comma-between-words.txt', 'utf8')).toContain('其他对外管理服务事项 １３ ０ ７１３ , ３５２');
    expect(wrong).toEqual([]);
    expect(r.proactive2019?.otherServices).toEqual({ previousItems: 13, change: 0, decisions: 713352 });
  });

  it('reads a title spaced character by character after a page footer, and a fee run into its label (pdfCase(shape-pdf, 0))', () => {
    const { r, wrong, exact } = read('pypdf-spaced-title.txt', 0);
    expect(readFileSync('tests/fixtures/shapes/pypdf-spaced-title.txt', 'utf8')).toMatch(/^— 1 —康 巴 什 区 农 业 农 村 局\n二 〇 二 三 年 政 府/);
    expect(wrong).toEqual([]);
    expect([r.agencyName, r.year]).toEqual(['康巴什区农业农村局', 2023]);
    expect(r.diagnostics.some((d) => d.code === 'title-missing')).toBe(false);
    expect(r.proactive?.fees.amount).toBe(3429);
    expect(exact('proactive.fees.amount')).toBe(true);
  });

  it('cuts a page footer from the text run into it, keeping the line number; a row of blank marks and numbers stays', () => {
    const lines = splitLeadingFooters(toLines(['— 27 —(七) 总计 24 8', '— 3 — 0 5', '- 4 -2024 年度报告', '—12—']));
    expect(lines.map((l) => [l.no, l.raw])).toEqual([
      [1, '— 27 —'],
      [1, '(七) 总计 24 8'],
      [2, '— 3 — 0 5'],
      [3, '- 4 -'],
      [3, '2024 年度报告'],
      [4, '—12—'],
    ]);
  });
});

/** An office shape's fixture (officeCase('shape-office', i): a Word file made a PDF by LibreOffice, read by pypdf) against its truth. */
function readOffice(fixture: string, i: number) {
  const r = parseReport({ text: readFileSync(`tests/fixtures/shapes/${fixture}`, 'utf8'), file: 'a.txt' });
  const verdicts = cellVerdicts(officeCase('shape-office', i).truth, r, r.diagnostics);
  return { r, wrong: verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent').map((v) => `${v.path} ${v.expected} ${v.found}`), exact: verdicts.filter((v) => v.path.startsWith('requests.') && v.verdict === 'exact').length };
}

describe('pypdf: a number wrapped in a narrow cell', () => {
  it('leaves a cut label’s row null when its last number is as wide as the label’s pieces and a number follows alone (pdfCase(hunt52-pdf, 299))', () => {
    // "行政" / "事业" / "性收" / "费１１" / "１０": 上一年项目数量 111 wrapped as "１１" over "１", run into 本年增/减's "０".
    const text = readFileSync('tests/fixtures/shapes/pypdf-wrapped-fee.txt', 'utf8');
    expect(text).toContain('性收\n费１１\n１０\n');
    const r = parseReport({ text, file: 'a.txt' });
    const verdicts = cellVerdicts(pdfCase('hunt52-pdf', 299).truth, r, r.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(r.proactive2019!.fees).toEqual({ previousItems: null, change: null });
    expect(r.diagnostics.find((d) => d.path === 'proactive2019.fees')?.code).toBe('table-a-unproved');
  });
});

describe('pypdf: a table whose cells it separates by one spacing', () => {
  /** A web page's table layout printed by Chromium and read by pypdf: pdfCase(prefix, i, undefined, { tableLayouts: true }). */
  function readLayout(fixture: string, prefix: string, i: number) {
    const r = parseReport({ text: readFileSync(`tests/fixtures/shapes/${fixture}`, 'utf8'), file: 'a.txt' });
    const verdicts = cellVerdicts(pdfCase(prefix, i, undefined, { tableLayouts: true }).truth, r, r.diagnostics);
    return { r, wrong: verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent').map((v) => `${v.path} ${v.expected} ${v.found}`) };
  }

  it('places no value of a short row by its offset: three spaces between any two cells say nothing of columns (pdfCase(lay31-pdf, 132))', () => {
    const text = readFileSync('tests/fixtures/shapes/pypdf-layout-short-rows.txt', 'utf8');
    // Four values for seven columns, three blanks printed as nothing: the 0s were placed under other rows' values.
    expect(text).toContain('不再处理其政府信息公开申请  0   0   0   0 \n');
    const { r, wrong } = readLayout('pypdf-layout-short-rows.txt', 'lay31-pdf', 132);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests!['otherHandling.feeUnpaid'])).toEqual([null, null, null, null, null, null, null]);
    expect(r.diagnostics.find((d) => d.path === 'requests.otherHandling.feeUnpaid')).toMatchObject({ code: 'row-short', line: 101, found: '0 0 0 0' });
  });

  it('places no value beside a blank mark by its offset either (pdfCase(lay31-pdf, 769))', () => {
    const text = readFileSync('tests/fixtures/shapes/pypdf-layout-blank-marks.txt', 'utf8');
    expect(text).toContain('2.其他法律行政法规禁止公开   0   /   0   0   0   0 \n');
    const { r, wrong } = readLayout('pypdf-layout-blank-marks.txt', 'lay31-pdf', 769);
    expect(wrong).toEqual([]);
    for (const key of ['withheld.lawForbids', 'withheld.security'] as const) {
      expect(Object.values(r.requests![key]).every((v) => v === null)).toBe(true);
      expect(r.diagnostics.find((d) => d.path === `requests.${key}`)?.code).toBe('row-short');
    }
  });

  it('nor where its cells are three spaces apart and four after some (pdfCase(lay32-pdf, 539))', () => {
    const text = readFileSync('tests/fixtures/shapes/pypdf-layout-uneven-spacing.txt', 'utf8');
    expect(text).toContain('\n3.其他   0   0   0   0 \n');
    expect(text).toContain('(七) 总计   1755    196    80   60   ２０９１ \n');
    const { r, wrong } = readLayout('pypdf-layout-uneven-spacing.txt', 'lay32-pdf', 539);
    expect(wrong).toEqual([]);
    expect(Object.values(r.requests!['otherHandling.other']).every((v) => v === null)).toBe(true);
    expect(r.diagnostics.find((d) => d.path === 'requests.otherHandling.other')).toMatchObject({ code: 'row-short', found: '0 0 0 0' });
  });
});

describe('pypdf on a Word-made PDF: each row’s seven cells one run of digits', () => {
  it('splits a run where one split keeps the row’s total, when B1 and B2 then hold in every column (officeCase(shape-office, 10))', () => {
    const text = readFileSync('tests/fixtures/shapes/office-pypdf-row-runs.txt', 'utf8');
    expect(text).toContain('请数量１５３０４０３２５');
    const { r, wrong, exact } = readOffice('office-pypdf-row-runs.txt', 10);
    expect(wrong).toEqual([]);
    expect(r.requests!.received).toEqual({ natural: 15, commercial: 3, research: 0, nonprofit: 4, legal: 0, otherOrg: 3, total: 25 });
    expect(exact).toBe(175);
    expect(r.placement.requests.unread).toBe(0);
  });

  it('reads no row from runs when the table’s sums do not hold: a blank cell leaves no digit (officeCase(shape-office, 118))', () => {
    const { r, wrong } = readOffice('office-pypdf-row-runs-blank-vanished.txt', 118);
    expect(wrong).toEqual([]);
    // "（七）总计２４３０７６１７３３３９": 243 0 76 17, a blank, 3, 339; split one way only into seven cells that add up, wrongly.
    expect(readFileSync('tests/fixtures/shapes/office-pypdf-row-runs-blank-vanished.txt', 'utf8')).toContain('（七）总计２４３０７６１７３３３９');
    expect(Object.values(r.requests!.handledTotal)).toEqual([null, null, null, null, null, null, null]);
    expect(r.diagnostics.find((d) => d.code === 'digits-ambiguous' && d.path === 'requests.handledTotal')?.found).toBe('rules not holding, or cells blank');
    // Its table C, one run of digits too ("31400330000": fewer digits than cells), is not read.
    expect(Object.values(r.appeals!.review)).toEqual([null, null, null, null, null]);
  });

  it('reads a row whose label wraps a few characters a line, its run after any piece (officeCase(shape-office, 0))', () => {
    const text = readFileSync('tests/fixtures/shapes/office-pypdf-wrapped-labels.txt', 'utf8');
    // "3.危及" / "“三安" / "全一稳" / "定”7000007": the pieces spell the row's template label on, the run on the last one;
    // "3.补正" / "后申请130304020" / "内容仍" / "不明确": on a piece in the middle.
    expect(text).toContain('定”7000007');
    expect(text).toContain('后申请130304020\n内容仍\n不明确');
    const { r, wrong, exact } = readOffice('office-pypdf-wrapped-labels.txt', 0);
    expect(wrong).toEqual([]);
    expect(r.requests!['withheld.security']).toEqual({ natural: 7, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 7 });
    expect(r.requests!['unavailable.unclear']).toEqual({ natural: 13, commercial: 0, research: 3, nonprofit: 0, legal: 4, otherOrg: 0, total: 20 });
    expect(exact).toBe(161);
    expect(r.placement.requests.unread).toBe(0);
  });

  it('reads a row whose label follows its group’s on one line, and its run that splits two ways (officeCase(shape-office, 6))', () => {
    const text = readFileSync('tests/fixtures/shapes/office-pypdf-group-pieces.txt', 'utf8');
    // "(四) 无" / "法提供1.本机" / "关不掌" / "握相关" / "政府信" / "息130013017": 1.本机关不掌握相关政府信息 starts after
    // its group's last characters, and its run splits as 13 0 0 1 3 0 17 or 1 30 0 1 3 0 17 (B1 and B2 choose).
    expect(text).toContain('法提供1.本机\n关不掌\n握相关\n政府信\n息130013017');
    const { r, wrong, exact } = readOffice('office-pypdf-group-pieces.txt', 6);
    expect(wrong).toEqual([]);
    expect(r.requests!['unavailable.notHeld']).toEqual({ natural: 13, commercial: 0, research: 0, nonprofit: 1, legal: 3, otherOrg: 0, total: 17 });
    expect(r.requests!.partlyDisclosed).toEqual({ natural: 14, commercial: 0, research: 0, nonprofit: 1, legal: 7, otherOrg: 0, total: 22 });
    expect(exact).toBe(175);
    expect(r.placement.requests.unread).toBe(0);
  });

  it('splits a run with blank marks among its digits, each mark a blank cell (officeCase(shape-office, 19) and 8)', () => {
    // "理结果（一）予以公开 1101//113": 11 0 1, two blanks, 1 13; "请数量6无31无010": 6, a blank, 3 1, a blank, 0 10.
    const slash = readOffice('office-pypdf-slash-marks.txt', 19);
    expect(readFileSync('tests/fixtures/shapes/office-pypdf-slash-marks.txt', 'utf8')).toContain('予以公开 1101//113');
    expect(slash.wrong).toEqual([]);
    expect(slash.r.requests!.disclosed).toEqual({ natural: 11, commercial: 0, research: 1, nonprofit: null, legal: null, otherOrg: 1, total: 13 });
    expect(slash.r.placement.requests.unread).toBe(0);
    const wu = readOffice('office-pypdf-wu-marks.txt', 8);
    expect(readFileSync('tests/fixtures/shapes/office-pypdf-wu-marks.txt', 'utf8')).toContain('请数量6无31无010');
    expect(wu.wrong).toEqual([]);
    expect(wu.r.requests!.received).toEqual({ natural: 6, commercial: null, research: 3, nonprofit: 1, legal: null, otherOrg: 0, total: 10 });
    expect(wu.r.placement.requests.unread).toBe(0);
  });

  it('leaves out of its line a run that splits more ways than one, saying so', () => {
    const text = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量 1100000 11', '二、上年结转政府信息公开申请数量 110000011'].join('\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.diagnostics.some((d) => d.code === 'digits-ambiguous' && d.found === '110000011: 2 splits')).toBe(true);
    expect(r.requests?.carriedOver.total ?? null).toBeNull();
  });
});

describe('runs of digits that split more ways than one', () => {
  it('reads them where exactly one combination of their splits makes B1 and B2 hold in every column', () => {
    // 新收 and 总计 split two ways each (11 0 0 0 0 0 11 or 1 10 0 0 0 0 11); 予以公开 and 部分公开 one way each (1 2 … 3,
    // 0 8 … 8), so B2 takes 总计 as 1 10 … 11, and B1 新收 likewise.
    const rows = [
      ['一、本年新收政府信息公开申请数量', '110000011'],
      ['二、上年结转政府信息公开申请数量', '0000000'],
      ['（一）予以公开', '1200003'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '0800008'],
      ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => [l, '0000000']),
      ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l) => [l, '0000000']),
      ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l) => [l, '0000000']),
      ...['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l) => [l, '0000000']),
      ['（七）总计', '110000011'],
      ['四、结转下年度继续办理', '0000000'],
    ];
    const text = ['三、收到和处理政府信息公开申请情况', ...rows.map(([l, run]) => `${l}${run}`)].join('\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.requests!.disclosed).toEqual({ natural: 1, commercial: 2, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 3 });
    expect(r.requests!.received).toEqual({ natural: 1, commercial: 10, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 11 });
    expect(r.requests!.handledTotal).toEqual(r.requests!.received);
    expect(r.diagnostics.filter((d) => d.code === 'digits-ambiguous' && d.severity === 'warning')).toEqual([]);
  });
});

describe('pypdf: rows spaced from their labels, not laid out in columns', () => {
  it('places no short row by where its numbers stand (pdfCase(lay40-pdf, 201) in the table layouts)', () => {
    // Every row of table B is short (blank cells printed as nothing) and each starts two to five spaces after its own
    // label, wherever the label ends: "3.要求提供公开出版物   ８     2   ０   0   10". Before 1.5.126 a grid made of those
    // short rows alone (no row of seven to check it) put the 8 under 科研机构; it is 自然人's.
    const text = readFileSync('tests/fixtures/shapes/pypdf-table-layouts-spaced-from-labels.txt', 'utf8');
    expect(text).toContain('\n3.要求提供公开出版物   ８     2   ０   0   10  \n');
    const r = parseReport({ text, file: 'a.txt' });
    const verdicts = cellVerdicts(pdfCase('lay40-pdf', 201, undefined, { tableLayouts: true }).truth, r, r.diagnostics);
    expect(verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
    expect(r.requests['notProcessed.publication'].research).toBeNull();
    // The rows the table's sums place (B1, B2 and B3 with blank cells as 0) are still read.
    expect(r.requests.received).toMatchObject({ natural: 2118, nonprofit: 376, total: 2494 });
  });
});
