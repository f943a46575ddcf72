/**
 * Consistent true values for tables A, B and C. Table B follows the template's own arithmetic: each row's total is the
 * sum of the applicant columns (B3), the handled total is the sum of the outcome rows (B2), and received + carried
 * over = handled + carried forward (B1). Values are mostly small with many zeros, sometimes hundreds or thousands.
 */
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_PARTS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_ROWS,
  REQUEST_ROWS,
  type Appeals,
  type Proactive,
  type Proactive2019,
  type RequestGroup,
  type RequestRow,
  type RequestRowDef,
  type RequestRowKey,
  type Requests,
} from '../schema';
import type { AgencyLevel } from './agency';
import type { Rng } from './rng';

export type Scale = 'zero' | 'small' | 'medium' | 'large';

/** The template's rows with the optional `group` visible (the const tuple's union type hides it). */
export const ROW_DEFS: readonly RequestRowDef<RequestRowKey>[] = REQUEST_ROWS;
const OUTCOME_ROWS = ROW_DEFS.filter((r) => r.outcome);

/** How often each outcome occurs in real reports (relative weights; each report perturbs them). */
const OUTCOME_WEIGHTS: Partial<Record<RequestRowKey, number>> = {
  disclosed: 35,
  partlyDisclosed: 8,
  'withheld.thirdParty': 1,
  'withheld.internal': 1.5,
  'withheld.process': 2,
  'withheld.inquiry': 1,
  'unavailable.notHeld': 15,
  'unavailable.mustCreate': 3,
  'unavailable.unclear': 2,
  'notProcessed.complaint': 4,
  'notProcessed.duplicate': 2,
  'otherHandling.noCorrection': 3,
  'otherHandling.other': 6,
};

export function emptyRow(): RequestRow {
  return { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 0 };
}

export function nullRow(): RequestRow {
  return { natural: null, commercial: null, research: null, nonprofit: null, legal: null, otherOrg: null, total: null };
}

/** Sets each row's total to the sum of its applicant columns (rule B3). */
function fillTotals(row: RequestRow): RequestRow {
  row.total = APPLICANT_PARTS.reduce((s, k) => s + (row[k] ?? 0), 0);
  return row;
}

function baseReceived(rng: Rng, scale: Scale): number {
  switch (scale) {
    case 'zero':
      return 0;
    case 'small':
      return rng.int(1, 30);
    case 'medium':
      return rng.int(30, 300);
    case 'large':
      return rng.int(300, 3000);
  }
}

export function pickScale(rng: Rng): Scale {
  return rng.weighted<Scale>([
    ['zero', 10],
    ['small', 55],
    ['medium', 22],
    ['large', 13],
  ]);
}

/** Table B with every cell a number, consistent with B1, B2 and B3. */
export function generateRequests(rng: Rng, scale: Scale, carriedOver?: RequestRow): Requests {
  const rows = Object.fromEntries(ROW_DEFS.map((r) => [r.key, emptyRow()])) as Record<RequestRowKey, RequestRow>;
  const base = baseReceived(rng, scale);
  const weights: number[] = OUTCOME_ROWS.map((r) => {
    const w = OUTCOME_WEIGHTS[r.key] ?? 0.3;
    return rng.chance(0.3) ? 0 : w * (0.3 + rng.next() * 1.4);
  });
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  for (const col of APPLICANT_PARTS) {
    const received = col === 'natural' ? base : rng.chance(0.65) ? 0 : Math.floor(base * rng.next() * 0.3) + rng.int(0, 2) * (scale === 'zero' ? 0 : 1);
    const over = carriedOver ? (carriedOver[col] ?? 0) : scale === 'zero' || rng.chance(0.7) ? 0 : rng.int(0, Math.max(1, Math.ceil(received / 10)));
    const available = received + over;
    const forward = rng.chance(0.65) || available === 0 ? 0 : rng.int(0, Math.ceil(available * 0.15));
    rows.received[col] = received;
    rows.carriedOver[col] = over;
    rows.carriedForward[col] = forward;
    rows.handledTotal[col] = available - forward;
    for (let n = available - forward; n > 0; n--) {
      const key = OUTCOME_ROWS[rng.weighted(weights.map((w, i) => [i, w] as const))].key;
      rows[key][col] = (rows[key][col] ?? 0) + 1;
    }
  }
  for (const row of Object.values(rows)) fillTotals(row);
  return rows as Requests;
}

/** Prints a group as one line: the group's own row holds the sum and its sub-rows become null. */
export function collapseGroup(requests: Requests, group: RequestGroup): void {
  const line = emptyRow();
  for (const r of ROW_DEFS) {
    if (r.group !== group) continue;
    for (const col of Object.keys(line) as (keyof RequestRow)[]) line[col] = (line[col] ?? 0) + (requests[r.key][col] ?? 0);
    requests[r.key] = nullRow();
  }
  requests[group] = line;
}

export function generateAppeals(rng: Rng, scale: Scale): Appeals {
  const busy = scale === 'zero' ? 0.05 : scale === 'small' ? 0.35 : 0.7;
  const max = scale === 'large' ? 40 : scale === 'medium' ? 10 : 3;
  const out = {} as Record<string, Record<string, number>>;
  for (const g of APPEAL_GROUPS) {
    const active = rng.chance(g.key === 'review' ? busy : busy * 0.6);
    const cells: Record<string, number> = {};
    for (const c of APPEAL_COLUMNS) if (c.key !== 'total') cells[c.key] = active && rng.chance(0.6) ? rng.int(0, max) : 0;
    cells.total = cells.upheld + cells.corrected + cells.other + cells.pending;
    out[g.key] = cells;
  }
  return out as Appeals;
}

/** A count of decisions for table A: zero for many small agencies, up to hundreds of thousands for big ones. */
function decisions(rng: Rng, zeroChance: number, max: number): number {
  if (rng.chance(zeroChance)) return 0;
  const magnitude = rng.int(0, Math.log10(max));
  return rng.int(0, 10 ** magnitude * 9);
}

/** A fee in 万元 as printed: 0, a whole number, or with 1–5 decimals (18601.47012). */
function generateAmount(rng: Rng, max: number): number {
  if (rng.chance(0.3)) return 0;
  const whole = decisions(rng, 0, max);
  const decimals = rng.weighted<number>([[0, 4], [1, 1], [2, 3], [3, 1], [4, 1], [5, 2]]);
  if (decimals === 0) return whole;
  const frac = String(rng.int(1, 10 ** decimals - 1)).padStart(decimals, '0');
  return Number(`${whole}.${frac}`);
}

export function generateProactive(rng: Rng, level: AgencyLevel): Proactive {
  const makesRules = level === 'province' || level === 'prefecture';
  const docs = level === 'township' ? 5 : 30;
  const out = {
    rules: makesRules
      ? { issued: rng.int(0, 8), repealed: rng.int(0, 4), inForce: rng.int(5, 300) }
      : { issued: 0, repealed: 0, inForce: 0 },
    normativeDocs: { issued: rng.int(0, docs), repealed: rng.int(0, Math.ceil(docs / 3)), inForce: rng.int(0, docs * 8) },
    licensing: { decisions: decisions(rng, 0.15, 100000) },
    penalties: { decisions: decisions(rng, 0.25, 10000) },
    coercion: { decisions: decisions(rng, 0.5, 1000) },
    fees: { amount: generateAmount(rng, 30000) },
  };
  return checkedShape(PROACTIVE_ROWS, out) as Proactive;
}

export function generateProactive2019(rng: Rng): Proactive2019 {
  const items = () => {
    const previousItems = rng.int(0, 120);
    return { previousItems, change: rng.chance(0.5) ? 0 : rng.int(-Math.min(previousItems, 5), 10), decisions: decisions(rng, 0.2, 50000) };
  };
  const docs = () => {
    const created = rng.int(0, 60);
    return { created, published: rng.chance(0.8) ? created : rng.int(0, created), totalPublic: created + rng.int(0, 500) };
  };
  const fees = items();
  const out = {
    rules: rng.chance(0.6) ? { created: 0, published: 0, totalPublic: 0 } : docs(),
    normativeDocs: docs(),
    licensing: items(),
    otherServices: items(),
    penalties: items(),
    coercion: items(),
    fees: { previousItems: fees.previousItems, change: fees.change },
    procurement: { procurementItems: rng.int(0, 30), procurementAmount: generateAmount(rng, 10_000_000) },
  };
  return checkedShape(PROACTIVE_2019_ROWS, out) as Proactive2019;
}

/** Guards against a key typo here silently producing a table the schema would not accept. */
function checkedShape<T extends Record<string, Record<string, number>>>(rows: readonly { key: string; columns: readonly string[] }[], table: T): T {
  for (const r of rows) {
    const got = Object.keys(table[r.key] ?? {}).sort().join();
    if (got !== [...r.columns].sort().join()) throw new Error(`generator: table A row ${r.key} has columns ${got}`);
  }
  return table;
}
