import { describe, expect, it } from 'vitest';
import { Passport, SANDBOX_KELIWEB_LOGINS } from '../../../../src/sandbox/keliweb/passport.js';

const login = SANDBOX_KELIWEB_LOGINS.primary;
const client = { client_id: login.clientId, client_secret: login.clientSecret };
const fields = (values: Record<string, string>) => new Map(Object.entries(values));
const passwordGrant = (owner: keyof typeof SANDBOX_KELIWEB_LOGINS = 'primary') =>
  fields({
    ...client,
    grant_type: 'password',
    username: SANDBOX_KELIWEB_LOGINS[owner].username,
    password: SANDBOX_KELIWEB_LOGINS[owner].password,
  });
const tokensOf = (reply: { body: unknown }) =>
  reply.body as { access_token: string; refresh_token: string; expires_in: number };

describe('the sandbox Keliweb OAuth endpoint (Laravel Passport)', () => {
  it('issues an hour-long Bearer token to each tenant for its own account', () => {
    const passport = new Passport();
    const primary = passport.token(passwordGrant('primary'));
    const other = passport.token(passwordGrant('other'));
    expect(primary).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 } });
    expect(passport.ownerOf(tokensOf(primary).access_token)).toBe('primary');
    expect(passport.ownerOf(tokensOf(other).access_token)).toBe('other');
    expect(passport.ownerOf('made-up')).toBeUndefined();
  });

  it('ends access tokens after an hour; the refresh token gives a new one, once', () => {
    let now = 0;
    const passport = new Passport(() => now);
    const first = tokensOf(passport.token(passwordGrant()));
    now = 3600_000;
    expect(passport.ownerOf(first.access_token)).toBeUndefined();
    const refresh = fields({ ...client, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    const second = passport.token(refresh);
    expect(passport.ownerOf(tokensOf(second).access_token)).toBe('primary');
    expect(passport.token(refresh)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it.each([
    ['a wrong client secret', { ...client, client_secret: 'x', grant_type: 'password' }, 401, 'invalid_client'],
    [
      'a wrong password',
      { ...client, grant_type: 'password', username: login.username, password: 'x' },
      400,
      'invalid_grant',
    ],
    ['an unknown grant type', { ...client, grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
  ])('refuses %s with the OAuth error document', (_, values, status, error) => {
    expect(new Passport().token(fields(values))).toMatchObject({
      status,
      body: { error, error_description: expect.any(String) },
    });
  });
});
