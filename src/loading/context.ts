import { readRequestCredentials } from './credentials.js';
import type { Registry } from '../providers/registry.js';
import { createTicketLoader, type LoaderTelemetry, type TicketLoader } from './ticket-loader.js';

/** What every resolver of one request sees; made fresh for each request. */
export interface Context {
  readonly registry: Registry;
  readonly tickets: TicketLoader;
}

export function createContext(registry: Registry, request: Request, telemetry?: LoaderTelemetry): Context {
  return { registry, tickets: createTicketLoader(registry, readRequestCredentials(request.headers), telemetry) };
}
