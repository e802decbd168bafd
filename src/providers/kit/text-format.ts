import type { TextFormat } from '../../domain/model.js';

/**
 * A tag opening or closing an element: `<p>`, `</div>`, `<br/>`, `<a href="…">`; not `<3`, `a < b`,
 * `<info@x.se>`.
 */
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

/**
 * For providers that store HTML and plain text in the same field without saying which: a body
 * with an HTML tag in it is HTML, anything else (empty included) is text.
 */
export function textFormatOf(body: string | null | undefined): TextFormat {
  return body && HTML_TAG.test(body) ? 'HTML' : 'TEXT';
}
