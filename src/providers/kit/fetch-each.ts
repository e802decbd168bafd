import { asError } from '../../domain/errors.js';
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
