/**
 * Whether the JSON text holds more than `limit` objects and arrays, counted without parsing it
 * (brackets inside strings are skipped). JSON.parse makes a heap object of each, many times the
 * few bytes of text that ask for it, so a body of `[{},{},…]` within the size cap could take the
 * heap before any shape check can refuse the answer. The scan stops at the first bracket past the
 * limit.
 */
export function hasMoreContainersThan(text: string, limit: number): boolean {
  let count = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if ((code === OPEN_BRACE || code === OPEN_BRACKET) && ++count > limit) {
      return true;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
