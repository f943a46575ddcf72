/**
 * A corpus of real report size made from the seed reports (content/reports), for the data step's rate (issue 15):
 *   tsx src/bench/seed-corpus.ts <seeds dir> <n> <out dir>
 * File i is seed i mod 5 with its agency's name replaced, wherever the text prints it whole, by another agency
 * drawn by the generator (src/generator/agency.ts), so the n files name n different agency-years and none is
 * rejected as a duplicate. The text is otherwise the seed's, byte for byte in its own encoding: the prose, the tables'
 * layout and the numbers of a real report. Writes <out dir>/<seed stem>-<i>.<ext>.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateAgency } from '../generator/agency';
import { rngFor } from '../generator/rng';
import { ingestFile } from '../pipeline/ingest';
import { discoverFiles } from '../pipeline/read/discover';

const MAX_DRAWS = 1000;

const [seedsDir, count, outDir] = process.argv.slice(2);
const n = Number(count);
if (!seedsDir || !outDir || !Number.isInteger(n) || n < 1) {
  console.error('usage: tsx src/bench/seed-corpus.ts <seeds dir> <n> <out dir>');
  process.exit(2);
}

interface Seed {
  file: string;
  text: string;
  name: string;
  year: number;
}

/** The seeds that become reports, with the agency name and year the pipeline reads in them (UTF-8 text only). */
async function loadSeeds(): Promise<Seed[]> {
  const seeds: Seed[] = [];
  for (const file of (await discoverFiles(seedsDir)).files) {
    const ingested = await ingestFile(seedsDir, file);
    const text = await readFile(path.join(seedsDir, file), 'utf8');
    if (!('report' in ingested) || !text.includes(ingested.report.agency.name)) continue;
    seeds.push({ file, text, name: ingested.report.agency.name, year: ingested.report.year });
  }
  return seeds;
}

const seeds = await loadSeeds();
if (seeds.length === 0) throw new Error(`no seed in ${seedsDir} names its agency whole in its text`);
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const used = new Set(seeds.map((s) => `${s.name} ${s.year}`));
for (let i = 0; i < n; i++) {
  const seed = seeds[i % seeds.length];
  let name = '';
  for (let draw = 0; draw === 0 || used.has(`${name} ${seed.year}`); draw++) {
    if (draw > MAX_DRAWS) throw new Error(`no unused agency after ${MAX_DRAWS} draws (file ${i})`);
    name = generateAgency(rngFor(`seed-corpus-${i}`, `agency-${draw}`)).name;
  }
  used.add(`${name} ${seed.year}`);
  const ext = path.extname(seed.file);
  await writeFile(path.join(outDir, `${path.basename(seed.file, ext)}-${i}${ext}`), seed.text.replaceAll(seed.name, name));
}
console.log(`${n} files from ${seeds.length} seeds (${seeds.map((s) => s.name).join(', ')}) in ${outDir}`);
