/**
 * PDF input side by side with poppler (issue 15): generated reports printed one PDF a file by Chromium (the
 * generator's PDF cases: its HTML renderer with the print variants of src/generator/shapes/pdf.ts), then in one
 * run `pdftotext -layout` over every file (one process a file, as many at once as there are cores) and
 * `npm run data` on the same folder into an empty one. The ratio of the two wall times is the figure the issue
 * sets (≤ 5). Skipped, saying so, where poppler is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderHtmlPage } from '../generator/render-html';
import { pdfCase } from '../generator/shapes/pdf';
import { launchChromium } from '../../tests/support/chromium';
import { runChecked, type Measured } from './process';

export interface PdfInputRun {
  files: number;
  bytes: number;
  /** `pdftotext -layout`, all files, `cores` processes at a time: wall and CPU (user + system of the processes). */
  pdftotext: { wallMs: number; cpuMs: number };
  /** `npm run data` on the folder into an empty one. */
  data: Measured;
  reports: number;
  cores: number;
}

const run = promisify(execFile);
/** Clock ticks a second for /proc's CPU times (getconf CLK_TCK; 100 on Linux). */
const TICKS = 100;

/** CPU time of this process's finished children, from /proc (cutime + cstime), in ms. */
async function childrenCpuMs(): Promise<number> {
  const fields = (await readFile('/proc/self/stat', 'utf8')).replace(/^.*\) /s, '').split(' ');
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
}

/** Prints `count` generated reports to one PDF each (kept: a second run with the same count prints nothing). */
async function printCorpus(dir: string, count: number, log: (line: string) => void): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = Array.from({ length: count }, (_, i) => pdfCase('bench-pdf', i)).map((c) => ({ c, file: path.join(dir, `${c.name}.pdf`) }));
  const missing = names.filter((n) => !existsSync(n.file));
  if (missing.length) {
    log(`  printing ${missing.length} PDFs with Chromium`);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      for (const { c, file } of missing) {
        const page = await context.newPage();
        await page.setContent(renderHtmlPage(c.parts, { ...c.style, chrome: false }), { waitUntil: 'load' });
        await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  return names.map((n) => n.file);
}

/** `pdftotext -layout` over the files, `cores` at a time. */
async function pdftotextAll(files: string[], outDir: string, cores: number): Promise<{ wallMs: number; cpuMs: number }> {
  await mkdir(outDir, { recursive: true });
  const cpuBefore = await childrenCpuMs();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      await run('pdftotext', ['-layout', file, path.join(outDir, `${path.basename(file, '.pdf')}.txt`)]);
    }
  };
  await Promise.all(Array.from({ length: cores }, worker));
  return { wallMs: performance.now() - started, cpuMs: (await childrenCpuMs()) - cpuBefore };
}

export async function pdfInputRun(workDir: string, count: number, projectDir: string, log: (line: string) => void): Promise<PdfInputRun | { skipped: string }> {
  if (spawnSync('pdftotext', ['-v']).error) return { skipped: 'pdftotext not installed (Debian package poppler-utils)' };
  const dir = path.join(workDir, `pdf-${count}`);
  const files = await printCorpus(path.join(dir, 'content'), count, log);
  const cores = availableParallelism();
  const bytes = (await Promise.all(files.map((f) => stat(f)))).reduce((sum, s) => sum + s.size, 0);
  log(`  pdftotext -layout on ${count} PDFs, ${cores} at a time`);
  const pdftotext = await pdftotextAll(files, path.join(dir, 'pdftotext'), cores);
  const out = path.join(dir, 'data');
  await rm(out, { recursive: true, force: true });
  log(`  npm run data on the same ${count} PDFs`);
  const data = await runChecked(path.join(projectDir, 'node_modules', '.bin', 'tsx'), ['scripts/data.ts', '--content', path.join(dir, 'content'), '--out', out], {
    cwd: projectDir,
    logFile: path.join(dir, 'data.log'),
  });
  const reports = (await readdir(path.join(out, 'reports'))).filter((f) => f.endsWith('.json')).length;
  log(`  PDF input: npm run data ${(data.wallMs / 1000).toFixed(1)} s, pdftotext -layout ${(pdftotext.wallMs / 1000).toFixed(1)} s: ${(data.wallMs / pdftotext.wallMs).toFixed(1)}×`);
  return { files: files.length, bytes, pdftotext, data, reports, cores };
}
