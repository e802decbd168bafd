import type { ProviderName, ProviderStatus } from '../domain/model.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { readRequestCredentials } from './credentials.js';
import type { IdempotencyStore } from './idempotency.js';
import { createTicketLoader, type LoaderTelemetry, type TicketLoader } from './ticket-loader.js';

/** What every resolver of one request sees; made fresh for each request. */
export interface Context {
  /** Every provider, enabled or not, as the graph shows it. */
  readonly providers: ReadonlyMap<ProviderName, ProviderStatus>;
  readonly tickets: TicketLoader;
}

/** What the process shares between requests' contexts. */
export interface SharedState {
  readonly idempotency: IdempotencyStore;
  /** The HMAC key that fingerprints callers (`SHARED_STATE_SECRET`). */
  readonly secret: string;
}

export function createContext(
  registry: ProviderRegistry,
  request: Request,
  shared: SharedState,
  telemetry: Omit<LoaderTelemetry, 'idempotency' | 'cursorSecret'> = {},
): Context {
  const idempotency = { store: shared.idempotency, secret: shared.secret, gatewayKey: gatewayKeyOf(request) };
  return {
    providers: registry.statuses,
    tickets: createTicketLoader(registry, readRequestCredentials(request.headers), {
      ...telemetry,
      idempotency,
      cursorSecret: shared.secret,
    }),
  };
}

/** The gateway key a request presents (`Authorization: Bearer`), which useGatewayAuth has checked when keys are set. */
function gatewayKeyOf(request: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}
