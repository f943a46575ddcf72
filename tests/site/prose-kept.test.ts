/**
 * Nothing of the text is dropped: for every seed report, every Han character of the source's prose outside its
 * tables — title block, preamble before 一、, the six sections, the closing lines — appears on the built report page,
 * in order, and in the part of the page Pagefind indexes (the article marked `data-pagefind-body`, without the
 * selectors EXCLUDED_FROM_INDEX leaves out). The tables' line ranges were typed by hand from the seed files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { EXCLUDED_FROM_INDEX } from '../../src/integrations/pagefind';
import { readPage, readReports } from './html';

const dist = inject('siteDist');
const reports = readReports(inject('siteData'));
const SEEDS = join(__dirname, '../../content/reports');

/** Lines (1-based, inclusive) holding tables A, B and C in each seed: header rows, labels and numbers. */
const TABLE_LINES: Record<string, [number, number][]> = {
  '000_d416e6364b18408f.txt': [[98, 121], [125, 259], [262, 374]],
  '001_97fbb38be466e179.txt': [[21, 34], [38, 65], [69, 72]],
  '002_b04e7761fcd6bed3.txt': [[33, 47], [51, 79], [83, 86]],
  '003_773531145496868f.txt': [[21, 34], [38, 65], [69, 72]],
  '004_70dbf32ff745fb63.txt': [[117, 143], [148, 304], [310, 389]],
};

const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';

/** The Han characters of each prose line of a seed, in order, skipping its tables. */
function proseLines(file: string): { no: number; han: string }[] {
  const tables = TABLE_LINES[file];
  return readFileSync(join(SEEDS, file), 'utf8')
    .split('\n')
    .map((line, i) => ({ no: i + 1, han: han(line) }))
    .filter((l) => l.han && !tables.some(([from, to]) => l.no >= from && l.no <= to));
}

/** The Han characters of what the search index reads from a report page. */
function indexedText(id: string): string {
  const body = readPage(dist, `/reports/${id}/`).querySelector('[data-pagefind-body]')!;
  for (const selector of EXCLUDED_FROM_INDEX) for (const el of body.querySelectorAll(selector)) el.remove();
  return han(body.textContent);
}

describe.each(Object.keys(TABLE_LINES))('seed %s', (file) => {
  const report = reports.find((r) => r.source.path.endsWith(file));

  it('every Han character of its prose is on the page, in order, where search indexes it', () => {
    expect(report, `a report from ${file}`).toBeDefined();
    const page = indexedText(report!.id);
    const missing: string[] = [];
    let at = 0;
    for (const line of proseLines(file)) {
      const i = page.indexOf(line.han, at);
      if (i < 0) missing.push(`line ${line.no}: ${line.han}`);
      else at = i + line.han.length;
    }
    expect(missing).toEqual([]);
  });
});

/** What Pagefind stored of each indexed page (its fragments: gzip, a signature, then JSON), by URL. */
function storedFragments(): Map<string, string> {
  const out = new Map<string, string>();
  const root = join(dist, 'pagefind');
  for (const bundle of readdirSync(root, { withFileTypes: true })) {
    // The runtime's own folders (fragment/, index/ of its one page) stand beside the scopes' bundles.
    const folder = join(root, bundle.name, 'fragment');
    if (!bundle.isDirectory() || !existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      out.set(fragment.url, fragment.content);
    }
  }
  return out;
}

describe('what the search index stored of each report page', () => {
  const fragments = storedFragments();

  it.each(Object.keys(TABLE_LINES))('seed %s: its prose, and not the portal’s notes on how each table was read', (file) => {
    const report = reports.find((r) => r.source.path.endsWith(file))!;
    const page = readPage(dist, `/reports/${report.id}/`);
    expect(page.querySelector('.placement-note')?.textContent).toContain('读取方式');
    const stored = fragments.get(`/reports/${report.id}/`);
    expect(stored, `a fragment of /reports/${report.id}/`).toBeDefined();
    expect(han(stored!)).toContain(proseLines(file)[0].han);
    expect(han(stored!)).toContain(proseLines(file).at(-1)!.han);
    expect(han(stored!)).not.toContain('读取方式');
  });
});

