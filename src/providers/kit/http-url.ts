/**
 * An upstream link as the gateway gives it out: only an absolute http(s) URL, written as one
 * (`http://` or `https://` and a host), so a `javascript:`
 * or `data:` link, or a bare path, never reaches a frontend (it stays in `raw`). The answer is the
 * URL as parsed (WHATWG `href`): scheme and host lower-cased, and spaces, quotes and angle brackets
 * percent-encoded, so what leaves is the address a browser would request and holds nothing that
 * could break out of an attribute. Every link in the providers' documented payloads and in the
 * sandbox's seeds is already in that form and passes unchanged.
 */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // Written as an absolute URL: the parser would also make one of `http:x.com` or `https:\\evil.com`.
  if (!ABSOLUTE_HTTP.test(text) || !URL.canParse(text)) return null;
  return new URL(text).href;
}

const ABSOLUTE_HTTP = /^https?:\/\/[^/\\]/i;

/**
 * A file name for an attachment known only by its link (docs/providers/sweeppea.md `Files`,
 * docs/providers/kapture.md `attachments`): the last path segment that is not blank, percent-decoded
 * (kept as written where it is not valid percent-encoding) and trimmed; the link itself when its
 * path names nothing (`https://host/`, `https://host/?id=7`), so a file with a working link is
 * listed rather than dropped.
 */
export function lastSegment(url: string): string {
  const segments = new URL(url).pathname
    .split('/')
    .map((segment) => decoded(segment).trim())
    .filter((segment) => segment !== '');
  return segments.at(-1) ?? url;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
