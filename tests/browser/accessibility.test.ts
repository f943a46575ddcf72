/** axe-core on every kind of page: no serious or critical accessibility violation. */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { sitePages } from './support/pages';
import { readSiteData, useSite } from './support/site';

const site = useSite();
const PAGES = sitePages(inject('siteDist'), readSiteData(inject('siteData')));

describe.each(PAGES)('$name page ($path)', ({ path }) => {
  it('has no serious or critical axe violation', async () => {
    // AxeBuilder needs a page from an explicit context (it opens frames through it).
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`, { waitUntil: 'networkidle' });
    if (path.includes('?q=')) await page.locator('#search-results > li').first().waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const severe = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(severe).toEqual([]);
    await context.close();
  });
});
