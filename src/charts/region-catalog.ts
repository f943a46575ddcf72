/**
 * The charts of a region's year (src/lib/region-stats.ts): its agencies ranked on received requests and on the
 * disclosure rate, and how its agencies spread on each indicator (a histogram per indicator). Pure: the same
 * regions and time give the same charts. Only region-years with at least two reports get charts.
 */
import { INDICATORS, type IndicatorKey } from '../lib/indicators';
import { regionPath, type Region, type RegionYear } from '../lib/region-stats';
import { reportUrl } from '../lib/paths';
import { compareRanked, RANKING_LIMIT, reportRow, type ChartEntry, type ChartHead, type ChartKind, type ChartRow, type SharedChart } from './catalog';
import { describeNotes, describeRows, sentences } from './describe';
import { METRICS, type Metric } from './metrics';
import { NoteCollector, notesForPaths } from './notes';

/** The metrics a region's agencies are ranked on. */
export const REGION_RANKING_METRICS = ['received', 'disclosure-rate'].map((slug) => METRICS.find((m) => m.slug === slug)!);
/** A region-year needs this many reports for a ranking or a distribution to say anything. */
export const MIN_REGION_REPORTS = 2;
/** Bins of the distribution charts, in percent: [0, 20), [20, 40), … [80, 100]. */
const DISTRIBUTION_BINS = [0, 20, 40, 60, 80] as const;
const AGENCY_UNIT = '个';
/**
 * The most notes a distribution chart lists one per agency. A province's year holds thousands of agencies, and a note
 * for each flagged one made a chart of 3,600 lines of text (a PNG 1,280 × 64,888 pixels, 10.8 MB, 20 s to render at
 * 100,000 reports): past this many, each bin gets one note that counts its flagged agencies, whose own notes are on the
 * region-year page beside their values.
 */
export const MAX_DISTRIBUTION_NOTES = 20;
const NOT_COMPUTABLE = '无法计算';
const kebab = (key: IndicatorKey) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The chart id part of a region: its slugs joined by "--" (a slug never holds two hyphens in a row). */
const regionIdPart = (region: Region) => region.ref.slugs.join('--');
export const regionRankingChartId = (region: Region, year: number, metricSlug: string) => `region-${regionIdPart(region)}-${year}-${metricSlug}`;
export const regionDistributionChartId = (region: Region, year: number) => `region-${regionIdPart(region)}-${year}-distribution`;

const regionName = (region: Region) => region.ref.names.join('');

function regionRankingEntry(head: ChartHead, region: Region, y: RegionYear, metric: Metric, builtAt: string): ChartEntry {
  const all = y.reports.map((report) => ({ report, name: report.agency.name, ...metric.read(report) })).sort(compareRanked);
  const ranked = all.slice(0, RANKING_LIMIT);
  const collector = new NoteCollector();
  const rows = ranked.map(({ report, name, ...value }) =>
    reportRow(report, collector, { key: report.id, label: name, unit: metric.unit, href: reportUrl(report.id), notePrefix: `${name}：`, ...value }),
  );
  const where = regionName(region);
  const shown = ranked.length < all.length ? `，显示前 ${ranked.length} 个（共 ${all.length} 个机关）` : `，共 ${all.length} 个机关`;
  const top = rows.filter((r) => r.value !== null).slice(0, 5);
  return {
    ...head,
    subtitle: `${metric.definition}，单位：${metric.unit}；由高到低排列${shown}`,
    unit: metric.unit,
    source: { text: `数据来源：${where} ${all.length} 个机关 ${y.year} 年政府信息公开工作年度报告`, links: [] },
    notes: collector.notes,
    rows,
    description: sentences(
      `${where} ${y.year} 年 ${all.length} 个机关的${metric.zh}`,
      top.length ? `由高到低：${describeRows(top)}` : '',
      rows.length > top.length ? '其余见数据表' : '',
      describeNotes(collector.notes),
    ),
    builtAt,
    layout: { type: 'bars' },
  };
}

/** "<20%", "20–40%" … "≥80%": a bin holds its lower bound, not its upper one (100 % is in the last). */
const binLabel = (i: number) => {
  const from = DISTRIBUTION_BINS[i];
  const to = DISTRIBUTION_BINS[i + 1];
  if (i === 0) return `<${to}%`;
  return to === undefined ? `≥${from}%` : `${from}–${to}%`;
};

/** The bin of a share (0–1): 100 % falls in the last bin. */
export function distributionBin(share: number): number {
  const percent = share * 100;
  let bin = 0;
  for (let i = 0; i < DISTRIBUTION_BINS.length; i++) if (percent >= DISTRIBUTION_BINS[i]) bin = i;
  return bin;
}

interface Bin {
  agencies: string[];
  /** The agencies with a note on their value. */
  flagged: Set<string>;
  notes: Set<number>;
}

function distributionEntry(head: ChartHead, region: Region, y: RegionYear, builtAt: string): ChartEntry {
  const where = regionName(region);
  const collector = new NoteCollector();
  const rows: ChartRow[] = [];
  const parts: string[] = [];
  /** Each agency's note in the order met (indicator by indicator, report by report), with its bin. */
  const met: { bin: Bin; note: string }[] = [];
  const groups = INDICATORS.map((indicator) => {
    const metric = METRICS.find((m) => m.slug === kebab(indicator.key))!;
    const bins: Bin[] = DISTRIBUTION_BINS.map(() => ({ agencies: [], flagged: new Set(), notes: new Set<number>() }));
    const missing: Bin = { agencies: [], flagged: new Set(), notes: new Set<number>() };
    for (const report of y.reports) {
      const value = indicator.compute(report);
      const target = value === null ? missing : bins[distributionBin(value)];
      target.agencies.push(report.agency.name);
      const { paths } = metric.read(report);
      for (const note of notesForPaths(report, paths)) {
        target.flagged.add(report.agency.name);
        met.push({ bin: target, note: `${report.agency.name}：${note}` });
      }
    }
    return { indicator, bins, missing };
  });
  if (new Set(met.map((m) => m.note)).size <= MAX_DISTRIBUTION_NOTES) for (const { bin, note } of met) bin.notes.add(collector.add(note));
  else
    for (const { indicator, bins, missing } of groups)
      [...bins, missing].forEach((bin, i) => {
        if (!bin.flagged.size) return;
        const label = i < bins.length ? binLabel(i) : NOT_COMPUTABLE;
        bin.notes.add(collector.add(`${indicator.zh}“${label}”：${bin.flagged.size} 个机关的数据有提示（如勾稽关系不符），各机关的提示见${where} ${y.year} 年的地区页面`));
      });
  for (const { indicator, bins, missing } of groups) {
    const group = indicator.zh;
    const make = (key: string, label: string, bin: Bin): ChartRow => ({
      key: `${indicator.key}:${key}`,
      label,
      group,
      value: bin.agencies.length,
      unit: AGENCY_UNIT,
      flagged: bin.notes.size > 0,
      noteRefs: [...bin.notes].sort((a, b) => a - b),
      href: null,
      paths: [],
    });
    const groupRows = bins.map((bin, i) => make(String(DISTRIBUTION_BINS[i]), binLabel(i), bin));
    if (missing.agencies.length > 0) groupRows.push(make('null', NOT_COMPUTABLE, missing));
    rows.push(...groupRows);
    parts.push(`${indicator.zh}：${describeRows(groupRows)}`);
  }
  return {
    ...head,
    subtitle: `每项指标按机关所在区间计数（区间含下限、不含上限），单位：个（机关）；“${NOT_COMPUTABLE}”指原表空白或分母为零；共 ${y.reports.length} 个机关，各机关的数值见地区年度页面的表格`,
    unit: AGENCY_UNIT,
    source: { text: `数据来源：${where} ${y.reports.length} 个机关 ${y.year} 年政府信息公开工作年度报告`, links: [] },
    notes: collector.notes,
    rows,
    description: sentences(`${where} ${y.year} 年 ${y.reports.length} 个机关的指标分布`, ...parts, describeNotes(collector.notes)),
    builtAt,
    layout: { type: 'bars' },
  };
}

/**
 * A region-year's chart as listed: an object of four fields whose head (id, kind, title, subject) is made when asked
 * and whose entry is drawn on demand. A national build lists some 60,000 of them, and heads held as strings and
 * closures took 1.2 KB a chart (BENCHMARKS.md, "The site build's memory, 100,000 reports").
 */
class RegionChart implements SharedChart {
  constructor(
    private readonly region: Region,
    private readonly y: RegionYear,
    /** The ranking's metric; null for the distribution. */
    private readonly metric: Metric | null,
    private readonly builtAt: string,
  ) {}

  get id(): string {
    return this.metric ? regionRankingChartId(this.region, this.y.year, this.metric.slug) : regionDistributionChartId(this.region, this.y.year);
  }

  get kind(): ChartKind {
    return this.metric ? 'region-ranking' : 'region-distribution';
  }

  get title(): string {
    const where = regionName(this.region);
    return this.metric ? `${where} ${this.y.year} 年各机关${this.metric.zh}排名` : `${where} ${this.y.year} 年各机关主要指标分布`;
  }

  get subject(): ChartEntry['subject'] {
    const region = regionPath(this.region.ref);
    return this.metric ? { year: this.y.year, metric: this.metric.slug, region } : { year: this.y.year, region };
  }

  draw(): ChartEntry {
    const head: ChartHead = { id: this.id, kind: this.kind, title: this.title, subject: this.subject };
    return this.metric ? regionRankingEntry(head, this.region, this.y, this.metric, this.builtAt) : distributionEntry(head, this.region, this.y, this.builtAt);
  }
}

/** Every region-year's charts (ranking per metric, then the distribution), for region-years with enough reports: listed, not drawn. */
export function regionCharts(regions: readonly Region[], builtAt: string): SharedChart[] {
  return regions.flatMap((region) =>
    region.years
      .filter((y) => y.reports.length >= MIN_REGION_REPORTS)
      .flatMap((y) => [...REGION_RANKING_METRICS.map((m) => new RegionChart(region, y, m, builtAt)), new RegionChart(region, y, null, builtAt)]),
  );
}
