/**
 * Nothing of the text is dropped: for generated reports in every layout, every Han character of the prose outside
 * the tables — the preamble before 一、, each section's sub-headings and paragraphs, the closing lines after 六、 —
 * comes back from `parseReport`, in order; the preamble and the closing lines land in their own fields.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUTS } from '../../src/generator';
import { SECTIONS } from '../../src/schema';
import type { ParsedReport } from '../../src/pipeline/parse';
import { cases, lazy, summarise, type Case, type Failure } from './harness';

const PER_LAYOUT = 200;

const han = (s: string | null | undefined) => (s ?? '').match(/\p{Script=Han}/gu)?.join('') ?? '';

/** What the report page shows of the parsed prose, in page order. */
function parsedProse(p: ParsedReport): string {
  const sections = SECTIONS.flatMap((s) => [p.sections[s.key]?.title, p.sections[s.key]?.text]);
  return han([p.title, p.preface?.text, ...sections, p.closing?.text].join('\n'));
}

/** Each piece of the truth's prose is found after the one before it; the pieces that are missing or out of order. */
function missingInOrder(pieces: string[], text: string): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    const i = text.indexOf(piece, at);
    if (i < 0) missing.push(piece);
    else at = i + piece.length;
  }
  return missing;
}

const GROUPS = LAYOUTS.map((layout) => ({ layout, run: lazy(() => cases(`prose-${layout}`, PER_LAYOUT, () => ({ layout }))) }));

function check(all: Case[], failuresOf: (c: Case) => string[]): void {
  const failures: Failure[] = all.map((c) => ({ c, details: c.error ? [c.error] : failuresOf(c) })).filter((f) => f.details.length > 0);
  expect(failures.length, summarise(all, failures)).toBe(0);
}

describe.each(GROUPS)('prose kept: $layout', ({ run }) => {
  it('generates reports with and without a preamble and closing lines', () => {
    const all = run();
    expect(all.filter((c) => c.report.truth.preface).length).toBeGreaterThan(PER_LAYOUT / 2);
    expect(all.filter((c) => !c.report.truth.preface).length).toBeGreaterThan(0);
    expect(all.filter((c) => c.report.truth.closing.length === 2).length).toBeGreaterThan(PER_LAYOUT / 3);
    expect(all.filter((c) => c.report.truth.closing.length === 0).length).toBeGreaterThan(0);
  });

  it('reads the preamble before 一、 into `preface`, every character of it', () => {
    check(run(), (c) => {
      // The pipe layout prints a publication date under the title: source text before 一、, so part of the preamble.
      const expected = (c.report.layout === 'pipe' ? '发布日期' : '') + han(c.report.truth.preface);
      const found = han(c.parsed!.preface?.text);
      return found === expected ? [] : [`preface: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`];
    });
  });

  it('reads the closing lines after 六、 into `closing`, one line each', () => {
    check(run(), (c) => {
      const { closing } = c.report.truth;
      const found = c.parsed!.closing?.text.split('\n') ?? [];
      // The flattened layout prints the agency and the date on one line.
      const expected = c.report.layout === 'flattened' && closing.length ? [closing.join('')] : closing;
      return JSON.stringify(found.map(han)) === JSON.stringify(expected.map(han)) ? [] : [`closing: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`];
    });
  });

  it('keeps every Han character of the prose outside the tables, in order', () => {
    check(run(), (c) => {
      const { truth } = c.report;
      const pieces = [truth.preface, ...SECTIONS.flatMap((s) => truth.sections[s.key].map((b) => b.text)), ...truth.closing].map(han).filter(Boolean);
      return missingInOrder(pieces, parsedProse(c.parsed!)).map((p) => `missing or out of order: ${p}`);
    });
  });
});
