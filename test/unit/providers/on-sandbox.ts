import type { ProviderName } from '../../../src/domain/model.js';
import { PROVIDER_CATALOG } from '../../../src/providers/catalog.js';
import type { Provider } from '../../../src/providers/provider.js';
import { PROVIDER_FACTORIES } from '../../../src/providers/registry.js';
import type { Sandbox } from '../../../src/sandbox/index.js';
import { createUpstreamClient } from '../../../src/upstream/client.js';
import type { UpstreamClient } from '../../../src/upstream/types.js';

export interface OnSandboxOptions {
  /** `<PROVIDER>_API`, for a provider with several. */
  readonly api?: string;
  /** Calls in flight at once (4 unless given). */
  readonly maxConcurrency?: number;
  /** Tries after the first, for calls that may be sent again (the client's default unless given). */
  readonly retries?: number;
  readonly timeoutMs?: number;
}

/**
 * A provider as the registry builds it, over the real upstream client, pointed at a running
 * sandbox, in the provider's catalog zone. Close `http` when done.
 */
export function providerOnSandbox(
  sandbox: Sandbox,
  name: ProviderName,
  options: OnSandboxOptions = {},
): { readonly provider: Provider; readonly http: UpstreamClient } {
  const entry = PROVIDER_CATALOG[name];
  const http = createUpstreamClient({
    provider: name,
    baseUrl: sandbox.urls[name],
    timeoutMs: options.timeoutMs ?? 5_000,
    maxConcurrency: options.maxConcurrency ?? 4,
    ...(options.retries !== undefined && { retries: options.retries }),
  });
  const provider = PROVIDER_FACTORIES[name]({
    http,
    timezone: entry.timezone ?? 'UTC',
    maxBatch: entry.maxBatch ?? 1,
    ...(options.api !== undefined && { api: options.api }),
  });
  return { provider, http };
}
