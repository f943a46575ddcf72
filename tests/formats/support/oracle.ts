/**
 * What a format reader owes: every table row of the document on one line, its label and exactly its printed cells
 * (checked on the reader's text, before the parser), and through the parser the same numbers, agency and year as
 * the truth.
 */
import { compareTables, proactiveTable } from '../../../src/generator/compare';
import type { Truth } from '../../../src/generator';
import type { HtmlParts } from '../../../src/generator/render-html';
import { parseReport } from '../../../src/pipeline/parse';

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Table rows of the document that do not appear in the reader's text as one line ending in their cells. */
export function missingRows(text: string, parts: HtmlParts): string[] {
  const lines = text.split('\n');
  const rows = [...parts.tables.proactive.flatMap((t) => t.rows), ...parts.tables.requests.rows, ...parts.tables.appeals.rows];
  return rows
    .filter((row) => {
      const label = row.labels.find((l) => l.level === 2)?.text ?? '';
      const cells = row.cells.join('\t');
      return !lines.some((line) => (label ? line.endsWith(`\t${cells}`) && compact(line).includes(compact(label)) : line === cells));
    })
    .map((row) => `${row.path}: no line “${row.labels.map((l) => l.text).join(' ')} ⇥ ${row.cells.join(' ⇥ ')}”`);
}

/** Differences between the parse of the reader's text and the truth: every cell of tables A, B and C, agency, year. */
export function roundTripFailures(text: string, truth: Truth, file: string): string[] {
  const parsed = parseReport({ text, file });
  const tables = compareTables(truth, parsed, ['requests', 'appeals', proactiveTable(truth)]).map(
    (m) => `${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`,
  );
  const identity = (['agencyName', 'year', 'template'] as const)
    .filter((k) => parsed[k] !== truth[k])
    .map((k) => `${k}: expected ${JSON.stringify(truth[k])}, found ${JSON.stringify(parsed[k])}`);
  return [...identity, ...tables];
}

/** A failure message that names the report and its first differences. */
export function report(failures: { name: string; details: string[] }[], total: number): string {
  return [`${failures.length}/${total} reports differ`, ...failures.slice(0, 5).map((f) => `- ${f.name}: ${f.details.slice(0, 4).join('; ')}`)].join('\n');
}
