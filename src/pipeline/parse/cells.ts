/** Turns value tokens of one table row into cells, recording a diagnostic for every cell that is not a number. */
import type { Cell } from '../../schema';
import type { DiagnosticLog } from './diagnostics';
import type { CellToken } from '../text';

/** Tokens as printed, for a diagnostic: a cell printed as nothing shows as ∅. */
export const shownTokens = (tokens: readonly CellToken[]): string => tokens.map((t) => t.printed || '∅').join(' ');

export function toCells<K extends string>(
  keys: readonly K[],
  tokens: CellToken[],
  log: DiagnosticLog,
  line: number | null,
  pathPrefix: string,
): Record<K, Cell> {
  const row = {} as Record<K, Cell>;
  const blanks: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const t = tokens[i];
    if (t?.kind === 'number') {
      row[key] = t.value;
      continue;
    }
    row[key] = null;
    if (!t || t.kind === 'blank') blanks.push(key);
    else log.warn('cell-unreadable', line, 'a number', t.printed, `${pathPrefix}.${key} 不是数字，记为空`, `${pathPrefix}.${key}`);
  }
  if (tokens.length > keys.length) {
    const extra = shownTokens(tokens.slice(keys.length));
    log.warn('row-extra-values', line, `${keys.length} values`, `${tokens.length} values (extra: ${extra})`, `${pathPrefix} 多出 ${tokens.length - keys.length} 个数值，已忽略`, pathPrefix);
  }
  if (blanks.length) {
    const missing = tokens.length < keys.length;
    log.warn(
      missing ? 'row-short' : 'cell-blank',
      line,
      `${keys.length} numbers`,
      missing ? `${tokens.length} values: ${shownTokens(tokens)}` : `blank cells: ${blanks.join(', ')}`,
      `${pathPrefix} 的 ${blanks.join('、')} 在原文中为空或缺失，记为空值（不是 0）`,
      pathPrefix,
    );
  }
  return row;
}
