/**
 * CHART_PNG: which charts get a PNG file, and whether a chart page shows its own as its preview image,
 * on the seeds' charts plus a second year of one seed agency (so that it has a trend chart).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, type ChartEntry } from '../../src/charts/catalog';
import { chartCharacters } from '../../src/charts/png';
import { renderChartSvg } from '../../src/charts/render';
import { PNG_MODE_ENV, hasPng, pngMode } from '../../src/charts/png-settings';
import { chartPageParts } from '../../src/components/charts/chart-pages';
import { runPipeline } from '../../src/pipeline';
import { readReports } from '../../src/lib/report-parts';
import type { Report } from '../../src/schema';

const env = (value: string | undefined) => (value === undefined ? {} : { [PNG_MODE_ENV]: value });
let charts: ChartEntry[];
let yining: Report;
const byId = (id: string | null) => charts.find((c) => c.id === id);

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'charts-png-mode-'));
  try {
    await runPipeline({ contentDir: 'content', outDir: dir });
    const reports = readReports(dir);
    yining = reports.find((r) => r.agency.name === '伊宁市人民政府' && r.year === 2024)!;
    // 伊宁市人民政府 with a 2023 report too: the only seed agency with a trend chart here.
    const earlier = {
      ...yining,
      id: yining.id.replace('2024', '2023'),
      year: 2023,
    };
    charts = buildCharts([...reports, earlier], '2025-02-01T00:00:00.000Z');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('pngMode (CHART_PNG)', () => {
  it('is all when unset, empty, all or 1; shared for shared; none for 0 or none (any case, spaces trimmed)', () => {
    for (const value of [undefined, '', 'all', '1', ' ALL ']) expect(pngMode(env(value)), String(value)).toBe('all');
    expect(pngMode(env('shared'))).toBe('shared');
    expect(pngMode(env('Shared'))).toBe('shared');
    for (const value of ['0', 'none', 'NONE']) expect(pngMode(env(value)), value).toBe('none');
  });

  it('fails on anything else, naming the variable and the accepted values', () => {
    expect(() => pngMode(env('yes'))).toThrow(/CHART_PNG=yes: expected one of all, 1, shared, 0, none/);
    expect(() => pngMode(env('false'))).toThrow(PNG_MODE_ENV);
  });
});

describe('which charts get a PNG', () => {
  const withPng = (value: string | undefined) => charts.filter((c) => hasPng(c, env(value))).map((c) => c.kind);

  it('all: every chart (the 15 report charts, the 10 rankings, the trend)', () => {
    expect(charts.length).toBe(3 * 6 + 10 * 2 + 1);
    expect(withPng(undefined).length).toBe(charts.length);
    expect(withPng('all').length).toBe(charts.length);
  });

  it('shared: only the national rankings, no chart of a single report or agency', () => {
    const kinds = withPng('shared');
    expect(kinds.length).toBe(10 * 2);
    expect(new Set(kinds)).toEqual(new Set(['ranking']));
  });

  it('shared: a province’s region charts, not those of its prefectures and counties', () => {
    const province = { kind: 'region-ranking' as const, subject: { region: 'he-nan-sheng', year: 2024 } };
    const county = { kind: 'region-distribution' as const, subject: { region: 'he-nan-sheng/luo-yang-shi/yan-shi-qu', year: 2024 } };
    expect(hasPng(province, env('shared'))).toBe(true);
    expect(hasPng(county, env('shared'))).toBe(false);
    expect(hasPng(county, env('all'))).toBe(true);
    expect(hasPng(province, env('0'))).toBe(false);
  });

  it('0: none', () => {
    expect(withPng('0')).toEqual([]);
  });
});

describe('the preview image of a chart page (its own PNG or none)', () => {
  const site = new URL('https://example.org/');
  /** The og:image and twitter:card of `chart`'s page built with CHART_PNG=`value`. */
  const previewOf = (chart: ChartEntry, value: string) => {
    const saved = process.env[PNG_MODE_ENV];
    process.env[PNG_MODE_ENV] = value;
    try {
      const { head } = chartPageParts(chart, site);
      return { image: /property="og:image" content="([^"]*)"/.exec(head)?.[1] ?? null, card: /name="twitter:card" content="([^"]*)"/.exec(head)?.[1] };
    } finally {
      if (saved === undefined) delete process.env[PNG_MODE_ENV];
      else process.env[PNG_MODE_ENV] = saved;
    }
  };
  const trend = () => byId(`agency-${yining.agency.slug}-trend`)!;

  it('all: every page its own PNG, as a large-image card', () => {
    for (const c of charts) expect(previewOf(c, 'all'), c.id).toEqual({ image: `https://example.org/charts/${c.id}.png`, card: 'summary_large_image' });
  });

  it('shared: a ranking its own PNG; a report’s chart and an agency’s trend none (no other chart stands in), a summary card', () => {
    const ranking = charts.find((c) => c.kind === 'ranking')!;
    expect(previewOf(ranking, 'shared')).toEqual({ image: `https://example.org/charts/${ranking.id}.png`, card: 'summary_large_image' });
    expect(trend().kind).toBe('agency-trend');
    for (const c of [trend(), byId(`report-${yining.id}-handling`)!]) expect(previewOf(c, 'shared'), c.id).toEqual({ image: null, card: 'summary' });
  });

  it('0: no page has a preview image', () => {
    for (const c of charts) expect(previewOf(c, '0').image, c.id).toBeNull();
  });
});

describe('chartCharacters (what the font is narrowed to before the first PNG)', () => {
  it("holds every Chinese character the charts draw except the frame's fixed words", () => {
    const held = new Set(chartCharacters(charts));
    const drawn = new Set(charts.flatMap((c) => [...renderChartSvg(c, { framed: true, url: 'https://x.test/' })]));
    const han = /\p{Script=Han}/u;
    const left = [...drawn].filter((ch) => han.test(ch) && !held.has(ch));
    // Only the words of the frame (source, permalink, build time) are left for the first chart to add.
    expect(left.join(''), left.join('')).toMatch(/^[数据来源永久链接生成于北京时间]*$/);
    expect(left.length).toBeLessThan(12);
    for (const ch of '伊宁市人民政府殷都区偃师伊洛街道办事处') expect(held.has(ch), ch).toBe(true);
  });
});
