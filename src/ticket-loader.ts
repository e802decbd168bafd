import DataLoader from 'dataloader';
import { credentialHeader, type RequestCredentials } from './credentials.js';
import { ProviderDisabledError, UnauthenticatedError } from './errors.js';
import type { ProviderName, Ticket, TicketRef } from './model.js';
import type { Registry } from './providers/registry.js';

/** Reads tickets for one request: one DataLoader per provider, made on first use. */
export interface TicketLoader {
  /** Checks the ref, then loads it; the same ticket asked for twice is fetched once. */
  load(ref: TicketRef): Promise<Ticket>;
  /** Stores a ticket the request already holds, e.g. one an update returned. */
  prime(ticket: Ticket): void;
}

export function createTicketLoader(registry: Registry, credentials: RequestCredentials): TicketLoader {
  const loaders = new Map<ProviderName, DataLoader<string, Ticket>>();

  function loaderFor(name: ProviderName): DataLoader<string, Ticket> {
    let loader = loaders.get(name);
    if (!loader) {
      const { provider, apiKey } = registry.get(name);
      const key = credentials[name] ?? apiKey;
      const { batchRead, maxBatch } = provider.capabilities;
      loader = new DataLoader<string, Ticket>(
        async (numbers) => {
          if (key === undefined) {
            const error = new UnauthenticatedError(
              `${provider.displayName} needs an API key: configure one or send the ${credentialHeader(name)} header`,
              { provider: name },
            );
            return numbers.map(() => error);
          }
          return provider.fetchTickets(numbers, { apiKey: key });
        },
        // Non-batch providers take every number of a tick in one call and fan out themselves,
        // under the upstream client's concurrency limit.
        { maxBatchSize: batchRead ? maxBatch : Infinity },
      );
      loaders.set(name, loader);
    }
    return loader;
  }

  return {
    async load(ref) {
      const entry = registry.get(ref.provider);
      if (!entry.enabled) {
        throw new ProviderDisabledError(`${entry.provider.displayName} is not enabled on this gateway`, {
          provider: ref.provider,
        });
      }
      return loaderFor(ref.provider).load(entry.provider.parseNumber(ref.number));
    },
    prime(ticket) {
      loaderFor(ticket.provider).clear(ticket.number).prime(ticket.number, ticket);
    },
  };
}
