/** Stable, collision-free agency slugs: pinyin for people, a hash of the name for uniqueness. */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/** Longest pinyin part kept, so long names still give readable URLs; the hash keeps them unique. */
const MAX_PINYIN_LENGTH = 60;

function pinyinPart(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const joined = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (joined.length <= MAX_PINYIN_LENGTH) return joined;
  const cut = joined.slice(0, MAX_PINYIN_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_PINYIN_LENGTH);
}

/**
 * Slug of a normalised agency name: pinyin syllables joined by '-', then the first 6 hex digits of sha1(name),
 * so homophones never collide and the slug depends on the name alone (not on file names or build order).
 */
export function agencySlug(normalizedName: string): string {
  const hash = createHash('sha1').update(normalizedName, 'utf8').digest('hex').slice(0, 6);
  return `${pinyinPart(normalizedName) || 'agency'}-${hash}`;
}

export function reportId(slug: string, year: number): string {
  return `${slug}-${year}`;
}
