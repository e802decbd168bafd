import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import { boundedParsing, type ElementCounts } from './html-bounds.js';
import type { TextFormat } from './model.js';

/**
 * The elements a safe body keeps, with no attribute but a link's `href` and `rel`: text formatting,
 * headings, lists, quotes, code and plain tables. `span` carries an image's alt text.
 */
export const SAFE_ELEMENTS = [
  ...['p', 'div', 'br', 'hr', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup'],
  ...['blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
] as const;

/** What a link may point at: the web and mail; no `javascript:`, `data:`, relative or other schemes. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Every link opens without a handle on this page or a Referer, and lends no search ranking. */
export const LINK_REL = 'noopener noreferrer nofollow';

/**
 * Elements dropped with everything in them, rather than unwrapped to their text: code, styles,
 * embedded documents and form widgets, and SVG and MathML, whose children a browser parses by
 * other rules than HTML's.
 */
const DROPPED_WHOLE = [
  ...['script', 'style', 'template', 'noscript', 'title', 'textarea', 'option', 'select', 'xmp'],
  ...['iframe', 'object', 'frameset', 'noembed', 'noframes', 'svg', 'math'],
];

const linkSchemes = new Set(LINK_SCHEMES.map((scheme) => `${scheme}:`));

/**
 * A link's attributes: the href as the URL standard reads it (what a browser would follow, so
 * spaces, tabs or entities cannot hide its scheme) when it is absolute and of LINK_SCHEMES; none
 * otherwise, leaving the text. A relative href is dropped too: it would point into the page
 * showing the ticket, not at the provider.
 */
function linkAttributes(href: string | undefined): sanitizeHtml.Attributes {
  if (href === undefined || !URL.canParse(href)) return {};
  const url = new URL(href);
  return linkSchemes.has(url.protocol) ? { href: url.href, rel: LINK_REL } : {};
}

/**
 * An image becomes its alt text in brackets, or nothing: loading a remote image would tell its
 * sender the reader's address and when the ticket was read, and `data:` images can carry SVG.
 */
function imageText(alt: string | undefined): sanitizeHtml.Tag {
  const text = alt?.trim();
  return text ? { tagName: 'span', attribs: {}, text: `[${text}]` } : { tagName: 'img', attribs: {} };
}

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [...SAFE_ELEMENTS],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WHOLE,
  transformTags: {
    a: (_name, attribs) => ({ tagName: 'a', attribs: linkAttributes(attribs.href) }),
    img: (_name, attribs) => imageText(attribs.alt),
  },
};

let loadedSanitizer: typeof sanitizeHtml | undefined;

/**
 * sanitize-html, loaded when the first HTML body is sanitised: it brings postcss (for style
 * attributes, which the policy never keeps) and its own copy of htmlparser2, which a gateway whose
 * clients never ask for `bodyHtml` or `bodyText` need not load at start.
 */
function sanitizer(): typeof sanitizeHtml {
  loadedSanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return loadedSanitizer;
}

/** HTML from an upstream, with only SAFE_ELEMENTS left; comments and every other attribute go. */
function sanitiseHtml(html: string): string {
  const counts: ElementCounts = { open: 0, seen: 0 };
  return sanitizer()(html, {
    ...POLICY,
    // What the parser has read, for boundedParsing.
    onOpenTag: () => {
      counts.open += 1;
      counts.seen += 1;
    },
    onCloseTag: () => {
      counts.open -= 1;
    },
    // sanitize-html requires htmlparser2's CommonJS build and types it so; this is the ES module
    // build of the same version, whose tokenizer the CommonJS parser drives alike.
    parser: boundedParsing(counts) as sanitizeHtml.IOptions['parser'],
  });
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Plain text as HTML that shows it: every special character escaped, each line break a `<br />`. */
function textAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!).replace(/\r\n?|\n/g, '<br />');
}

/** A body as HTML safe to put in a page, whichever format the provider wrote it in. */
export function safeHtmlOf(body: string, format: TextFormat): string {
  return format === 'HTML' ? sanitiseHtml(body) : textAsHtml(body);
}
