/**
 * A bounded cache of the values computed last, by key. Pages render a few at a time (Astro's build.concurrency), and
 * the pages that need one value (a report's charts, a region's totals) render one after the other, so a handful of
 * entries serves them all while the build never holds the values of every key: memory that does not grow with the
 * corpus. Values are never changed once computed.
 */
export function recentlyComputed<K, V>(limit: number): (key: K, compute: () => V) => V {
  const recent = new Map<K, V>();
  return (key, compute) => {
    if (recent.has(key)) return recent.get(key)!;
    const value = compute();
    recent.set(key, value);
    if (recent.size > limit) recent.delete(recent.keys().next().value!);
    return value;
  };
}
