import { PROVIDER_NAMES, type ProviderName } from '../domain/model.js';

/**
 * What the gateway knows of a provider before any is configured, as plain data: its name as
 * people write it, what its API lets the gateway do, and the defaults its configuration starts
 * from. The graph layer and the configuration read providers through this alone; a provider's
 * module takes its display name and capabilities from here, so each is written once.
 */
export interface CatalogEntry {
  /** The provider's name as people write it, e.g. `Kapture CRM`. */
  readonly displayName: string;
  /** The provider has a write API the gateway updates tickets through. */
  readonly updateTicket: boolean;
  /** One upstream call can read several tickets. */
  readonly batchRead: boolean;
  /** The public API; absent when every customer has its own host (Kapture's subdomains). */
  readonly baseUrl?: string;
  /** Zone of the provider's zone-less timestamps; absent when it sends UTC. */
  readonly timezone?: string;
  /** Calls in flight at once, by default (`<PROVIDER>_MAX_CONCURRENCY`). */
  readonly maxConcurrency: number;
  /** Ids per upstream call, for providers that read tickets in batches (`<PROVIDER>_MAX_BATCH`). */
  readonly maxBatch?: number;
  /** The OAuth token endpoint, for providers whose Bearer tokens expire (`<PROVIDER>_OAUTH_*`). */
  readonly oauthTokenPath?: string;
}

/** One entry a provider: adding one is a folder in src/providers/, an entry here, a factory in registry.ts. */
export const PROVIDER_CATALOG: Readonly<Record<ProviderName, CatalogEntry>> = {
  // docs/providers/sweeppea.md: each Sweeppea endpoint serves one request at a time across all callers.
  sweeppea: {
    displayName: 'Sweeppea',
    updateTicket: true,
    batchRead: false,
    baseUrl: 'https://api-v3.sweeppea.com',
    maxConcurrency: 1,
  },
  hostup: {
    displayName: 'HostUp',
    updateTicket: false,
    batchRead: false,
    baseUrl: 'https://cloud.hostup.se',
    timezone: 'Europe/Stockholm',
    maxConcurrency: 8,
  },
  // docs/providers/keliweb.md: Keliweb's Bearer token is a Laravel Passport access token that lasts an hour.
  keliweb: {
    displayName: 'Keliweb',
    updateTicket: false,
    batchRead: false,
    baseUrl: 'https://apiv2.keliweb.it',
    timezone: 'Europe/Rome',
    maxConcurrency: 8,
    oauthTokenPath: '/oauth/token',
  },
  kapture: {
    displayName: 'Kapture CRM',
    updateTicket: false,
    batchRead: true,
    timezone: 'Asia/Kolkata',
    maxConcurrency: 8,
    maxBatch: 20,
  },
};

/** Every provider whose module can update tickets, configured or not: the schema's widest form. */
export const PROVIDERS_THAT_CAN_UPDATE: readonly ProviderName[] = PROVIDER_NAMES.filter(
  (name) => PROVIDER_CATALOG[name].updateTicket,
);
