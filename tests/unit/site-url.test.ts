/** SITE_URL decides every absolute link, with BASE_PATH; a build without a usable one warns in one line (src/integrations/site-url.ts). */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_SITE_URL, siteUrl, siteUrlWarning } from '../../src/integrations/site-url';

describe('SITE_URL', () => {
  it('is the origin of the site when set, else the placeholder', () => {
    expect(siteUrl({ SITE_URL: 'https://reports.example.cn' })).toBe('https://reports.example.cn');
    expect(siteUrl({})).toBe(PLACEHOLDER_SITE_URL);
    expect(siteUrl({ SITE_URL: '' })).toBe(PLACEHOLDER_SITE_URL);
  });

  it('unset: one line naming the placeholder and how to set it', () => {
    const warning = siteUrlWarning({});
    expect(warning).toContain('SITE_URL is not set');
    expect(warning).toContain(PLACEHOLDER_SITE_URL);
    expect(warning).toContain('SITE_URL=https://<your host> npm run build');
    expect(warning).not.toContain('\n');
  });

  it('an origin gives no warning; a path, a relative or a non-http URL does', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://reports.example.cn' })).toBeNull();
    expect(siteUrlWarning({ SITE_URL: 'https://reports.example.cn/' })).toBeNull();
    expect(siteUrlWarning({ SITE_URL: 'https://example.cn/ndbg/' })).toMatch(/has a path \(\/ndbg\/\).*root of its host.*SITE_URL=https:\/\/example\.cn and BASE_PATH=\/ndbg\//);
    expect(siteUrlWarning({ SITE_URL: 'reports.example.cn' })).toMatch(/not an absolute URL/);
    expect(siteUrlWarning({ SITE_URL: 'ftp://reports.example.cn' })).toMatch(/not an http\(s\) URL/);
  });

  it('with BASE_PATH: an origin or the origin with the same path gives no warning, another path does', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://example.gov.cn', BASE_PATH: '/nianbao/' })).toBeNull();
    expect(siteUrlWarning({ SITE_URL: 'https://example.gov.cn/nianbao', BASE_PATH: 'nianbao' })).toBeNull();
    expect(siteUrlWarning({ SITE_URL: 'https://example.gov.cn/gk/', BASE_PATH: '/nianbao/' })).toMatch(/has a path \(\/gk\/\).*base path \/nianbao\//);
  });
});
