/** One spelling per agency name, so the same agency always gets the same slug. */

const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFFEF';
/** Whitespace next to a CJK character or punctuation: PDF extraction inserts it inside names; Chinese names have none. */
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/**
 * Trims, turns full-width letters and digits into ASCII, writes parentheses the Chinese way (full-width),
 * removes whitespace inside Chinese text and collapses the rest.
 */
export function normalizeAgencyName(name: string): string {
  return name
    .replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/\s+/g, ' ')
    .trim();
}
