/** Table A (proactive disclosure, 第二十条 items), in the 2021 template or the older 2019 template. */
import {
  PROACTIVE_2019_ROWS,
  PROACTIVE_ROWS,
  type Proactive,
  type Proactive2019,
} from '../../schema';
import { toCells } from './cells';
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

function parseRows<T>(defs: readonly RowDef[], lines: Line[], from: number, to: number, log: DiagnosticLog, prefix: string): T {
  const out: Record<string, unknown> = {};
  const at = rowLines(defs, lines, from, to);
  for (const def of defs) {
    const path = `${prefix}.${def.key}`;
    const i = at.get(def.key);
    if (i !== undefined) {
      const parts = partsOf(lines[i]);
      let tokens = parts.separator === 'space' ? parts.values : fitValues(parts.values, def.columns.length, parts.fenced);
      let line = lines[i].no;
      // A row's numbers may be wrapped onto the next non-empty line.
      for (let j = i + 1; tokens.length < def.columns.length && j < to; j++) {
        if (!lines[j].raw.trim() || isPageNoise(lines[j].raw) || isMarkdownRule(lines[j].raw)) continue;
        const next = partsOf(lines[j]);
        if (next.label) break;
        tokens = tokens.concat(next.values);
        line = tokens.length ? line : lines[j].no;
      }
      out[def.key] = toCells(def.columns, tokens, log, line, path);
    } else {
      out[def.key] = Object.fromEntries(def.columns.map((c) => [c, null]));
      log.warn('row-missing', null, `a table A row “${def.zh}”`, 'no such label', `表二缺少“${def.zh}”行，记为空值`, path);
    }
  }
  return out as T;
}

export function parseTableA(lines: Line[], from: number, to: number, template: '2021' | '2019', log: DiagnosticLog) {
  if (template === '2019')
    return { proactive: null, proactive2019: parseRows<Proactive2019>(PROACTIVE_2019_ROWS, lines, from, to, log, 'proactive2019') };
  return { proactive: parseRows<Proactive>(PROACTIVE_ROWS, lines, from, to, log, 'proactive'), proactive2019: null };
}
