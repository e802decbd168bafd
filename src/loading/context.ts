import type { ProviderName, ProviderStatus } from '../domain/model.js';
import { readRequestCredentials } from './credentials.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { createTicketLoader, type LoaderTelemetry, type TicketLoader } from './ticket-loader.js';

/** What every resolver of one request sees; made fresh for each request. */
export interface Context {
  /** Every provider, enabled or not, as the graph shows it. */
  readonly providers: ReadonlyMap<ProviderName, ProviderStatus>;
  readonly tickets: TicketLoader;
}

export function createContext(registry: ProviderRegistry, request: Request, telemetry?: LoaderTelemetry): Context {
  return {
    providers: registry.statuses,
    tickets: createTicketLoader(registry, readRequestCredentials(request.headers), telemetry),
  };
}
