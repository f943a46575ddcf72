/**
 * Chart PNGs in the seed build (CHART_PNG unset: every chart): each chart page offers its PNG for download
 * and uses it as its preview image, with the size the file really has. (Which charts get a PNG under
 * CHART_PNG=shared or 0 is tested in tests/charts/png-settings.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { buildCharts } from '../../src/charts/catalog';
import { pngStats } from '../charts/helpers';
import { exists, fileFor, readPage, readReports } from './html';

const dist = inject('siteDist');
const charts = buildCharts(readReports(inject('siteData')), new Date().toISOString());

describe('chart PNGs, default mode (all)', () => {
  it('every chart of the seeds has a PNG file of the size its page states, with a drawn image', () => {
    expect(charts.length).toBe(25);
    for (const chart of charts) {
      const file = `/charts/${chart.id}.png`;
      expect(exists(dist, file), file).toBe(true);
      const page = readPage(dist, `/charts/${chart.id}/`);
      const link = page.querySelector(`.chart-downloads a[href="${file}"]`);
      expect(link?.getAttribute('download'), chart.id).toBe(`${chart.id}.png`);
      const [width, height] = (link?.nextElementSibling?.textContent ?? '')
        .match(/(\d+)×(\d+)/)!
        .slice(1)
        .map(Number);
      const stats = pngStats(readFileSync(fileFor(dist, file)));
      expect([stats.width, stats.height], chart.id).toEqual([width, height]);
      expect(stats.variance, chart.id).toBeGreaterThan(100);
    }
  });

  it('every chart page previews its own PNG (Open Graph and Twitter), with its size and the chart title', () => {
    for (const chart of charts) {
      const page = readPage(dist, `/charts/${chart.id}/`);
      const meta = (attr: string, name: string) => page.querySelector(`meta[${attr}="${name}"]`)?.getAttribute('content');
      expect(new URL(meta('property', 'og:image')!).pathname, chart.id).toBe(`/charts/${chart.id}.png`);
      expect(meta('name', 'twitter:image')).toBe(meta('property', 'og:image'));
      expect(meta('name', 'twitter:card')).toBe('summary_large_image');
      expect(meta('property', 'og:image:alt')).toBe(chart.title);
      const stats = pngStats(readFileSync(fileFor(dist, `/charts/${chart.id}.png`)));
      expect([Number(meta('property', 'og:image:width')), Number(meta('property', 'og:image:height'))]).toEqual([stats.width, stats.height]);
    }
  });
});
