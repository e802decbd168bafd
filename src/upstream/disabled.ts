import { ProviderDisabledError } from '../domain/errors.js';
import type { ProviderName } from '../domain/model.js';
import { CLOSED_CIRCUIT } from './breaker.js';
import type { UpstreamClient } from './types.js';

/** The client of a provider that is not enabled: it refuses every call without any I/O. */
export function createDisabledUpstream(provider: ProviderName): UpstreamClient {
  return {
    provider,
    request: () =>
      Promise.reject(new ProviderDisabledError(`${provider} is not enabled on this gateway`, { provider })),
    circuit: () => CLOSED_CIRCUIT,
    close: () => Promise.resolve(),
    [Symbol.asyncDispose]: () => Promise.resolve(),
  };
}
