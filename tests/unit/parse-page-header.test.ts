/**
 * A saved web page's header block (the 平潭 corpus files, our flattened layout): "发布时间: 2026-03-10 12:56" and
 * "原文链接: https://…" before the report's text give the report's publication date and source address, which the
 * report page shows; front matter and sidecar metadata still win. Dates and addresses in the report's prose are not
 * the page's.
 */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generator';
import { parseReport } from '../../src/pipeline/parse';
import { readPageHeader } from '../../src/pipeline/parse/metadata';

describe('the header block of a saved web page', () => {
  it('gives the source address and the publication date of generated flattened pages', () => {
    let seen = 0;
    for (let i = 0; i < 20; i++) {
      const { text } = generateReport(`page-header-${i}`, { layout: 'flattened' });
      const url = /^原文链接: (\S+)$/m.exec(text)?.[1] ?? null;
      const date = /^发布时间: (\d{4}-\d{2}-\d{2}) /m.exec(text)?.[1] ?? null;
      const r = parseReport({ text, file: 'a.txt' });
      expect([r.sourceUrl, r.publishedAt]).toEqual([url, date]);
      if (url) seen++;
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('reads the forms real pages use, and nothing after the report’s text begins', () => {
    expect(readPageHeader(['2019年某局政府信息公开工作年度报告', '发布日期：2020-01-31', '', '一、总体情况', '原文链接: https://a.gov.cn/x.htm'])).toEqual({ sourceUrl: null, publishedAt: '2020-01-31' });
    expect(readPageHeader(['标题: 某局报告', '发布时间: 2026年3月9日', '原文链接: https://www.pingtan.gov.cn/a/b.htm', '==== 正文 ====', '发布时间: 2027-01-01'])).toEqual({
      sourceUrl: 'https://www.pingtan.gov.cn/a/b.htm',
      publishedAt: '2026-03-09',
    });
    expect(readPageHeader(['本机关于2024-05-06发布时间表。', '链接: javascript:alert(1)', '发布时间: 2024-13-40'])).toEqual({ sourceUrl: null, publishedAt: null });
  });
});
