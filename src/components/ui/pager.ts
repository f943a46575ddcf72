/** The links of a paginated list: an Astro Page has these fields, and so can pages a route lists itself (pagerAt). */
import type { Page } from 'astro';

/** What the links are made of. */
export type Pager = Pick<Page<unknown>, 'currentPage' | 'lastPage'> & { url: Pick<Page<unknown>['url'], 'current' | 'prev' | 'next' | 'first'> };

/** URL of page `n` (1-based) of a paginated route at `root`: page 1 at `root`, page n at `<root><n>/`. */
export const pageUrlAt = (root: string, n: number): string => (n === 1 ? root : `${root}${n}/`);

/** Page `page` (1-based) of `lastPage` pages a route lists itself. */
export function pagerAt(root: string, page: number, lastPage: number): Pager {
  const pageUrl = (n: number) => pageUrlAt(root, n);
  return {
    currentPage: page,
    lastPage,
    url: { first: root, current: pageUrl(page), prev: page > 1 ? pageUrl(page - 1) : undefined, next: page < lastPage ? pageUrl(page + 1) : undefined },
  };
}
