/**
 * 1,000 printed reports the tests had not seen (`npm run measure-shapes -- --prefix hunt13`), pdftotext -layout:
 * - table A's 12,624 (行政处罚) printed "１２ ６２４" with its comma alone on the line above (pdfCase('hunt13-pdf', 9):
 *   read 12 for 行政处罚 and 624 for 行政强制, whose cell is blank);
 * - table B's 1,344 (（七）总计) printed "１ ３４４" with its comma at the end of the label's line above, and the row's
 *   last two cells glued, "５１2,012" (pdfCase('hunt13-pdf', 331): read 1 / 344 / 291 / 320 / 0 / 6 / 512,012).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellVerdicts } from '../../src/generator/shapes/measure';
import { pdfCase } from '../../src/generator/shapes/pdf';
import { checkB3 } from '../../src/pipeline/check/rules';
import { parseReport } from '../../src/pipeline/parse';
import { joinCommasApart, toLines } from '../../src/pipeline/parse/lines';

const TABLE_A = 'tests/fixtures/shapes/pdftotext-layout-comma-apart-table-a.txt';
const TABLE_B = 'tests/fixtures/shapes/pdftotext-layout-comma-apart-table-b.txt';

const parse = (text: string) => parseReport({ text, file: 'a.txt' });
/** 行政强制's blank cell printed as 0 on the line after its label: then 行政处罚's number is proved by the count. */
const withCoercion = (text: string) => text.replace('行政\n强制\n', '行政\n强制\n                  0\n');

describe('a thousands separator printed on the line beside its number', () => {
  it('does not make two cells of one number in table A', () => {
    const text = readFileSync(TABLE_A, 'utf8');
    expect(text).toContain('\n                                  ,\n                              １２ ６２４\n');
    const r = parse(text);
    // One number between two lone labels, one of them blank: no count proves whose it is.
    expect(r.proactive?.penalties.decisions).toBeNull();
    expect(r.proactive?.coercion.decisions).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.penalties')).toMatchObject({ code: 'table-a-unproved', found: '52,352 | 12,624' });
  });

  it('joins the number when a row’s count proves it, with the comma above it or below it', () => {
    const text = withCoercion(readFileSync(TABLE_A, 'utf8'));
    const below = text.replace(/\n +,\n( +１２ ６２４)\n/, '\n$1\n                                  ,\n');
    expect(below).not.toBe(text);
    for (const t of [text, below]) {
      const r = parse(t);
      expect(r.proactive?.penalties.decisions).toBe(12624);
      expect(r.proactive?.coercion.decisions).toBe(0);
    }
  });

  it('reads table B’s row with the comma at the end of its label’s line and two cells glued at a width change', () => {
    const text = readFileSync(TABLE_B, 'utf8');
    expect(text).toContain('（七）总计           ,\n                               １ ３４４      291   ３２０    ０    ６    ５１2,012\n');
    const r = parse(text);
    expect(r.requests.handledTotal).toEqual({ natural: 1344, commercial: 291, research: 320, nonprofit: 0, legal: 6, otherOrg: 51, total: 2012 });
    expect(checkB3(r)).toEqual([]);
  });

  it('leaves the rows unread when two pairs of words beside the comma could be its number, or no comma shows the cut', () => {
    const text = readFileSync(TABLE_B, 'utf8');
    // 3.其他's last two cells "３ ６００" (of one width, three digits after one): the comma may be 3,600's as well.
    const twoPairs = text.replace(/(\n +3\.其他 +0 +0 +0 +0 +０ +)0 +０\n/, '$1３ ６００\n');
    expect(twoPairs).not.toBe(text);
    for (const t of [twoPairs, text.replace('（七）总计           ,', '（七）总计')]) {
      const r = parse(t);
      expect(Object.values(r.requests.handledTotal).every((v) => v === null)).toBe(true);
      expect(r.diagnostics.some((d) => d.path === 'requests.handledTotal' && d.code === 'table-b-unproved')).toBe(true);
    }
  });

  it('leaves tab rows alone: a cell holding a comma is a cell (the PDF reader’s rows, pdf-layout-vertical-headers-11)', () => {
    const text = readFileSync(TABLE_B, 'utf8');
    const rows = text
      .replace(/\n +3\.其他 .*\n/, '\n3.其他\t392\t0\t0\t0\t71\t10\t473\n')
      .replace(/\n +（七）总计 +,\n.*\n/, '\n（七）总计\t,\t—\t—\t—\t—\t—\t—\n');
    expect(rows).toContain('3.其他\t392\t0\t0\t0\t71\t10\t473\n（七）总计\t,\t');
    const r = parse(rows);
    expect(r.requests['otherHandling.other']).toEqual({ natural: 392, commercial: 0, research: 0, nonprofit: 0, legal: 71, otherOrg: 10, total: 473 });
  });

  it('splits digits of two widths only where each side is a number as printed', () => {
    const text = readFileSync(TABLE_B, 'utf8');
    // "５１,012": the comma at the width change belongs to neither side, so the word is left whole (text, no cell).
    const r = parse(text.replace('５１2,012', '５１,012'));
    expect(r.requests.handledTotal.total).toBeNull();
    expect(r.requests.handledTotal.natural).not.toBe(1);
  });
});

describe('a thousands separator past an empty line (poppler’s default mode, a block a paragraph)', () => {
  it('joins its number: pdfCase(lay16-pdf, 164), table layouts, "８２ ５７５" / "" / "," read 82 and 575 before', () => {
    const text = readFileSync('tests/fixtures/shapes/pdftotext-comma-apart-past-empty-line.txt', 'utf8');
    expect(text).toContain('\n行政处罚\n\n８２ ５７５\n\n,\n\n行政强制\n');
    const r = parse(text);
    // 82,575 is one number; whose (行政处罚's or the blank 行政强制's) no count proves in this column block.
    expect(r.proactive?.coercion.decisions).toBeNull();
    expect(r.proactive?.penalties.decisions).toBeNull();
    expect(r.diagnostics.find((d) => d.path === 'proactive.coercion')).toMatchObject({ code: 'table-a-unproved', found: '82,575' });
  });
});

/**
 * Table layouts (`npm run measure-shapes -- --prefix lay18 --table-layouts`), pdf.js text items in content order: the
 * row 一、本年新收 prints 2,645 — 0 — 421 586 3,652, and the items of its last cells come as "４２１ ５８６ ３" / "," /
 * "６５２" (pdfCase('lay18-pdf', 146), table layouts): the comma stands between 3 and 652 in reading order, while 421
 * and 586 on the line before are a pair that a comma printed apart could join too. Before 1.5.85 the pair on the line
 * was joined, 421,586, and the row read 421586 / 3 / 652.
 */
describe('a comma alone between a line ending in a number’s head and one starting with its tail', () => {
  const text = readFileSync('tests/fixtures/shapes/pdfjs-items-comma-between-lines.txt', 'utf8');

  it('joins neither pair when a pair on the line beside it could be the comma’s number as well', () => {
    expect(text).toContain('\n４２１ ５８６ ３\n,\n６５２\n');
    const r = parse(text);
    for (const key of ['received', 'handledTotal'] as const) expect(Object.values(r.requests[key]).every((v) => v === null)).toBe(true);
    expect(cellVerdicts(pdfCase('lay18-pdf', 146, undefined, { tableLayouts: true }).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });

  it('joins the number across the lines when it is the only pair beside the comma', () => {
    // The same rows with 421 on a line of its own (一、本年新收 and (七)总计: 3,652 and 3,653).
    const alone = text.replace(/\n４２１ ５８６ ３\n,\n(６５[２３])\n/g, '\n４２１\n５８６ ３\n,\n$1\n');
    expect(alone).not.toBe(text);
    const r = parse(alone);
    expect(r.requests.received).toEqual({ natural: 2645, commercial: null, research: 0, nonprofit: null, legal: 421, otherOrg: 586, total: 3652 });
    expect(r.requests.handledTotal).toMatchObject({ legal: 421, otherOrg: 586, total: 3653 });
  });
});

/**
 * pdftotext -layout of pdfCase('hunt56-pdf', 955): 一、本年新收's 2,250 and its total 2,250 printed "２ ２５０" on two
 * lines one under the other, each comma at the end of the line above ("…申请数量 ," / "２ ２５０ ０ - ０ ," / "０ ２ ２５０").
 * The first comma joined the number on the middle line; the second comma, read from the line as it stood before that
 * join, put the middle line back as it was (before 1.5.121: natural 2 and commercial 250, whose cell is 0).
 */
describe('commas apart on consecutive lines', () => {
  const text = readFileSync('tests/fixtures/shapes/pdftotext-layout-commas-on-consecutive-lines.txt', 'utf8');

  it('joins each number, the one on a line that holds a comma of its own as well', () => {
    expect(text).toContain('申请数量               ,\n                                ２ ２５０     ０        -    ０               ,\n');
    const joined = joinCommasApart(toLines(text.split('\n'))).map((l) => l.raw);
    expect(joined.find((l) => l.includes('２５０') && l.includes('-'))?.trim().split(/\s+/)).toEqual(['２,２５０', '０', '-', '０']);
    expect(joined.find((l) => l.includes('２５０') && !l.includes('-'))?.trim().split(/\s+/)).toEqual(['０', '２,２５０']);
  });

  it('reads no cell wrong', () => {
    const r = parse(text);
    expect(r.requests.received.natural).not.toBe(2);
    expect(r.requests.received.commercial).not.toBe(250);
    expect(cellVerdicts(pdfCase('hunt56-pdf', 955).truth, r, r.diagnostics).filter((v) => v.verdict === 'wrong' || v.verdict === 'silent')).toEqual([]);
  });
});
