/**
 * The real-world corpus (../shared/corpus, or CORPUS_DIR): every file goes through the data step on a copy of its
 * own (the five versions of 洪泽区 2023 are one agency and year, so a shared folder would keep only one) and becomes a
 * report or a rejection with a named diagnostic. The five versions of 洪泽区 2023 — the PDF, its pdfplumber text and
 * its three poppler texts — must agree cell for cell, and so must a sixth made here from the PDF by MuPDF's `mutool`
 * when it is installed; the cells that disagree are printed.
 *
 * The corpus is outside the repository: without it these tests are skipped, saying so in their titles.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS, PROACTIVE_ROWS, REQUEST_GROUP_KEYS, REQUEST_ROW_KEYS, type Rejected, type Report } from '../../src/schema';
import { pypdfPages } from '../../src/generator/shapes/pdf';
import { mutool, pypdf, SKIP_MARKER } from '../support/tools';

const CORPUS = process.env.CORPUS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/corpus');
const PRESENT = existsSync(CORPUS);
const SKIP = PRESENT ? '' : ` ${SKIP_MARKER}no corpus at ${CORPUS}]`;

const HONGZE = /^jiangsu-huaian-hongze-district-gov_2023/;
const HONGZE_PDF = 'jiangsu-huaian-hongze-district-gov_2023.pdf';
/** pypdf's text of the PDF, made here when pypdf is installed: compared apart (its table C is one run of digits). */
const PYPDF_VERSION = HONGZE_PDF.replace('.pdf', '_pypdf.txt');
/** The versions of 洪泽区 2023: the corpus's five, and mutool's text of its PDF when mutool is installed. */
const HONGZE_VERSIONS = mutool.path ? 6 : 5;

/**
 * The disagreement measured with the current parser, or null once the five versions agree (the test is then on).
 * Since table A is read by proof (numbers before their labels placed by the runs between labels): they agree.
 */
const HONGZE_DISAGREEMENT: string | null = null;

interface Outcome {
  file: string;
  report: Report | null;
  rejected: Rejected | null;
}

let dir = '';
const outcomes: Outcome[] = [];

beforeAll(async () => {
  if (!PRESENT) return;
  dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  const files = (await readdir(CORPUS)).sort();
  // MuPDF's text of the PDF, made as `mutool draw -F txt` (and PyMuPDF) makes it: a sixth version of 洪泽区 2023.
  const made = mutool.path && files.includes(HONGZE_PDF) ? [HONGZE_PDF.replace('.pdf', '_mutool.txt')] : [];
  // pypdf's text of it (each page's extract_text(), joined by line breaks): every row's seven cells one run of digits.
  const byPypdf = pypdf.path && files.includes(HONGZE_PDF) ? [PYPDF_VERSION] : [];
  for (const file of [...files, ...made, ...byPypdf]) {
    const content = path.join(dir, file, 'content');
    await mkdir(content, { recursive: true });
    if (made.includes(file)) execFileSync(mutool.path!, ['draw', '-q', '-F', 'txt', '-o', path.join(content, file), path.join(CORPUS, HONGZE_PDF)]);
    else if (byPypdf.includes(file)) await writeFile(path.join(content, file), (await pypdfPages(path.join(CORPUS, HONGZE_PDF))).join('\n'));
    else await copyFile(path.join(CORPUS, file), path.join(content, file));
    const result = await runPipeline({ contentDir: content, outDir: path.join(dir, file, 'data'), cache: false, workers: 0 });
    outcomes.push({ file, report: result.reports[0] ?? null, rejected: result.rejected[0] ?? null });
  }
}, 600_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every cell of tables A (2021 template), B and C of a report, by value path. */
function cells(r: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const grid = (prefix: string, rows: readonly string[], columns: readonly string[], data: Record<string, Record<string, number | null> | null | undefined> | null) => {
    for (const row of rows) for (const c of columns) out.set(`${prefix}.${row}.${c}`, data?.[row]?.[c] ?? null);
  };
  for (const row of PROACTIVE_ROWS) grid('proactive', [row.key], row.columns, r.proactive as never);
  grid('requests', [...REQUEST_ROW_KEYS, ...REQUEST_GROUP_KEYS], APPLICANT_KEYS, r.requests as never);
  grid('appeals', APPEAL_GROUPS.map((g) => g.key), APPEAL_COLUMNS.map((c) => c.key), r.appeals as never);
  return out;
}

describe(`the real-world corpus${SKIP}`, () => {
  it.skipIf(!PRESENT)('every file becomes a report or a rejection with a named diagnostic', () => {
    expect(outcomes.length).toBeGreaterThan(0);
    const summary = outcomes.map(({ file, report, rejected }) => {
      if (report) {
        const all = [...cells(report).values()];
        return `${file}: report ${report.id}, ${all.filter((v) => v !== null).length} cells read, ${all.filter((v) => v === null).length} null, rule breaks ${report.checks.map((c) => `${c.rule}:${c.scope}`).join(' ') || 'none'}`;
      }
      return `${file}: rejected (${rejected?.diagnostics.map((d) => d.code).join(', ')})`;
    });
    console.log(`\ncorpus files through the data step:\n${summary.join('\n')}\n`);
    for (const o of outcomes) {
      expect(o.report !== null || (o.rejected?.diagnostics.some((d) => d.code && d.file) ?? false), `${o.file}: neither a report nor a named diagnostic`).toBe(true);
    }
    // The report files (all but the corpus README) are reports.
    expect(outcomes.filter((o) => o.file !== 'README.md' && !o.report).map((o) => o.file)).toEqual([]);
  });

  const title = `the ${HONGZE_VERSIONS} versions of 洪泽区 2023 (PDF, pdfplumber text, three poppler texts${mutool.path ? ', mutool text' : ''}) agree cell for cell`;
  (HONGZE_DISAGREEMENT && PRESENT ? it.fails : it.skipIf(!PRESENT))(HONGZE_DISAGREEMENT ? `${title} — FAILS today: ${HONGZE_DISAGREEMENT}` : title, () => {
    const versions = outcomes.filter((o) => HONGZE.test(o.file) && o.file !== PYPDF_VERSION);
    expect(versions.map((v) => v.file)).toHaveLength(HONGZE_VERSIONS);
    expect(versions.filter((v) => !v.report).map((v) => v.file)).toEqual([]);
    const grids = versions.map((v) => ({ file: v.file.replace(HONGZE, '').replace(/^_/, '') || '.pdf', cells: cells(v.report!) }));
    const disagreements = [...grids[0].cells.keys()].filter((key) => new Set(grids.map((g) => g.cells.get(key))).size > 1);
    // Per version, against the value most versions give: cells left null, and cells with another number.
    const majority = (key: string) => {
      const counts = new Map<number | null | undefined, number>();
      for (const g of grids) counts.set(g.cells.get(key), (counts.get(g.cells.get(key)) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    };
    const lines = grids.map((g) => {
      const off = disagreements.filter((key) => g.cells.get(key) !== majority(key));
      const nulls = off.filter((key) => g.cells.get(key) === null);
      const numbers = off.filter((key) => g.cells.get(key) !== null).map((key) => `${key}=${g.cells.get(key)} (others ${majority(key)})`);
      return `${g.file}: ${off.length} cells differ from the majority — ${nulls.length} null${numbers.length ? `; other numbers: ${numbers.join(', ')}` : ''}`;
    });
    console.log(`\n洪泽区 2023: ${disagreements.length} of ${grids[0].cells.size} cells disagree across the ${HONGZE_VERSIONS} versions\n${lines.join('\n')}\n`);
    expect(disagreements, lines.slice(0, 30).join('\n')).toEqual([]);
  });

  it.skipIf(!PRESENT || !pypdf.path)(`pypdf’s text of 洪泽区 2023, each row’s cells one run of digits, reads tables A and B as the other versions; table C’s run is null, saying why${pypdf.missing ? ` ${SKIP_MARKER}${pypdf.missing}]` : ''}`, () => {
    const byPypdf = outcomes.find((o) => o.file === PYPDF_VERSION)!.report!;
    const pdf = outcomes.find((o) => o.file === HONGZE_PDF)!.report!;
    const [mine, theirs] = [cells(byPypdf), cells(pdf)];
    const differ = [...theirs.keys()].filter((key) => mine.get(key) !== theirs.get(key));
    expect(differ.filter((key) => !key.startsWith('appeals.'))).toEqual([]);
    expect([...mine].filter(([key, v]) => key.startsWith('appeals.') && v !== null)).toEqual([]);
    expect(byPypdf.diagnostics.some((d) => d.code === 'digits-ambiguous' && d.found.startsWith('1010000000050000'))).toBe(true);
    expect([byPypdf.agency.name, byPypdf.year]).toEqual([pdf.agency.name, pdf.year]);
  });
});
