import {
  type OfferedProviders,
  PROVIDER_NAMES,
  type ProviderCapabilities,
  type ProviderName,
  OFFERED_CAPABILITIES,
  type OfferedCapability,
} from '../domain/model.js';
import type { ListingFacts } from '../domain/ticket-list.js';

/** What a provider's API lets the gateway do, before any configuration (`maxBatch` is configured). */
export type CatalogCapabilities = Omit<ProviderCapabilities, 'maxBatch'>;

/**
 * What the gateway knows of a provider before any is configured, as plain data: its name as
 * people write it, what its API lets the gateway do, and the defaults its configuration starts
 * from. The graph layer and the configuration read providers through this alone; a provider's
 * module takes its display name and capabilities from here, so each is written once.
 */
export interface CatalogEntry {
  /** The provider's name as people write it, e.g. `Kapture CRM`. */
  readonly displayName: string;
  /** What its (default) API lets the gateway do. */
  readonly capabilities: CatalogCapabilities;
  /**
   * For a provider with more than one API (`<PROVIDER>_API`): each API's name and what it changes
   * in `capabilities`; the first is the default.
   */
  readonly apis?: readonly {
    readonly name: string;
    readonly capabilities: Partial<CatalogCapabilities>;
    readonly listing?: ListingFacts;
  }[];
  /** What its (default) API's list can filter by, where `capabilities.listTickets` is true. */
  readonly listing?: ListingFacts;
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

const READ_ONLY: CatalogCapabilities = {
  updateTicket: false,
  replyToTicket: false,
  closeTicket: false,
  reopenTicket: false,
  listTickets: false,
  batchRead: false,
};

/** One entry a provider: adding one is a folder in src/providers/, an entry here, a factory in registry.ts. */
export const PROVIDER_CATALOG: Readonly<Record<ProviderName, CatalogEntry>> = {
  // docs/providers/sweeppea.md: each Sweeppea endpoint serves one request at a time across all callers.
  sweeppea: {
    displayName: 'Sweeppea',
    // `/tickets/update` and `/tickets/resolve`; no reply and no reopen (docs/providers/sweeppea.md, Writes).
    capabilities: { ...READ_ONLY, updateTicket: true, closeTicket: true, listTickets: true },
    // fetchOpenTickets and fetchClosedTickets, with `search` (docs/providers/sweeppea.md, Lists).
    listing: { filters: ['state', 'search'] },
    baseUrl: 'https://api-v3.sweeppea.com',
    maxConcurrency: 1,
  },
  hostup: {
    displayName: 'HostUp',
    // The legacy API reads one ticket a call and has no write endpoints; v2 adds messages and
    // the close and reopen actions, and lists tickets (docs/providers/hostup.md).
    capabilities: READ_ONLY,
    apis: [
      { name: 'legacy', capabilities: {} },
      {
        name: 'v2',
        capabilities: { replyToTicket: true, closeTicket: true, reopenTicket: true, listTickets: true },
        // Cursor pages with a status filter (docs/providers/hostup.md, Lists).
        listing: { filters: ['state'] },
      },
    ],
    baseUrl: 'https://cloud.hostup.se',
    timezone: 'Europe/Stockholm',
    maxConcurrency: 8,
  },
  // docs/providers/keliweb.md: Keliweb's Bearer token is a Laravel Passport access token that lasts an hour.
  keliweb: {
    displayName: 'Keliweb',
    // `add-ticket-reply`; no update, close or list method is documented (docs/providers/keliweb.md, Writes).
    capabilities: { ...READ_ONLY, replyToTicket: true },
    baseUrl: 'https://apiv2.keliweb.it',
    timezone: 'Europe/Rome',
    maxConcurrency: 8,
    oauthTokenPath: '/oauth/token',
  },
  kapture: {
    displayName: 'Kapture CRM',
    // `update-ticket-from-other-source` sets the sub-status and adds a comment, never the title
    // (docs/providers/kapture.md, Writes): reply, close and reopen, not update.
    capabilities: {
      ...READ_ONLY,
      replyToTicket: true,
      closeTicket: true,
      reopenTicket: true,
      listTickets: true,
      batchRead: true,
    },
    // The pull by creation date, a day a call (docs/providers/kapture.md, Lists): the dates are required.
    listing: {
      filters: ['state', 'createdAfter', 'createdBefore'],
      requires: ['createdAfter', 'createdBefore'],
      maxCreatedSpanDays: 31,
    },
    timezone: 'Asia/Kolkata',
    maxConcurrency: 8,
    maxBatch: 20,
  },
};

/** What `name` can do through `api` (its default API when not given or unknown). */
export function catalogCapabilities(name: ProviderName, api?: string): CatalogCapabilities {
  const entry = PROVIDER_CATALOG[name];
  const chosen = entry.apis?.find((candidate) => candidate.name === api) ?? entry.apis?.[0];
  return { ...entry.capabilities, ...chosen?.capabilities };
}

/** What `name`'s list can filter by through `api` (its default API when not given or unknown). */
export function catalogListing(name: ProviderName, api?: string): ListingFacts | undefined {
  const entry = PROVIDER_CATALOG[name];
  const chosen = entry.apis?.find((candidate) => candidate.name === api) ?? entry.apis?.[0];
  return chosen?.listing ?? entry.listing;
}

/** Every list a provider's APIs offer, with the API it needs (undefined: its only or default one). */
export function catalogListings(): readonly {
  readonly name: ProviderName;
  readonly api: string | undefined;
  readonly facts: ListingFacts;
}[] {
  return PROVIDER_NAMES.flatMap((name) => {
    const entry = PROVIDER_CATALOG[name];
    return [
      ...(entry.listing ? [{ name, api: undefined, facts: entry.listing }] : []),
      ...(entry.apis ?? []).flatMap((api) => (api.listing ? [{ name, api: api.name, facts: api.listing }] : [])),
    ];
  });
}

/** Whether some API of `name` can do `action`. */
function canEver(name: ProviderName, action: OfferedCapability): boolean {
  const entry = PROVIDER_CATALOG[name];
  return entry.capabilities[action] || (entry.apis ?? []).some((api) => api.capabilities[action] === true);
}

const byAction = (can: (name: ProviderName, action: OfferedCapability) => boolean) =>
  Object.fromEntries(
    OFFERED_CAPABILITIES.map((action) => [action, PROVIDER_NAMES.filter((name) => can(name, action))]),
  ) as unknown as OfferedProviders;

/**
 * For each action (and the list), every provider some API of which can do it, configured or not: the schema's
 * widest form (schema.graphql, codegen's input), which a configuration narrows.
 */
export const PROVIDERS_THAT_CAN: OfferedProviders = byAction(canEver);

/** For each action (and the list), the providers that can do it through their default APIs: what the sandbox serves. */
export const PROVIDERS_THAT_CAN_BY_DEFAULT: OfferedProviders = byAction(
  (name, action) => catalogCapabilities(name)[action],
);
