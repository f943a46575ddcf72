/**
 * The site's data, read once per build: the reports' summaries (src/schema/summary.ts: each report without its
 * prose, data/site/) and agencies.json from the data folder (DATA_DIR), validated once with the zod schemas, and the
 * indexes every page derives from them. Pages import from here; a page that shows one report's prose reads that
 * report alone (readReport), so the build never holds every report whole.
 * Not Astro content collections: their data store is bundled into the server build and held in memory
 * (98–133 s of setup and gigabytes at 10,000 reports, BENCHMARKS.md).
 */
import { z } from 'zod/v4';
import { AgencyIndexEntry, type Report } from '../schema/report';
import type { ReportSummary } from '../schema/summary';
import { DATA_DIR, dataPath } from './data-dir';
import { UNKNOWN_REGION } from './labels';
import { disclosureRate, ratio, sum } from './indicators';
import { readDataFile } from './read-data-file';
import { readReport as readReportFile, readSummaries } from './report-parts';

const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** Every report's summary, by id. */
export const reports: ReportSummary[] = readSummaries(DATA_DIR).sort((a, b) => byText(a.id, b.id));
export const agencies: AgencyIndexEntry[] = readDataFile(dataPath('agencies.json'), z.array(AgencyIndexEntry)).sort((a, b) => byText(a.name, b.name));

export const reportById = new Map(reports.map((r) => [r.id, r]));

/** An agency's reports, oldest first. */
export const reportsByAgency = new Map<string, ReportSummary[]>();
for (const r of [...reports].sort((a, b) => a.year - b.year)) {
  const list = reportsByAgency.get(r.agency.slug);
  if (list) list.push(r);
  else reportsByAgency.set(r.agency.slug, [r]);
}

/** Reporting years present, newest first. */
export const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);

/** Newest reports first (year, then agency name). */
export const reportsNewestFirst = [...reports].sort((a, b) => b.year - a.year || byText(a.agency.name, b.agency.name));

export interface RegionNode {
  name: string;
  agencies: AgencyIndexEntry[];
  children: RegionNode[];
}

/** Agencies grouped province → prefecture → county; an agency sits at the most specific level known. */
function buildRegionTree(list: AgencyIndexEntry[]): RegionNode[] {
  const root: RegionNode = { name: '', agencies: [], children: [] };
  for (const agency of list) {
    const { province, prefecture, county } = agency.region;
    const path = province ? [province, prefecture, county].filter((p): p is string => Boolean(p)) : [UNKNOWN_REGION];
    let node = root;
    for (const name of path) {
      let child = node.children.find((c) => c.name === name);
      if (!child) {
        child = { name, agencies: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.agencies.push(agency);
  }
  const sortTree = (nodes: RegionNode[]) => {
    nodes.sort((a, b) => (a.name === UNKNOWN_REGION ? 1 : b.name === UNKNOWN_REGION ? -1 : byText(a.name, b.name)));
    for (const n of nodes) sortTree(n.children);
  };
  sortTree(root.children);
  return root.children;
}

export const regionTree = buildRegionTree(agencies);
export const provinces = regionTree.map((n) => n.name);

/** Sum of one value over reports, skipping reports where it is missing; also says how many were counted. */
function sumOver(values: (number | null)[]): { value: number; counted: number } {
  const known = values.filter((v): v is number => v !== null);
  return { value: known.reduce((a, b) => a + b, 0), counted: known.length };
}

/** Reports whose disclosure rate can be computed: disclosed, partly disclosed and handled all known, handled > 0. */
const rated = reports.filter((r) => disclosureRate(r) !== null);
const ratedSum = (value: (r: ReportSummary) => number | null) => rated.reduce((acc, r) => acc + (value(r) ?? 0), 0);

export const totals = {
  agencies: agencies.length,
  reports: reports.length,
  years,
  received: sumOver(reports.map((r) => r.requests.received.total)),
  /** (disclosed + partly disclosed) / handled over all reports where all three are known and handled > 0. */
  disclosedShare: ratio(
    ratedSum((r) => sum([r.requests.disclosed.total, r.requests.partlyDisclosed.total])),
    ratedSum((r) => r.requests.handledTotal.total),
  ),
  disclosedShareReports: rated.length,
  ruleBreaks: reports.reduce((a, r) => a + r.checks.length, 0),
  diagnostics: reports.reduce((a, r) => a + r.diagnostics.length, 0),
};

/** One whole report (with its prose), read from data/reports/<id>.json when a page renders it. */
export function readReport(id: string): Report {
  return readReportFile(DATA_DIR, id);
}
