/**
 * npm run generate -- --n 1000 --out <dir> [--seed 1] [--layouts pdf-text,tsv,pipe,markdown-table,flattened]
 *                     [--templates 2021,2019] [--breaks 0.1] [--flat-ambiguity avoid|force|any] [--flat-blanks] [--flat-shown] [--shapes cell-lines,md-split,…]
 * Writes synthetic annual reports with known true values (src/generator), each for another agency-year (a seed
 * that draws one already used gets another agency: src/generator/distinct.ts); `--shapes` adds extraction shapes
 * (src/generator/shapes: text shapes, and PDF shapes printed by Chromium and read by pdftotext/pdf.js) to the rotation:
 *   <out>/reports/<name>.txt|.md   the report files, encoded as agencies publish them (UTF-8, UTF-8 BOM, GB18030; LF or CRLF)
 *   <out>/truth.jsonl              one JSON line per report: { file, seed, layout, encoding, crlf, quirks, ambiguousTables, truth }
 * The truth stays outside reports/, so `npm run data -- --content <out>/reports` reads the reports only.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeText, generateReport, INJECTABLE_RULES, LAYOUTS, pickEncoding, type Layout, type ReportOptions, type Template } from '../src/generator';
import { DistinctAgencyYears } from '../src/generator/distinct';
import { rngFor } from '../src/generator/rng';
import { generateShaped, PDF_SHAPES, SHAPES, TEXT_SHAPES, type PdfShape, type Shape, type TextShape } from '../src/generator/shapes';
import { pdfCase, readPdfShapes, type PdfCase } from '../src/generator/shapes/pdf';
import { openPrinter } from '../tests/formats/support/print';
import { cliArgs, fail } from './cli';


const USAGE = `npm run generate -- --n 1000 --out <dir> [--seed 1] [--layouts ${LAYOUTS.join(',')}]
                    [--templates 2021,2019] [--breaks 0.1] [--flat-ambiguity avoid|force|any] [--flat-blanks] [--flat-shown]
                    [--shapes ${SHAPES.join(',')}]
Writes <out>/reports/ (the report files) and <out>/truth.jsonl (their true values). --shapes adds extraction
shapes to the rotation of layouts (PDF shapes print with Chromium; the pdftotext ones need poppler-utils, mutool
mupdf-tools). --flat-blanks gives the flattened layout blank cells (printed as nothing) and the 2019 template; --flat-shown prints its
numbers as the page shows them (thousands separators, full-width digits).`;
const values = cliArgs(
  {
    n: { type: 'string', default: '100' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    layouts: { type: 'string', default: LAYOUTS.join(',') },
    templates: { type: 'string', default: '2021,2019' },
    breaks: { type: 'string', default: '0.1' },
    'flat-ambiguity': { type: 'string', default: 'avoid' },
    'flat-blanks': { type: 'boolean', default: false },
    'flat-shown': { type: 'boolean', default: false },
    shapes: { type: 'string', default: '' },
  },
  USAGE,
);

const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) fail(`--n: expected a whole number ≥ 1, found ${values.n}`);
if (!values.out) fail('--out: the folder to write to is required');
const layouts = (values.layouts ? values.layouts.split(',') : []) as Layout[];
for (const l of layouts) if (!LAYOUTS.includes(l)) fail(`--layouts: unknown layout ${l} (known: ${LAYOUTS.join(', ')})`);
const templates = values.templates.split(',') as Template[];
if (templates.some((t) => t !== '2021' && t !== '2019')) fail(`--templates: expected 2021 and/or 2019, found ${values.templates}`);
const breakRate = Number(values.breaks);
if (!(breakRate >= 0 && breakRate <= 1)) fail(`--breaks: expected a share between 0 and 1, found ${values.breaks}`);
const flatAmbiguity = values['flat-ambiguity'] as ReportOptions['flatAmbiguity'];
if (!['avoid', 'force', 'any'].includes(flatAmbiguity!)) fail(`--flat-ambiguity: expected avoid, force or any, found ${flatAmbiguity}`);

const shapes = (values.shapes ? values.shapes.split(',') : []) as Shape[];
for (const s of shapes) if (!SHAPES.includes(s)) fail(`--shapes: unknown shape ${s} (known: ${SHAPES.join(', ')})`);
/** Each report takes the next layout or shape of this rotation. */
const rotation: (Layout | Shape)[] = [...layouts, ...shapes];
if (!rotation.length) fail('--layouts and --shapes: nothing to generate (both empty)');

const out = path.resolve(values.out);
const reportsDir = path.join(out, 'reports');
const OWN_FILE = /^g[a-z0-9-]+\.(txt|md)$/i;

/** Clears a previous run's files, refusing to touch a folder that holds anything this script did not write. */
async function prepare(): Promise<void> {
  const existing = await readdir(reportsDir).catch(() => [] as string[]);
  const foreign = existing.filter((f) => !OWN_FILE.test(f));
  if (foreign.length) fail(`${reportsDir} holds files this script did not write (${foreign.slice(0, 3).join(', ')}…); choose another --out`);
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
}

function optionsFor(layout: Layout, seed: string): ReportOptions {
  const rng = rngFor(seed, 'cli');
  const template = templates.length === 1 ? templates[0] : undefined;
  const breaks = layout !== 'flattened' && rng.chance(breakRate) ? [rng.pick(INJECTABLE_RULES)] : [];
  return { layout, template, breaks, flatAmbiguity, flatBlanks: values['flat-blanks'], flatShown: values['flat-shown'] };
}

await prepare();
const lines: string[] = [];
const pdfReports: { c: PdfCase; seed: string; shape: PdfShape }[] = [];
// n files, n agency-years: the pipeline would reject a second report of one agency and year as a duplicate.
const agencyYears = new DistinctAgencyYears();
for (let i = 0; i < n; i++) {
  const seed = `${values.seed}-${i}`;
  const encoding = pickEncoding(rngFor(seed, 'encoding'));
  const pick = rotation[i % rotation.length];
  if ((PDF_SHAPES as readonly string[]).includes(pick)) {
    const c = agencyYears.take(seed, (agency) => pdfCase(`${values.seed}-pdf`, i, agency));
    pdfReports.push({ c, seed, shape: pick as PdfShape });
    continue;
  }
  if ((TEXT_SHAPES as readonly string[]).includes(pick)) {
    const { breaks, template } = optionsFor('pdf-text', seed);
    const r = agencyYears.take(seed, (agency) => generateShaped(seed, pick as TextShape, { breaks, template, agency }));
    const file = `${r.name}${pick.startsWith('md-') ? '.md' : '.txt'}`;
    await writeFile(path.join(reportsDir, file), encodeText(r.text, encoding));
    lines.push(JSON.stringify({ file, seed, layout: pick, encoding: encoding.encoding, crlf: encoding.crlf, quirks: [], ambiguousTables: [], truth: r.truth }));
    continue;
  }
  const report = agencyYears.take(seed, (agency) => generateReport(seed, { ...optionsFor(pick as Layout, seed), agency }));
  const file = `${report.name}${report.extension}`;
  await writeFile(path.join(reportsDir, file), encodeText(report.text, encoding));
  const { quirks, ambiguousTables, truth, layout } = report;
  lines.push(JSON.stringify({ file, seed, layout, encoding: encoding.encoding, crlf: encoding.crlf, quirks, ambiguousTables, truth }));
}
if (pdfReports.length) {
  // Printed in batches (cached under .cache/shape-pdfs/), each report read in its rotation's shape; UTF-8 as the tools write it.
  const printer = await openPrinter();
  try {
    const read = await readPdfShapes(pdfReports.map(({ c }) => c), (html) => printer.pdf(html));
    for (const [k, r] of read.entries()) {
      const { seed, shape } = pdfReports[k];
      const text = r.texts[shape];
      if (text === undefined) fail(`--shapes: ${shape} needs ${shape === 'mutool' ? 'mutool (Debian mupdf-tools)' : 'pdftotext (Debian poppler-utils)'}, which is not installed`);
      const file = `${r.c.name}-${shape}.txt`;
      await writeFile(path.join(reportsDir, file), text);
      lines.push(JSON.stringify({ file, seed, layout: shape, encoding: 'utf-8', crlf: false, quirks: [], ambiguousTables: [], truth: r.c.truth }));
    }
  } finally {
    await printer.close();
  }
}
await writeFile(path.join(out, 'truth.jsonl'), `${lines.join('\n')}\n`);
console.log(`wrote ${n} reports to ${reportsDir} and their truth to ${path.join(out, 'truth.jsonl')}`);
