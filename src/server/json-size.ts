/** Characters JSON.stringify writes as more than themselves: quotes, backslashes, controls, surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The bytes of `JSON.stringify(value)` in UTF-8, counted without building the text, and given up
 * (returning a number past `stopAt`) once it passes `stopAt`: a result too large to write is found
 * without holding it, and without reading more of it than the limit. For the plain values a
 * GraphQL result holds (objects, arrays, strings, numbers, booleans, null).
 */
export function jsonSize(value: unknown, stopAt = Infinity): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (total > stopAt) return;
    if (typeof node === 'string') total += stringSize(node);
    else if (typeof node === 'number') total += Number.isFinite(node) ? String(node).length : 4;
    else if (typeof node === 'boolean') total += node ? 4 : 5;
    else if (node === null) total += 4;
    else if (Array.isArray(node)) {
      // Brackets and commas; an undefined or function item is written `null`.
      total += 2 + Math.max(0, node.length - 1);
      for (const item of node) {
        if (item === undefined || typeof item === 'function') total += 4;
        else visit(item);
        if (total > stopAt) return;
      }
    } else if (typeof node === 'object') {
      let members = 0;
      for (const key in node) {
        const item = (node as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function') continue;
        // The key, its colon, and the comma before every member but the first.
        total += stringSize(key) + 1 + (members > 0 ? 1 : 0);
        members += 1;
        visit(item);
        if (total > stopAt) return;
      }
      total += 2;
    }
  };
  visit(value);
  return total;
}

/** A string's bytes as JSON: its UTF-8, its quotes, and what its escapes add. */
function stringSize(text: string): number {
  const plain = Buffer.byteLength(text, 'utf8') + 2;
  return ESCAPED.test(text) ? plain + escapeExtra(text) : plain;
}

function escapeExtra(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`: one byte more.
    if (SHORT_ESCAPES.has(code)) extra += 1;
    // Any other control is `\u00XX`: six bytes for one.
    else if (code < 0x20) extra += 5;
    // A surrogate pair is one 4-byte character, counted already; a lone surrogate is written
    // `\udXXX` (six bytes) where UTF-8 counted three.
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i += 1;
    else if (code >= 0xd800 && code <= 0xdfff) extra += 3;
  }
  return extra;
}

const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x08, 0x09, 0x0a, 0x0c, 0x0d]);
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
