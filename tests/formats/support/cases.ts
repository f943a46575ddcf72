/**
 * Reports to render as HTML, PDF and Word: generated ones (known truth) and the five seeds (their text file's parse
 * is the truth), each with the document parts the renderers lay out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateTruth, INJECTABLE_RULES, type Truth } from '../../../src/generator';
import { PLAIN_STYLE } from '../../../src/generator/cells';
import { documentParts } from '../../../src/generator/document';
import { TEMPLATE_LABELS } from '../../../src/generator/labels';
import { pickHtmlStyle, type HtmlParts, type HtmlStyle } from '../../../src/generator/render-html';
import { rngFor } from '../../../src/generator/rng';
import { buildTables } from '../../../src/generator/table-model';
import { parseReport, type ParsedReport } from '../../../src/pipeline/parse';
import { REQUEST_GROUP_KEYS, SECTIONS, type SectionKey } from '../../../src/schema';

export interface FormatCase {
  name: string;
  truth: Truth;
  parts: HtmlParts;
  style: HtmlStyle;
}

/** A generated report; every tenth breaks a consistency rule, which a reader must not notice or repair. */
export function generatedCase(prefix: string, i: number): FormatCase {
  const seed = `${prefix}-${i}`;
  const truth = generateTruth(seed, i % 10 === 3 ? { breaks: [INJECTABLE_RULES[i % INJECTABLE_RULES.length]] } : {});
  const rng = rngFor(seed, 'formats');
  const parts = documentParts(truth, rng.fork('parts'), { blankAllowed: true, plainNumbers: false, spaceSeparated: false });
  return { name: seed, truth, parts, style: pickHtmlStyle(rng.fork('style')) };
}

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../content/reports');

export interface SeedCase extends FormatCase {
  file: string;
  text: string;
  parsed: ParsedReport;
}

/** The truth of a seed is what the parser reads from its text file; its tables are re-laid in the official layout. */
function seedTruth(file: string, parsed: ParsedReport): Truth {
  const name = parsed.agencyName ?? '';
  return {
    seed: file,
    agencyName: name,
    agency: { name, level: 'county', province: '', prefecture: null, county: null, regionPart: '', bodyPart: name },
    year: parsed.year ?? 0,
    template: parsed.template,
    proactive: parsed.proactive,
    proactive2019: parsed.proactive2019,
    requests: parsed.requests,
    appeals: parsed.appeals,
    collapsedGroups: REQUEST_GROUP_KEYS.filter((g) => parsed.requests[g]),
    proseCounts: {},
    preface: parsed.preface?.text ?? null,
    sections: Object.fromEntries(SECTIONS.map((s) => [s.key, []])) as unknown as Truth['sections'],
    closing: parsed.closing?.text.split('\n') ?? [],
    ruleBreaks: [],
    injectedBreaks: [],
  };
}

function seedParts(truth: Truth, parsed: ParsedReport): HtmlParts {
  const title = parsed.title ?? `${truth.agencyName}${truth.year}年政府信息公开工作年度报告`;
  const prose = (key: SectionKey) =>
    (parsed.sections[key]?.text ?? '')
      .split('\n')
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text }));
  return {
    title: { nameLines: [truth.agencyName], yearText: `${truth.year}年`, oneLine: title, blockLines: [title], quirks: [] },
    intro: truth.preface ?? '',
    sections: SECTIONS.map((s) => ({ key: s.key, heading: parsed.sections[s.key]?.title ?? `${s.no}、${s.zh}`, blocks: prose(s.key) })),
    // Blank cells stay blank, as in the seeds' own files.
    tables: buildTables(truth, { ...PLAIN_STYLE, nullMarks: [''] }, TEMPLATE_LABELS, rngFor(truth.seed, 'seed-tables')),
    signature: truth.closing,
  };
}

export function seedCases(style: HtmlStyle): SeedCase[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      const parsed = parseReport({ text, file });
      const truth = seedTruth(file, parsed);
      return { name: file, file, text, parsed, truth, parts: seedParts(truth, parsed), style };
    });
}
