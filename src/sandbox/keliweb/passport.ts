import { randomBytes } from 'node:crypto';
import type { PasswordLogin } from '../../config.js';
import type { SandboxReply } from '../simulator.js';
import type { TenantOwner } from '../types.js';

/** The sandbox's OAuth client and accounts, one a tenant. */
export const SANDBOX_KELIWEB_LOGINS: Readonly<Record<TenantOwner, PasswordLogin>> = {
  primary: {
    clientId: '7',
    clientSecret: 'sandbox-keliweb-client-secret',
    username: 'reseller@sandbox.keliweb.test',
    password: 'sandbox-primary',
  },
  other: {
    clientId: '7',
    clientSecret: 'sandbox-keliweb-client-secret',
    username: 'other@sandbox.keliweb.test',
    password: 'sandbox-other',
  },
};

/** docs/providers/keliweb.md: an access token lasts one hour, its refresh token ten days. */
const ACCESS_SECONDS = 3600;
const REFRESH_SECONDS = 10 * 24 * 3600;

interface Grant {
  readonly owner: TenantOwner;
  readonly expiresAt: number;
}

/** Laravel Passport's OAuth error document (league/oauth2-server). */
const oauthError = (status: number, error: string, description: string, hint?: string): SandboxReply => ({
  status,
  body: { error, error_description: description, ...(hint && { hint }), message: description },
});

/**
 * Keliweb's `POST /oauth/token` as Laravel Passport answers it: the password grant and the
 * refresh-token grant, tokens that expire, refresh tokens that are used once.
 */
export class Passport {
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The answer to a token request with these form fields. */
  token(fields: ReadonlyMap<string, string>): SandboxReply {
    const client = SANDBOX_KELIWEB_LOGINS.primary;
    if (fields.get('client_id') !== client.clientId || fields.get('client_secret') !== client.clientSecret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    switch (fields.get('grant_type')) {
      case 'password':
        return this.passwordGrant(fields);
      case 'refresh_token':
        return this.refreshGrant(fields);
      default:
        return oauthError(
          400,
          'unsupported_grant_type',
          'The authorization grant type is not supported by the authorization server.',
        );
    }
  }

  /** The tenant an unexpired access token belongs to. */
  ownerOf(token: string | undefined): TenantOwner | undefined {
    const grant = token === undefined ? undefined : this.access.get(token);
    return grant && grant.expiresAt > this.now() ? grant.owner : undefined;
  }

  /** Ends every access token now, as the passing of an hour would; refresh tokens stay good. */
  expireAccessTokens(): void {
    this.access.clear();
  }

  reset(): void {
    this.access.clear();
    this.refresh.clear();
  }

  private passwordGrant(fields: ReadonlyMap<string, string>): SandboxReply {
    const owner = (Object.keys(SANDBOX_KELIWEB_LOGINS) as TenantOwner[]).find(
      (tenant) =>
        SANDBOX_KELIWEB_LOGINS[tenant].username === fields.get('username') &&
        SANDBOX_KELIWEB_LOGINS[tenant].password === fields.get('password'),
    );
    if (!owner) return oauthError(400, 'invalid_grant', 'The user credentials were incorrect.');
    return this.issue(owner);
  }

  private refreshGrant(fields: ReadonlyMap<string, string>): SandboxReply {
    const token = fields.get('refresh_token') ?? '';
    const grant = this.refresh.get(token);
    // A refresh token is revoked once used, as Passport does.
    this.refresh.delete(token);
    if (!grant || grant.expiresAt <= this.now()) {
      return oauthError(400, 'invalid_grant', 'The refresh token is invalid.', 'Token has been revoked');
    }
    return this.issue(grant.owner);
  }

  private issue(owner: TenantOwner): SandboxReply {
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    this.access.set(accessToken, { owner, expiresAt: this.now() + ACCESS_SECONDS * 1000 });
    this.refresh.set(refreshToken, { owner, expiresAt: this.now() + REFRESH_SECONDS * 1000 });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: ACCESS_SECONDS,
        access_token: accessToken,
        refresh_token: refreshToken,
      },
    };
  }
}
