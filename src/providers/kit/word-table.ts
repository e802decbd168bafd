/**
 * A lookup table keyed by words an upstream sends (statuses, priorities, entity names). A Map, not
 * an object: an object's `table[word]` also finds what its prototype has, so a status named
 * `constructor`, `__proto__` or `toString` would map to a function or Object.prototype rather
 * than to nothing. A Map answers only its own keys; an unknown word finds `undefined`.
 */
export function wordTable<T>(entries: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}
