import { asError } from '../../domain/errors.js';
import type { ProviderName, Ticket } from '../../domain/model.js';
import { tracedBy } from '../../upstream/traced.js';
import type { UpstreamClient } from '../../upstream/types.js';
import type { Provider, ProviderDeps } from '../provider.js';
import { askedTicket } from './asked-ticket.js';
import { catalogFacts } from './catalog-facts.js';
import type { MapOptions } from './map-options.js';

/** How a provider that reads one ticket a call reads and maps one: see `oneTicketACallProvider`. */
export interface OneTicketReader<Answer> {
  readonly provider: ProviderName;
  /** The provider's `parseNumber`; an answer must be for the number asked, in this canonical form. */
  readonly parseNumber: (number: string) => string;
  /** The client's call for one ticket: its checked answer, or a thrown gateway error. */
  readonly read: (http: UpstreamClient, number: string, secret: string) => Promise<Answer>;
  /** The provider's mapper. */
  readonly toTicket: (answer: Answer, options: MapOptions) => Ticket;
}

/**
 * The reading part of a provider that reads one ticket a call: its catalog facts, its
 * `parseNumber`, and a `fetchTickets` that makes every call through the request's traced client
 * (so the request counts it), maps each answer in the provider's zone with the time it came, and
 * keeps each number's result or error in its place (`fetchEach`).
 */
export function oneTicketACallProvider<Answer>(
  deps: ProviderDeps,
  reader: OneTicketReader<Answer>,
): Pick<Provider, 'name' | 'displayName' | 'capabilities' | 'parseNumber' | 'fetchTickets'> {
  return {
    ...catalogFacts(reader.provider, deps),
    parseNumber: reader.parseNumber,
    fetchTickets(numbers, auth, trace) {
      const http = tracedBy(deps.http, trace);
      return fetchEach(numbers, reader.provider, reader.parseNumber, async (number) => {
        const answer = await reader.read(http, number, auth.secret);
        return reader.toTicket(answer, { timezone: deps.timezone, fetchedAt: new Date().toISOString() });
      });
    },
  };
}

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
