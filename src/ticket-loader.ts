import DataLoader from 'dataloader';
import { credentialHeader, type RequestCredentials } from './credentials.js';
import { ProviderDisabledError, UnauthenticatedError } from './errors.js';
import type { ProviderName, Ticket, TicketRef } from './model.js';
import { asError } from './providers/fetch-each.js';
import type { Credential, CredentialSource, Provider } from './providers/provider.js';
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
      const { provider, credential } = registry.get(name);
      const brought = credentials[name];
      const { batchRead, maxBatch } = provider.capabilities;
      loader = new DataLoader<string, Ticket>(
        async (numbers) => {
          if (brought !== undefined) return provider.fetchTickets(numbers, { apiKey: brought });
          if (credential === undefined) {
            const error = new UnauthenticatedError(
              `${provider.displayName} needs an API key: configure one or send the ${credentialHeader(name)} header`,
              { provider: name },
            );
            return numbers.map(() => error);
          }
          return fetchWithConfigured(provider, credential, numbers);
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

/**
 * Reads with the configured credential. When the upstream refuses it and its source can get
 * another (an expired OAuth token), the refused numbers are read once more with the new one.
 */
async function fetchWithConfigured(provider: Provider, source: CredentialSource, numbers: readonly string[]): Promise<(Ticket | Error)[]> {
  const first = await fetchWith(provider, source, numbers);
  const refused = numbers.filter((_, index) => first.results[index] instanceof UnauthenticatedError);
  if (!first.used || refused.length === 0 || !source.refused(first.used)) return first.results;
  const again = await fetchWith(provider, source, refused);
  return numbers.map((number, index) => {
    const at = refused.indexOf(number);
    return at === -1 ? first.results[index]! : again.results[at]!;
  });
}

/** One read with the source's current credential; a failure to get one fails every number. */
async function fetchWith(
  provider: Provider,
  source: CredentialSource,
  numbers: readonly string[],
): Promise<{ used?: Credential; results: (Ticket | Error)[] }> {
  let used: Credential;
  try {
    used = await source.current();
  } catch (error) {
    const failure = asError(error, provider.name);
    return { results: numbers.map(() => failure) };
  }
  try {
    return { used, results: await provider.fetchTickets(numbers, used) };
  } catch (error) {
    // A provider keeps failures at their numbers' places; should one throw anyway, every number
    // gets the gateway error rather than a masked one.
    const failure = asError(error, provider.name);
    return { used, results: numbers.map(() => failure) };
  }
}
