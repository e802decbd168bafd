import type { ProviderName } from '../domain/model.js';
import type { TenantOwner } from './types.js';

/** The primary tenant's credential per provider. Kapture's is sent as `Basic <key>`, so it is base64. */
export const SANDBOX_KEYS: Readonly<Record<ProviderName, string>> = {
  sweeppea: 'sandbox-sweeppea-primary',
  hostup: 'sandbox-hostup-primary',
  keliweb: 'sandbox-keliweb-primary',
  kapture: Buffer.from('sandbox:kapture-primary').toString('base64'),
};

/** A second tenant's credential per provider; it owns a few tickets of its own. */
export const SANDBOX_OTHER_KEYS: Readonly<Record<ProviderName, string>> = {
  sweeppea: 'sandbox-sweeppea-other',
  hostup: 'sandbox-hostup-other',
  keliweb: 'sandbox-keliweb-other',
  kapture: Buffer.from('sandbox:kapture-other').toString('base64'),
};

/** The tenant a credential belongs to, or undefined for an unknown credential. */
export function ownerOfKey(provider: ProviderName, key: string | undefined): TenantOwner | undefined {
  if (key === undefined) return undefined;
  if (key === SANDBOX_KEYS[provider]) return 'primary';
  if (key === SANDBOX_OTHER_KEYS[provider]) return 'other';
  return undefined;
}

/** The token of an `Authorization: <scheme> <token>` header, or undefined when absent or another scheme. */
export function authorizationToken(header: string | undefined, scheme: 'Bearer' | 'Basic'): string | undefined {
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header ?? '');
  if (!match || match[1]?.toLowerCase() !== scheme.toLowerCase()) return undefined;
  return match[2];
}
