/**
 * npm run measure-shapes -- [--n 1000] [--shapes cell-lines,md-split,…,pdftotext] [--prefix shape] [--no-cache]
 * Measures the parser on every extraction shape (src/generator/shapes): n generated reports per shape, every cell of
 * tables A, B and C counted as exact, null with a diagnostic, silent null or wrong. PDF shapes print the reports with
 * Chromium (printed batches cached under .cache/shape-pdfs/); the poppler shapes need pdftotext (poppler-utils).
 */
import { describeDefects, measurePdfShapes, measureTextShape, type ShapeMeasure } from '../src/bench/shapes';
import { PDF_SHAPES, SHAPES, TEXT_SHAPES, type Shape, type TextShape } from '../src/generator/shapes';
import { formatTallies, sumTallies, type Tally } from '../src/generator/shapes/measure';
import { hasMutool, hasPdftotext } from '../src/generator/shapes/pdf';
import { openPrinter } from '../tests/formats/support/print';
import { cliArgs, fail } from './cli';

const USAGE = `npm run measure-shapes -- [--n 1000] [--shapes ${SHAPES.join(',')}] [--prefix shape] [--no-cache] [--examples]
Prints, per extraction shape, the cells of tables A, B and C that the parser reads exactly, leaves null with a
diagnostic, leaves null silently, or gets wrong.`;
const values = cliArgs(
  {
    n: { type: 'string', default: '1000' },
    shapes: { type: 'string', default: SHAPES.join(',') },
    prefix: { type: 'string', default: 'shape' },
    'no-cache': { type: 'boolean', default: false },
    examples: { type: 'boolean', default: false },
  },
  USAGE,
);

const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) fail(`--n: expected a whole number ≥ 1, found ${values.n}`);
const shapes = values.shapes.split(',') as Shape[];
for (const s of shapes) if (!SHAPES.includes(s)) fail(`--shapes: unknown shape ${s} (known: ${SHAPES.join(', ')})`);

const measures: ShapeMeasure[] = [];
const started = Date.now();
for (const shape of shapes.filter((s): s is TextShape => (TEXT_SHAPES as readonly string[]).includes(s))) {
  const t0 = Date.now();
  measures.push(measureTextShape(shape, n, values.prefix));
  console.error(`${shape}: ${n} reports in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const pdfShapes = shapes.filter((s) => (PDF_SHAPES as readonly string[]).includes(s));
if (pdfShapes.length) {
  if (!hasPdftotext()) console.error('pdftotext not installed (Debian poppler-utils): the pdftotext shapes are left out');
  if (!hasMutool()) console.error('mutool not installed (Debian mupdf-tools): the mutool shape is left out');
  const t0 = Date.now();
  const printer = await openPrinter();
  try {
    const pdf = await measurePdfShapes(n, (html) => printer.pdf(html), `${values.prefix}-pdf`, { cacheDir: values['no-cache'] ? null : undefined });
    measures.push(...pdf.filter((m) => pdfShapes.includes(m.shape)));
  } finally {
    await printer.close();
  }
  console.error(`PDF shapes: ${n} reports printed and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const total = sumTallies(measures.map((m) => m.tally));
console.log(formatTallies([...measures.map((m) => [m.shape, m.tally] as [string, Tally]), ['all shapes', total]]));
if (values.examples) for (const m of measures) if (describeDefects(m)) console.log(`\n${describeDefects(m)}`);
console.error(`${((Date.now() - started) / 1000).toFixed(1)} s in all`);
