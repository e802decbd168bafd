import { PROVIDER_NAMES, type ProviderName } from '../domain/model.js';

/** Per-request upstream credentials, by provider; they override the configured ones. */
export type RequestCredentials = Readonly<Partial<Record<ProviderName, string>>>;

/** The header a request uses to bring its own credential, e.g. `X-Kapture-Api-Key`. */
export function credentialHeader(provider: ProviderName): string {
  return `X-${provider[0]!.toUpperCase()}${provider.slice(1)}-Api-Key`;
}

export function readRequestCredentials(headers: Headers): RequestCredentials {
  return Object.fromEntries(
    PROVIDER_NAMES.flatMap((name) => {
      const value = headers.get(credentialHeader(name))?.trim();
      return value ? [[name, value]] : [];
    }),
  );
}
