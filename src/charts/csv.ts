/** The CSV download of a chart: exactly the plotted numbers, one row per mark. */
import { toCsv } from '../lib/csv';
import { permalink } from '../lib/paths';
import type { ChartEntry } from './catalog';
import { NULL_LABEL } from './format';

export const CHART_CSV_HEADER = ['chart', 'key', 'group', 'label', 'value', 'missing', 'unit', 'flagged', 'notes', 'source_url'] as const;

/** CSV text (UTF-8 with BOM, text fields formula-guarded by toCsv); `site` makes the source links absolute. A null value is an empty `value` with `missing` saying why (未填报/不适用), never 0. */
export function chartCsv(entry: ChartEntry, site: URL | string | undefined): string {
  const sourceLink = (url: string | null) => (url ? permalink(url, site) : '');
  const fallbackSource = entry.source.links.length === 1 ? entry.source.links[0].href : null;
  const rows = entry.rows.map((row) => [
    entry.id,
    row.key,
    row.group ?? '',
    row.label,
    row.value,
    row.value === null ? (row.nullLabel ?? NULL_LABEL) : '',
    row.unit,
    row.flagged ? 'true' : 'false',
    row.noteRefs.map((n) => entry.notes[n - 1]).join('；'),
    sourceLink(row.href ?? fallbackSource),
  ]);
  return toCsv([[...CHART_CSV_HEADER], ...rows]);
}
