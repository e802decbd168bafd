import { BadUserInputError, UpstreamInvalidResponseError } from '../../domain/errors.js';
import type { Ticket } from '../../domain/model.js';

/**
 * The ticket, when it is the one asked for; else UPSTREAM_INVALID_RESPONSE for that ticket. An
 * upstream that answers another ticket (a broken or lying API, a proxy's mixed-up cache) must not
 * have it served, and cached, under the id that was asked for. Numbers compare in the provider's
 * canonical form (its `parseNumber`): `0042` is `42` at HostUp, `abc-1` is `ABC-1` at Keliweb.
 */
export function askedTicket(ticket: Ticket, asked: string, canonical: (number: string) => string): Ticket {
  const answered = canonicalOrNull(ticket.number, canonical);
  if (answered !== null && answered === canonicalOrNull(asked, canonical)) return ticket;
  throw new UpstreamInvalidResponseError(`The ${ticket.provider} answer for ticket ${asked} is another ticket`, {
    provider: ticket.provider,
  });
}

/** A number the provider could never have (parseNumber refuses it) matches nothing. */
function canonicalOrNull(number: string, canonical: (number: string) => string): string | null {
  try {
    return canonical(number);
  } catch (error) {
    if (error instanceof BadUserInputError) return null;
    throw error;
  }
}
