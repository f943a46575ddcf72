/**
 * The charts of a seed report plot exactly the numbers of the report JSON that the ingest pipeline
 * (`npm run data`) writes: 伊宁市人民政府 2024 (content/reports/004_*.txt), which also breaks rule B1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, type ChartEntry } from '../../src/charts/catalog';
import { chartCsv, CHART_CSV_HEADER } from '../../src/charts/csv';
import { svgToPng } from '../../src/charts/png';
import { PNG_SCALE } from '../../src/charts/png-settings';
import { renderChart, renderChartSvg } from '../../src/charts/render';
import { runPipeline } from '../../src/pipeline';
import { readReports } from '../../src/lib/report-parts';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_PARTS, REQUEST_ROWS, type Report, type RequestRowKey } from '../../src/schema';
import { lengthPerUnit, markByKey, marks, pngStats } from './helpers';

const SITE = 'https://charts.test/';
let dir: string;
let report: Report;
let charts: ChartEntry[];
const chart = (suffix: string) => {
  const found = charts.find((c) => c.id === `report-${report.id}-${suffix}`);
  if (!found) throw new Error(`no ${suffix} chart`);
  return found;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'charts-seed-'));
  await runPipeline({ contentDir: 'content', outDir: dir });
  // The files the site reads, validated as src/lib/site-data.ts does.
  const reports = readReports(dir);
  const found = reports.find((r) => r.agency.name === '伊宁市人民政府' && r.year === 2024);
  if (!found) throw new Error('seed 伊宁市人民政府 2024 missing from the data');
  report = found;
  charts = buildCharts(reports, '2025-02-01T00:00:00.000Z');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('伊宁市人民政府 2024: handling chart', () => {
  it('plots the total column of every outcome row and carried forward, as in the JSON', () => {
    const svg = renderChartSvg(chart('handling'));
    const expectedKeys: RequestRowKey[] = [...REQUEST_ROWS.filter((r) => r.outcome).map((r) => r.key), 'carriedForward'];
    expect(marks(svg).map((m) => m.key)).toEqual(expectedKeys);
    for (const key of expectedKeys) expect(markByKey(svg, key).value).toBe(report.requests[key].total);
    // The seed's own numbers (FORMAT facts): 19 disclosed, 2 not held, 3 carried forward.
    expect(markByKey(svg, 'disclosed').value).toBe(19);
    expect(markByKey(svg, 'unavailable.notHeld').value).toBe(2);
    expect(markByKey(svg, 'carriedForward').value).toBe(3);
  });

  it('draws bars proportional to the values', () => {
    const all = marks(renderChartSvg(chart('handling')));
    const ratios = lengthPerUnit(all);
    expect(ratios.length).toBeGreaterThanOrEqual(3);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 1);
    for (const m of all.filter((m) => m.value === 0)) expect(m.length).toBe(0);
    expect(markByKey(renderChartSvg(chart('handling')), 'disclosed').length).toBeGreaterThan(markByKey(renderChartSvg(chart('handling')), 'carriedForward').length as number);
  });

  it('marks carried forward with the B1 break and explains it in a note', () => {
    const entry = chart('handling');
    const row = entry.rows.find((r) => r.key === 'carriedForward');
    expect(row?.flagged).toBe(true);
    expect(entry.notes[(row?.noteRefs[0] ?? 0) - 1]).toContain('B1');
    expect(entry.rows.find((r) => r.key === 'disclosed')?.flagged).toBe(false);
    const svg = renderChartSvg(entry);
    expect(svg).toContain('class="flag"');
    expect(markByKey(svg, 'carriedForward').attrs.fill).not.toBe(markByKey(svg, 'disclosed').attrs.fill);
  });

  it('describes the chart in words with the report numbers', () => {
    const { description } = chart('handling');
    expect(description).toMatch(/^伊宁市人民政府 2024 年收到政府信息公开申请 21 件，予以公开 19 件/);
    expect(description).toContain('结转下年度继续办理 3 件');
    expect(description).toContain('B1');
  });

  it('cites the report as source, linking to its page', () => {
    expect(chart('handling').source).toEqual({
      text: '数据来源：伊宁市人民政府 2024 年政府信息公开工作年度报告',
      links: [{ label: '伊宁市人民政府 2024 年政府信息公开工作年度报告', href: `/reports/${report.id}/` }],
    });
  });
});

describe('伊宁市人民政府 2024: applicants and appeals charts', () => {
  it('plots requests received by applicant type (13 + 6 of table B are disclosed; 15 + 6 received)', () => {
    const svg = renderChartSvg(chart('applicants'));
    expect(marks(svg).map((m) => m.key)).toEqual(APPLICANT_PARTS);
    for (const key of APPLICANT_PARTS) expect(markByKey(svg, key).value).toBe(report.requests.received[key]);
    expect(markByKey(svg, 'natural').value).toBe(15);
    expect(markByKey(svg, 'legal').value).toBe(6);
    const ratios = lengthPerUnit(marks(svg));
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 1);
  });

  it('plots all 15 numbers of table C', () => {
    const svg = renderChartSvg(chart('appeals'));
    const keys = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => `${g.key}.${c.key}`));
    expect(marks(svg).map((m) => m.key)).toEqual(keys);
    for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) expect(markByKey(svg, `${g.key}.${c.key}`).value).toBe(report.appeals[g.key][c.key]);
  });
});

describe('伊宁市人民政府 2024: CSV download', () => {
  it('holds exactly the plotted numbers', () => {
    for (const suffix of ['handling', 'applicants', 'appeals']) {
      const entry = chart(suffix);
      const rows: Record<string, string>[] = parseCsv(chartCsv(entry, SITE), { columns: true, bom: true });
      expect(Object.keys(rows[0])).toEqual([...CHART_CSV_HEADER]);
      const svgMarks = marks(renderChartSvg(entry));
      expect(rows.map((r) => r.key)).toEqual(svgMarks.map((m) => m.key));
      expect(rows.map((r) => (r.value === '' ? null : Number(r.value)))).toEqual(svgMarks.map((m) => m.value));
      expect(new Set(rows.map((r) => r.source_url))).toEqual(new Set([`${SITE}reports/${report.id}/`]));
    }
    const handling = parseCsv(chartCsv(chart('handling'), SITE), { columns: true, bom: true }) as Record<string, string>[];
    expect(handling.find((r) => r.key === 'disclosed')).toMatchObject({ value: '19', unit: '件', flagged: 'false' });
    expect(handling.find((r) => r.key === 'carriedForward')).toMatchObject({ value: '3', flagged: 'true' });
  });
});

describe('伊宁市人民政府 2024: PNG', () => {
  it('is a PNG of the stated size with a drawn, non-blank image', async () => {
    const entry = chart('handling');
    const rendered = renderChart(entry, { framed: true, url: `${SITE}charts/${entry.id}/` });
    const png = await svgToPng(rendered.svg);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(rendered.width * PNG_SCALE);
    expect(png.readUInt32BE(20)).toBe(rendered.height * PNG_SCALE);
    const stats = pngStats(png);
    expect(stats.width).toBe(rendered.width * PNG_SCALE);
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.dark).toBeGreaterThan(1000);
  });
});
