import type { Tracer } from '@opentelemetry/api';
import {
  type OfferedProviders,
  type CircuitSnapshot,
  PROVIDER_NAMES,
  type ProviderName,
  type ProviderStatus,
  OFFERED_CAPABILITIES,
  type OfferedCapability,
} from '../domain/model.js';
import type { ListingFacts } from '../domain/ticket-list.js';
import type { ProviderSettings } from '../config.js';
import { type CatalogEntry, catalogListing, PROVIDER_CATALOG } from './catalog.js';
import { createUpstreamClient } from '../upstream/client.js';
import { createDisabledUpstream } from '../upstream/disabled.js';
import type { UpstreamClient, UpstreamObserver } from '../upstream/types.js';
import { createHostupProvider } from './hostup/index.js';
import { createKaptureProvider } from './kapture/index.js';
import { createKeliwebProvider } from './keliweb/index.js';
import { createPasswordGrantSource } from './credentials/password-grant.js';
import type { CredentialSource, Provider, ProviderDeps } from './provider.js';
import { createSweeppeaProvider } from './sweeppea/index.js';

/** How each provider's module is built: adding a provider is a folder, a catalog entry and a line here. */
export const PROVIDER_FACTORIES: Readonly<Record<ProviderName, (deps: ProviderDeps) => Provider>> = {
  sweeppea: createSweeppeaProvider,
  hostup: createHostupProvider,
  keliweb: createKeliwebProvider,
  kapture: createKaptureProvider,
};

export interface ProviderRegistryOptions {
  readonly providers: Readonly<Record<ProviderName, ProviderSettings>>;
  readonly upstream: {
    readonly timeoutMs: number;
    readonly queueTimeoutMs?: number;
    readonly retries?: number;
    readonly breaker?: { readonly failureThreshold: number; readonly coolDownMs: number };
  };
  /** Told of every upstream call of every provider (metrics, logs). */
  readonly observer?: UpstreamObserver;
  /** Makes a span of every upstream try, when tracing is on. */
  readonly tracer?: Tracer;
}

export interface RegisteredProvider {
  readonly provider: Provider;
  readonly enabled: boolean;
  /** The configured credential; undefined when every request must bring its own. */
  readonly credential: CredentialSource | undefined;
  /** What its list can filter by (the catalog's facts for its API); undefined when it cannot list. */
  readonly listing: ListingFacts | undefined;
  /** Where the provider's circuit breaker stands. */
  circuit(): CircuitSnapshot;
}

/** Every known provider, built once at start; disabled ones never reach the network. */
export interface ProviderRegistry {
  readonly entries: readonly RegisteredProvider[];
  get(name: ProviderName): RegisteredProvider;
  /** Every provider as the graph shows it, in `PROVIDER_NAMES` order. */
  readonly statuses: ReadonlyMap<ProviderName, ProviderStatus>;
  /** Closes every provider's pool; `abort` ends the calls in flight rather than waiting. */
  close(abort?: boolean): Promise<void>;
}

export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const names = PROVIDER_NAMES;
  const clients = names.map((name) => {
    const settings = options.providers[name];
    return settings.enabled && settings.baseUrl
      ? createUpstreamClient({
          provider: name,
          baseUrl: settings.baseUrl,
          timeoutMs: options.upstream.timeoutMs,
          ...(options.upstream.queueTimeoutMs !== undefined && { queueTimeoutMs: options.upstream.queueTimeoutMs }),
          ...(options.upstream.retries !== undefined && { retries: options.upstream.retries }),
          ...(options.upstream.breaker && { breaker: options.upstream.breaker }),
          maxConcurrency: settings.maxConcurrency,
          ...(options.observer && { observer: options.observer }),
          ...(options.tracer && { tracer: options.tracer }),
        })
      : createDisabledUpstream(name);
  });
  const entries = names.map((name, index): RegisteredProvider => {
    const settings = options.providers[name];
    const http = clients[index]!;
    const provider = PROVIDER_FACTORIES[name]({
      http,
      timezone: settings.timezone,
      maxBatch: settings.maxBatch,
      ...(settings.api !== undefined && { api: settings.api }),
    });
    return {
      provider,
      enabled: settings.enabled,
      credential: credentialSource(PROVIDER_CATALOG[name], settings, http),
      listing: provider.capabilities.listTickets ? catalogListing(name, settings.api) : undefined,
      circuit: () => http.circuit(),
    };
  });
  const byName = new Map(entries.map((entry) => [entry.provider.name, entry]));
  return {
    entries,
    get: (name) => byName.get(name)!,
    statuses: new Map(entries.map((entry) => [entry.provider.name, statusOf(entry)])),
    close: async (abort) => {
      await Promise.all(clients.map((client) => client.close(abort)));
    },
  };
}

function credentialSource(
  definition: CatalogEntry,
  settings: ProviderSettings,
  http: UpstreamClient,
): CredentialSource | undefined {
  if (settings.login && definition.oauthTokenPath) {
    return createPasswordGrantSource(http, {
      login: settings.login,
      path: definition.oauthTokenPath,
      displayName: definition.displayName,
    });
  }
  return settings.apiKey === undefined ? undefined : fixedCredential(settings.apiKey);
}

function statusOf({ provider, enabled, circuit }: RegisteredProvider): ProviderStatus {
  const { name, displayName, capabilities } = provider;
  return { name, displayName, enabled, capabilities, circuit };
}

/** A key that never changes: nothing to renew when the upstream refuses it. */
export function fixedCredential(apiKey: string): CredentialSource {
  return { current: async () => ({ secret: apiKey }), refused: () => false };
}

/** For each action (and the list), the enabled providers that can do it: what its field exists for. */
export function offeredProviders(registry: Pick<ProviderRegistry, 'entries'>): OfferedProviders {
  const can = (action: OfferedCapability) =>
    registry.entries
      .filter((entry) => entry.enabled && entry.provider.capabilities[action])
      .map((entry) => entry.provider.name);
  return Object.fromEntries(OFFERED_CAPABILITIES.map((action) => [action, can(action)])) as unknown as OfferedProviders;
}
