/**
 * The parser on the text people make straight from an agency’s Word file: 200 generated reports written as Word
 * files (the office shapes' documents, src/generator/render-docx.ts) and converted by pandoc (`-t plain`, `-t
 * markdown`, `-t gfm`: grid and pipe tables, Markdown's escapes such as "\-" for a blank cell's "-") and by
 * LibreOffice's text export (each cell a paragraph), and by the pipeline's own Word reader (mammoth: a .docx dropped
 * into content/, which needs no tool). Every cell of tables A, B and C must be exact or null with a
 * diagnostic: zero wrong, zero silent; the exact/null/wrong table of each shape is printed.
 *
 * pandoc and LibreOffice come from Debian (pandoc, libreoffice-writer-nogui, which .ci/run installs); without one its
 * tests are skipped with the reason in their titles. Texts are cached under .cache/docx-texts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDefects, describeMetadata, describeUnnamed, describeUntranslated, measureDocxShapes, type ShapeMeasure } from '../../src/bench/shapes';
import { DOCX_SHAPES, type DocxShape } from '../../src/generator/shapes/docx';
import { formatTallies } from '../../src/generator/shapes/measure';
import { pandoc, soffice, titleWithTools, type Tool } from '../support/tools';

const REPORTS = 200;
/** The pipeline's Word reader is an npm package: always there. */
const READER: Tool = { name: 'mammoth', debianPackage: '', path: null, missing: null };
const toolOf = (shape: DocxShape) => (shape === 'docx-reader' ? READER : shape === 'docx-soffice-text' ? soffice : pandoc);

let measures: ShapeMeasure[] = [];

beforeAll(async () => {
  measures = await measureDocxShapes(REPORTS);
}, 900_000);

afterAll(() => {
  if (measures.length) console.log(`\nWord-file text shapes, ${REPORTS} reports:\n${formatTallies(measures.map((m) => [m.shape, m.tally]))}\n`);
});

describe.each(DOCX_SHAPES.map((shape) => ({ shape })))('parseReport on the $shape shape', ({ shape }) => {
  const tool = toolOf(shape);
  const title = `${REPORTS} reports: every cell of tables A, B and C is exact or null with a diagnostic (zero wrong, zero silent), every diagnostic said in Chinese, naming what it expected and what it found`;
  it.skipIf(!!tool.missing)(tool === READER ? title : titleWithTools(title, [tool]), () => {
    const m = measures.find((x) => x.shape === shape)!;
    expect(m.tally.reports).toBe(REPORTS);
    expect(m.tally.wrong + m.tally.silent + m.tally.crashed, describeDefects(m)).toBe(0);
    expect(m.untranslated.count, describeUntranslated(m)).toBe(0);
    expect(m.unnamed.count, describeUnnamed(m)).toBe(0);
    expect(m.metadata.wrong, describeMetadata(m)).toBe(0);
  });
});

describe(titleWithTools('pandoc’s Markdown of a Word file', [pandoc]), () => {
  it.skipIf(!!pandoc.missing)('reads at least 99.5 % of the cells of its pipe tables exactly (Markdown’s escaped blank marks read as blanks)', () => {
    const m = measures.find((x) => x.shape === 'docx-pandoc-gfm')!;
    expect(m.tally.exact / m.tally.cells).toBeGreaterThan(0.995);
  });
});
