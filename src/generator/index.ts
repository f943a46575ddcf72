/**
 * Synthetic annual reports with known true values, for the parser's property tests and the benchmark.
 *
 *   const report = generateReport(42, { layout: 'pdf-text' });
 *   report.text    // what a content file would hold
 *   report.truth   // what parseReport should return (requests, proactive, proactive2019, appeals, agencyName, year …)
 *
 * Everything is deterministic from the seed. Null cells: a cell printed empty or with a mark ("—", "-", "/", "无")
 * is null in the truth — FORMAT.md keeps numbers as printed — and the parser owes a diagnostic for it.
 * See README.md in this folder for the layouts and their quirks.
 */
import { documentParts } from './document';
import { ambiguousRequests } from './flat-ambiguity';
import type { SplitVerdict } from './flat-split';
import { renderFlattened } from './render/flattened';
import { renderMarkdownTable } from './render/markdown-table';
import { renderPdfText } from './render/pdf-text';
import { renderPipe } from './render/pipe';
import { renderTsv } from './render/tsv';
import { rngFor, type Rng } from './rng';
import { generateTruth, type TruthOptions } from './truth';
import { LAYOUTS, type GeneratedReport, type Layout, type TableId, type Truth } from './types';

export interface ReportOptions extends TruthOptions {
  layout?: Layout;
  /**
   * Flattened layout only. 'avoid' (default): re-drawn until every table's digits split one way only;
   * 'force': re-drawn until at least one table is proven ambiguous; 'any': as drawn.
   */
  flatAmbiguity?: 'avoid' | 'force' | 'any';
  /**
   * Flattened layout only: blank cells and the template as drawn (2019 too), as a page that leaves zeros blank prints
   * them: a blank cell prints nothing, so its row's run is short of a cell. Drawn once (as 'any'); its ambiguousTables
   * are the splits' verdicts as if no cell were blank.
   */
  flatBlanks?: boolean;
  /**
   * Flattened layout only: the numbers as the page shows them (thousands separators, full-width digits), not plain
   * ASCII digits: a scraped page keeps "9,348" run together with its neighbours ("行政处罚9,348行政强制730").
   */
  flatShown?: boolean;
}

const EXTENSION: Record<Layout, '.txt' | '.md'> = {
  'pdf-text': '.txt',
  tsv: '.md',
  pipe: '.txt',
  'markdown-table': '.md',
  flattened: '.txt',
};

/** Re-draws allowed to meet `flatAmbiguity`; after them the report is returned as it is (its ambiguousTables say so). */
const MAX_ATTEMPTS = 400;

type Rendered = { text: string; quirks: string[]; verdicts?: Partial<Record<TableId, SplitVerdict>> };

function render(layout: Layout, truth: Truth, rng: Rng, stopEarly: boolean, shown = false): Rendered & { documentQuirks: string[] } {
  const parts = documentParts(truth, rng.fork('parts'), {
    blankAllowed: layout !== 'pdf-text',
    plainNumbers: layout === 'flattened' && !shown,
    spaceSeparated: layout === 'pdf-text',
  });
  const r = rng.fork(layout);
  const out: Rendered =
    layout === 'pdf-text'
      ? renderPdfText(parts, r)
      : layout === 'tsv'
        ? renderTsv(parts, r)
        : layout === 'pipe'
          ? renderPipe(parts, r)
          : layout === 'markdown-table'
            ? renderMarkdownTable(parts, r)
            : renderFlattened(parts, r, stopEarly);
  return { ...out, documentQuirks: parts.quirks };
}

function pickLayout(seed: number | string): Layout {
  return rngFor(seed, 'layout').pick(LAYOUTS);
}

export function generateReport(seed: number | string, options: ReportOptions = {}): GeneratedReport {
  const layout = options.layout ?? pickLayout(seed);
  const flat = layout === 'flattened';
  // Run-together digits cannot show a blank cell, and the 2019 template is not generated in this layout (unless
  // flatBlanks asks for both).
  const truthOptions: TruthOptions = flat && !options.flatBlanks ? { ...options, blankRate: 0, template: '2021' } : options;
  // The splits' verdicts are of plain digit runs: pages with blanks or with numbers as shown are drawn once.
  const mode = options.flatBlanks || options.flatShown ? 'any' : (options.flatAmbiguity ?? 'avoid');
  // Table A is ambiguous in most forced cases by itself; a third of them get a table B that splits two ways.
  const forceRequests = flat && mode === 'force' && !options.requests && rngFor(seed, 'flat-ambiguity').chance(1 / 3);
  for (let attempt = 0; ; attempt++) {
    const attemptSeed = attempt === 0 ? seed : `${seed}#${attempt}`;
    const requests = forceRequests ? ambiguousRequests(rngFor(attemptSeed, 'flat-ambiguity')) : options.requests;
    const truth = generateTruth(attemptSeed, { ...truthOptions, requests });
    const out = render(layout, truth, rngFor(attemptSeed, 'render'), flat && mode === 'avoid' && attempt < MAX_ATTEMPTS, options.flatShown);
    const verdicts = Object.entries(out.verdicts ?? {}) as [TableId, SplitVerdict][];
    const ambiguous = verdicts.filter(([, v]) => v !== 'unique').map(([t]) => t);
    // 'force' keeps only reports whose doubtful tables are all proven ambiguous (none merely undecided).
    const proven = verdicts.some(([, v]) => v === 'ambiguous') && !verdicts.some(([, v]) => v === 'unknown');
    if (flat && mode === 'force' && !proven && attempt < MAX_ATTEMPTS) continue;
    if (flat && mode === 'avoid' && ambiguous.length > 0 && attempt < MAX_ATTEMPTS) continue;
    return {
      name: `g${String(seed).replace(/[^a-z0-9-]/gi, '-')}-${layout}`,
      extension: EXTENSION[layout],
      layout,
      text: out.text,
      truth,
      quirks: [...new Set([...out.documentQuirks, ...out.quirks])].sort(),
      ambiguousTables: ambiguous,
    };
  }
}

export { generateTruth, type TruthOptions } from './truth';
export { LAYOUTS, ENCODINGS, type GeneratedReport, type Layout, type Truth, type Template, type TableId } from './types';
export { encodeText, pickEncoding, type FileEncoding } from './encode';
export { INJECTABLE_RULES, type InjectableRule } from './breaks';
