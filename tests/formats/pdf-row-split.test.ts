/**
 * A table row broken across a page: Word and LibreOffice let a row break by default, so a number that wraps in its
 * cell can leave its last digits at the head of the next page ("１１６" at the foot of page 1, "４" at the top of page
 * 2, in the total column). The PDF reader joins such a first row of number pieces to the row above it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';
import { readPdf } from '../../src/pipeline/read/formats/pdf';

/** officeCase('shape-office', 184) as a Word file, made a PDF by LibreOffice 7.4. */
const PDF = 'tests/fixtures/formats/libreoffice-row-split.pdf';

describe('a row broken across a page in a LibreOffice PDF', () => {
  it('is one row: the number pieces on the next page end the numbers above them', async () => {
    const read = await readPdf(readFileSync(PDF), 'report.pdf');
    expect(read.text).toMatch(/\(一\)予以公开\t８０４\t１８０\t０\t１３４\t４６\t０\t１１６４\n/);
    const r = parseReport({ text: read.text!, file: 'report.pdf' });
    expect(r.requests.disclosed).toEqual({ natural: 804, commercial: 180, research: 0, nonprofit: 134, legal: 46, otherOrg: 0, total: 1164 });
  });

  it('is one row when the table’s header is repeated above the pieces on the next page', async () => {
    // officeCase('hunt-office', 584): （七）总计 2,841 … 5,086 broken after "２８４" and "５０８"; the next page repeats the
    // table's three header rows, then "１" and "６". Before: 284 … 508 (B3 broken).
    const read = await readPdf(readFileSync('tests/fixtures/formats/libreoffice-row-split-header.pdf'), 'report.pdf');
    expect(read.text).toMatch(/（七）总计\t２８４１\t８５３\t４６４\t７２３\t２０５\t０\t５０８６\n/);
    const r = parseReport({ text: read.text!, file: 'report.pdf' });
    expect(r.requests.handledTotal).toEqual({ natural: 2841, commercial: 853, research: 464, nonprofit: 723, legal: 205, otherOrg: 0, total: 5086 });
  });
});
