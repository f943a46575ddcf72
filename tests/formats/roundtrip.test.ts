/**
 * Round trip through the format readers: generated reports with known values are written as an HTML page, a Word
 * document and a printed PDF in the official table layout (rowspan group labels, two-level colspan headers), read
 * back, and parsed. Every table row must come out on one line with exactly its printed cells, and every cell of
 * tables A, B and C, the agency and the year must equal the truth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/pipeline/read/formats/docx';
import { readHtml } from '../../src/pipeline/read/formats/html';
import { generatedCase, type FormatCase } from './support/cases';
import { missingRows, report, roundTripFailures } from './support/oracle';
import { printAndRead } from './support/pdf-batch';
import { openPrinter, type Printer } from './support/print';
import { docxBytes, htmlBytes } from './support/render';

const PER_FORMAT = 200;

interface Read {
  c: FormatCase;
  text: string;
}

function cases(prefix: string): FormatCase[] {
  return Array.from({ length: PER_FORMAT }, (_, i) => generatedCase(prefix, i));
}

function expectAll(reads: Read[], check: (r: Read) => string[]) {
  const failures = reads.map((r) => ({ name: r.c.name, details: check(r) })).filter((f) => f.details.length > 0);
  expect(failures.length, report(failures, reads.length)).toBe(0);
}

function roundTrip(format: string, load: () => Read[]) {
  it(`${format}: every table row is one line with exactly its printed cells`, () => {
    expectAll(load(), (r) => missingRows(r.text, r.c.parts));
  });
  it(`${format}: every cell of tables A, B and C, the agency and the year equal the truth`, () => {
    expectAll(load(), (r) => roundTripFailures(r.text, r.c.truth, r.c.name));
  });
}

describe('HTML pages (site chrome, GBK or UTF-8, <meta charset> or http-equiv)', () => {
  let reads: Read[] = [];
  beforeAll(() => {
    reads = cases('fmt-html').map((c) => ({ c, text: readHtml(htmlBytes(c), `${c.name}.html`).text ?? '' }));
  });
  roundTrip('HTML', () => reads);
  it('covers GBK pages and pages with site chrome', () => {
    expect(reads.filter((r) => /^gb/i.test(r.c.style.charset)).length).toBeGreaterThan(40);
    expect(reads.filter((r) => r.c.style.chrome).length).toBeGreaterThan(80);
  });
});

describe('Word documents (.docx, merged cells as Word merges)', () => {
  const reads: Read[] = [];
  beforeAll(async () => {
    for (const c of cases('fmt-docx')) reads.push({ c, text: (await readDocx(await docxBytes(c), `${c.name}.docx`)).text ?? '' });
  });
  roundTrip('DOCX', () => reads);
});

describe('PDF printed by Chromium (ruled tables over page breaks, page numbers)', () => {
  let printer: Printer;
  let reads: (Read & { pages: number })[] = [];
  beforeAll(async () => {
    printer = await openPrinter();
    reads = await printAndRead(cases('fmt-pdf'), printer);
  });
  afterAll(() => printer?.close());
  roundTrip('PDF', () => reads);
  it('includes reports whose tables run over several pages', () => {
    expect(reads.filter((r) => r.pages >= 3).length).toBeGreaterThan(100);
  });
});
