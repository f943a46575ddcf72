/**
 * npm run generate -- --n 1000 --out <dir> [--seed 1] [--layouts pdf-text,tsv,pipe,markdown-table,flattened]
 *                     [--templates 2021,2019] [--breaks 0.1] [--flat-ambiguity avoid|force|any]
 * Writes synthetic annual reports with known true values (src/generator):
 *   <out>/reports/<name>.txt|.md   the report files, encoded as agencies publish them (UTF-8, UTF-8 BOM, GB18030; LF or CRLF)
 *   <out>/truth.jsonl              one JSON line per report: { file, seed, layout, encoding, crlf, quirks, ambiguousTables, truth }
 * The truth stays outside reports/, so `npm run data -- --content <out>/reports` reads the reports only.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeText, generateReport, INJECTABLE_RULES, LAYOUTS, pickEncoding, type Layout, type ReportOptions, type Template } from '../src/generator';
import { rngFor } from '../src/generator/rng';
import { cliArgs, fail } from './cli';


const USAGE = `npm run generate -- --n 1000 --out <dir> [--seed 1] [--layouts ${LAYOUTS.join(',')}]
                    [--templates 2021,2019] [--breaks 0.1] [--flat-ambiguity avoid|force|any]
Writes <out>/reports/ (the report files) and <out>/truth.jsonl (their true values).`;
const values = cliArgs(
  {
    n: { type: 'string', default: '100' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    layouts: { type: 'string', default: LAYOUTS.join(',') },
    templates: { type: 'string', default: '2021,2019' },
    breaks: { type: 'string', default: '0.1' },
    'flat-ambiguity': { type: 'string', default: 'avoid' },
  },
  USAGE,
);

const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) fail(`--n: expected a whole number ≥ 1, found ${values.n}`);
if (!values.out) fail('--out: the folder to write to is required');
const layouts = values.layouts.split(',') as Layout[];
for (const l of layouts) if (!LAYOUTS.includes(l)) fail(`--layouts: unknown layout ${l} (known: ${LAYOUTS.join(', ')})`);
const templates = values.templates.split(',') as Template[];
if (templates.some((t) => t !== '2021' && t !== '2019')) fail(`--templates: expected 2021 and/or 2019, found ${values.templates}`);
const breakRate = Number(values.breaks);
if (!(breakRate >= 0 && breakRate <= 1)) fail(`--breaks: expected a share between 0 and 1, found ${values.breaks}`);
const flatAmbiguity = values['flat-ambiguity'] as ReportOptions['flatAmbiguity'];
if (!['avoid', 'force', 'any'].includes(flatAmbiguity!)) fail(`--flat-ambiguity: expected avoid, force or any, found ${flatAmbiguity}`);

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

function optionsFor(i: number, seed: string): ReportOptions {
  const rng = rngFor(seed, 'cli');
  const layout = layouts[i % layouts.length];
  const template = templates.length === 1 ? templates[0] : undefined;
  const breaks = layout !== 'flattened' && rng.chance(breakRate) ? [rng.pick(INJECTABLE_RULES)] : [];
  return { layout, template, breaks, flatAmbiguity };
}

await prepare();
const lines: string[] = [];
for (let i = 0; i < n; i++) {
  const seed = `${values.seed}-${i}`;
  const report = generateReport(seed, optionsFor(i, seed));
  const encoding = pickEncoding(rngFor(seed, 'encoding'));
  const file = `${report.name}${report.extension}`;
  await writeFile(path.join(reportsDir, file), encodeText(report.text, encoding));
  const { quirks, ambiguousTables, truth, layout } = report;
  lines.push(JSON.stringify({ file, seed, layout, encoding: encoding.encoding, crlf: encoding.crlf, quirks, ambiguousTables, truth }));
}
await writeFile(path.join(out, 'truth.jsonl'), `${lines.join('\n')}\n`);
console.log(`wrote ${n} reports to ${reportsDir} and their truth to ${path.join(out, 'truth.jsonl')}`);
