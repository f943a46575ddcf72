/**
 * One copy of each distinct string in a tree of parsed JSON. JSON.parse makes a new string for every value, and the
 * reports' summaries repeat theirs many times over (a diagnostic's code, severity, path and message, a region's
 * name, the parser's version): at 5,000 reports 308,386 strings, 40,405 of them distinct. Replacing each by the first
 * equal one met takes a quarter off the summaries' memory (BENCHMARKS.md, "The site build's memory"). Values are
 * unchanged; objects and arrays are changed in place.
 */
export function internStrings(value: unknown, pool: Map<string, string> = new Map()): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = canonical(pool, v);
      else if (v !== null && typeof v === 'object') internStrings(v, pool);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'string') record[key] = canonical(pool, v);
      else if (v !== null && typeof v === 'object') internStrings(v, pool);
    }
  }
}

function canonical(pool: Map<string, string>, s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}
