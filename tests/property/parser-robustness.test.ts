/**
 * Robustness: 1,050 damaged inputs (truncated, lines lost or doubled, stray bytes, sections swapped, empty, binary).
 * parseReport must never throw, and for each table it must either return the true numbers or say something is
 * wrong: a warning or error about that table that the undamaged text did not cause, or numbers that break a rule the
 * truth keeps (the check stage flags those). Damage never cuts a number short (that would be a different valid
 * number no parser could notice).
 */
import { describe, expect, it } from 'vitest';
import { generateReport, LAYOUTS, type TableId } from '../../src/generator';
import { compareTables, covers, newRuleBreaks, proactiveTable, speaksAbout } from '../../src/generator/compare';
import { CORRUPTIONS, corrupt, type Corruption } from '../../src/generator/corrupt';
import { rngFor } from '../../src/generator/rng';
import { parseReport, type ParsedReport } from '../../src/pipeline/parse';
import type { Diagnostic } from '../../src/schema';

const PER_KIND = 150;

interface Outcome {
  seed: string;
  layout: string;
  problems: string[];
}

/** A diagnostic apart from its line number (damage moves lines). */
const identity = (d: Diagnostic) => [d.severity, d.code, d.path ?? '', d.expected, d.found].join('|');

function damage(kind: Corruption, i: number): Outcome {
  const seed = `robust-${kind}-${i}`;
  const layout = LAYOUTS[i % LAYOUTS.length];
  const report = generateReport(seed, { layout });
  const text = corrupt(report.text, kind, rngFor(seed, 'corrupt'));
  let parsed: ParsedReport;
  try {
    parsed = parseReport({ text, file: `${seed}.txt` });
  } catch (e) {
    return { seed, layout, problems: [`threw: ${e instanceof Error ? e.message : String(e)}`] };
  }
  // The undamaged report's own warnings (a blank cell elsewhere in the table …) excuse nothing; what the damage
  // caused, errors, and diagnostics on the very cells that differ do.
  const before = new Set(parseReport({ text: report.text, file: `${seed}.txt` }).diagnostics.map(identity));
  const tables: TableId[] = ['requests', 'appeals', proactiveTable(report.truth)];
  const problems = tables.flatMap((table) => {
    const wrong = compareTables(report.truth, parsed, [table]);
    if (wrong.length === 0 || report.ambiguousTables.includes(table)) return [];
    const excuses = (d: Diagnostic) =>
      speaksAbout(d, table) && (!before.has(identity(d)) || d.severity === 'error' || !d.path || wrong.some((m) => covers(d, m.path)));
    if (parsed.diagnostics.some(excuses)) return [];
    if (newRuleBreaks(report.truth, parsed, table).length > 0) return [];
    return [`${table} differs silently: ${wrong.slice(0, 2).map((m) => `${m.path} expected ${JSON.stringify(m.expected)} found ${JSON.stringify(m.found)}`).join('; ')}`];
  });
  return { seed, layout, problems };
}

describe.each(CORRUPTIONS.map((kind) => ({ kind })))('parseReport on damaged input: $kind', ({ kind }) => {
  it(`never throws and never changes a number silently (${PER_KIND} inputs)`, () => {
    const failures = Array.from({ length: PER_KIND }, (_, i) => damage(kind, i)).filter((o) => o.problems.length > 0);
    const shown = failures
      .slice(0, 5)
      .map((f) => `- ${f.seed} (${f.layout}; reproduce: corrupt(generateReport('${f.seed}', { layout: '${f.layout}' }).text, '${kind}', rngFor('${f.seed}', 'corrupt')))\n    ${f.problems.join('\n    ')}`);
    expect(failures.length, [`${failures.length}/${PER_KIND} damaged inputs go wrong silently:`, ...shown].join('\n')).toBe(0);
  });
});
