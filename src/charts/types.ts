/** Input types of the pure chart functions. */

/** One plotted value. */
export interface PlotRow {
  /** Stable key of the value (a canonical key, a report id, `series:year`…), written to `data-key`. */
  key: string;
  label: string;
  /** Null when the report left the number blank: drawn as text, never as a zero bar. */
  value: number | null;
  /** Text shown instead of a bar when `value` is null (default 未填报). */
  nullLabel?: string;
  /** Whether a rule break or diagnostic concerns this value; drawn with a warning marker. */
  flagged: boolean;
  /** 1-based numbers of the notes that explain the flag. */
  noteRefs: number[];
  /** Heading the row is listed under (bar charts) or the series it belongs to (trend charts). */
  group?: string | null;
}
