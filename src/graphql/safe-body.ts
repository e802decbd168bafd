import type { TextFormat } from '../domain/model.js';
import { textOfSafeHtml } from '../domain/plain-text.js';
import { safeHtmlOf } from '../domain/safe-html.js';

/** Something with a body: a ticket, a reply, a note (whose body is plain text, so it has no format). */
export interface BodySource {
  readonly body: string | null;
  readonly bodyFormat?: TextFormat;
}

// Worked out when a field asks, once for each source object: a body asked for twice in a request
// (under two aliases, or as `bodyHtml` and `bodyText`) is sanitised once. Weak, so an entry lives
// as long as its ticket does.
const safeHtml = new WeakMap<BodySource, string>();
const plainText = new WeakMap<BodySource, string>();

function remembered(memo: WeakMap<BodySource, string>, source: BodySource, make: () => string): string {
  let value = memo.get(source);
  if (value === undefined) {
    value = make();
    memo.set(source, value);
  }
  return value;
}

/** The body as HTML safe to put in a page (safeHtmlOf); null when there is no body. */
export function bodyHtml(source: BodySource & { readonly body: string }): string;
export function bodyHtml(source: BodySource): string | null;
export function bodyHtml(source: BodySource): string | null {
  const { body, bodyFormat = 'TEXT' } = source;
  return body === null ? null : remembered(safeHtml, source, () => safeHtmlOf(body, bodyFormat));
}

/** The body as plain text: a text body as it is, an HTML one as the text of its safe HTML. */
export function bodyText(source: BodySource & { readonly body: string }): string;
export function bodyText(source: BodySource): string | null;
export function bodyText(source: BodySource): string | null {
  if (source.body === null || source.bodyFormat !== 'HTML') return source.body;
  return remembered(plainText, source, () => textOfSafeHtml(bodyHtml(source)!));
}

const SANITISED =
  'an HTML body sanitised to text formatting, headings, lists, quotes, code, tables and http, https and ' +
  'mailto links (no scripts, styles, images, frames or other attributes; an image is its alt text in brackets)';
const TEXT_OF_HTML =
  "an HTML body's text with the tags removed, entities decoded, and block elements and `<br>` as line breaks";
const escaped = (what: string) => `${what} escaped, each line break a \`<br />\``;

/**
 * What `body`, `bodyHtml` and `bodyText` say of a type whose body is `noun` ("The message"),
 * written in `bodyFormat`, or always plain text (a note).
 */
export function bodyDescriptions(noun: string, written: 'in `bodyFormat`' | 'as plain text') {
  const plain = written === 'as plain text';
  const html = plain ? escaped('its text') : `${SANITISED}; ${escaped('a plain-text body')}`;
  const text = plain ? 'the body as it is' : `${TEXT_OF_HTML}; a plain-text body as it is`;
  return {
    body:
      `${noun} as the provider stores it, ${written}: not sanitised nor escaped, so never to be put in a ` +
      'page as HTML; show `bodyHtml` or `bodyText` instead.',
    bodyHtml: `${noun} as HTML safe to put in a page: ${html}.`,
    bodyText: `${noun} as plain text, to put in a page as text (escaped), never as HTML: ${text}.`,
  };
}
