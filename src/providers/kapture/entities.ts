import { wordTable } from '../kit/word-table.js';

/** The five XML entities; Kapture escapes names such as `Kapture Dev API&apos;s` (docs/providers/kapture.md). */
const NAMED = wordTable({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;

/**
 * Decodes the five XML entities and numeric references (`&#39;`, `&#x27;`) in one pass, so
 * `&amp;lt;` becomes `&lt;`, not `<`. A reference to no valid character (NUL, a surrogate,
 * beyond U+10FFFF) is left as written.
 */
export function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (entity, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (name !== undefined) return NAMED.get(name) ?? entity;
      const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : entity;
    },
  );
}
