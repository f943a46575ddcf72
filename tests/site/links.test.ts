/** Every internal link and resource on every built page resolves to a built file (and its #anchor exists). */
import { expect, inject, it } from 'vitest';
import { checkLinks } from './link-check';

const dist = inject('siteDist');

it('resolves every internal href and src', () => {
  const { checked, broken } = checkLinks(dist);
  expect(checked).toBeGreaterThan(100);
  expect(broken).toEqual([]);
});
