import type { ProviderName } from '../domain/model.js';
import { createUpstreamClient } from '../upstream/client.js';
import { createDisabledUpstream } from '../upstream/disabled.js';
import type { BreakerSnapshot } from '../upstream/breaker.js';
import type { UpstreamClient, UpstreamObserver } from '../upstream/types.js';
import { createHostupProvider } from './hostup/index.js';
import { createKaptureProvider } from './kapture/index.js';
import { createKeliwebProvider } from './keliweb/index.js';
import { createPasswordGrantSource, type PasswordLogin } from './credentials/password-grant.js';
import type { CredentialSource, Provider, ProviderDeps } from './provider.js';
import { createSweeppeaProvider } from './sweeppea/index.js';

/** What the gateway knows of a provider before it is configured. */
export interface ProviderDefinition {
  readonly displayName: string;
  readonly create: (deps: ProviderDeps) => Provider;
  /** The public API; absent when every customer has its own host (Kapture's subdomains). */
  readonly baseUrl?: string;
  /** Zone of the provider's zone-less timestamps; absent when it sends UTC. */
  readonly timezone?: string;
  readonly maxConcurrency: number;
  /** Ids per upstream call, for providers that read tickets in batches (`<PROVIDER>_MAX_BATCH`). */
  readonly maxBatch?: number;
  /** The OAuth token endpoint, for providers whose Bearer tokens expire (`<PROVIDER>_OAUTH_*`). */
  readonly oauthTokenPath?: string;
}

/** One line a provider: adding a provider is a folder in src/providers/ and a line here. */
export const PROVIDER_DEFINITIONS: Readonly<Record<ProviderName, ProviderDefinition>> = {
  // docs/providers/sweeppea.md: each Sweeppea endpoint serves one request at a time across all callers.
  sweeppea: {
    displayName: 'Sweeppea',
    create: createSweeppeaProvider,
    baseUrl: 'https://api-v3.sweeppea.com',
    maxConcurrency: 1,
  },
  hostup: {
    displayName: 'HostUp',
    create: createHostupProvider,
    baseUrl: 'https://cloud.hostup.se',
    timezone: 'Europe/Stockholm',
    maxConcurrency: 8,
  },
  // docs/providers/keliweb.md: Keliweb's Bearer token is a Laravel Passport access token that lasts an hour.
  keliweb: {
    displayName: 'Keliweb',
    create: createKeliwebProvider,
    baseUrl: 'https://apiv2.keliweb.it',
    timezone: 'Europe/Rome',
    maxConcurrency: 8,
    oauthTokenPath: '/oauth/token',
  },
  kapture: {
    displayName: 'Kapture CRM',
    create: createKaptureProvider,
    timezone: 'Asia/Kolkata',
    maxConcurrency: 8,
    maxBatch: 20,
  },
};

/** A provider's settings once configuration is read. */
export interface ProviderSettings {
  readonly enabled: boolean;
  /** The server-side credential; a request may bring its own instead. */
  readonly apiKey: string | undefined;
  /** Instead of `apiKey`, for providers with `oauthTokenPath`: a login the gateway gets tokens with. */
  readonly login: PasswordLogin | undefined;
  readonly baseUrl: string | undefined;
  readonly timezone: string;
  readonly maxConcurrency: number;
  readonly maxBatch: number;
}

export interface RegistryOptions {
  readonly providers: Readonly<Record<ProviderName, ProviderSettings>>;
  readonly upstream: {
    readonly timeoutMs: number;
    readonly queueTimeoutMs?: number;
    readonly retries?: number;
    readonly breaker?: { readonly failureThreshold: number; readonly coolDownMs: number };
  };
  /** Told of every upstream call of every provider (metrics, logs). */
  readonly observer?: UpstreamObserver;
}

export interface RegisteredProvider {
  readonly provider: Provider;
  readonly enabled: boolean;
  /** The configured credential; undefined when every request must bring its own. */
  readonly credential: CredentialSource | undefined;
  /** Where the provider's circuit breaker stands. */
  circuit(): BreakerSnapshot;
}

/** Every known provider, built once at start; disabled ones never reach the network. */
export interface Registry {
  readonly entries: readonly RegisteredProvider[];
  get(name: ProviderName): RegisteredProvider;
  /** Closes every provider's pool; `abort` ends the calls in flight rather than waiting. */
  close(abort?: boolean): Promise<void>;
}

export function createRegistry(options: RegistryOptions): Registry {
  const names = Object.keys(PROVIDER_DEFINITIONS) as ProviderName[];
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
        })
      : createDisabledUpstream(name);
  });
  const entries = names.map((name, index): RegisteredProvider => {
    const settings = options.providers[name];
    const http = clients[index]!;
    const provider = PROVIDER_DEFINITIONS[name].create({
      http,
      timezone: settings.timezone,
      maxBatch: settings.maxBatch,
    });
    return {
      provider,
      enabled: settings.enabled,
      credential: credentialSource(PROVIDER_DEFINITIONS[name], settings, http),
      circuit: () => http.circuit(),
    };
  });
  const byName = new Map(entries.map((entry) => [entry.provider.name, entry]));
  return {
    entries,
    get: (name) => byName.get(name)!,
    close: async (abort) => {
      await Promise.all(clients.map((client) => client.close(abort)));
    },
  };
}

function credentialSource(
  definition: ProviderDefinition,
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

/** A key that never changes: nothing to renew when the upstream refuses it. */
export function fixedCredential(apiKey: string): CredentialSource {
  return { current: async () => ({ apiKey }), refused: () => false };
}

/** The enabled providers that can update tickets: what `Mutation.updateTicket` exists for. */
export function updatableProviders(registry: Pick<Registry, 'entries'>): ProviderName[] {
  return registry.entries
    .filter((entry) => entry.enabled && entry.provider.capabilities.updateTicket)
    .map((entry) => entry.provider.name);
}

/** Every provider whose module can update tickets, configured or not: the schema's widest form. */
export const PROVIDERS_THAT_CAN_UPDATE: readonly ProviderName[] = (
  Object.keys(PROVIDER_DEFINITIONS) as ProviderName[]
).filter(
  (name) =>
    PROVIDER_DEFINITIONS[name].create({ http: createDisabledUpstream(name), timezone: 'UTC', maxBatch: 1 }).capabilities
      .updateTicket,
);
