/**
 * An upstream word as a table key: surrounding space trimmed, case folded, and each run of
 * spaces, `-` and `_` one `_`, so HostBill's `In-Progress`, WHMCS's `In Progress` and a v2 API's
 * `in_progress` are one key, `in_progress`.
 */
export function wordKey(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

/** Words an upstream sends (statuses, priorities, entity names), each looked up by its `wordKey`. */
export interface WordTable<T> {
  /** The entry of `word` once folded by `wordKey`; undefined for a word the table lacks, and for none. */
  get(word: string | null | undefined): T | undefined;
}

/**
 * A table keyed by the `wordKey` of each entry's word. A Map, not an object: an object's
 * `table[word]` also finds what its prototype has, so a status named `constructor`,
 * `__proto__` or `toString` would map to a function or Object.prototype rather than to
 * nothing. Two entries whose words fold to one key are a mistake in the table, refused here.
 */
export function wordTable<T>(entries: Readonly<Record<string, T>>): WordTable<T> {
  const table = new Map<string, T>();
  for (const [word, value] of Object.entries(entries)) {
    const key = wordKey(word);
    if (table.has(key)) throw new Error(`wordTable: "${word}" folds to "${key}", which the table already has`);
    table.set(key, value);
  }
  return { get: (word) => (word == null ? undefined : table.get(wordKey(word))) };
}
