import { UpstreamError } from '../errors.js';
import type { ProviderName, Ticket } from '../model.js';

/**
 * For providers that read one ticket a call: every number at once (the upstream client holds
 * them to the provider's concurrency limit), each failure kept at its number's place so one bad
 * ticket never fails the others.
 */
export function fetchEach(
  numbers: readonly string[],
  provider: ProviderName,
  readTicket: (number: string) => Promise<Ticket>,
): Promise<(Ticket | Error)[]> {
  return Promise.all(numbers.map((number) => readTicket(number).catch((error: unknown) => asError(error, provider))));
}

/** What was thrown, as an Error: a non-Error throw becomes an UpstreamError of the provider. */
export function asError(error: unknown, provider: ProviderName): Error {
  return error instanceof Error ? error : new UpstreamError('The upstream call failed', { provider, cause: error });
}
