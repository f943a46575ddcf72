import { describe, expect, it } from 'vitest';
import { checkAcrossYears, checkB1, checkB2, checkB3, checkC1, checkN1, checkReport, checkX1 } from '../../src/pipeline/check';
import { APPLICANT_KEYS } from '../../src/schema';
import { consistentRequests, makeReport, row } from './pipeline-helpers';

describe('consistent report', () => {
  it('breaks no rule', () => {
    const report = makeReport({
      proseCounts: {
        received: { value: makeReport().requests.received.total!, line: 3, text: '共收到申请' },
        handled: { value: makeReport().requests.handledTotal.total!, line: 4, text: '办结' },
      },
    });
    expect(checkReport(report)).toEqual([]);
  });
});

describe('B1', () => {
  it('finds a column where received + carried over ≠ handled + carried forward', () => {
    const report = makeReport();
    const before = structuredClone(report.requests);
    report.requests.carriedForward = row([4, 1, 1, 1, 1, 1]);
    const breaks = checkB1(report);
    // natural and total change: natural 1 → 4, total 6 → 9
    expect(breaks.map((b) => b.scope)).toEqual(['natural', 'total']);
    const natural = breaks[0];
    expect(natural.rule).toBe('B1');
    expect(natural.expected).toBe(before.received.natural! + before.carriedOver.natural!);
    expect(natural.found).toBe(before.handledTotal.natural! + 4);
    expect(natural.cells).toEqual([
      'requests.received.natural',
      'requests.carriedOver.natural',
      'requests.handledTotal.natural',
      'requests.carriedForward.natural',
    ]);
    expect(natural.message).toContain('自然人');
  });

  it('skips a column with a blank cell instead of reading it as 0', () => {
    const report = makeReport();
    report.requests.carriedForward.natural = null;
    report.requests.carriedForward.total = null;
    expect(checkB1(report)).toEqual([]);
  });
});

describe('B2', () => {
  it('finds a column whose outcomes do not add up to the handled total', () => {
    const report = makeReport();
    report.requests['withheld.process'].legal = report.requests['withheld.process'].legal! + 5;
    const breaks = checkB2(report);
    expect(breaks.map((b) => [b.scope, b.found - b.expected])).toEqual([['legal', -5]]);
    expect(breaks[0].cells).toContain('requests.withheld.process.legal');
    expect(breaks[0].cells).toContain('requests.handledTotal.legal');
  });

  it('uses the group line when all of its sub-rows are blank', () => {
    const requests = consistentRequests();
    const subRows = ['otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other'] as const;
    const groupLine = row(APPLICANT_KEYS.slice(0, 6).map((k) => subRows.reduce((s, r) => s + requests[r][k]!, 0)));
    for (const r of subRows) requests[r] = Object.fromEntries(APPLICANT_KEYS.map((k) => [k, null])) as typeof groupLine;
    requests.otherHandling = groupLine;
    expect(checkB2(makeReport({ requests }))).toEqual([]);

    requests.otherHandling = { ...groupLine, natural: groupLine.natural! + 1 };
    const breaks = checkB2(makeReport({ requests }));
    expect(breaks.map((b) => b.scope)).toEqual(['natural']);
    expect(breaks[0].cells).toContain('requests.otherHandling.natural');
    expect(breaks[0].cells).not.toContain('requests.otherHandling.other.natural');
  });

  it('skips a column where some sub-rows of a group are blank', () => {
    const report = makeReport();
    report.requests['unavailable.unclear'].natural = null;
    report.requests.handledTotal.natural = 999;
    expect(checkB2(report).map((b) => b.scope)).not.toContain('natural');
  });
});

describe('B3', () => {
  it('finds a row whose total is not the sum of the six applicant columns', () => {
    const report = makeReport();
    report.requests.disclosed.total = report.requests.disclosed.total! + 1;
    const breaks = checkB3(report);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ rule: 'B3', scope: 'disclosed', found: breaks[0].expected + 1 });
    expect(breaks[0].cells).toEqual([
      'requests.disclosed.natural',
      'requests.disclosed.commercial',
      'requests.disclosed.research',
      'requests.disclosed.nonprofit',
      'requests.disclosed.legal',
      'requests.disclosed.otherOrg',
      'requests.disclosed.total',
    ]);
  });

  it('checks a group line when the report printed one', () => {
    const report = makeReport();
    report.requests.withheld = { ...row([1, 0, 0, 0, 0, 0]), total: 2 };
    expect(checkB3(report).map((b) => b.scope)).toEqual(['withheld']);
  });
});

describe('C1', () => {
  it('finds a group of table C whose total is not the sum of its results', () => {
    const report = makeReport();
    report.appeals.review.corrected = 3;
    const breaks = checkC1(report);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ rule: 'C1', scope: 'review', expected: 1 + 3 + 0 + 2, found: 4 });
    expect(breaks[0].cells).toContain('appeals.review.corrected');
    expect(breaks[0].message).toContain('行政复议');
  });
});

describe('N1', () => {
  it('finds a prose count that disagrees with table B', () => {
    const report = makeReport();
    const handled = report.requests.handledTotal.total!;
    report.proseCounts = { handled: { value: handled - 3, line: 52, text: `办结${handled - 3}件` } };
    const breaks = checkN1(report);
    expect(breaks).toEqual([
      expect.objectContaining({ rule: 'N1', scope: 'handled', expected: handled, found: handled - 3, cells: ['requests.handledTotal.total'] }),
    ]);
    expect(breaks[0].message).toContain('第 52 行');
  });

  it('compares received and carried forward with their rows', () => {
    const report = makeReport();
    report.proseCounts = {
      received: { value: 1, line: null, text: '收到 1 件' },
      carriedForward: { value: report.requests.carriedForward.total!, line: null, text: '结转' },
    };
    expect(checkN1(report).map((b) => [b.scope, b.expected])).toEqual([['received', report.requests.received.total]]);
  });

  it('skips when the table cell is blank', () => {
    const report = makeReport({ proseCounts: { received: { value: 1, line: 1, text: '收到 1 件' } } });
    report.requests.received.total = null;
    expect(checkN1(report)).toEqual([]);
  });
});

describe('X1', () => {
  const agency = makeReport().agency;
  const y2023 = makeReport({ id: `${agency.slug}-2023`, year: 2023 });
  const y2024 = makeReport({ id: `${agency.slug}-2024`, year: 2024 });

  it('holds when carried over equals last year’s carried forward', () => {
    y2024.requests.carriedOver = structuredClone(y2023.requests.carriedForward);
    expect(checkX1(y2024, y2023)).toEqual([]);
  });

  it('finds a column where carried over ≠ last year’s carried forward', () => {
    const next = makeReport({ id: `${agency.slug}-2024`, year: 2024 });
    next.requests.carriedOver = row([0, 1, 1, 1, 1, 1]);
    const prev = makeReport({ id: `${agency.slug}-2023`, year: 2023 });
    prev.requests.carriedForward = row([3, 1, 1, 1, 1, 1]);
    const breaks = checkX1(next, prev);
    expect(breaks.map((b) => [b.scope, b.expected, b.found])).toEqual([
      ['natural', 3, 0],
      ['total', 8, 5],
    ]);
    expect(breaks[0].cells).toEqual(['requests.carriedOver.natural']);
    expect(breaks[0].message).toContain('2023');
  });

  it('pairs reports of the same agency in consecutive years only', () => {
    const prev = makeReport({ id: `${agency.slug}-2022`, year: 2022 });
    prev.requests.carriedForward = row([9, 9, 9, 9, 9, 9]);
    const other = makeReport({ id: 'other-123456-2023', year: 2023, agency: { ...agency, slug: 'other-123456' } });
    other.requests.carriedForward = row([9, 9, 9, 9, 9, 9]);
    const current = makeReport({ id: `${agency.slug}-2024`, year: 2024 });
    expect(checkAcrossYears([prev, other, current]).size).toBe(0);
    const y2023b = makeReport({ id: `${agency.slug}-2023`, year: 2023 });
    y2023b.requests.carriedOver = structuredClone(prev.requests.carriedForward);
    y2023b.requests.carriedForward = row([9, 9, 9, 9, 9, 9]);
    const found = checkAcrossYears([prev, y2023b, current]);
    expect([...found.keys()]).toEqual([`${agency.slug}-2024`]);
    expect(found.get(`${agency.slug}-2024`)).toHaveLength(7);
  });
});
