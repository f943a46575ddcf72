/** A journalist's walk in Chromium from the home page to a region's ranking data (tests/browser/support/journalist.ts). */
import { describe, it } from 'vitest';
import { journalistWalk } from './support/journalist';
import { useSite } from './support/site';

const site = useSite();

describe('a journalist’s walk from the home page to a region’s ranking data', () => {
  it('home → province → year → ranking chart → embed snippet → CSV', () => journalistWalk(site));
});
