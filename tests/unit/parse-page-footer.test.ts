/**
 * A saved web page's text keeps the site's footer after the report (related links, the site's owner, copyright, ICP
 * licence). The closing lines (agency, date) before it are still the closing lines, and section 六 holds its own text
 * only; the footer is kept with the closing lines (nothing of the source is dropped).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** webCase('shape-web', 94) dumped by `w3m -dump`: 无。 / 吉林省人民政府 / 2021年1月15日 / 相关链接 / • … / 主办单位… / 版权所有… */
const W3M = readFileSync('tests/fixtures/shapes/w3m-stacked-digits-ambiguous.txt', 'utf8');

describe('closing lines before a web page’s footer', () => {
  it('are the closing lines, with the footer after them; section 六 keeps only its text', () => {
    const r = parseReport({ text: W3M, file: 'a.txt' });
    expect(r.closing?.text).toMatch(/^吉林省人民政府\n2021年1月15日\n相关链接\n• 人民政府门户网站2023年政府信息公开工作年度报告\n/);
    expect(r.closing?.text).toContain('ICP备案号');
    expect(r.sections.other?.text).toBe('无。');
  });

  it('leave a list that ends section 六 in the section when no date comes before it', () => {
    const text = W3M.replace(/吉林省人民政府\n\n2021年1月15日\n\n/, '');
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.closing).toBeNull();
    expect(r.sections.other?.text).toMatch(/^无。\n/);
    expect(r.sections.other?.text).toContain('相关链接');
  });
});
