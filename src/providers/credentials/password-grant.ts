import { z } from 'zod';
import type { PasswordLogin } from '../../config.js';
import { errorForUpstreamStatus, UnauthenticatedError } from '../../domain/errors.js';
import type { UpstreamClient } from '../../upstream/types.js';
import type { Credential, CredentialSource } from '../provider.js';
import { shapeError } from '../kit/shape-error.js';

export interface PasswordGrantOptions {
  readonly login: PasswordLogin;
  /** The token endpoint under the provider's base URL, e.g. `/oauth/token`. */
  readonly path: string;
  readonly displayName: string;
  readonly now?: () => number;
}

/** RFC 6749 §5.1. `expires_in` may come as a string from PHP back ends. */
const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});
/** RFC 6749 §5.2's error codes are short ASCII words, safe to name in a message. */
const oauthErrorCode = z.object({ error: z.string().regex(/^[a-z_]{1,40}$/) });

/** Lifetime assumed when the answer has no `expires_in`: docs/providers/keliweb.md, Keliweb's is one hour. */
const DEFAULT_LIFETIME_SECONDS = 3600;
/** Renew this long before expiry, so a token never runs out between check and use. */
const RENEW_EARLY_MS = 60_000;

interface Token {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly renewAt: number;
}

/**
 * Access tokens for a provider whose Bearer tokens expire (docs/providers/keliweb.md: Keliweb's last an hour,
 * its refresh tokens ten days). Gets one with the password grant, renews it with its refresh
 * token before it expires (falling back to the password grant when the refresh token is
 * refused), and shares one renewal among all the requests that need it at once.
 */
export function createPasswordGrantSource(http: UpstreamClient, options: PasswordGrantOptions): CredentialSource {
  const now = options.now ?? Date.now;
  const { login, displayName } = options;
  let token: Token | undefined;
  let pending: Promise<Token> | undefined;

  async function grant(fields: Record<string, string>): Promise<Token> {
    const response = await http.request({
      method: 'POST',
      path: options.path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, client_id: login.clientId, client_secret: login.clientSecret }).toString(),
    });
    const details = { provider: http.provider, upstreamStatus: response.status } as const;
    if (response.status === 400 || response.status === 401) {
      const code = oauthErrorCode.safeParse(response.body);
      const why = code.success ? ` (${code.data.error})` : '';
      throw new UnauthenticatedError(`${displayName} refused the configured OAuth login${why}`, details);
    }
    if (response.status < 200 || response.status >= 300) {
      throw errorForUpstreamStatus(response.status, `${displayName} could not issue an access token`, details);
    }
    const parsed = tokenAnswer.safeParse(response.body);
    if (!parsed.success) throw shapeError(`${displayName} answered the token request`, parsed.error, details);
    const lifetimeMs = (parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      renewAt: now() + Math.max(lifetimeMs / 2, lifetimeMs - RENEW_EARLY_MS),
    };
  }

  async function renew(previous: Token | undefined): Promise<Token> {
    const passwordGrant = () =>
      grant({ grant_type: 'password', username: login.username, password: login.password, scope: '' });
    if (!previous?.refreshToken) return passwordGrant();
    try {
      return await grant({ grant_type: 'refresh_token', refresh_token: previous.refreshToken, scope: '' });
    } catch (error) {
      // A refused refresh token (expired, revoked, already used) is replaced by a new login;
      // a transport failure is not a reason to send the password again.
      if (error instanceof UnauthenticatedError) return passwordGrant();
      throw error;
    }
  }

  return {
    async current(): Promise<Credential> {
      if (token && now() < token.renewAt) return { secret: token.accessToken };
      pending ??= renew(token).finally(() => {
        pending = undefined;
      });
      token = await pending;
      return { secret: token.accessToken };
    },
    refused(stale) {
      // Another request may already have renewed it; only the token refused is dropped.
      if (token?.accessToken === stale.secret) token = { ...token, renewAt: 0 };
      return true;
    },
  };
}
