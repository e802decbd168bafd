/**
 * `read` remembered by the text it is given: a list sorts every ticket by a date it parses, and
 * should parse each date once, not once a comparison. At most 10,000 texts are kept; past that
 * the memory starts again.
 */
export function readOnce<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = read(text);
    if (known.size >= 10_000) known.clear();
    known.set(text, value);
    return value;
  };
}
