/** URL builders of the site (src/lib/paths.ts) and the base path they put in front of every link. */
import { describe, expect, it, vi } from 'vitest';
import { basePath } from '../../src/integrations/site-url';
import { permalink, reportUrl, sourceUrl, webUrl } from '../../src/lib/paths';
import { regionAnchor } from '../../src/lib/regions';

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

describe('the base path', () => {
  it('is none at the root of a host: links start at /, permalinks at SITE_URL', () => {
    expect(reportUrl('a-2024')).toBe('/reports/a-2024/');
    expect(permalink(reportUrl('a-2024'), 'https://reports.example.cn')).toBe('https://reports.example.cn/reports/a-2024/');
  });

  it('comes first in every link of a site built for a sub-path, and permalinks are SITE_URL + base path + path', async () => {
    vi.stubGlobal('__BASE_PATH__', '/nianbao/');
    vi.resetModules();
    try {
      const paths = await import('../../src/lib/paths');
      expect(paths.BASE_PATH).toBe('/nianbao');
      expect(paths.homeUrl).toBe('/nianbao/');
      expect(paths.reportUrl('a-2024')).toBe('/nianbao/reports/a-2024/');
      expect(paths.chartFileUrl('ranking-2024-received', 'png')).toBe('/nianbao/charts/ranking-2024-received.png');
      expect(paths.sourceUrl('reports/伊宁 2024.txt')).toBe('/nianbao/sources/reports/%E4%BC%8A%E5%AE%81%202024.txt');
      expect(paths.pagefindUrl).toBe('/nianbao/pagefind/pagefind.js');
      expect(paths.permalink(paths.embedUrl('x'), 'https://example.gov.cn')).toBe('https://example.gov.cn/nianbao/embed/x/');
      // Also when SITE_URL names the same path.
      expect(paths.permalink(paths.embedUrl('x'), 'https://example.gov.cn/nianbao/')).toBe('https://example.gov.cn/nianbao/embed/x/');
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it('is read from BASE_PATH with a slash at both ends; a segment a URL must escape is refused', () => {
    expect(basePath({})).toBe('/');
    expect(basePath({ BASE_PATH: '' })).toBe('/');
    expect(basePath({ BASE_PATH: '/' })).toBe('/');
    for (const value of ['nianbao', '/nianbao', '/nianbao/', 'nianbao/']) expect(basePath({ BASE_PATH: value })).toBe('/nianbao/');
    expect(basePath({ BASE_PATH: '/gk/nianbao' })).toBe('/gk/nianbao/');
    expect(() => basePath({ BASE_PATH: '/年报/' })).toThrow(/segment "年报"/);
    expect(() => basePath({ BASE_PATH: '/a b/' })).toThrow(/BASE_PATH/);
    expect(() => basePath({ BASE_PATH: '/../x/' })).toThrow(/segment "\.\."/);
  });
});
