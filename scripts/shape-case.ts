/**
 * npm run shape-case -- --prefix hunt38-pdf --i 104 --shape pdftotext-layout [--out case.txt] [--table-layouts] [--positions]
 * Reproduces one report of a PDF shape hunt (`npm run measure-shapes -- --prefix hunt38 --examples` names it
 * pdfCase('hunt38-pdf', 104)): prints its batch of 50 as the hunt did (cached under .cache/shape-pdfs/), writes the
 * report's text in the shape to --out, and prints its cells counted against the truth, each wrong or silently null cell,
 * and the diagnostics above info. --positions prints each line of table B with where its words start.
 */
import { writeFileSync } from 'node:fs';
import { cellVerdicts } from '../src/generator/shapes/measure';
import { PDF_SHAPES, type PdfShape } from '../src/generator/shapes';
import { pdfCase, readPdfShapes } from '../src/generator/shapes/pdf';
import { parseReport } from '../src/pipeline/parse';
import { textOfBody } from '../src/pipeline/read';
import { openPrinter } from '../tests/formats/support/print';
import { cliArgs, fail } from './cli';

const BATCH = 50;
const USAGE = `npm run shape-case -- --prefix hunt38-pdf --i 104 --shape pdftotext-layout [--out case.txt] [--table-layouts] [--positions]
Writes one generated report's text in a PDF shape (${PDF_SHAPES.join(', ')}) and prints how the parser reads it.`;
const values = cliArgs(
  {
    prefix: { type: 'string', default: 'shape-pdf' },
    i: { type: 'string' },
    shape: { type: 'string', default: 'pdftotext-layout' },
    out: { type: 'string', default: 'case.txt' },
    'table-layouts': { type: 'boolean', default: false },
    positions: { type: 'boolean', default: false },
  },
  USAGE,
);

const i = Number(values.i);
if (!Number.isInteger(i) || i < 0) fail(`--i: expected a whole number ≥ 0, found ${values.i}\n\n${USAGE}`);
if (!(PDF_SHAPES as readonly string[]).includes(values.shape)) fail(`--shape: unknown PDF shape ${values.shape} (known: ${PDF_SHAPES.join(', ')})`);
const first = Math.floor(i / BATCH) * BATCH;
// The whole batch, as the hunt printed it: a report's pages can read otherwise printed alone.
const cases = Array.from({ length: BATCH }, (_, k) => pdfCase(values.prefix, first + k, undefined, { tableLayouts: values['table-layouts'] }));
const printer = await openPrinter();
const read = await readPdfShapes(cases, (html) => printer.pdf(html), { batchSize: BATCH }).finally(() => printer.close());
const text = read[i - first].texts[values.shape as PdfShape];
if (text === undefined) fail(`${values.shape}: its tool is not installed`);
writeFileSync(values.out, text);
const parsed = parseReport({ text: textOfBody(text).text, file: values.out });
const verdicts = cellVerdicts(cases[i - first].truth, parsed, parsed.diagnostics);
const count = (verdict: string) => verdicts.filter((v) => v.verdict === verdict).length;
console.log(`${values.out}: exact ${count('exact')}, null ${count('null')}, absent ${count('absent')}, wrong ${count('wrong')}, silent ${count('silent')}`);
for (const v of verdicts) if (v.verdict === 'wrong' || v.verdict === 'silent') console.log(`  ${v.verdict} ${v.path}: true ${v.expected}, found ${v.found}`);
for (const d of parsed.diagnostics) if (d.severity !== 'info') console.log(`  ${d.code} ${d.path ?? ''} line ${d.line ?? ''}: ${String(d.found ?? '').slice(0, 160)}`);
if (values.positions) {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况') || l.includes('三、行政机关收到和处理政府信息公开申请情况'));
  const to = lines.findIndex((l, n) => n > from && /^\s*四、/.test(l));
  for (let n = Math.max(from, 0); n < (to > from ? to : lines.length); n++) console.log(`${n + 1} ${[...lines[n].matchAll(/\S+/g)].map((m) => `${m.index}:${m[0]}`).join(' ')}`);
}
