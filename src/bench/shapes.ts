/**
 * Measures the parser on every extraction shape (src/generator/shapes): generate n reports per shape, parse each
 * text as a content file would be parsed, and count every cell of tables A, B and C as exact, null with a
 * diagnostic, silent null or wrong. Shared by the property tests (tests/property/shapes*.test.ts) and
 * `npm run measure-shapes`, so the figures a test prints and the figures the script prints are the same.
 */
import { createHash, type Hash } from 'node:crypto';
import { BROWSER_SHAPES, readBrowserShapes, type BrowserShape, type BrowserTexts } from '../generator/shapes/browser';
import { PDF_SHAPES, generateShaped, shapeTruthOptions, type PdfShape, type Shape, type ShapeTweaks, type TextShape } from '../generator/shapes';
import { DOCX_SHAPES, readDocxShapes, type DocxShape } from '../generator/shapes/docx';
import { addReport, emptyTally, type CellVerdict, type Tally } from '../generator/shapes/measure';
import { OFFICE_SHAPES, officeCase, readOfficeShapes, type OfficeShape } from '../generator/shapes/office';
import { pdfCase, readPdfShapes, type PdfShapeOptions } from '../generator/shapes/pdf';
import { readWebShapes, WEB_SHAPES, webCase, type WebShape } from '../generator/shapes/web';
import type { Truth } from '../generator/types';
import { untranslatedTexts } from '../lib/diagnostic-text';
import { parseReport, type ParsedReport } from '../pipeline/parse';
import { textOfBody } from '../pipeline/read';

export interface ShapeMeasure {
  shape: Shape | OfficeShape | WebShape | BrowserShape | DocxShape;
  tally: Tally;
  /** Wrong and silent cells by row path (`requests.withheld.process`), most frequent first. */
  defectRows: [string, number][];
  /** The first reports with a wrong or silent cell: how to regenerate them and their first defects. */
  examples: string[];
  /**
   * Diagnostics whose words for readers (src/lib/diagnostic-text.ts) still hold English the source does not: how
   * many, and the first few texts with how to make their report again.
   */
  untranslated: { count: number; examples: string[] };
  /**
   * Diagnostics that leave what was expected or what was found empty (rule 2 of the house: a diagnostic names both):
   * how many, and the first few with how to make their report again.
   */
  unnamed: { count: number; examples: string[] };
  /**
   * Reports whose agency name or year was read and differs from the truth (`wrong`: the report would be filed under
   * another agency or year) or was not read (`missing`: a diagnostic says so), with the first wrong ones.
   */
  metadata: { wrong: number; missing: number; examples: string[] };
  /** MD5 of every parse result of the shape, in order (`measure-shapes --digest`): equal before and after a change that keeps the parser's behaviour. */
  digest: string;
}

interface Acc {
  tally: Tally;
  rows: Map<string, number>;
  examples: string[];
  untranslated: { count: number; examples: string[] };
  unnamed: { count: number; examples: string[] };
  metadata: ShapeMeasure['metadata'];
  digest: Hash;
}

const SHOWN_UNTRANSLATED = 5;

const newAcc = (): Acc => ({ tally: emptyTally(), rows: new Map(), examples: [], untranslated: { count: 0, examples: [] }, unnamed: { count: 0, examples: [] }, metadata: { wrong: 0, missing: 0, examples: [] }, digest: createHash('md5') });

/**
 * Lets the event loop run every quarter second of a long measure. A vitest worker that computes for a minute without
 * yielding misses the runner's replies (its fixed 60 s RPC timeout: "Timeout calling onTaskUpdate"), and the run
 * fails though every test passed: 3,000 reports of one shape took 34 s on two busy cores.
 */
function breather(everyMs = 250): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

function addText(acc: Acc, how: string, file: string, text: string, truth: Truth, absent: readonly string[] = []): void {
  let verdicts: CellVerdict[];
  let parsed: ParsedReport;
  try {
    // As the read stage gives a .txt or .md file's text to the parser (HTML and drawn tables inside made into lines).
    parsed = parseReport({ text: textOfBody(text).text, file });
    verdicts = addReport(acc.tally, truth, parsed, parsed.diagnostics, absent);
    acc.digest.update(JSON.stringify(parsed));
  } catch (e) {
    acc.tally.reports++;
    acc.examples.push(`${how}: parseReport threw ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (parsed.agencyName === null || parsed.year === null) acc.metadata.missing++;
  else if (parsed.agencyName !== truth.agencyName || parsed.year !== truth.year) {
    acc.metadata.wrong++;
    if (acc.metadata.examples.length < SHOWN_UNTRANSLATED) acc.metadata.examples.push(`${how}: ${parsed.agencyName} ${parsed.year}, true ${truth.agencyName} ${truth.year}`);
  }
  const error = parsed.diagnostics.find((d) => d.code === 'parser-exception');
  if (error) acc.examples.push(`${how}: the parser failed: ${error.found}`);
  for (const d of parsed.diagnostics) {
    if (!d.expected.trim() || !d.found.trim()) {
      acc.unnamed.count++;
      if (acc.unnamed.examples.length < SHOWN_UNTRANSLATED) acc.unnamed.examples.push(`${how}: ${d.code} at line ${d.line ?? '–'}: expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.found)}`);
    }
    const english = untranslatedTexts(d, text);
    if (!english.length) continue;
    acc.untranslated.count++;
    if (acc.untranslated.examples.length < SHOWN_UNTRANSLATED) acc.untranslated.examples.push(`${how}: ${d.code}: ${english.map((e) => e.text).join(' | ')}`);
  }
  const defects = verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'silent');
  for (const d of defects) {
    const row = d.path.slice(0, d.path.lastIndexOf('.'));
    acc.rows.set(row, (acc.rows.get(row) ?? 0) + 1);
  }
  if (defects.length && acc.examples.length < 5) {
    acc.examples.push(`${how}: ${defects.slice(0, 4).map((d) => `${d.path} ${d.verdict} (true ${d.expected}, found ${d.found})`).join('; ')}`);
  }
}

const done = (shape: ShapeMeasure['shape'], acc: Acc): ShapeMeasure => ({
  shape,
  tally: acc.tally,
  defectRows: [...acc.rows.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8),
  examples: acc.examples,
  untranslated: acc.untranslated,
  unnamed: acc.unnamed,
  metadata: acc.metadata,
  digest: acc.digest.digest('hex'),
});

/**
 * Report `i` of a text-shape run is generateShaped(`${prefix}-${i}`, shape, shapeTruthOptions(i), tweaks); `tweaks`
 * damage the text adversarially (src/generator/shapes/adversarial.ts).
 */
export async function measureTextShape(shape: TextShape, n: number, prefix = 'shape', tweaks: ShapeTweaks = {}): Promise<ShapeMeasure> {
  const acc = newAcc();
  const breathe = breather();
  for (let i = 0; i < n; i++) {
    await breathe();
    const seed = `${prefix}-${i}`;
    const r = generateShaped(seed, shape, shapeTruthOptions(i), tweaks);
    addText(acc, `generateShaped('${seed}', '${shape}', shapeTruthOptions(${i})${Object.keys(tweaks).length ? ', tweaks' : ''})`, `${r.name}.txt`, r.text, r.truth, r.absent);
  }
  return done(shape, acc);
}

/**
 * Prints n reports (pdfCase(prefix, i)) and measures each PDF shape; shapes whose tool is missing are left out.
 * `print` prints one HTML document to PDF (Chromium: tests/formats/support/print.ts).
 */
export async function measurePdfShapes(n: number, print: (html: string) => Promise<Buffer>, prefix = 'shape-pdf', options: PdfShapeOptions & { tableLayouts?: boolean } = {}): Promise<ShapeMeasure[]> {
  const cases = Array.from({ length: n }, (_, i) => pdfCase(prefix, i, undefined, { tableLayouts: options.tableLayouts }));
  const read = await readPdfShapes(cases, print, options);
  const accs = new Map<PdfShape, Acc>();
  const breathe = breather();
  for (const r of read) {
    await breathe();
    for (const shape of PDF_SHAPES) {
      const text = r.texts[shape];
      if (text === undefined) continue;
      if (!accs.has(shape)) accs.set(shape, newAcc());
      addText(accs.get(shape)!, `pdfCase('${prefix}', ${cases.indexOf(r.c)}${options.tableLayouts ? ', undefined, { tableLayouts: true }' : ''}) read by ${shape}`, `${r.c.name}.txt`, text, r.c.truth);
    }
  }
  return [...accs.entries()].map(([shape, acc]) => done(shape, acc));
}

/** Measures each shape of read reports (its text in `texts`); `how(i, shape)` says how to make report i again. */
async function measureRead<S extends OfficeShape | WebShape | BrowserShape | DocxShape>(shapes: readonly S[], read: { c: { name: string; truth: Truth }; texts: Partial<Record<S, string>> }[], how: (i: number, shape: S) => string): Promise<ShapeMeasure[]> {
  const accs = new Map<S, Acc>();
  const breathe = breather();
  for (const [i, r] of read.entries()) {
    await breathe();
    for (const shape of shapes) {
      const text = r.texts[shape];
      if (text === undefined) continue;
      if (!accs.has(shape)) accs.set(shape, newAcc());
      addText(accs.get(shape)!, how(i, shape), `${r.c.name}.txt`, text, r.c.truth);
    }
  }
  return shapes.flatMap((shape) => (accs.has(shape) ? [done(shape, accs.get(shape)!)] : []));
}

/**
 * Writes n reports (officeCase(prefix, i)) as Word files, has LibreOffice make them PDFs, and measures each office
 * shape; shapes whose tool is missing are left out. Needs soffice (Debian libreoffice-writer-nogui).
 */
export async function measureOfficeShapes(n: number, prefix = 'shape-office', options: { cacheDir?: string } = {}): Promise<ShapeMeasure[]> {
  const read = await readOfficeShapes(Array.from({ length: n }, (_, i) => officeCase(prefix, i)), options);
  return measureRead(OFFICE_SHAPES, read, (i, shape) => `officeCase('${prefix}', ${i}) read by ${shape}`);
}

/**
 * Renders n reports (webCase(prefix, i)) as web pages and measures each web dump shape (w3m, lynx, pandoc); shapes
 * whose tool is missing are left out.
 */
export async function measureWebShapes(n: number, prefix = 'shape-web', options: { cacheDir?: string; tableLayouts?: boolean } = {}): Promise<ShapeMeasure[]> {
  const read = await readWebShapes(Array.from({ length: n }, (_, i) => webCase(prefix, i, { tableLayouts: options.tableLayouts })), options);
  return measureRead(WEB_SHAPES, read, (i, shape) => `webCase('${prefix}', ${i}${options.tableLayouts ? ', { tableLayouts: true }' : ''}) dumped by ${shape}`);
}

/**
 * Renders n reports (webCase(prefix, i), the web dump shapes' pages) in a browser (`read`: the page's textContent and
 * innerText) and measures each browser text shape.
 */
export async function measureBrowserShapes(n: number, read: (html: string) => Promise<BrowserTexts>, prefix = 'shape-web', options: { cacheDir?: string; tableLayouts?: boolean } = {}): Promise<ShapeMeasure[]> {
  const cases = Array.from({ length: n }, (_, i) => webCase(prefix, i, { tableLayouts: options.tableLayouts }));
  return measureRead(BROWSER_SHAPES, await readBrowserShapes(cases, read, options), (i, shape) => `webCase('${prefix}', ${i}${options.tableLayouts ? ', { tableLayouts: true }' : ''}) in the browser as ${shape}`);
}

/**
 * Writes n reports (officeCase(prefix, i)) as Word files and measures each Word-file text shape (pandoc, LibreOffice's
 * text export); shapes whose tool is missing are left out.
 */
export async function measureDocxShapes(n: number, prefix = 'shape-office', options: { cacheDir?: string } = {}): Promise<ShapeMeasure[]> {
  const read = await readDocxShapes(Array.from({ length: n }, (_, i) => officeCase(prefix, i)), options);
  return measureRead(DOCX_SHAPES, read, (i, shape) => `officeCase('${prefix}', ${i}) converted by ${shape}`);
}

/** The defects of one measure, for a failing test's message or the script's output. */
export function describeDefects(m: ShapeMeasure): string {
  if (m.tally.wrong + m.tally.silent + m.tally.crashed === 0 && m.examples.length === 0) return '';
  return [
    `${m.shape}: ${m.tally.wrong} wrong and ${m.tally.silent} silent null cells of ${m.tally.cells} in ${m.tally.reports} reports, ${m.tally.crashed} reports the parser failed on`,
    `  rows most often wrong or silent: ${m.defectRows.map(([row, k]) => `${row} ${k}`).join(', ')}`,
    ...m.examples.map((e) => `  - ${e}`),
  ].join('\n');
}

/** The reports of one measure filed under a wrong agency name or year, for a failing test's message or the script's output. */
export function describeMetadata(m: ShapeMeasure): string {
  if (m.metadata.wrong === 0) return '';
  return [`${m.shape}: ${m.metadata.wrong} of ${m.tally.reports} reports read with another agency name or year than their own (${m.metadata.missing} without one)`, ...m.metadata.examples.map((e) => `  - ${e}`)].join('\n');
}

/** The diagnostics of one measure that name nothing expected or nothing found, for a failing test's message or the script's output. */
export function describeUnnamed(m: ShapeMeasure): string {
  if (m.unnamed.count === 0) return '';
  return [`${m.shape}: ${m.unnamed.count} diagnostics name nothing expected or nothing found`, ...m.unnamed.examples.map((e) => `  - ${e}`)].join('\n');
}

/** The diagnostics of one measure still showing English to readers, for a failing test's message or the script's output. */
export function describeUntranslated(m: ShapeMeasure): string {
  if (m.untranslated.count === 0) return '';
  return [`${m.shape}: ${m.untranslated.count} diagnostics show English on /quality/ (add their phrases to src/lib/diagnostic-text.ts)`, ...m.untranslated.examples.map((e) => `  - ${e}`)].join('\n');
}
