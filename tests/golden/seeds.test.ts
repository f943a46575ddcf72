/**
 * Golden tests: every number of tables A, B and C of the five seed reports, typed by hand from the report texts into
 * tests/golden/seeds/*.expected.json (one array per printed row, in the template's column order).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_KEYS, PROACTIVE_ROWS, REQUEST_ROW_KEYS } from '../../src/schema';
import { parseReport } from '../../src/pipeline/parse';
import { checkReport } from '../../src/pipeline/check';

const SEEDS = join(__dirname, '../../content/reports');
const EXPECTED = join(__dirname, 'seeds');

interface Expected {
  file: string;
  agency: string;
  year: number;
  title: string;
  sections: string[];
  preface: { line: number; text: string } | null;
  closing: { line: number; text: string } | null;
  proactive: Record<string, number[]>;
  requests: Record<string, (number | null)[]>;
  appeals: number[];
}

const cases = readdirSync(EXPECTED)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => JSON.parse(readFileSync(join(EXPECTED, f), 'utf8')) as Expected);

describe.each(cases)('seed $file', (exp) => {
  const report = parseReport({ text: readFileSync(join(SEEDS, exp.file), 'utf8'), file: exp.file });

  it('reads agency, year and title', () => {
    expect(report.agencyName).toBe(exp.agency);
    expect(report.year).toBe(exp.year);
    expect(report.title).toBe(exp.title);
  });

  it('finds the six section headings', () => {
    expect(Object.values(report.sections).map((s) => s?.title)).toEqual(exp.sections);
  });

  it('keeps the preamble before 一、 and the closing lines after 六、', () => {
    expect(report.preface).toEqual(exp.preface);
    expect(report.closing).toEqual(exp.closing);
  });

  it('reads table A', () => {
    for (const row of PROACTIVE_ROWS) {
      const cells = report.proactive![row.key] as Record<string, number | null>;
      expect(row.columns.map((c) => cells[c]), row.key).toEqual(exp.proactive[row.key]);
    }
  });

  it('reads all 175 numbers of table B', () => {
    expect(Object.keys(exp.requests)).toEqual(REQUEST_ROW_KEYS);
    for (const key of REQUEST_ROW_KEYS) expect(APPLICANT_KEYS.map((c) => report.requests[key][c]), key).toEqual(exp.requests[key]);
  });

  it('reads the 15 numbers of table C', () => {
    const printed = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => report.appeals[g.key][c.key]));
    expect(printed).toEqual(exp.appeals);
  });

  it('gives every null cell a diagnostic', () => {
    for (const key of REQUEST_ROW_KEYS)
      APPLICANT_KEYS.forEach((c) => {
        if (report.requests[key][c] !== null) return;
        const d = report.diagnostics.find((x) => x.path === `requests.${key}` && (x.found.includes(c) || x.code !== 'cell-blank'));
        expect(d, `requests.${key}.${c}`).toBeDefined();
      });
  });
});

describe('prose', () => {
  const read = (f: string) => parseReport({ text: readFileSync(join(SEEDS, f), 'utf8'), file: f });

  it('re-flows PDF line breaks inside words (含 / 金量)', () => {
    const overview = read('000_d416e6364b18408f.txt').sections.overview!.text;
    expect(overview).toContain('政府信息公开“含金量”不断提高');
    expect(overview.split('\n')).toContain('（一）扎实做好政府信息主动公开。');
  });

  it('keeps Markdown paragraphs as they are', () => {
    const problems = read('001_97fbb38be466e179.txt').sections.problems!.text.split('\n');
    expect(problems[0]).toBe('2024年政务公开工作在取得一定成绩的同时，也存在一些不足，比如：个别内容不够规范、政策解读形式不够丰富等等。下一步，将有针对性地进行改进和提升。');
    expect(problems).toHaveLength(5);
  });

  it('finds the request counts stated in the prose (伊宁市: 收到 21 件, 办结 18 件, 结转 3 件)', () => {
    const counts = read('004_70dbf32ff745fb63.txt').proseCounts;
    expect([counts.received?.value, counts.handled?.value, counts.carriedForward?.value]).toEqual([21, 18, 3]);
  });
});

describe('rule breaks in the seeds', () => {
  const checked = (f: string) => checkReport(parseReport({ text: readFileSync(join(SEEDS, f), 'utf8'), file: f }));

  it('伊宁市人民政府 2024 breaks B1 (21 + 0 ≠ 21 + 3) and N1 (the prose says 办结 18 件)', () => {
    const breaks = checked('004_70dbf32ff745fb63.txt').map((b) => `${b.rule} ${b.scope} ${b.expected} ${b.found}`);
    expect(breaks).toEqual(['B1 natural 15 18', 'B1 total 21 24', 'N1 handled 21 18']);
  });

  it('the other seeds keep every rule', () => {
    for (const f of ['000_d416e6364b18408f.txt', '001_97fbb38be466e179.txt', '002_b04e7761fcd6bed3.txt', '003_773531145496868f.txt'])
      expect(checked(f), f).toEqual([]);
  });
});
