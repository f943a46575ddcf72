/**
 * Golden layout fixtures: small reports written by hand in the harder layouts real files come in (PDF text with
 * interleaved labels, OCR'd Markdown, the 2019 template as pipe text, run-together digits), each with the values
 * typed into <name>.expected.json. Cells the fixture leaves blank are null.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS, PROACTIVE_2019_ROWS, PROACTIVE_ROWS } from '../../src/schema';
import { parseReport } from '../../src/pipeline/parse';

const DIR = join(__dirname, 'layouts');

interface Expected {
  agency: string;
  year: number;
  template: '2021' | '2019';
  proactive?: Record<string, number[]>;
  proactive2019?: Record<string, number[]>;
  requests: Record<string, (number | null)[]>;
  appeals: (number | null)[];
  proseCounts: Record<string, number>;
}

const fixtures = readdirSync(DIR).filter((f) => /\.(txt|md)$/.test(f));

describe.each(fixtures)('%s', (file) => {
  const exp = JSON.parse(readFileSync(join(DIR, file.replace(/\.(txt|md)$/, '.expected.json')), 'utf8')) as Expected;
  const report = parseReport({ text: readFileSync(join(DIR, file), 'utf8'), file });

  it('reads agency, year and template', () => {
    expect([report.agencyName, report.year, report.template]).toEqual([exp.agency, exp.year, exp.template]);
  });

  it('reads table A', () => {
    const [rows, table] = exp.template === '2019' ? [PROACTIVE_2019_ROWS, report.proactive2019] : [PROACTIVE_ROWS, report.proactive];
    const expected = exp.template === '2019' ? exp.proactive2019! : exp.proactive!;
    for (const row of rows) {
      const cells = (table as Record<string, Record<string, number | null>>)[row.key];
      expect(row.columns.map((c) => cells[c]), row.key).toEqual(expected[row.key]);
    }
  });

  it('reads table B', () => {
    for (const [key, values] of Object.entries(exp.requests)) {
      const row = report.requests[key as keyof typeof report.requests];
      expect(row && APPLICANT_KEYS.map((c) => row[c]), key).toEqual(values);
    }
  });

  it('reads table C', () => {
    expect(APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => report.appeals[g.key][c.key]))).toEqual(exp.appeals);
  });

  it('reads the counts stated in the prose', () => {
    expect(Object.fromEntries(Object.entries(report.proseCounts).map(([k, v]) => [k, v!.value]))).toEqual(exp.proseCounts);
  });
});
