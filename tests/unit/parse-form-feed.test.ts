/**
 * pdftotext ends every page with a form feed, which starts the next page's first line: the parser reads it as a page
 * break, so a -layout line keeps its columns and a text reads the same with its page breaks as without them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium and read by `pdftotext -layout`: table B's first row starts page 2. */
const GENERATED = 'tests/fixtures/shapes/pdftotext-layout-form-feeds.txt';
const CORPUS = '../shared/corpus/jiangsu-huaian-hongze-district-gov_2023_pdftotext-layout.txt';

const tables = (text: string) => {
  const r = parseReport({ text, file: 'a.txt' });
  return { requests: r.requests, appeals: r.appeals, proactive: r.proactive };
};

describe('form feeds (page breaks)', () => {
  it('keeps the columns of a space-aligned row that starts a page', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).toMatch(/\f\s+一、本年新收/);
    const read = tables(text);
    expect(read).toEqual(tables(text.replace(/\f/g, '')));
    // Its blank cells are placed by where its numbers stand: with the form feed counted as a character they were not.
    expect(read.requests.received).toEqual({ natural: 108, commercial: null, research: 33, nonprofit: 25, legal: 21, otherOrg: null, total: 187 });
  });

  it('reads the real -layout text the same with its form feeds and without them', () => {
    const text = readFileSync(CORPUS, 'utf8');
    expect(text.split('\f').length).toBeGreaterThan(3);
    expect(tables(text)).toEqual(tables(text.replace(/\f/g, '')));
  });
});
