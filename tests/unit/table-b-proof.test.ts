/**
 * Table B's proof rules (src/pipeline/parse/table-b.ts): a number goes into a cell only when its label stands with it,
 * or when it fills exactly the template rows between two proved rows and the arithmetic admits that reading only.
 * Every other case leaves the cells null with a diagnostic naming what was found: never a shifted or guessed row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { parseReport } from '../../src/pipeline/parse';
import { APPLICANT_KEYS, REQUEST_ROWS, type RequestRowKey, type Requests } from '../../src/schema';
import { DiagnosticLog } from '../../src/pipeline/parse/diagnostics';
import { joinThousands, toLines } from '../../src/pipeline/parse/lines';
import { findTableBStart, parseTableB } from '../../src/pipeline/parse/table-b';
import { consistentRequests } from './pipeline-helpers';

const TRUTH = consistentRequests();
const KEYS = REQUEST_ROWS.map((r) => r.key) as RequestRowKey[];
const LABEL = Object.fromEntries(REQUEST_ROWS.map((r) => [r.key, r.zh])) as Record<RequestRowKey, string>;
const HEADER = ['申请人情况', '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计'];
/** The header cell of each applicant column, as poppler prints it above a column printed as a block. */
const COLUMN_HEADS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

const values = (key: RequestRowKey, requests: Requests = TRUTH) => APPLICANT_KEYS.map((c) => requests[key][c] as number);
/** A row printed as PDF text prints it: its label and its seven numbers on one line. */
const labelled = (key: RequestRowKey, requests: Requests = TRUTH) => `${LABEL[key]} ${values(key, requests).join(' ')}`;

/** TRUTH with some rows replaced and handledTotal and received made to add up again (B1, B2, B3 hold). */
function rebalanced(rows: Record<string, number[]>): Requests {
  const out = structuredClone(TRUTH);
  for (const [key, cells] of Object.entries(rows)) out[key as RequestRowKey] = Object.fromEntries(APPLICANT_KEYS.map((c, i) => [c, cells[i]])) as Requests['received'];
  const outcomes = REQUEST_ROWS.filter((r) => r.outcome).map((r) => r.key);
  for (const c of APPLICANT_KEYS) {
    out.handledTotal[c] = outcomes.reduce((sum, k) => sum + (out[k][c] as number), 0);
    out.received[c] = (out.handledTotal[c] as number) + (out.carriedForward[c] as number) - (out.carriedOver[c] as number);
  }
  return out;
}

function read(lines: string[]) {
  const all = toLines(lines);
  const log = new DiagnosticLog('t.txt');
  const start = findTableBStart(all, 0);
  const result = parseTableB(all, start, all.length, log);
  return { ...result, diagnostics: log.items };
}

/** Every row key whose cells differ from the truth, split into null rows and wrong rows. */
function compare(requests: Requests, truth: Requests = TRUTH) {
  const wrong: string[] = [];
  const nulls: string[] = [];
  for (const key of KEYS)
    for (const c of APPLICANT_KEYS) {
      const found = requests[key][c];
      if (found === truth[key][c]) continue;
      (found === null ? nulls : wrong).push(`${key}.${c}`);
    }
  return { wrong, nulls };
}

describe('table B proof rules', () => {
  it('places a number that stands with its label: every row on its label’s line', () => {
    const { requests, placement } = read([...HEADER, ...KEYS.map((k) => labelled(k))]);
    expect(compare(requests)).toEqual({ wrong: [], nulls: [] });
    expect(placement).toEqual({ method: 'label', byLabel: 175, byArithmetic: 0, unread: 0 });
  });

  it('fills a gap between two proved rows when its numbers fill exactly the rows between them', () => {
    // Rows 3 and 4 print their labels on lines of their own and their numbers before them (pdfplumber's shape).
    const lines = KEYS.flatMap((k) =>
      k === 'disclosed' || k === 'partlyDisclosed' ? [values(k).join(' '), LABEL[k]] : [labelled(k)],
    );
    const { requests, placement, diagnostics } = read([...HEADER, ...lines]);
    expect(compare(requests)).toEqual({ wrong: [], nulls: [] });
    expect(placement).toEqual({ method: 'arithmetic', byLabel: 161, byArithmetic: 14, unread: 0 });
    expect(diagnostics.filter((d) => d.code.startsWith('table-b'))).toEqual([]);
  });

  it('fills such a gap with rows printing blank marks when each row’s total holds with blank cells as 0', () => {
    // partlyDisclosed prints "/" for its zeros: its total still adds up (blanks as 0), so the reading is proved; the
    // blank cells are null, every other cell exact.
    const marked = (k: RequestRowKey) => values(k).map((v) => (k === 'partlyDisclosed' && v === 0 ? '/' : String(v))).join(' ');
    expect(marked('partlyDisclosed')).toContain('/');
    const lines = KEYS.flatMap((k) => (k === 'disclosed' || k === 'partlyDisclosed' ? [marked(k), LABEL[k]] : [labelled(k)]));
    const { requests } = read([...HEADER, ...lines]);
    const blanks = APPLICANT_KEYS.filter((c) => TRUTH.partlyDisclosed[c] === 0).map((c) => `partlyDisclosed.${c}`);
    expect(compare(requests)).toEqual({ wrong: [], nulls: blanks });
  });

  it('does not fill a gap with a reading whose row adds up only because a blank mark stands for its total', () => {
    // Poppler's default mode of a table laid out with tall cells (pdfCase('lay38-pdf', 409, undefined, { tableLayouts:
    // true })): (七)总计's 5 2 0 0 1 0 8 printed "0 ０ 1 0 8", then 四、结转's "/ / / 0 ０ 0 0", then "５ ２" (the first
    // column's block) and the label 四、结转… after them. Read in order, (七)总计 took "0 0 1 0 8 / /": its total a blank
    // mark, so B3 checked nothing, and natural 0, commercial 0, research 1, legal 8 were placed (before 1.5.122).
    const text = readFileSync('tests/fixtures/shapes/pdftotext-table-layouts-gap-row-one-off.txt', 'utf8');
    expect(text).toContain('(七) 总计\n\n0 ０ 1 0 8\n/ / / 0 ０ 0 0\n\n５ ２\n\n四、结转下年度继续办理\n');
    const r = parseReport({ text, file: 'a.txt' });
    expect(Object.values(r.requests.handledTotal).every((v) => v === null)).toBe(true);
    const truth = pdfCase('lay38-pdf', 409, undefined, { tableLayouts: true }).truth;
    expect(cellVerdicts(truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('reads a block printed one cell per line, column by column, when only that reading keeps every row’s total', () => {
    // poppler's default mode: labels apart, the numbers of withheld.stateSecret…withheld.security one per line,
    // column after column under each column's header, a blank line between columns. Read row by row, the first row would be 0 1 2 0 1 2 1.
    const block = ['withheld.stateSecret', 'withheld.lawForbids', 'withheld.security'] as RequestRowKey[];
    const columns = APPLICANT_KEYS.flatMap((_, c) => [COLUMN_HEADS[c], ...block.map((k) => String(values(k)[c])), '']);
    const lines = KEYS.flatMap((k) => (block.includes(k) ? (k === block[0] ? [...block.map((b) => LABEL[b]), '', ...columns] : []) : [labelled(k)]));
    const { requests, placement } = read([...HEADER, ...lines]);
    expect(compare(requests)).toEqual({ wrong: [], nulls: [] });
    expect(placement.byArithmetic).toBe(21);
  });

  it('reads a table where no label stands with its numbers (one cell per line), by the arithmetic of the whole table', () => {
    const lines = [...HEADER];
    for (const k of KEYS) lines.push(LABEL[k], '', ...values(k).flatMap((v) => [String(v), '']));
    const { requests, placement } = read(lines);
    expect(compare(requests)).toEqual({ wrong: [], nulls: [] });
    expect(placement).toEqual({ method: 'arithmetic', byLabel: 0, byArithmetic: 175, unread: 0 });
  });

  describe('a whole table printed column by column (poppler’s default mode)', () => {
    /** A table whose six applicant columns differ (column c is c + 1 times the natural column): a permutation shows. */
    const DISTINCT = structuredClone(TRUTH);
    for (const k of KEYS) APPLICANT_KEYS.forEach((c, i) => (DISTINCT[k][c] = (TRUTH[k].natural as number) * (i < 6 ? i + 1 : 21)));
    const block = (c: number) => ['', ...KEYS.map((k) => String(DISTINCT[k][APPLICANT_KEYS[c]])), ''];
    const labels = ['申请人情况', ...KEYS.map((k) => LABEL[k])];

    it('reads the blocks in print order when the header cell above each block names that block’s column', () => {
      const { requests, placement } = read([...labels, ...[0, 1, 2, 3, 4, 5, 6].flatMap((c) => [COLUMN_HEADS[c], ...block(c)])]);
      expect(compare(requests, DISTINCT)).toEqual({ wrong: [], nulls: [] });
      expect(placement).toEqual({ method: 'arithmetic', byLabel: 0, byArithmetic: 175, unread: 0 });
    });

    it('proves only the total and the rows whose six applicant blocks agree when the header does not prove the blocks’ order', () => {
      // poppler printed the 自然人 block third, its header cells all above the first block (pdfCase('shape-pdf', 264)):
      // B1, B2 and B3 hold in this order too, so read in print order 自然人 would get 商业企业's numbers.
      const order = [1, 2, 0, 3, 4, 5, 6];
      const { requests, diagnostics } = read([...labels, '法人或其他组织', ...COLUMN_HEADS.slice(0, 3), ...order.flatMap((c, k) => [...(k >= 3 ? [COLUMN_HEADS[c]] : []), ...block(c)])]);
      const { wrong, nulls } = compare(requests, DISTINCT);
      expect(wrong).toEqual([]);
      for (const k of KEYS) {
        expect(requests[k].total, k).toBe(DISTINCT[k].total);
        // A row whose applicant cells are all 0 is the same in every order; any other row's applicant cells are null.
        const zero = DISTINCT[k].total === 0;
        for (const c of APPLICANT_KEYS.slice(0, 6)) expect(requests[k][c], `${k}.${c}`).toBe(zero ? 0 : null);
      }
      const open = KEYS.filter((k) => DISTINCT[k].total !== 0);
      expect(open.length).toBeGreaterThan(0);
      expect(nulls.length).toBe(open.length * 6);
      const unproved = diagnostics.filter((d) => d.code === 'column-order-unproved');
      expect(unproved.map((d) => d.path).sort()).toEqual(open.map((k) => `requests.${k}`).sort());
    });

    it('never takes a header cell printed above a block as proof of its column (a narrow header printed with the next column)', () => {
      const { requests } = read([...labels, ...[0, 1, 2, 3, 4, 5, 6].flatMap((c) => [...(c < 6 ? [COLUMN_HEADS[c + 1]] : []), ...block(c)])]);
      expect(compare(requests, DISTINCT).wrong).toEqual([]);
      for (const k of KEYS) expect(requests[k].total, k).toBe(DISTINCT[k].total);
    });

    it.each([
      ['dropped', (cells: string[]) => cells.filter((_, i) => i !== 5)],
      ['doubled', (cells: string[]) => [...cells.slice(0, 5), cells[5], ...cells.slice(5)]],
    ])('leaves every row null when one number of a block is %s (no shifted number)', (_, damage) => {
      const blocks = [0, 1, 2, 3, 4, 5, 6].map((c) => [COLUMN_HEADS[c], ...(c === 3 ? damage(block(c)) : block(c))]);
      const { requests, diagnostics } = read([...labels, ...blocks.flat()]);
      for (const k of KEYS) expect(Object.values(requests[k]), k).toEqual(Array(7).fill(null));
      expect(diagnostics.some((d) => d.code === 'table-b-unproved')).toBe(true);
    });
  });

  it('leaves a gap null with an ambiguity diagnostic naming the candidates when two readings keep the arithmetic', () => {
    // Seven rows printed as seven clusters of seven numbers: row by row and column by column are both possible. This
    // block keeps B3 either way (last column = row sums, last row = column sums) and, as its row and column sums are
    // equal, B1 and B2 too; it is not symmetric, so the two readings differ.
    const block = KEYS.slice(KEYS.indexOf('withheld.stateSecret'), KEYS.indexOf('withheld.stateSecret') + 7);
    const matrix = [
      [0, 1, 0, 0, 0, 0, 1],
      [0, 0, 1, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 0, 3],
    ];
    const table = rebalanced(Object.fromEntries(block.map((k, i) => [k, matrix[i]])));
    const lines = KEYS.flatMap((k) =>
      block.includes(k)
        ? k === block[0]
          ? [...block.map((b) => LABEL[b]), ...matrix.flatMap((m, i) => [COLUMN_HEADS[i], ...m.map(String), ''])]
          : []
        : [labelled(k, table)],
    );
    const { requests, placement, diagnostics } = read([...HEADER, ...lines]);
    for (const k of block) expect(Object.values(requests[k]), k).toEqual(Array(7).fill(null));
    const ambiguity = diagnostics.find((d) => d.code === 'table-b-ambiguous');
    expect(ambiguity?.message).toContain('2 种读法');
    // Both candidates are named: row by row (stateSecret = 0 1 0 0 0 0 1) and column by column (= 0 0 1 0 0 0 1).
    expect(ambiguity?.message).toContain('withheld.stateSecret = 0 1 0 0 0 0 1');
    expect(ambiguity?.message).toContain('withheld.stateSecret = 0 0 1 0 0 0 1');
    expect(placement).toEqual({ method: 'partial', byLabel: 175 - 49, byArithmetic: 0, unread: 49 });
    // The rows around the gap are still read by their labels.
    expect(compare(requests, table).wrong).toEqual([]);
  });

  it('lets B1/B2 of the whole table choose between two readings that both keep every row’s total', () => {
    // The block above, but transposed in print: its row sums and column sums differ, so only one reading adds up.
    const block = KEYS.slice(KEYS.indexOf('withheld.stateSecret'), KEYS.indexOf('withheld.stateSecret') + 7);
    const matrix = [
      [1, 1, 0, 0, 0, 0, 2],
      [0, 2, 0, 0, 0, 0, 2],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 3, 0, 0, 0, 0, 4],
    ];
    const table = rebalanced(Object.fromEntries(block.map((k, i) => [k, matrix[i]])));
    const lines = KEYS.flatMap((k) =>
      block.includes(k) ? (k === block[0] ? [...block.map((b) => LABEL[b]), ...matrix.flatMap((m) => [...m.map(String), ''])] : []) : [labelled(k, table)],
    );
    const { requests, placement } = read([...HEADER, ...lines]);
    expect(compare(requests, table)).toEqual({ wrong: [], nulls: [] });
    expect(placement.byArithmetic).toBe(49);
  });

  it('never shifts rows: labels printed apart and one row’s numbers lost leave that gap null, the next rows exact', () => {
    // The labels of 无法提供 1–3 stand in a block, then only two of their three rows of numbers (unclear's lost),
    // then 不予处理's rows with their labels. Pairing by counts would move numbers up a row; here the gap stays null.
    const gap = ['unavailable.notHeld', 'unavailable.mustCreate', 'unavailable.unclear'] as RequestRowKey[];
    const lines = KEYS.flatMap((k) =>
      gap.includes(k) ? (k === gap[0] ? [...gap.map((g) => LABEL[g]), values('unavailable.notHeld').join(' '), values('unavailable.mustCreate').join(' ')] : []) : [labelled(k)],
    );
    const { requests, diagnostics, placement } = read([...HEADER, ...lines]);
    const { wrong, nulls } = compare(requests);
    expect(wrong).toEqual([]);
    expect(nulls).toEqual(gap.flatMap((g) => APPLICANT_KEYS.map((c) => `${g}.${c}`)));
    const unproved = diagnostics.find((d) => d.code === 'table-b-unproved');
    expect(unproved?.message).toContain('其间模板有 3 行，需 21 个数字，实有 14 个');
    expect(placement.unread).toBe(21);
  });

  it('does not take a reading whose rows keep their totals but break B1/B2 for the whole table when it had a rival', () => {
    // A block printed one cell per line can be read two ways; the one keeping B3 is taken only if B1/B2 hold too.
    const broken = structuredClone(TRUTH);
    broken.handledTotal.natural = (broken.handledTotal.natural as number) + 5;
    broken.handledTotal.total = (broken.handledTotal.total as number) + 5;
    const block = ['withheld.stateSecret', 'withheld.lawForbids', 'withheld.security'] as RequestRowKey[];
    const columns = APPLICANT_KEYS.flatMap((_, c) => [COLUMN_HEADS[c], ...block.map((k) => String(values(k, broken)[c])), '']);
    const lines = KEYS.flatMap((k) => (block.includes(k) ? (k === block[0] ? [...block.map((b) => LABEL[b]), '', ...columns] : []) : [labelled(k, broken)]));
    const { requests, diagnostics } = read([...HEADER, ...lines]);
    expect(compare(requests, broken).wrong).toEqual([]);
    for (const k of block) expect(Object.values(requests[k]), k).toEqual(Array(7).fill(null));
    expect(diagnostics.find((d) => d.code === 'table-b-unproved')?.message).toContain('B1/B2 不成立');
  });

  describe('blank cells printed as nothing, columns kept by position (pdftotext -layout)', () => {
    /** Where each column's values end on a laid-out line (right-aligned), after a label padded to 40 characters. */
    const ENDS = [46, 54, 62, 70, 78, 86, 94];
    /** A row laid out by position: null cells print as nothing; `shift` moves the values right (pdftotext does). */
    function laidOut(label: string, cells: (number | null)[], shift = 0): string {
      let line = label.padEnd(40, ' ');
      cells.forEach((v, c) => {
        if (v === null) return;
        const text = String(v);
        line = line.padEnd(ENDS[c] + shift - text.length, ' ') + text;
      });
      return line;
    }
    /** TRUTH with the zero cells of some rows printed blank (null): each row's total still the sum of what it prints. */
    const withBlanks = (keys: RequestRowKey[]) => {
      const out = structuredClone(TRUTH);
      for (const k of keys) for (const c of APPLICANT_KEYS) if (out[k][c] === 0) out[k][c] = null;
      return out;
    };
    const cellsOf = (requests: Requests, key: RequestRowKey) => APPLICANT_KEYS.map((c) => requests[key][c]);

    it('places a short row’s numbers in the columns where they stand, the blank cells null', () => {
      const blanks = withBlanks(['disclosed', 'withheld.lawForbids', 'unavailable.unclear']);
      expect(cellsOf(blanks, 'disclosed').filter((v) => v === null).length).toBeGreaterThan(0);
      const { requests, diagnostics } = read([...HEADER, ...KEYS.map((k) => laidOut(LABEL[k], cellsOf(blanks, k)))]);
      expect(compare(requests, blanks)).toEqual({ wrong: [], nulls: [] });
      expect(diagnostics.filter((d) => d.code === 'row-short')).toEqual([]);
    });

    it('places a short row with its values one space apart only by the whole table’s arithmetic, never by where they stand', () => {
      const blanks = withBlanks(['disclosed']);
      const lines = KEYS.map((k) => `${LABEL[k]} ${cellsOf(blanks, k).filter((v) => v !== null).join(' ')}`);
      // Every other row read whole: B2 (处理总计 = the outcome rows, per column) leaves one reading of 予以公开.
      const solved = read([...HEADER, ...lines]);
      expect(compare(solved.requests, blanks)).toEqual({ wrong: [], nulls: [] });
      expect(solved.diagnostics.filter((d) => d.path === 'requests.disclosed').map((d) => [d.code, d.severity])).toEqual([['row-short', 'info']]);
      // 处理总计's 自然人 one more than the rows above it: no reading adds up, and where a value stands says nothing.
      const total = cellsOf(blanks, 'handledTotal');
      const off = lines.map((l, i) => (KEYS[i] === 'handledTotal' ? `${LABEL.handledTotal} ${[(total[0] as number) + 1, ...total.slice(1, 6), (total[6] as number) + 1].filter((v) => v !== null).join(' ')}` : l));
      const { requests, diagnostics } = read([...HEADER, ...off]);
      expect(compare(requests, blanks).wrong.filter((k) => !k.startsWith('handledTotal'))).toEqual([]);
      expect(cellsOf(requests, 'disclosed').slice(0, 6)).toEqual(Array(6).fill(null));
      expect(diagnostics.find((d) => d.path === 'requests.disclosed')?.code).toBe('row-short');
    });

    it('keeps a row null when its numbers, read by position, break its total (B3 with blank cells as 0), saying so', () => {
      const blanks = withBlanks(['disclosed']);
      const printed = cellsOf(blanks, 'disclosed');
      const broken = printed.map((v, c) => (c === 6 ? (v as number) + 5 : v));
      const lines = KEYS.map((k) => laidOut(LABEL[k], k === 'disclosed' ? broken : cellsOf(blanks, k)));
      const { requests, diagnostics } = read([...HEADER, ...lines]);
      expect(cellsOf(requests, 'disclosed')).toEqual(Array(7).fill(null));
      expect(diagnostics.find((d) => d.path === 'requests.disclosed')?.message).toContain('按数字位置读作');
    });

    it('with no positions, places only the cells every reading that keeps the row’s total agrees on (the total)', () => {
      const printed = { ...TRUTH, disclosed: { natural: 411, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: 63, total: 474 } } as Requests;
      const zeros = { natural: 0, commercial: 0, research: null, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 };
      const lines = KEYS.map((k) => {
        const cells = k === 'withheld.stateSecret' ? Object.values(zeros) : cellsOf(printed, k);
        return `${LABEL[k]} ${cells.filter((v) => v !== null).join(' ')}`;
      });
      const { requests, diagnostics, placement } = read([...HEADER, ...lines]);
      // 411 may be 自然人 or 商业企业 and 63 法律服务机构 or 其他 (the blank anywhere before the total): only 474 is proved.
      expect(cellsOf(requests, 'disclosed')).toEqual([null, null, null, null, null, null, 474]);
      expect(diagnostics.find((d) => d.path === 'requests.disclosed')?.message).toContain('natural、commercial、research、nonprofit、legal、otherOrg');
      // Six zeros and a blank: every reading keeps the total, no cell is proved.
      expect(cellsOf(requests, 'withheld.stateSecret')).toEqual(Array(7).fill(null));
      expect(placement.byArithmetic).toBe(1);
    });

    it('one cell per line, each label followed by its numbers (pdf.js items): full rows placed, short rows by their totals', () => {
      const printed = { ...TRUTH, disclosed: { natural: 411, commercial: null, research: 0, nonprofit: 0, legal: 0, otherOrg: 63, total: 474 } } as Requests;
      const lines = KEYS.flatMap((k) => [LABEL[k], ...cellsOf(printed, k).filter((v) => v !== null).map(String)]);
      const { requests, diagnostics } = read([...HEADER, ...lines]);
      expect(compare(requests, printed).wrong).toEqual([]);
      expect(cellsOf(requests, 'disclosed')).toEqual([null, null, null, null, null, null, 474]);
      expect(cellsOf(requests, 'received')).toEqual(cellsOf(TRUTH, 'received'));
      expect(compare(requests, printed).nulls.filter((p) => !p.startsWith('disclosed.'))).toEqual([]);
      expect(diagnostics.some((d) => d.path === 'requests.disclosed' && d.code === 'row-short' && d.message.includes('跟在行标签之后'))).toBe(true);
    });

    it('one cell per line: text that names no row among one label’s numbers leaves the table unread', () => {
      const lines = KEYS.flatMap((k) => [LABEL[k], ...cellsOf(TRUTH, k).slice(0, k === 'disclosed' ? 6 : 7).map(String), ...(k === 'disclosed' ? ['（', '七'] : [])]);
      const { requests } = read([...HEADER, ...lines]);
      expect(compare(requests).wrong).toEqual([]);
    });
  });

  it('does not read numbers printed apart from their labels row by row when nothing in the print bounds the rows', () => {
    // pdftotext's default mode: the labels of 不予公开 1–8 in a block, then their 56 numbers one per line with no blank
    // line between rows, two rows printed in each other's place. Every row keeps its total, so the arithmetic alone
    // cannot tell: the gap stays null and says why.
    const block = KEYS.filter((k) => k.startsWith('withheld.'));
    const printedOrder = [block[1], block[0], ...block.slice(2)];
    const lines = KEYS.flatMap((k) => (block.includes(k) ? (k === block[0] ? [...block.map((b) => LABEL[b]), ...printedOrder.flatMap((b) => values(b).map(String))] : []) : [labelled(k)]));
    const { requests, diagnostics } = read([...HEADER, ...lines]);
    const { wrong, nulls } = compare(requests);
    expect(wrong).toEqual([]);
    expect(nulls).toEqual(block.flatMap((b) => APPLICANT_KEYS.map((c) => `${b}.${c}`)));
    expect(diagnostics.find((d) => d.code === 'table-b-unproved')?.message).toContain('排版也看不出每行从哪里开始');
  });

  it('does not complete a row short of numbers with numbers printed after a page footer or a line of text', () => {
    // "4.无正当理由大量反复申 0", its label's tail "请", a page footer, then zeros of other columns printed lower.
    const key: RequestRowKey = 'notProcessed.repetitive';
    const lines = KEYS.flatMap((k) => (k === key ? ['4.无正当理由大量反复申 0', '请', '— 12 —', '0 0 0 0 0 0'] : [labelled(k)]));
    const { requests, diagnostics } = read([...HEADER, ...lines]);
    expect(Object.values(requests[key])).toEqual(Array(7).fill(null));
    expect(compare(requests).wrong).toEqual([]);
    expect(diagnostics.some((d) => d.path === `requests.${key}` && d.code === 'row-short')).toBe(true);
  });

  it('reads a bare ordinal line with the label after it, never as the next sub-row of the group line before it', () => {
    // pdf.js items, one per line: 不予公开 printed as one line with its numbers, then 无法提供's vertical label split
    // (（四）无法 / 提供) and its first sub-row's ordinal apart from its text. "1." is 本机关不掌握…, not 属于国家秘密.
    const withheld = APPLICANT_KEYS.map((c) => KEYS.filter((k) => k.startsWith('withheld.')).reduce((sum, k) => sum + (TRUTH[k][c] as number), 0));
    const lines: string[] = [...HEADER];
    for (const k of KEYS) {
      if (k.startsWith('withheld.')) {
        if (k === 'withheld.stateSecret') lines.push('（三）不予公开', ...withheld.map(String));
        continue;
      }
      const numbered = /^(\d\.)(.*)$/.exec(LABEL[k]);
      if (k === 'unavailable.notHeld') lines.push('（四）无法', '提供');
      lines.push(...(numbered ? [numbered[1], numbered[2]] : [LABEL[k]]), ...values(k).map(String));
    }
    const { requests } = read(lines);
    expect(Object.values(requests['withheld.stateSecret'])).toEqual(Array(7).fill(null));
    expect(Object.values(requests.withheld!)).toEqual(withheld);
    const { wrong } = compare(requests);
    expect(wrong).toEqual([]);
    expect(Object.values(requests['unavailable.notHeld'])).toEqual(values('unavailable.notHeld'));
  });
  it('leaves a space row null when its total only adds up with its last two cells in the other order', () => {
    // pdftotext -layout printed "9 — 1 无 — 11 1" for a row whose 其他 is 1 and 总计 11: the total cannot be smaller
    // than the parts, and the row adds up when the two cells trade places. A row that breaks B3 some other way is the
    // agency's and is read as printed.
    const lines = KEYS.map((k) => (k === 'disclosed' ? `${LABEL[k]} 9 — 1 无 — 11 1` : k === 'partlyDisclosed' ? `${LABEL[k]} 1 0 0 0 0 0 7` : labelled(k)));
    const { requests, diagnostics } = read([...HEADER, ...lines]);
    expect(Object.values(requests.disclosed)).toEqual(Array(7).fill(null));
    expect(diagnostics.find((d) => d.code === 'row-order-ambiguous')?.path).toBe('requests.disclosed');
    expect(Object.values(requests.partlyDisclosed)).toEqual([1, 0, 0, 0, 0, 0, 7]);
  });
  it('does not read a block printed column by column in print order when the header above a column names another column', () => {
    // The columns of 科研机构 and 自然人 printed in each other's place, their headers with them: B1–B3 hold for any order
    // of the applicant columns, so the header's order cannot be assumed once a header above a block contradicts it.
    // Every order of the blocks is tried against B1/B2 over the rows read by their labels: a cell is placed only when
    // every order that keeps them gives it the same number.
    const block = ['withheld.stateSecret', 'withheld.lawForbids', 'withheld.security'] as RequestRowKey[];
    const printedOrder = [2, 1, 0, 3, 4, 5, 6];
    const heads = printedOrder.map((c) => COLUMN_HEADS[c]);
    const columns = printedOrder.flatMap((c, i) => [heads[i], ...block.map((k) => String(values(k)[c])), '']);
    const lines = KEYS.flatMap((k) => (block.includes(k) ? (k === block[0] ? [...block.map((b) => LABEL[b]), '', ...columns] : []) : [labelled(k)]));
    const { requests, diagnostics } = read([...HEADER, ...lines]);
    const { wrong, nulls } = compare(requests);
    expect(wrong).toEqual([]);
    // 自然人 and 科研机构 differ in these rows and B1/B2 hold with either in either place: those cells stay null.
    const differ = block.filter((k) => values(k)[0] !== values(k)[2]);
    expect(differ.length).toBeGreaterThan(0);
    for (const k of differ) expect([requests[k].natural, requests[k].research], k).toEqual([null, null]);
    expect(nulls.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.code === 'column-order-unproved').map((d) => d.path)).toEqual(expect.arrayContaining(differ.map((k) => `requests.${k}`)));
  });
  it('joins a label cut into one piece per line, and a number cut at its thousands separator, as pdf.js items print them', () => {
    // One text item per line, no label on its numbers' line: "(" / "六" / ")" / "其他处理" is the group line of a
    // report that prints 其他处理 without sub-rows, "（三）不" / "予公开" the group over 不予公开's sub-rows, and 2,631
    // comes out as "2" / "," / "631".
    const truth = rebalanced({ disclosed: [2000, 1, 0, 0, 0, 0, 2001] });
    const other = APPLICANT_KEYS.map((c) => KEYS.filter((k) => k.startsWith('otherHandling.')).reduce((sum, k) => sum + (truth[k][c] as number), 0));
    const cells = (numbers: number[]) => numbers.flatMap((n) => (n >= 1000 ? [String(Math.floor(n / 1000)), ',', String(n % 1000).padStart(3, '0')] : [String(n)]));
    const lines: string[] = [...HEADER];
    for (const k of KEYS) {
      if (k.startsWith('otherHandling.')) {
        if (k === 'otherHandling.noCorrection') lines.push('(', '六', ')', '其他处理', ...cells(other));
        continue;
      }
      if (k === 'withheld.stateSecret') lines.push('（三）不', '予公开');
      lines.push(LABEL[k], ...cells(values(k, truth)));
    }
    const all = joinThousands(toLines(lines));
    const commas = lines.filter((l) => l === ',').length;
    expect(commas).toBeGreaterThanOrEqual(4);
    expect(all.length).toBe(lines.length - 2 * commas);
    // The joined line keeps the file line number of its first piece (the line before the first comma).
    expect(all.find((l) => l.raw.includes(','))?.no).toBe(lines.indexOf(','));
    const log = new DiagnosticLog('t.txt');
    const { requests } = parseTableB(all, findTableBStart(all, 0), all.length, log);
    expect(Object.values(requests.otherHandling!)).toEqual(other);
    expect(Object.values(requests.disclosed)).toEqual([2000, 1, 0, 0, 0, 0, 2001]);
    expect(Object.values(requests['withheld.stateSecret'])).toEqual(values('withheld.stateSecret', truth));
    for (const k of KEYS.filter((x) => x.startsWith('otherHandling.'))) expect(Object.values(requests[k]), k).toEqual(Array(7).fill(null));
    expect(compare(requests, { ...truth, ...Object.fromEntries(KEYS.filter((x) => x.startsWith('otherHandling.')).map((k) => [k, Object.fromEntries(APPLICANT_KEYS.map((c) => [c, null]))])) } as Requests).wrong).toEqual([]);
  });
  it('leaves two rows printed in each other’s place null when their labels stand in a block just before 一、本年新收', () => {
    // md-detached: 二、上年结转 above 一、本年新收 in the label block, each row's numbers in its label's place.
    const lines = [...HEADER, LABEL.carriedOver, LABEL.received, values('carriedOver').join(' '), values('received').join(' '), ...KEYS.slice(2).map((k) => labelled(k))];
    const { requests, diagnostics } = read(lines);
    expect(compare(requests).wrong).toEqual([]);
    expect(Object.values(requests.received)).toEqual(Array(7).fill(null));
    expect(diagnostics.some((d) => d.code === 'table-b-unproved' && d.message.includes('先后顺序与模板不符'))).toBe(true);
  });

  it('holds a group printed as one row of its own to the label block’s order, unlike a group label over sub-rows', () => {
    // md-labels-only: (七) 总计 above (六) 其他处理 (printed without sub-rows) in a label block after their numbers.
    const other = APPLICANT_KEYS.map((c) => KEYS.filter((k) => k.startsWith('otherHandling.')).reduce((sum, k) => sum + (TRUTH[k][c] as number), 0));
    const rows = KEYS.filter((k) => !k.startsWith('otherHandling.') && k !== 'handledTotal' && k !== 'carriedForward').map((k) => labelled(k));
    const lines = [...HEADER, ...rows, other.join(' '), values('handledTotal').join(' '), LABEL.handledTotal, '（六）其他处理', labelled('carriedForward')];
    const { requests } = read(lines);
    expect(compare(requests).wrong.filter((p) => !p.startsWith('otherHandling.'))).toEqual([]);
    expect(Object.values(requests.handledTotal)).toEqual(Array(7).fill(null));
  });
});
