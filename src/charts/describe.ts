/** Generated text descriptions (alt text) of charts, in plain Chinese. */
import { formatWithUnit } from './format';

interface DescribedRow {
  label: string;
  value: number | null;
  unit: string;
  nullLabel?: string;
}

/** Zero rows are summarised rather than listed once there are more than this many. */
const ZERO_LIST_LIMIT = 2;

/**
 * "予以公开 19 件，本机关不掌握相关政府信息 2 件，其余 19 项均为 0 件，X 未填报":
 * non-zero values in order, then zeros (listed when few), then missing values.
 */
export function describeRows(rows: DescribedRow[]): string {
  const parts: string[] = [];
  const zeros = rows.filter((r) => r.value === 0);
  for (const r of rows) {
    if (r.value !== null && r.value !== 0) parts.push(`${r.label} ${formatWithUnit(r.value, r.unit)}`);
  }
  if (zeros.length > ZERO_LIST_LIMIT) {
    parts.push(`${parts.length ? '其余 ' : ''}${zeros.length} 项均为 ${formatWithUnit(0, zeros[0].unit)}`);
  } else {
    for (const r of zeros) parts.push(`${r.label} ${formatWithUnit(0, r.unit)}`);
  }
  for (const r of rows) {
    if (r.value === null) parts.push(`${r.label} ${formatWithUnit(null, r.unit, r.nullLabel)}`);
  }
  return parts.join('，');
}

/** The sentence pointing readers to the notes when any plotted number is flagged. */
export function describeNotes(notes: string[]): string {
  return notes.length ? `图中标有警示符号的 ${notes.length} 处数字存在问题：${notes.join('；')}` : '';
}

/** Join sentences with Chinese full stops, skipping empty ones. */
export function sentences(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .map((p) => (/[。！？]$/.test(p) ? p : `${p}。`))
    .join('');
}
