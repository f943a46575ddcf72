/** Builders of consistent reports for the pipeline tests: every rule holds until a test changes a number. */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_PARTS,
  PROACTIVE_ROWS,
  REQUEST_ROWS,
  SECTIONS,
  Report,
  type Appeals,
  type RequestRow,
  type Requests,
} from '../../src/schema';

/** A row whose six applicant columns are `parts` and whose total is their sum. */
export function row(parts: number[]): RequestRow {
  const cells = Object.fromEntries(APPLICANT_PARTS.map((k, i) => [k, parts[i]])) as Omit<RequestRow, 'total'>;
  return { ...cells, total: parts.reduce((a, b) => a + b, 0) };
}

/**
 * Table B satisfying B1, B2 and B3: outcome row i has parts (i % 3, …), handled total is their sum,
 * 2 per column are carried over and 1 carried forward, received balances the column.
 */
export function consistentRequests(): Requests {
  const outcomes = REQUEST_ROWS.filter((r) => r.outcome);
  const rows: Record<string, RequestRow> = {};
  outcomes.forEach((r, i) => (rows[r.key] = row(APPLICANT_PARTS.map((_, c) => (i + c) % 3))));
  const handled = APPLICANT_PARTS.map((_, c) => outcomes.reduce((s, r) => s + rows[r.key][APPLICANT_PARTS[c]]!, 0));
  rows.handledTotal = row(handled);
  rows.carriedOver = row(APPLICANT_PARTS.map(() => 2));
  rows.carriedForward = row(APPLICANT_PARTS.map(() => 1));
  rows.received = row(handled.map((h) => h + 1 - 2));
  return rows as Requests;
}

export function consistentAppeals(): Appeals {
  return Object.fromEntries(
    APPEAL_GROUPS.map((g, i) => {
      const parts = [i + 1, 1, 0, 2];
      const cells = Object.fromEntries(APPEAL_COLUMNS.filter((c) => c.key !== 'total').map((c, j) => [c.key, parts[j]]));
      return [g.key, { ...cells, total: parts.reduce((a, b) => a + b, 0) }];
    }),
  ) as Appeals;
}

/** A valid Report (checked with the zod schema) with consistent tables; `patch` replaces top-level fields. */
export function makeReport(patch: Partial<Report> = {}): Report {
  const proactive = Object.fromEntries(
    PROACTIVE_ROWS.map((r, i) => [r.key, Object.fromEntries(r.columns.map((c, j) => [c, c === 'amount' ? 18601.47012 : i * 10 + j]))]),
  );
  const base: Report = {
    id: 'ce-shi-ju-abcdef-2024',
    agency: {
      name: '测试局',
      slug: 'ce-shi-ju-abcdef',
      level: 'county',
      region: { province: '黑龙江省', prefecture: '伊春市', county: '伊美区', code: '230717' },
    },
    year: 2024,
    template: '2021',
    meta: { title: '测试局2024年政府信息公开工作年度报告', sourceUrl: null, publishedAt: null, overridden: [] },
    source: { path: 'reports/test.txt', sha256: 'a'.repeat(64), bytes: 1, format: 'txt', encoding: 'utf-8', layout: 'tsv', reader: 'text' },
    preface: null,
    sections: Object.fromEntries(SECTIONS.map((s) => [s.key, null])) as Report['sections'],
    closing: null,
    proactive: proactive as Report['proactive'],
    proactive2019: null,
    requests: consistentRequests(),
    appeals: consistentAppeals(),
    proseCounts: {},
    placement: {
      proactive: { method: 'label', byLabel: 12, byArithmetic: 0, unread: 0 },
      requests: { method: 'label', byLabel: 175, byArithmetic: 0, unread: 0 },
      appeals: { method: 'label', byLabel: 15, byArithmetic: 0, unread: 0 },
    },
    checks: [],
    diagnostics: [],
    parserVersion: 'test',
  };
  return Report.parse({ ...base, ...patch });
}
