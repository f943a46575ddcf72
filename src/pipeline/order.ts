/** Code-point order for ids and paths, so output order (and which duplicate wins) never depends on the machine's locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator on a string key of the items. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => byCodePoint(key(a), key(b));
}
