/**
 * npm run measure-shapes -- [--n 1000] [--shapes cell-lines,md-split,…,pdftotext] [--prefix shape] [--no-cache] [--table-layouts]
 * Measures the parser on every extraction shape (src/generator/shapes): n generated reports per shape, every cell of
 * tables A, B and C counted as exact, null with a diagnostic, silent null or wrong. PDF shapes print the reports with
 * Chromium (printed batches cached under .cache/shape-pdfs/); the poppler shapes need pdftotext (poppler-utils). The
 * office shapes (office-*) write Word files that LibreOffice makes PDFs (soffice: libreoffice-writer-nogui; cached
 * under .cache/office-pdfs/). The web dump shapes (web-*) render web pages that w3m, lynx and pandoc turn into text
 * (Debian w3m, lynx, pandoc; cached under .cache/web-dumps/); the browser shapes (web-text, web-innertext) are the same
 * pages' textContent and innerText in Chromium (cached under .cache/browser-texts/). The Word-file shapes (docx-*) convert the office shapes'
 * Word files to text with pandoc and LibreOffice (cached under .cache/docx-texts/).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeDefects, describeMetadata, describeUnnamed, describeUntranslated, measureBrowserShapes, measureDocxShapes, measureOfficeShapes, measurePdfShapes, measureTextShape, measureWebShapes, type ShapeMeasure } from '../src/bench/shapes';
import { BROWSER_SHAPES, type BrowserShape } from '../src/generator/shapes/browser';
import { DOCX_SHAPES, docxShapesInstalled, type DocxShape } from '../src/generator/shapes/docx';
import { hasSoffice, OFFICE_SHAPES, type OfficeShape } from '../src/generator/shapes/office';
import { PDF_SHAPES, SHAPES, TEXT_SHAPES, type Shape, type TextShape } from '../src/generator/shapes';
import { formatTallies, sumTallies, type Tally } from '../src/generator/shapes/measure';
import { hasMutool, hasPdfminer, hasPdftotext, hasPypdf } from '../src/generator/shapes/pdf';
import { WEB_SHAPES, webShapesInstalled, type WebShape } from '../src/generator/shapes/web';
import { openPrinter } from '../tests/formats/support/print';
import { cliArgs, fail } from './cli';

const ALL: readonly string[] = [...SHAPES, ...OFFICE_SHAPES, ...WEB_SHAPES, ...BROWSER_SHAPES, ...DOCX_SHAPES];
const USAGE = `npm run measure-shapes -- [--n 1000] [--shapes ${ALL.join(',')}] [--prefix shape] [--no-cache] [--examples] [--table-layouts] [--digest]
Prints, per extraction shape, the cells of tables A, B and C that the parser reads exactly, leaves null with a
diagnostic, leaves null silently, or gets wrong. --table-layouts lays the PDF and web shapes' tables out in the web
pages' table layouts (vertical headers, row-group cells, wrapped labels, padded cells; with borders or without).
--digest prints an MD5 of every parse result per shape: equal before and after a change meant to keep the parser's
behaviour (a speed-up).`;
const values = cliArgs(
  {
    n: { type: 'string', default: '1000' },
    shapes: { type: 'string', default: ALL.join(',') },
    prefix: { type: 'string', default: 'shape' },
    'no-cache': { type: 'boolean', default: false },
    examples: { type: 'boolean', default: false },
    'table-layouts': { type: 'boolean', default: false },
    digest: { type: 'boolean', default: false },
  },
  USAGE,
);

const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) fail(`--n: expected a whole number ≥ 1, found ${values.n}`);
const requested = values.shapes.split(',');
for (const s of requested) if (!ALL.includes(s)) fail(`--shapes: unknown shape ${s} (known: ${ALL.join(', ')})`);
const shapes = requested.filter((s): s is Shape => (SHAPES as readonly string[]).includes(s));

const measures: ShapeMeasure[] = [];
const started = Date.now();
for (const shape of shapes.filter((s): s is TextShape => (TEXT_SHAPES as readonly string[]).includes(s))) {
  const t0 = Date.now();
  measures.push(await measureTextShape(shape, n, values.prefix));
  console.error(`${shape}: ${n} reports in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const pdfShapes = shapes.filter((s) => (PDF_SHAPES as readonly string[]).includes(s));
if (pdfShapes.length) {
  if (!hasPdftotext()) console.error('pdftotext not installed (Debian poppler-utils): the pdftotext shapes are left out');
  if (!hasMutool()) console.error('mutool not installed (Debian mupdf-tools): the mutool shape is left out');
  if (!hasPdfminer()) console.error('pdf2txt not installed (Debian python3-pdfminer): the pdfminer shape is left out');
  if (!hasPypdf()) console.error('pypdf not installed (Debian python3-pypdf): the pypdf shape is left out');
  const t0 = Date.now();
  const printer = await openPrinter();
  try {
    const pdf = await measurePdfShapes(n, (html) => printer.pdf(html), `${values.prefix}-pdf`, { cacheDir: values['no-cache'] ? null : undefined, tableLayouts: values['table-layouts'] });
    measures.push(...pdf.filter((m) => pdfShapes.includes(m.shape as Shape)));
  } finally {
    await printer.close();
  }
  console.error(`PDF shapes: ${n} reports printed and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const officeShapes = requested.filter((s): s is OfficeShape => (OFFICE_SHAPES as readonly string[]).includes(s));
if (officeShapes.length) {
  if (!hasSoffice()) console.error('soffice not installed (Debian libreoffice-writer-nogui): the office shapes are left out');
  else {
    const t0 = Date.now();
    const office = await measureOfficeShapes(n, `${values.prefix}-office`, values['no-cache'] ? { cacheDir: mkdtempSync(path.join(tmpdir(), 'office-')) } : {});
    measures.push(...office.filter((m) => officeShapes.includes(m.shape as OfficeShape)));
    console.error(`office shapes: ${n} reports written, converted by LibreOffice and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const webShapes = requested.filter((s): s is WebShape => (WEB_SHAPES as readonly string[]).includes(s));
if (webShapes.length) {
  const installed = webShapesInstalled();
  for (const s of webShapes) if (!installed.includes(s)) console.error(`${s}: its tool is not installed (Debian w3m, lynx, pandoc): left out`);
  const t0 = Date.now();
  const web = await measureWebShapes(n, `${values.prefix}-web`, { ...(values['no-cache'] ? { cacheDir: mkdtempSync(path.join(tmpdir(), 'web-')) } : {}), tableLayouts: values['table-layouts'] });
  measures.push(...web.filter((m) => webShapes.includes(m.shape as WebShape)));
  console.error(`web shapes: ${n} pages rendered, dumped and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const browserShapes = requested.filter((s): s is BrowserShape => (BROWSER_SHAPES as readonly string[]).includes(s));
if (browserShapes.length) {
  const t0 = Date.now();
  const browser = await openPrinter();
  try {
    const read = await measureBrowserShapes(n, (html) => browser.texts(html), `${values.prefix}-web`, { ...(values['no-cache'] ? { cacheDir: mkdtempSync(path.join(tmpdir(), 'browser-')) } : {}), tableLayouts: values['table-layouts'] });
    measures.push(...read.filter((m) => browserShapes.includes(m.shape as BrowserShape)));
  } finally {
    await browser.close();
  }
  console.error(`browser shapes: ${n} pages rendered and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const docxShapes = requested.filter((s): s is DocxShape => (DOCX_SHAPES as readonly string[]).includes(s));
if (docxShapes.length) {
  const installed = docxShapesInstalled();
  for (const s of docxShapes) if (!installed.includes(s)) console.error(`${s}: its tool is not installed (Debian pandoc, libreoffice-writer-nogui): left out`);
  const t0 = Date.now();
  const docx = await measureDocxShapes(n, `${values.prefix}-office`, values['no-cache'] ? { cacheDir: mkdtempSync(path.join(tmpdir(), 'docx-')) } : {});
  measures.push(...docx.filter((m) => docxShapes.includes(m.shape as DocxShape)));
  console.error(`Word-file shapes: ${n} reports written and converted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const total = sumTallies(measures.map((m) => m.tally));
console.log(formatTallies([...measures.map((m) => [m.shape, m.tally] as [string, Tally]), ['all shapes', total]]));
if (values.digest) console.log(`\nParse results (MD5):\n${measures.map((m) => `${m.shape} ${m.digest}`).join('\n')}`);
if (values.examples) for (const m of measures) if (describeDefects(m)) console.log(`\n${describeDefects(m)}`);
const misfiled = measures.filter((m) => m.metadata.wrong);
console.log(misfiled.length ? `\nReports read with another agency name or year:\n${misfiled.map(describeMetadata).join('\n')}` : `\nAgency name and year: none read wrong (${measures.reduce((a, m) => a + m.metadata.missing, 0)} reports without one, each with a diagnostic).`);
const untranslated = measures.filter((m) => m.untranslated.count);
if (untranslated.length) console.log(`\nDiagnostics that show English to readers:\n${untranslated.map(describeUntranslated).join('\n')}`);
const unnamed = measures.filter((m) => m.unnamed.count);
if (unnamed.length) console.log(`\nDiagnostics that name nothing expected or found:\n${unnamed.map(describeUnnamed).join('\n')}`);
console.error(`${((Date.now() - started) / 1000).toFixed(1)} s in all`);
