/** URL builders of the site (src/lib/paths.ts). */
import { describe, expect, it } from 'vitest';
import { regionAnchor, sourceUrl, webUrl } from '../../src/lib/paths';

describe('webUrl', () => {
  it('keeps http(s) addresses and refuses other schemes', () => {
    expect(webUrl('https://www.yining.gov.cn/x.html')).toBe('https://www.yining.gov.cn/x.html');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(webUrl('not a url')).toBeNull();
    expect(webUrl(null)).toBeNull();
  });
});

describe('sourceUrl and regionAnchor', () => {
  it('encodes each path segment of a source file', () => {
    expect(sourceUrl('reports/伊宁 2024.txt')).toBe('/sources/reports/%E4%BC%8A%E5%AE%81%202024.txt');
  });

  it('makes stable ASCII anchors from region names', () => {
    expect(regionAnchor('河南省')).toBe('region-he-nan-sheng');
    expect(regionAnchor('新疆维吾尔自治区')).toMatch(/^region-[a-z0-9-]+$/);
    expect(regionAnchor('河南省')).not.toBe(regionAnchor('湖南省'));
  });
});
