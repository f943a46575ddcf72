/** `generateTruth(seed, options)`: the true values of one report, before any layout is chosen. */
import { REQUEST_GROUP_KEYS, type Appeals, type Proactive, type Proactive2019, type RequestGroup, type RequestRow, type Requests } from '../schema';
import { generateAgency, type AgencyTruth } from './agency';
import { INJECTABLE_RULES, injectTableBreak, misstatedCount, type InjectableRule } from './breaks';
import { generatePassages, generateProse } from './prose';
import { rngFor, type Rng } from './rng';
import { allBreaks } from './rules';
import { collapseGroup, generateAppeals, generateProactive, generateProactive2019, generateRequests, pickScale, type Scale } from './tables';
import type { Template, Truth } from './types';

export interface TruthOptions {
  template?: Template;
  year?: number;
  /** Rules to break on purpose; the truth records every rule the result breaks. */
  breaks?: readonly InjectableRule[];
  /** Chance that a cell whose value is 0 is printed blank (null in the truth). Default: 0 for most reports. */
  blankRate?: number;
  /** Groups of table B printed as one line. Default: sometimes （六）其他处理; always it in the 2019 template. */
  collapse?: readonly RequestGroup[];
  scale?: Scale;
  agency?: AgencyTruth;
  /** Table B's 上年结转 row, for a series of reports by one agency (rule X1). */
  carriedOver?: RequestRow;
  /** Table B as given (a copy is used; no group is collapsed unless `collapse` says so). */
  requests?: Requests;
}

function pickCollapsed(rng: Rng, template: Template): RequestGroup[] {
  if (template === '2019') return ['otherHandling'];
  if (rng.chance(0.12)) return ['otherHandling'];
  // Rarely another group is printed as one line too.
  return rng.chance(0.03) ? [rng.pick(REQUEST_GROUP_KEYS)] : [];
}

type Table = Record<string, Record<string, number | null> | undefined>;

/** Blanks some cells whose value is 0: agencies often leave zero cells empty. */
function blankZeros(table: Table, rng: Rng, rate: number): void {
  if (rate <= 0) return;
  for (const row of Object.values(table)) {
    if (!row) continue;
    for (const [k, value] of Object.entries(row)) if (value === 0 && rng.chance(rate)) row[k] = null;
  }
}

export function generateTruth(seed: number | string, options: TruthOptions = {}): Truth {
  const rng = rngFor(seed, 'truth');
  const template = options.template ?? (rng.chance(0.12) ? '2019' : '2021');
  const year = options.year ?? (template === '2019' ? rng.pick([2019, 2019, 2020]) : rng.int(2020, 2025));
  const agency = options.agency ?? generateAgency(rng.fork('agency'));
  const scale = options.scale ?? pickScale(rng);
  const numbers = rng.fork('numbers');
  const requests: Requests = options.requests ? structuredClone(options.requests) : generateRequests(numbers, scale, options.carriedOver);
  const appeals: Appeals = generateAppeals(numbers, scale);
  const proactive: Proactive | null = template === '2021' ? generateProactive(numbers, agency.level) : null;
  const proactive2019: Proactive2019 | null = template === '2019' ? generateProactive2019(numbers) : null;

  const collapsedGroups = [...(options.collapse ?? (options.requests ? [] : pickCollapsed(rng, template)))];
  for (const g of collapsedGroups) collapseGroup(requests, g);

  const breaks = [...(options.breaks ?? [])].filter((r) => INJECTABLE_RULES.includes(r));
  const breakRng = rng.fork('breaks');
  for (const rule of breaks) if (rule !== 'N1') injectTableBreak(rule, breakRng, requests, appeals);

  const blankRate = options.blankRate ?? (rng.chance(0.75) ? 0 : 0.1 + rng.next() * 0.6);
  const blankRng = rng.fork('blank');
  blankZeros(requests, blankRng, blankRate);
  blankZeros(appeals, blankRng, blankRate);
  blankZeros((proactive ?? proactive2019) as Table, blankRng, blankRate * 0.3);

  const table = {
    received: requests.received.total ?? 0,
    handled: requests.handledTotal.total ?? 0,
    carriedForward: requests.carriedForward.total ?? 0,
  };
  const counts = breaks.includes('N1') ? { ...table, handled: misstatedCount(breakRng, table.handled) } : table;
  const prose = generateProse(rng.fork('prose'), { agency, year, counts, mustStateHandled: breaks.includes('N1') });

  const passages = generatePassages(rng.fork('passages'), agency.name, year);

  return {
    seed: String(seed),
    agencyName: agency.name,
    agency,
    year,
    template,
    proactive,
    proactive2019,
    requests,
    appeals,
    collapsedGroups,
    proseCounts: prose.stated,
    preface: passages.preface,
    sections: prose.sections,
    closing: passages.closing,
    ruleBreaks: allBreaks(requests, appeals, prose.stated),
    injectedBreaks: breaks,
  };
}
