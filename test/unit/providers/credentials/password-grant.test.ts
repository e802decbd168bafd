import { describe, expect, it } from 'vitest';
import { createPasswordGrantSource } from '../../../../src/providers/credentials/password-grant.js';
import { CLOSED_CIRCUIT } from '../../../../src/upstream/breaker.js';
import type { UpstreamClient, UpstreamRequest, UpstreamResponse } from '../../../../src/upstream/types.js';

const LOGIN = { clientId: '7', clientSecret: 'client-secret', username: 'me@example.it', password: 'pa ss&word' };

/** An upstream that answers the token requests it gets with the replies given, in turn. */
function tokenEndpoint(...replies: (Partial<UpstreamResponse> | Error)[]) {
  const requests: { request: UpstreamRequest; fields: Record<string, string> }[] = [];
  const http: UpstreamClient = {
    provider: 'keliweb',
    async request(request) {
      requests.push({ request, fields: Object.fromEntries(new URLSearchParams(String(request.body))) });
      const reply = replies[requests.length - 1];
      if (reply === undefined) throw new Error('no more replies');
      if (reply instanceof Error) throw reply;
      return { status: 200, headers: {}, body: undefined, ...reply };
    },
    circuit: () => CLOSED_CIRCUIT,
    close: async () => undefined,
    [Symbol.asyncDispose]: async () => undefined,
  };
  return { http, requests, grants: () => requests.map((r) => r.fields.grant_type) };
}

const issued = (access: string, refresh = `refresh-of-${access}`, expiresIn: unknown = 3600) => ({
  body: { token_type: 'Bearer', expires_in: expiresIn, access_token: access, refresh_token: refresh },
});

describe('createPasswordGrantSource', () => {
  it('logs in with the password grant, as an url-encoded form to the token path', async () => {
    const upstream = tokenEndpoint(issued('a1'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    expect(await source.current()).toEqual({ secret: 'a1' });
    expect(upstream.requests[0]?.request).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(upstream.requests[0]?.fields).toEqual({
      grant_type: 'password',
      username: 'me@example.it',
      password: 'pa ss&word',
      client_id: '7',
      client_secret: 'client-secret',
      scope: '',
    });
  });

  it('keeps the token until a minute before it expires, then renews it with the refresh token', async () => {
    let now = 0;
    const upstream = tokenEndpoint(issued('a1', 'r1'), issued('a2', 'r2'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
      now: () => now,
    });
    await source.current();
    now = 3539_000;
    expect(await source.current()).toEqual({ secret: 'a1' });
    now = 3541_000;
    expect(await source.current()).toEqual({ secret: 'a2' });
    expect(upstream.grants()).toEqual(['password', 'refresh_token']);
    expect(upstream.requests[1]?.fields).toMatchObject({
      refresh_token: 'r1',
      client_id: '7',
      client_secret: 'client-secret',
    });
  });

  it('shares one login among the requests that need a token at once', async () => {
    const upstream = tokenEndpoint(issued('a1'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    const credentials = await Promise.all(Array.from({ length: 5 }, () => source.current()));
    expect(credentials.map((c) => c.secret)).toEqual(['a1', 'a1', 'a1', 'a1', 'a1']);
    expect(upstream.requests).toHaveLength(1);
  });

  it('renews a token the upstream refused, once, however many requests report it', async () => {
    const upstream = tokenEndpoint(issued('a1', 'r1'), issued('a2', 'r2'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    const stale = await source.current();
    expect(source.refused(stale)).toBe(true);
    expect(await source.current()).toEqual({ secret: 'a2' });
    source.refused(stale);
    expect(await source.current()).toEqual({ secret: 'a2' });
    expect(upstream.grants()).toEqual(['password', 'refresh_token']);
  });

  it('logs in again when the refresh token is refused', async () => {
    const upstream = tokenEndpoint(
      issued('a1', 'r1'),
      { status: 400, body: { error: 'invalid_grant', error_description: 'The refresh token is invalid.' } },
      issued('a2'),
    );
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    source.refused(await source.current());
    expect(await source.current()).toEqual({ secret: 'a2' });
    expect(upstream.grants()).toEqual(['password', 'refresh_token', 'password']);
  });

  it.each([
    [
      'a wrong client',
      401,
      { error: 'invalid_client', message: 'Client authentication failed' },
      /refused the configured OAuth login \(invalid_client\)$/,
    ],
    [
      'a wrong password',
      400,
      { error: 'invalid_grant', message: 'The user credentials were incorrect.' },
      /\(invalid_grant\)$/,
    ],
    ['an error that is not an OAuth code', 400, { error: 'The <b>password</b> is wrong' }, /OAuth login$/],
  ])('answers UNAUTHENTICATED for %s, naming only the OAuth error code', async (_, status, body, message) => {
    const upstream = tokenEndpoint({ status, body });
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    const error = await source.current().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'keliweb', upstreamStatus: status });
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['a 503', { status: 503 }, 'UPSTREAM_ERROR'],
    ['a token answer without access_token', { body: { token_type: 'Bearer' } }, 'UPSTREAM_INVALID_RESPONSE'],
    ['an expires_in that is not a number', issued('a1', 'r1', 'soon'), 'UPSTREAM_INVALID_RESPONSE'],
  ])('answers %s with %s and tries again on the next request', async (_, reply, code) => {
    const upstream = tokenEndpoint(reply, issued('a2'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
    });
    await expect(source.current()).rejects.toMatchObject({ code });
    expect(await source.current()).toEqual({ secret: 'a2' });
  });

  it('reads expires_in sent as a string, as PHP back ends do', async () => {
    let now = 0;
    const upstream = tokenEndpoint(issued('a1', 'r1', '120'), issued('a2'));
    const source = createPasswordGrantSource(upstream.http, {
      login: LOGIN,
      path: '/oauth/token',
      displayName: 'Keliweb',
      now: () => now,
    });
    await source.current();
    now = 61_000;
    expect(await source.current()).toEqual({ secret: 'a2' });
  });
});
