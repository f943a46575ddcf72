/**
 * Shared by the parser's property tests: generate reports, pass them through the reader's decoder and the parser,
 * and summarise failures by layout quirk so that a red test says what to fix, with a minimal example.
 */
import { decodeBytes } from '../../src/pipeline/read/decode';
import { parseReport, type ParsedReport } from '../../src/pipeline/parse';
import { encodeText, generateReport, pickEncoding, type FileEncoding, type GeneratedReport, type ReportOptions } from '../../src/generator';
import { rngFor } from '../../src/generator/rng';

export interface Case {
  /** How to get the report again: generateReport(seed, options). */
  seed: string;
  options: ReportOptions;
  report: GeneratedReport;
  encoding: FileEncoding;
  /** The text the parser saw (after encoding and the reader's decoding). */
  text: string;
  parsed: ParsedReport | null;
  /** The reader rejected the bytes, or the parser threw. */
  error: string | null;
}

export function runCase(seed: string, options: ReportOptions): Case {
  const report = generateReport(seed, options);
  const base = { seed, options, report };
  const encoding = pickEncoding(rngFor(report.truth.seed, 'encoding'));
  const file = `${report.name}${report.extension}`;
  const decoded = decodeBytes(encodeText(report.text, encoding), file);
  if (!decoded.ok) return { ...base, encoding, text: '', parsed: null, error: `reader: ${decoded.diagnostics.map((d) => d.code).join(', ')}` };
  try {
    return { ...base, encoding, text: decoded.text, parsed: parseReport({ text: decoded.text, file }), error: null };
  } catch (e) {
    return { ...base, encoding, text: decoded.text, parsed: null, error: `parseReport threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function cases(prefix: string, n: number, options: (i: number) => ReportOptions): Case[] {
  return Array.from({ length: n }, (_, i) => runCase(`${prefix}-${i}`, options(i)));
}

/** Computes a value on first use (each test group's reports are generated and parsed once, by its first test). */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export interface Failure {
  c: Case;
  details: string[];
}

/**
 * A readable account of failures: how often each quirk occurs among failing and passing cases (the quirks that only
 * fail point at the parser's gap), then the smallest failing reports with their first differences.
 */
export function summarise(all: Case[], failures: Failure[], examples = 4): string {
  if (failures.length === 0) return '';
  const failing = new Set(failures.map((f) => f.c));
  const tally = new Map<string, [number, number]>();
  for (const c of all) {
    for (const q of c.report.quirks) {
      const t = tally.get(q) ?? [0, 0];
      t[failing.has(c) ? 0 : 1]++;
      tally.set(q, t);
    }
  }
  const quirks = [...tally.entries()]
    .filter(([, [bad]]) => bad > 0)
    .sort((a, b) => b[1][0] / (b[1][0] + b[1][1]) - a[1][0] / (a[1][0] + a[1][1]))
    .map(([q, [bad, good]]) => `${q} ${bad}/${bad + good}`);
  const shown = [...failures].sort((a, b) => a.c.report.text.length - b.c.report.text.length).slice(0, examples);
  return [
    `${failures.length}/${all.length} reports fail. Failure rate by quirk: ${quirks.join(', ')}`,
    ...shown.map(
      (f) =>
        `- generateReport('${f.c.seed}', ${JSON.stringify(f.c.options)}) — ${f.c.report.layout}, ` +
        `${f.c.encoding.encoding}${f.c.encoding.crlf ? ' CRLF' : ''}, quirks [${f.c.report.quirks.join(' ')}]\n    ` +
        f.details.slice(0, 5).join('\n    '),
    ),
  ].join('\n');
}
