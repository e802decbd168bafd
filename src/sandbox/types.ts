import type { ProviderName } from '../domain/model.js';

/** Which tenant of a simulated provider owns a ticket or holds a key. */
export type TenantOwner = 'primary' | 'other';

export interface SandboxOptions {
  /** Interface every simulator listens on. Default `127.0.0.1`. */
  host?: string;
  /** Delay before each provider answers, in milliseconds. Default 0 for every provider. */
  latencyMs?: Partial<Record<ProviderName, number>>;
  /**
   * Copies of the primary tenant's seeded tickets to add to every provider, under new numbers,
   * for load tests that need more distinct tickets than the primary tenant's 26 seeded ones. Default 0.
   */
  copies?: number;
  /**
   * Whether providers enforce their documented concurrency limits (Sweeppea answers a second
   * concurrent call with 503). Default true; the fan-out benchmark lifts them to show what the
   * gateway does where a provider allows more.
   */
  concurrencyLimits?: boolean;
}

export interface RecordedRequest {
  provider: ProviderName;
  method: string;
  /** Raw URL path and query as received. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Raw body as text (at most the first 1 MiB). */
  body: string;
  receivedAt: number;
}

/** Answer calls with the provider's documented error body for `status`. */
export interface StatusFault {
  status: number;
  /** Seconds sent in `Retry-After` (and HostUp's `retryAfter`) when `status` is 429. Default 1. */
  retryAfter?: number;
  /**
   * The error body's code, where the provider's has one (HostUp's, e.g. `route_not_found` for a
   * v2 route it lacks; Kapture's failure message, e.g. `Invalid Auth Key`). Default: the
   * documented code for `status`.
   */
  code?: string;
  /**
   * The HTTP status the error body goes out with, where it is not `status`: a provider whose body
   * names the failure whatever the status says (Sweeppea's `Response: false`, HostUp's legacy
   * `success: false`) may send a refusal with 200. 200 to 599. Default: `status`.
   */
  httpStatus?: number;
  /** Answer only the next `times` calls so, then serve normally again. Default: until cleared. */
  times?: number;
  /**
   * Only calls whose path (query left out) matches, e.g. `/\/actions\/close$/`; the others are
   * served as usual and do not count against `times`. Default: every call.
   */
  path?: RegExp;
}

/**
 * Misbehave below the API: `reset` drops the connection once the request is read; `stall` sends
 * 200 and the start of a body, then nothing; `malformed-json` a 200 whose JSON is cut off;
 * `html-page` a 200 maintenance page in HTML; `huge-body` a 200 JSON body of `bytes` (default
 * 50 MB), streamed, never held in memory.
 */
export interface TransportFault {
  kind: 'reset' | 'stall' | 'malformed-json' | 'html-page' | 'huge-body';
  bytes?: number;
  times?: number;
  /** Only calls whose path matches, as StatusFault's `path`. */
  path?: RegExp;
}

export type SandboxFault = StatusFault | TransportFault;

export interface Sandbox {
  /** Base URL per provider, e.g. `http://127.0.0.1:39123`; each provider has its own port. */
  readonly urls: Record<ProviderName, string>;
  /** The primary tenant's credential per provider. */
  readonly keys: Record<ProviderName, string>;
  /** A second tenant's credential; it owns a few tickets of its own. */
  readonly otherKeys: Record<ProviderName, string>;
  /** Every request received since the last reset, in order of arrival. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Whether `requests` keeps what arrives (default true); counts are kept either way. A load
   * test turns it off so the sandbox's memory, and its GC, stay flat over a run.
   */
  keepRequests(on: boolean): void;
  /** How many requests that provider received since the last reset. */
  calls(provider: ProviderName): number;
  /** The user-visible numbers seeded for that owner (default `primary`). */
  ticketNumbers(provider: ProviderName, owner?: TenantOwner): string[];
  setLatency(provider: ProviderName, ms: number): void;
  /** Holds the provider's answers (calls are still received) until the returned function is called, or a reset. */
  hold(provider: ProviderName): () => void;
  setFault(provider: ProviderName, fault: SandboxFault | null): void;
  /** Ends every OAuth access token the provider issued, as the passing of their hour would. */
  expireAccessTokens(provider: ProviderName): void;
  /** Clears recorded requests and faults, restores latencies to the options and the seeded data. */
  reset(): void;
  /** Stops every simulator; calling it again waits for the same close. */
  close(): Promise<void>;
  /** `close()`, for `await using sandbox = await startSandbox()`. */
  [Symbol.asyncDispose](): Promise<void>;
}
