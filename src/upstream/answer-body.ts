import type { Dispatcher } from 'undici';
import { type TicketGraphError, UpstreamInvalidResponseError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';
import { type ByteBudget, RequestBudgetSpentError } from './byte-budget.js';
import { AnswerTooLargeError } from './errors.js';
import { hasMoreContainersThan } from './json-containers.js';

/**
 * Most objects and arrays one answer may hold: a ticket with a thousand replies has a few
 * thousand, a Kapture batch of a hundred tickets tens of thousands.
 */
const MAX_JSON_CONTAINERS = 100_000;
const SCAN_FROM_CHARS = 256 * 1024;

export interface ReadLimits {
  /** The largest body of one answer. */
  readonly maxBytes: number;
  readonly provider: ProviderName;
  /** What the request the answer is read for may still read. */
  readonly bytes: ByteBudget | undefined;
}

/**
 * The body as text, refused once it passes `maxBytes` or the request's budget, never buffered
 * first. A stated length (`declared`: undici never reads past it) is checked and taken from the
 * budget before a byte is read, so of several answers streaming at once those that fit are read
 * whole, rather than all of them cut halfway; a body of unstated length takes each chunk.
 */
export async function readCapped(
  body: Dispatcher.ResponseData['body'],
  declared: number | undefined,
  { maxBytes, provider, bytes }: ReadLimits,
): Promise<string> {
  const refuse = (error: TicketGraphError): never => {
    // Destroyed before it is read, the body emits its abort as an error: with no listener, an
    // uncaught exception.
    body.on('error', () => undefined);
    body.destroy();
    throw error;
  };
  const tooLarge = () =>
    new AnswerTooLargeError(`${provider} answered with a body over ${maxBytes} bytes`, { provider });
  const spent = () => new RequestBudgetSpentError(provider, bytes!.limit);
  if (declared !== undefined) {
    if (declared > maxBytes) refuse(tooLarge());
    if (bytes !== undefined && !bytes.take(declared)) refuse(spent());
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) refuse(tooLarge());
    if (declared === undefined && bytes !== undefined && !bytes.take(chunk.length)) refuse(spent());
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The body decides, not the content type: Kapture serves its JSON as `text/html`
 * (docs/providers/kapture.md), so a JSON body under any type is read, and anything else on a
 * success is an invalid response.
 *
 * The JSON body, or `undefined` when empty. A non-JSON body is invalid on a success, but on an
 * error status it is a proxy's or server's error page: the status is what the provider must
 * read, so the page is dropped rather than turning a retryable 502 into an invalid response.
 */
export function parseJson(text: string, status: number, provider: ProviderName): unknown {
  if (text.trim() === '') return undefined;
  // A short text cannot hold enough objects to matter (256 KiB of `{},` is under 90,000); a
  // longer one is scanned first, so that its parse cannot take the heap.
  if (text.length > SCAN_FROM_CHARS && hasMoreContainersThan(text, MAX_JSON_CONTAINERS)) {
    throw new AnswerTooLargeError(
      `${provider} answered with more than ${MAX_JSON_CONTAINERS} JSON objects and arrays`,
      {
        provider,
        upstreamStatus: status,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (status < 200 || status >= 300) return undefined;
    throw new UpstreamInvalidResponseError(`${provider} answered HTTP ${status} with a body that is not JSON`, {
      provider,
      upstreamStatus: status,
      cause,
    });
  }
}
