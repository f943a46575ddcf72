/** Table A (proactive disclosure, 第二十条 items), in the 2021 template or the older 2019 template. */
import {
  PROACTIVE_2019_ROWS,
  PROACTIVE_ROWS,
  type Proactive,
  type Proactive2019,
} from '../../schema';
import { toCells } from './cells';
import { placementOf, type PlacementCounts } from './placement';
import type { DiagnosticLog } from './diagnostics';
import { compactOf, fitValues, isMarkdownRule, partsOf, type Line } from './lines';
import { isPageNoise, memoByString } from '../text';

type RowDef = { key: string; zh: string; columns: readonly string[] };

/** Labels as printed for each row; the first is the template's own. */
const ALIASES: Record<string, string[]> = {
  normativeDocs: ['行政规范性文件', '规范性文件'],
  procurement: ['政府集中采购', '政府采购'],
};

/** The 2019 template's table A has other column headers and a 第二十条第（九）项 row. */
export function isTemplate2019(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/本年新制作数量|本年新公开数量|对外公开总数量|第二十条第\(九\)项|上一年项目数量/.test(compactOf(lines[i]))) return true;
  return false;
}

/** Labels may carry a leading numbering or the item reference before them ("第二十条第(一)项规章"). */
const bareLabel = memoByString((label: string) => label.replace(/^第二十条第\([一二三四五六七八九十]+\)项/, '').replace(/^\d+[.、]/, ''));

/** The first line (index) whose label names each row, found in one pass over the table's lines. */
function rowLines(defs: readonly RowDef[], lines: Line[], from: number, to: number): Map<string, number> {
  const byName = new Map<string, string>();
  for (const def of defs) for (const name of ALIASES[def.key] ?? [def.zh]) if (!byName.has(name)) byName.set(name, def.key);
  const found = new Map<string, number>();
  for (let i = from; i < to && found.size < defs.length; i++) {
    const key = byName.get(bareLabel(partsOf(lines[i]).label));
    if (key && !found.has(key)) found.set(key, i);
  }
  return found;
}

/**
 * Whether numbers stand free (no label on their line, not taken by a row above) just before line i: then this table
 * prints numbers before their labels, and numbers after a label are not proved to be its own.
 */
function freeNumbersBefore(lines: Line[], i: number, from: number, taken: Set<number>): boolean {
  for (let j = i - 1; j >= from; j--) {
    const { raw } = lines[j];
    if (!raw.trim() || isPageNoise(raw) || isMarkdownRule(raw)) continue;
    const parts = partsOf(lines[j]);
    return !parts.label && parts.values.some((v) => v.kind === 'number') && !taken.has(j);
  }
  return false;
}

function parseRows<T>(defs: readonly RowDef[], lines: Line[], from: number, to: number, log: DiagnosticLog, prefix: string, counts: PlacementCounts): T {
  const out: Record<string, unknown> = {};
  const at = rowLines(defs, lines, from, to);
  /** Lines whose numbers a row took (a row's numbers wrapped onto the lines after its label). */
  const taken = new Set<number>();
  // Rows are read in the order they are printed, so that a row knows which numbers above it are taken.
  const printed = defs.filter((d) => at.has(d.key)).sort((a, b) => at.get(a.key)! - at.get(b.key)!);
  for (const def of printed) {
    const path = `${prefix}.${def.key}`;
    const i = at.get(def.key)!;
    const parts = partsOf(lines[i]);
    let tokens = parts.separator === 'space' ? parts.values : fitValues(parts.values, def.columns.length, parts.fenced);
    let line = lines[i].no;
    // A row's numbers may be wrapped onto the next non-empty lines, unless numbers stand free before its label (they
    // are then printed before their labels, and the numbers after this label are the next row's).
    const after = tokens.length > 0 || !freeNumbersBefore(lines, i, from, taken);
    for (let j = i + 1; after && tokens.length < def.columns.length && j < to; j++) {
      if (!lines[j].raw.trim() || isPageNoise(lines[j].raw) || isMarkdownRule(lines[j].raw)) continue;
      const next = partsOf(lines[j]);
      if (next.label) break;
      tokens = tokens.concat(next.values);
      taken.add(j);
      line = tokens.length ? line : lines[j].no;
    }
    out[def.key] = toCells(def.columns, tokens, log, line, path);
    counts.label += Math.min(tokens.length, def.columns.length);
    counts.unread += Math.max(0, def.columns.length - tokens.length);
  }
  for (const def of defs) {
    if (at.has(def.key)) continue;
    out[def.key] = Object.fromEntries(def.columns.map((c) => [c, null]));
    log.warn('row-missing', null, `a table A row “${def.zh}”`, 'no such label', `表二缺少“${def.zh}”行，记为空值`, `${prefix}.${def.key}`);
    counts.unread += def.columns.length;
  }
  // Keys in the template's order, as before.
  return Object.fromEntries(defs.map((d) => [d.key, out[d.key]])) as T;
}

export function parseTableA(lines: Line[], from: number, to: number, template: '2021' | '2019', log: DiagnosticLog) {
  const counts: PlacementCounts = { label: 0, arithmetic: 0, unread: 0 };
  if (template === '2019') {
    const proactive2019 = parseRows<Proactive2019>(PROACTIVE_2019_ROWS, lines, from, to, log, 'proactive2019', counts);
    return { proactive: null, proactive2019, placement: placementOf(counts) };
  }
  const proactive = parseRows<Proactive>(PROACTIVE_ROWS, lines, from, to, log, 'proactive', counts);
  return { proactive, proactive2019: null, placement: placementOf(counts) };
}
