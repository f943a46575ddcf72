/** Site-wide constants: name, navigation, security policy. */
import { aboutUrl, agenciesUrl, chartsUrl, compareUrl, dataUrl, guideUrl, homeUrl, qualityUrl, regionsUrl } from './paths';

export const SITE_NAME = '政府信息公开年报数据门户';
export const SITE_DESCRIPTION =
  '政府信息公开工作年度报告的开放数据门户：逐份读取各机关的年度报告，按全国统一模板整理数字，核对勾稽关系，提供下载、比较和引用。';

export const NAV = [
  { href: homeUrl, zh: '首页' },
  { href: agenciesUrl, zh: '机构' },
  { href: regionsUrl, zh: '地区' },
  { href: compareUrl, zh: '比较' },
  { href: chartsUrl, zh: '图表' },
  { href: qualityUrl, zh: '数据质量' },
  { href: dataUrl, zh: '数据下载' },
  { href: aboutUrl, zh: '方法说明' },
  { href: guideUrl, zh: '使用指南' },
] as const;

/**
 * Content-Security-Policy for every page: only same-origin scripts, styles, images and fetches.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search index; it does not allow JavaScript eval.
 * (frame-ancestors cannot be set from a meta tag; embeds are framed by other sites on purpose.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
