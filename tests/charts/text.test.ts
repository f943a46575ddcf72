/** Text helpers for SVG: escaping, wrapping, template labels. */
import { describe, expect, it } from 'vitest';
import { escapeXml, plainLabel, textWidth, wrapText } from '../../src/charts/text';

describe('escapeXml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('drops control characters and lone surrogates, keeps CJK and emoji pairs', () => {
    expect(escapeXml('伊\u0000宁\u001F市\uD800')).toBe('伊宁市');
    expect(escapeXml('政府😀')).toBe('政府😀');
  });
  it('returns text with nothing to escape unchanged, and numbers as printed', () => {
    expect(escapeXml('伊宁市人民政府 2024 年')).toBe('伊宁市人民政府 2024 年');
    expect(escapeXml(-1250.5)).toBe('-1250.5');
    expect(escapeXml(0)).toBe('0');
  });
  it('escapes a lone low surrogate after a character that needs no escaping', () => {
    expect(escapeXml('a\uDC00b&')).toBe('ab&amp;');
  });
});

describe('wrapText', () => {
  it('keeps lines within the width, breaking between Chinese characters', () => {
    const lines = wrapText('申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 13 * 12, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(13 * 12);
    expect(lines.join('')).toBe('申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  });
  it('never splits a number, and never starts a line with closing punctuation', () => {
    const lines = wrapText('本年新收 21 + 上年结转 0 = 21，但办理总计 21 + 结转下年度 3 = 24', 100, 11);
    for (const line of lines) expect(line).not.toMatch(/^[，。）]/);
    for (let i = 1; i < lines.length; i++) expect(`${lines[i - 1].slice(-1)}${lines[i][0]}`).not.toMatch(/^\d\d$/);
    expect(lines.join('')).toContain('= 24');
  });
  it('returns one empty line for empty text', () => {
    expect(wrapText('', 100, 12)).toEqual(['']);
  });
});

describe('plainLabel', () => {
  it('strips template numbering and trailing explanations', () => {
    expect(plainLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(plainLabel('1.属于国家秘密')).toBe('属于国家秘密');
    expect(plainLabel('四、结转下年度继续办理')).toBe('结转下年度继续办理');
    expect(plainLabel('（三）不予公开')).toBe('不予公开');
  });
});

describe('wrapText punctuation', () => {
  it('moves an opening bracket to the next line with what it opens', () => {
    const text = '生成于 2026-11-23 12:40（北京时间）';
    for (let width = 60; width <= 260; width += 10) {
      for (const line of wrapText(text, width, 11).slice(0, -1)) expect(line).not.toMatch(/（$/);
    }
  });
});
