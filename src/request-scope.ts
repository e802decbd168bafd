import { AsyncLocalStorage } from 'node:async_hooks';
import type { ProviderName } from './model.js';

/** What the gateway keeps of one HTTP request while it is handled, for its log lines. */
export interface RequestScope {
  readonly requestId: string;
  /** Upstream tries made for this request so far, by provider. */
  readonly upstreamCalls: Partial<Record<ProviderName, number>>;
}

/**
 * The request a piece of work is for. The upstream clients are shared by every request, so the
 * one a call belongs to is found from where the call runs, not passed down through the providers.
 */
const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
