/**
 * pdftotext -layout runs a number into its label when the label fills its cell ("申请数量268"): the number is the
 * row's first value, not a character of the label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium and read by `pdftotext -layout` (pdfCase('shape-pdf', 9)). */
const GENERATED = 'tests/fixtures/shapes/pdftotext-layout-glued-number.txt';

const parse = (text: string) => parseReport({ text, file: 'a.txt' });

describe('a number run into the end of its row label', () => {
  it('is read as the row’s first value', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).toMatch(/申请数量268 +72 +0 +61 +0 +75 +476/);
    const r = parse(text);
    expect(r.requests.received).toEqual({ natural: 268, commercial: 72, research: 0, nonprofit: 61, legal: 0, otherOrg: 75, total: 476 });
    expect(r.diagnostics.filter((d) => d.path === 'requests.received')).toEqual([]);
  });

  it('reads the same as the number printed apart from the label', () => {
    const text = readFileSync(GENERATED, 'utf8');
    const apart = text.replace('申请数量268', '申请数量 268');
    expect(parse(text).requests).toEqual(parse(apart).requests);
  });

  it('leaves digits that are not at the end of a row label alone', () => {
    // Digits after a Latin letter ("COVID19") stay part of the label: only digits right after a Chinese character are split off.
    const text = readFileSync(GENERATED, 'utf8').replace('申请数量268', '申请数量x268');
    const r = parse(text);
    expect(r.requests.received.natural).toBeNull();
  });
});
