import { TicketGraphError, UpstreamError, UpstreamInvalidResponseError } from '../../domain/errors.js';
import type { ProviderName, Ticket } from '../../domain/model.js';
import { askedTicket } from './asked-ticket.js';

/**
 * For providers that read one ticket a call: every number at once (the upstream client holds
 * them to the provider's concurrency limit), each failure kept at its number's place so one bad
 * ticket never fails the others. A ticket whose number is not the one asked (in the canonical
 * form `parseNumber` gives) is UPSTREAM_INVALID_RESPONSE at that place.
 */
export function fetchEach(
  numbers: readonly string[],
  provider: ProviderName,
  parseNumber: (number: string) => string,
  readTicket: (number: string) => Promise<Ticket>,
): Promise<(Ticket | Error)[]> {
  return Promise.all(
    numbers.map((number) =>
      readTicket(number)
        .then((ticket) => askedTicket(ticket, number, parseNumber))
        .catch((error: unknown) => asError(error, provider)),
    ),
  );
}

/**
 * What was thrown while reading a provider, as a gateway error of that provider. A gateway error
 * passes as it is. Any other Error (a TypeError in a mapper) means a payload passed its schema
 * and still could not be read: the ticket is UPSTREAM_INVALID_RESPONSE at its own path, named
 * by the error's kind only, rather than a masked "Unexpected error". A non-Error throw is an
 * UPSTREAM_ERROR.
 */
export function asError(error: unknown, provider: ProviderName): TicketGraphError {
  if (error instanceof TicketGraphError) return error;
  if (error instanceof Error) {
    return new UpstreamInvalidResponseError(`The ${provider} answer could not be read (${error.name})`, {
      provider,
      cause: error,
    });
  }
  return new UpstreamError('The upstream call failed', { provider, cause: error });
}
