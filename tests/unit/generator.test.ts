/**
 * The report generator: deterministic from its seed, internally consistent unless rules were broken on purpose,
 * and every quirk it claims to have put in a report is really in the text.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeText, generateReport, generateTruth, INJECTABLE_RULES, LAYOUTS, type GeneratedReport } from '../../src/generator';
import { compareTables, covers, nullCellPaths, speaksAbout } from '../../src/generator/compare';
import { CORRUPTIONS, corrupt } from '../../src/generator/corrupt';
import { appealsVerdict, requestsVerdict, rowSplits } from '../../src/generator/flat-split';
import { rngFor } from '../../src/generator/rng';
import { allBreaks } from '../../src/generator/rules';
import { REQUEST_GROUPS, REQUEST_ROWS, type Diagnostic, type Requests } from '../../src/schema';
import { ambiguousRequests } from '../../src/generator/flat-ambiguity';

const reports = (n: number, prefix = 'unit') => LAYOUTS.flatMap((layout) => Array.from({ length: n }, (_, i) => generateReport(`${prefix}-${i}`, { layout })));

describe('generator determinism', () => {
  it('gives the same text and truth for the same seed, in every layout', () => {
    for (const layout of LAYOUTS) {
      const a = generateReport('same', { layout });
      const b = generateReport('same', { layout });
      expect(b.text).toBe(a.text);
      expect(b.truth).toEqual(a.truth);
    }
  });

  it('gives different reports for different seeds', () => {
    const texts = new Set(Array.from({ length: 20 }, (_, i) => generateReport(i, { layout: 'pdf-text' }).text));
    expect(texts.size).toBe(20);
  });

  it('keeps the true numbers whatever layout renders them', () => {
    const a = generateReport('one-truth', { layout: 'pdf-text' });
    const b = generateReport('one-truth', { layout: 'pipe' });
    expect(b.truth.requests).toEqual(a.truth.requests);
    expect(b.truth.agencyName).toBe(a.truth.agencyName);
  });
});

describe('generated truth', () => {
  it('is consistent (B1, B2, B3, C1, N1) unless a break was injected', () => {
    for (let i = 0; i < 300; i++) {
      const t = generateTruth(`consistent-${i}`);
      expect(allBreaks(t.requests, t.appeals, t.proseCounts), `seed consistent-${i}`).toEqual([]);
      expect(t.ruleBreaks).toEqual([]);
    }
  });

  it('records each injected break among the rules it breaks', () => {
    for (const rule of INJECTABLE_RULES) {
      for (let i = 0; i < 20; i++) {
        const t = generateTruth(`break-${rule}-${i}`, { breaks: [rule] });
        expect(t.ruleBreaks.map((b) => b.rule), `${rule} seed ${i}`).toContain(rule);
        expect(t.ruleBreaks).toEqual(allBreaks(t.requests, t.appeals, t.proseCounts));
      }
    }
  });

  it('prints a collapsed group as its own line and leaves its sub-rows null', () => {
    const t = generateTruth('collapsed', { collapse: ['otherHandling'], blankRate: 0 });
    const subRows = REQUEST_ROWS.filter((r) => 'group' in r && r.group === 'otherHandling');
    expect(t.requests.otherHandling).toBeDefined();
    for (const r of subRows) expect(Object.values(t.requests[r.key]).every((v) => v === null)).toBe(true);
    expect(t.requests.withheld).toBeUndefined();
  });

  it('chains years of one agency through carriedOver (rule X1)', () => {
    const first = generateTruth('series-1', { blankRate: 0, year: 2023 });
    const second = generateTruth('series-2', { blankRate: 0, year: 2024, agency: first.agency, carriedOver: first.requests.carriedForward });
    expect(second.requests.carriedOver).toEqual(first.requests.carriedForward);
    expect(second.agencyName).toBe(first.agencyName);
    expect(second.ruleBreaks).toEqual([]);
  });

  it('uses the 2019 template with its own table A and no （六） sub-rows', () => {
    const t = generateTruth('old', { template: '2019' });
    expect(t.proactive).toBeNull();
    expect(Object.keys(t.proactive2019!)).toContain('procurement');
    expect(t.collapsedGroups).toEqual(['otherHandling']);
  });

  it('builds agency names from real places with real suffixes', () => {
    const names = Array.from({ length: 200 }, (_, i) => generateTruth(`name-${i}`).agencyName);
    expect(names.every((n) => /^[\u4e00-\u9fa5]+$/.test(n))).toBe(true);
    expect(names.every((n) => /(人民政府|办公室|办公厅|委员会|局|厅|办事处)$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('街道办事处'))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(190);
  });

  it('keeps years in 2020–2025 for the 2021 template and prints some fees with decimals', () => {
    const truths = Array.from({ length: 200 }, (_, i) => generateTruth(`year-${i}`, { template: '2021' }));
    expect(truths.every((t) => t.year >= 2020 && t.year <= 2025)).toBe(true);
    expect(truths.some((t) => !Number.isInteger(t.proactive!.fees.amount))).toBe(true);
    expect(truths.some((t) => (t.requests.received.total ?? 0) >= 300)).toBe(true);
  });
});

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const lines = (r: GeneratedReport) => r.text.split('\n').filter((l) => l.trim() !== '' && !/^(- \d+ -|— \d+ —)$/.test(l));
const joined = (r: GeneratedReport) => norm(r.text);
/** A line holding only cells: numbers and null marks. */
const cellsOnly = (l: string) => /^[\d０-９,.—\-/ ]+$/.test(l.trim()) && /[\d０-９]/.test(l);
const cellValue = (c: string) => (/^[—\-/无]$/.test(c) ? null : Number(c.normalize('NFKC').replace(/,/g, '')));
/** Table B's own row labels as the template prints them (matched on their first characters). */
const ROW_STARTS = REQUEST_ROWS.map((row) => ({ key: row.key, start: norm(row.zh).slice(0, 5) }));

/** What each quirk must look like in the text. */
const SIGNATURES: Record<string, (r: GeneratedReport) => boolean> = {
  'run-together-digits': (r) => {
    const run = /本年新收政府信息公开申请数量([\d ]+)/.exec(r.text)?.[1] ?? '';
    return run.replace(/ /g, '').length >= 7 && run.split(' ').length < 7 && !/\t|\|/.test(r.text);
  },
  breadcrumb: (r) => r.text.includes('当前位置：'),
  // Header text one or two characters per line: three such lines in a row.
  'vertical-header': (r) => /(^\s?[\u4e00-\u9fa5]{1,2}\n(\n)?){3}/m.test(r.text),
  'page-footers': (r) => /^(- \d+ -|— \d+ —)$/m.test(r.text),
  'page-break-leading-space': (r) => /^ \S/m.test(r.text),
  // Some row's own values sit on the line just before its label.
  'numbers-before-label': (r) => {
    const ls = lines(r).map((l) => l.replace(/^[\u4e00-\u9fa5、] (?=\S)/, ''));
    return ls.some((l, i) => {
      const row = ROW_STARTS.find((x) => norm(l).startsWith(x.start));
      if (!row || i === 0 || !cellsOnly(ls[i - 1])) return false;
      const values = Object.values(r.truth.requests[row.key]);
      return JSON.stringify(ls[i - 1].trim().split(' ').map(cellValue)) === JSON.stringify(values);
    });
  },
  // A row's cells split over two consecutive lines.
  'wrapped-numbers': (r) => {
    const ls = lines(r).filter((l) => !/^\s?[\u4e00-\u9fa5、）)]$/.test(l));
    return ls.some((l, i) => cellsOnly(l) && cellsOnly(ls[i + 1] ?? '') && l.trim().split(' ').length + ls[i + 1].trim().split(' ').length === 7);
  },
  'interleaved-vertical-labels': (r) => /^[本年度办理结果] \S/m.test(r.text),
  'blank-between-lines': (r) => r.text.split('\n').filter((l, i, all) => l !== '' && all[i + 1] === '').length > 50,
  // Some row label is cut over lines: no line holds it whole, the text without line breaks does.
  'multi-line-label': (r) => REQUEST_ROWS.some((row) => joined(r).includes(norm(row.zh)) && !r.text.split('\n').some((l) => norm(l).includes(norm(row.zh)))),
  tabs: (r) => /^一、本年新收政府信息公开申请数量\t/m.test(r.text),
  'tsv-compact-rows': (r) => /\t$/m.test(r.text),
  pipes: (r) => /政府信息公开申请数量 \| /.test(r.text),
  'markdown-tables': (r) => /^\| --- \|/m.test(r.text),
  'md-per-row-tables': (r) => r.text.includes('| 类别 | 数据1 |'),
  'md-noise-tables': (r) => r.text.includes('| - | - |'),
  'md-wrong-header': (r) => r.text.includes('| 项目 | 本年新收件数 | 上年结转件数 |'),
  'fullwidth-digits': (r) => /[０-９]/.test(r.text),
  'thousands-separator': (r) => /\d,\d{3}/.test(r.text),
  'blank-cells': (r) => /\t\t\d|\|\s+\|/.test(r.text),
  'null-marks': (r) => /(^|[ \t|])[—\-/无]([ \t|]|$)/m.test(r.text),
  'title-year-chinese': (r) => /二〇[一二]/.test(r.text),
  'title-year-first': (r) => new RegExp(`(\\d{4}|[〇一二三四五六七八九]{4})年度?${r.truth.agencyName}`).test(joined(r)),
  'title-niandu': (r) => /(\d{4}|[〇一二三四五六七八九]{4})年度/.test(joined(r)),
  'title-name-split': (r) => lines(r)[0] === r.truth.agency.regionPart && lines(r)[1] === r.truth.agency.bodyPart,
  'template-2019': (r) => r.text.includes('本年新制作数量') && r.text.includes('政府集中采购'),
  'collapsed-otherHandling': (r) => /[（(]六[）)]其他处理/.test(joined(r)) && !joined(r).includes('逾期不补正'),
  'label-dropped-chars': (r) => !REQUEST_ROWS.filter((row) => /^\d\./.test(row.zh)).every((row) => joined(r).includes(norm(row.zh))),
  'ascii-labels': (r) => /\([一二三四五六七]\) /.test(r.text),
};

/** The cells of a tab-separated row of table B: the fields after its label, less merge and padding fields. */
function tsvCells(line: string): (number | null)[] {
  const fields = line.split('\t');
  let cells = fields.slice(fields.findLastIndex((f) => /[\u4e00-\u9fa5]{2}/.test(f)) + 1);
  while (cells.length > 7 && cells[0] === '') cells = cells.slice(1);
  while (cells.length > 7 && cells[cells.length - 1] === '') cells = cells.slice(0, -1);
  return cells.map((c) => (c === '' ? null : cellValue(c)));
}

describe('layout quirks', () => {
  const all = reports(60, 'quirk');

  it.each(Object.keys(SIGNATURES))('%s: appears in some reports and is really in their text', (quirk) => {
    const having = all.filter((r) => r.quirks.includes(quirk));
    expect(having.length, `no report has ${quirk}`).toBeGreaterThan(0);
    const missing = having.filter((r) => !SIGNATURES[quirk](r)).map((r) => r.name);
    expect(missing, `${quirk} claimed but not found`).toEqual([]);
  });

  it('prints one-character lines in PDF text and none in the other layouts', () => {
    const oneChar = (r: GeneratedReport) => r.text.split('\n').some((l) => /^[\u4e00-\u9fa5]$/.test(l.trim()));
    expect(all.filter((r) => r.layout === 'pdf-text').every(oneChar)).toBe(true);
    expect(all.filter((r) => r.layout === 'tsv' || r.layout === 'pipe').some(oneChar)).toBe(false);
  });

  it('prints table C as one line of 15 cells in PDF text', () => {
    for (const r of all.filter((x) => x.layout === 'pdf-text')) {
      const cells = Object.values(r.truth.appeals).flatMap((g) => Object.values(g));
      const line = r.text.split('\n').find((l) => l.trim().split(' ').length === 15 && /^[\d０-９,—\-/ ]+$/.test(l.trim()));
      expect(line, r.name).toBeDefined();
      expect(line!.trim().split(' ').map(cellValue)).toEqual(cells);
    }
  });

  it('puts every table B number in the text of the cell-separated layouts', () => {
    for (const r of all.filter((x) => x.layout === 'tsv')) {
      for (const row of REQUEST_ROWS.filter((x) => !('group' in x) || !r.truth.collapsedGroups.includes(x.group))) {
        const line = r.text.split('\n').find((l) => l.split('\t').some((f) => norm(f) === norm(row.zh)))!;
        expect(tsvCells(line), `${r.name} ${row.key}`).toEqual(Object.values(r.truth.requests[row.key]));
      }
    }
  });
});

describe('run-together digits', () => {
  it('always finds the true split of a row among the splits the rules allow', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3000 }), { minLength: 6, maxLength: 6 }), (parts) => {
        const row = [...parts, parts.reduce((s, v) => s + v, 0)];
        const splits = rowSplits([row.join('')], 7, (v) => v.slice(0, 6).reduce((s, x) => s + x, 0) === v[6], 10_000);
        return splits.some((s) => s.join() === row.join());
      }),
      { numRuns: 40 },
    );
  });

  it('tells a split-one-way table from an ambiguous one', () => {
    const flat = (requests: Requests) => Object.entries(requests).map(([key, row]) => ({ path: `requests.${key}`, chunks: [Object.values(row!).join('')] }));
    expect(requestsVerdict(flat(ambiguousRequests(rngFor('v', 'x'))))).toBe('ambiguous');
    expect(requestsVerdict(flat(generateTruth('v', { blankRate: 0, collapse: [] }).requests))).toBe('unique');
    // 1 11 0 0 12 reads 1|11|0|0|12 or 11|1|0|0|12; zeros read one way only.
    expect(appealsVerdict([`1110012${'0'.repeat(10)}`])).toBe('ambiguous');
    expect(appealsVerdict(['0'.repeat(15)])).toBe('unique');
  });

  it('generates flattened reports whose tables split one way, and ambiguous ones on request', () => {
    const plain = Array.from({ length: 20 }, (_, i) => generateReport(`flat-${i}`, { layout: 'flattened' }));
    expect(plain.every((r) => r.ambiguousTables.length === 0)).toBe(true);
    const forced = Array.from({ length: 20 }, (_, i) => generateReport(`flat-${i}`, { layout: 'flattened', flatAmbiguity: 'force' }));
    expect(forced.every((r) => r.ambiguousTables.length > 0)).toBe(true);
    expect(forced.some((r) => r.ambiguousTables.includes('requests'))).toBe(true);
  });
});

describe('encoders', () => {
  it('writes UTF-8, UTF-8 with BOM and GB18030 that decode back to the text, with LF or CRLF', () => {
    const { text } = generateReport('bytes', { layout: 'tsv' });
    expect(encodeText(text, { encoding: 'utf-8', crlf: false }).toString('utf8')).toBe(text);
    const bom = encodeText(text, { encoding: 'utf-8-bom', crlf: false });
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.subarray(3).toString('utf8')).toBe(text);
    const gb = encodeText(text, { encoding: 'gb18030', crlf: true });
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(iconv.decode(gb, 'gb18030')).toBe(text.replace(/\n/g, '\r\n'));
  });
});

describe('test oracle', () => {
  const report = generateReport('oracle', { layout: 'pipe', blankRate: 0.5 });
  const diag = (path?: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({
    severity,
    code: 'cell-blank',
    file: 'f',
    line: null,
    expected: '',
    found: '',
    message: '',
    ...(path ? { path } : {}),
  });

  it('finds a changed cell and only that one', () => {
    const parsed = structuredClone({ ...report.truth });
    parsed.requests.received.natural = (parsed.requests.received.natural ?? 0) + 1;
    expect(compareTables(report.truth, parsed).map((m) => m.path)).toEqual(['requests.received.natural']);
    expect(compareTables(report.truth, report.truth)).toEqual([]);
  });

  it('knows which diagnostics speak about which cell and table', () => {
    expect(covers(diag('requests.received'), 'requests.received.natural')).toBe(true);
    expect(covers(diag('requests.receivedX'), 'requests.received.natural')).toBe(false);
    expect(speaksAbout(diag('appeals.review'), 'appeals')).toBe(true);
    expect(speaksAbout(diag('appeals.review'), 'requests')).toBe(false);
    expect(speaksAbout(diag(undefined, 'error'), 'requests')).toBe(true);
    expect(speaksAbout(diag('requests', 'info'), 'requests')).toBe(false);
    expect(nullCellPaths(report.truth).length).toBeGreaterThan(0);
  });

  it('damages text without touching any number', () => {
    const { text } = generateReport('damage', { layout: 'pdf-text' });
    const numbers = (s: string) => new Set(s.match(/\d+/g));
    for (const kind of CORRUPTIONS.filter((k) => k === 'truncate' || k === 'insert-bytes')) {
      for (let i = 0; i < 50; i++) {
        const damaged = corrupt(text, kind, rngFor(`damage-${i}`, kind));
        for (const n of numbers(damaged)) expect(numbers(text).has(n), `${kind} ${i} made ${n}`).toBe(true);
      }
    }
  });
});

it('keeps the group keys the schema allows', () => {
  expect(REQUEST_GROUPS.map((g) => g.key)).toEqual(['withheld', 'unavailable', 'notProcessed', 'otherHandling']);
});
