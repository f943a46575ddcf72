/** Sharing a chart: CSV safety, the iframe snippet, the embed script and the host listener. */
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ChartEntry } from '../../src/charts/catalog';
import { chartCsv } from '../../src/charts/csv';
import { EMBED_MESSAGE_TYPE, embedResizeScript, hostListenerSnippet, iframeSnippet } from '../../src/charts/embed';

const entry: ChartEntry = {
  id: 'ranking-2024-received',
  kind: 'ranking',
  title: '2024 年各机关收到申请数',
  subtitle: '',
  unit: '件',
  source: { text: '数据来源：2 个机关 2024 年政府信息公开工作年度报告', links: [] },
  notes: ['=1+1：勾稽关系 B1 不符'],
  rows: [
    { key: 'a-2024', label: '=HYPERLINK("http://evil","点我")', group: null, value: 7, unit: '件', flagged: true, noteRefs: [1], href: '/reports/a-2024/', paths: [] },
    { key: 'b-2024', label: '第二机关, "引号"', group: null, value: null, unit: '件', flagged: false, noteRefs: [], href: '/reports/b-2024/', paths: [] },
  ],
  description: '',
  builtAt: '2025-02-01T00:00:00.000Z',
  layout: { type: 'bars' },
  subject: { year: 2024, metric: 'received' },
};

describe('chartCsv', () => {
  const rows: Record<string, string>[] = parseCsv(chartCsv(entry, 'https://site.test/'), { columns: true, bom: true });

  it('writes the plotted values; a null stays empty with the reason, never 0', () => {
    expect(rows.map((r) => [r.key, r.value, r.missing])).toEqual([
      ['a-2024', '7', ''],
      ['b-2024', '', '未填报'],
    ]);
    expect(rows[0]).toMatchObject({ flagged: 'true', source_url: 'https://site.test/reports/a-2024/' });
  });

  it('defuses spreadsheet formulas in report text and quotes commas and quotes', () => {
    expect(rows[0].label).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(rows[0].notes).toBe(`'=1+1：勾稽关系 B1 不符`);
    expect(rows[1].label).toBe('第二机关, "引号"');
  });
});

describe('embedding', () => {
  it('gives an iframe snippet with the absolute embed URL and an escaped title', () => {
    const snippet = iframeSnippet('report-x-2024-handling', '标题 "引号" <b>', 'https://site.test/', 612.4);
    expect(snippet).toContain('src="https://site.test/embed/report-x-2024-handling/"');
    expect(snippet).toContain('title="标题 &quot;引号&quot; &lt;b&gt;"');
    expect(snippet).toContain('height="612"');
    expect(snippet).toContain('data-gov-reports-embed="report-x-2024-handling"');
  });

  it('ships an embed script that posts {type, id, height} to the parent', () => {
    const posted: unknown[] = [];
    const root = { getAttribute: () => 'chart-1', getBoundingClientRect: () => ({ height: 321.2 }) };
    const parent = { postMessage: (message: unknown, origin: string) => posted.push([message, origin]) };
    const window = { parent, addEventListener: () => undefined };
    new Function('window', 'document', 'ResizeObserver', embedResizeScript())(window, { documentElement: root }, undefined);
    expect(posted).toEqual([[{ type: EMBED_MESSAGE_TYPE, id: 'chart-1', height: 322 }, '*']]);
  });

  it('does nothing when the embed page is opened on its own', () => {
    const posted: unknown[] = [];
    const window: Record<string, unknown> = { addEventListener: () => undefined, postMessage: (m: unknown) => posted.push(m) };
    window.parent = window;
    new Function('window', 'document', 'ResizeObserver', embedResizeScript())(window, { documentElement: {} }, undefined);
    expect(posted).toEqual([]);
  });

  it('documents a host listener that checks the origin and the sending frame', () => {
    const listener = hostListenerSnippet('https://site.test/');
    expect(listener).toContain(`event.origin !== "https://site.test"`);
    expect(listener).toContain(EMBED_MESSAGE_TYPE);
    expect(listener).toContain('frame.contentWindow === event.source');
  });
});
