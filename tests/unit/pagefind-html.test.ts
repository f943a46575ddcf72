/**
 * What Pagefind is handed of a page (src/integrations/pagefind-html.ts): the content of excluded elements taken out,
 * their tags kept; nothing else touched, and the page as it is wherever the cut could be wrong.
 */
import { describe, expect, it } from 'vitest';
import { withoutExcluded } from '../../src/integrations/pagefind-html';

const SELECTORS = ['nav', 'table', '.byline', '#cite', 'article > p'];
const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>标题</title><style>table{}</style></head><body>${body}</body></html>`;

describe('withoutExcluded', () => {
  it('takes out the content of elements matched by tag, id and class, keeping their tags and everything around', () => {
    const body =
      '<nav class="site"><a href="/">首页</a></nav><article data-pagefind-body><p class="lead byline">某局 · 2024</p>' +
      '<p>严格执行三审五校制度</p><div class="table-scroll"><table class="t"><tr><th>行政复议</th><td>3</td></tr></table></div>' +
      '<section id="cite"><h2>如何引用</h2><section><p>永久链接</p></section></section><p>结束语</p></article>';
    expect(withoutExcluded(page(body), SELECTORS)).toBe(
      page(
        '<nav class="site"></nav><article data-pagefind-body><p class="lead byline"></p><p>严格执行三审五校制度</p>' +
          '<div class="table-scroll"><table class="t"></table></div><section id="cite"></section><p>结束语</p></article>',
      ),
    );
  });

  it('counts nested elements of the same name to find where the excluded one ends', () => {
    const body = '<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table><p>表后文字</p>';
    expect(withoutExcluded(page(body), ['table'])).toBe(page('<table></table><p>表后文字</p>'));
  });

  it('leaves an excluded element holding a filter or metadata whole, and cuts what it holds that is excluded', () => {
    const body = '<section id="cite"><span data-pagefind-filter="year">2024</span><nav>菜单</nav></section>';
    expect(withoutExcluded(page(body), SELECTORS)).toBe(page('<section id="cite"><span data-pagefind-filter="year">2024</span><nav></nav></section>'));
  });

  it('cuts an inline chart, whose accessible name is an SVG title', () => {
    const svg = '<svg viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">某局历年申请数</title><desc>2023 年 3 件</desc><text>3</text></svg>';
    expect(withoutExcluded(page(`<p>前</p>${svg}<p>后</p>`), ['svg'])).toBe(page('<p>前</p><svg viewBox="0 0 10 10" role="img" aria-labelledby="t"></svg><p>后</p>'));
  });

  it('hands over the page as it is when its body holds a comment, a script or raw text, or its tags do not close', () => {
    for (const body of [
      '<!-- <table> --><p>文字</p><table><tr><td>1</td></tr></table>',
      '<script src="/x.js"></script><table><tr><td>1</td></tr></table>',
      '<textarea><table></textarea><table><tr><td>1</td></tr></table>',
      '<table><tr><td>1</td></tr><p>没有结束的表格</p>',
    ]) {
      expect(withoutExcluded(page(body), SELECTORS)).toBe(page(body));
    }
  });

  it('does not take a longer tag name or an attribute value for a match', () => {
    const body = '<tablet>平板</tablet><p data-note="table">注</p><div id="cite-2">引</div><p class="bylines">行</p>';
    expect(withoutExcluded(page(body), SELECTORS)).toBe(page(body));
  });

  it('cuts nothing without a simple selector or a body', () => {
    expect(withoutExcluded(page('<table><tr><td>1</td></tr></table>'), ['article > table'])).toBe(page('<table><tr><td>1</td></tr></table>'));
    expect(withoutExcluded('<table><tr><td>1</td></tr></table>', ['table'])).toBe('<table><tr><td>1</td></tr></table>');
  });
});
