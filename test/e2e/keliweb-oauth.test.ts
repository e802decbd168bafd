import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_KELIWEB_LOGINS } from '../../src/sandbox/index.js';
import { startGateway, type Gateway } from './harness.js';

const QUERY = `query($number: String!) { ticket(provider: KELIWEB, number: $number) { number subject } }`;
const login = SANDBOX_KELIWEB_LOGINS.primary;
const LOGIN_ENV = {
  KELIWEB_OAUTH_CLIENT_ID: login.clientId,
  KELIWEB_OAUTH_CLIENT_SECRET: login.clientSecret,
  KELIWEB_OAUTH_USERNAME: login.username,
  KELIWEB_OAUTH_PASSWORD: login.password,
};

let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function start(env: Record<string, string>): Promise<Gateway> {
  gateway = await startGateway({ env });
  return gateway;
}

/** The Keliweb endpoints the sandbox was called on, in order. */
const keliwebPaths = (g: Gateway) => g.sandbox.requests.filter((r) => r.provider === 'keliweb').map((r) => r.path);

describe('Keliweb with an OAuth login (KELIWEB_OAUTH_*)', () => {
  it('gets a token once and uses it for every request until it expires', async () => {
    const g = await start(LOGIN_ENV);
    const [first, second] = g.sandbox.ticketNumbers('keliweb');
    for (const number of [first!, second!]) {
      const { data, errors } = await g.client().rawRequest<{ ticket: { number: string } }>(QUERY, { number });
      expect(errors).toBeUndefined();
      expect(data.ticket.number).toBe(number);
    }
    expect(keliwebPaths(g)).toEqual(['/oauth/token', '/api/v2/keliweb/get-ticket', '/api/v2/keliweb/get-ticket']);
  });

  it('renews an expired token with its refresh token and still answers the query', async () => {
    const g = await start(LOGIN_ENV);
    const number = g.sandbox.ticketNumbers('keliweb')[0]!;
    await g.client().rawRequest(QUERY, { number });
    g.sandbox.expireAccessTokens('keliweb');
    const { data, errors } = await g.client().rawRequest<{ ticket: { number: string } }>(QUERY, { number });
    expect(errors).toBeUndefined();
    expect(data.ticket.number).toBe(number);
    expect(keliwebPaths(g)).toEqual([
      '/oauth/token',
      '/api/v2/keliweb/get-ticket',
      '/api/v2/keliweb/get-ticket',
      '/oauth/token',
      '/api/v2/keliweb/get-ticket',
    ]);
    const grants = g.sandbox.requests
      .filter((r) => r.path === '/oauth/token')
      .map((r) => new URLSearchParams(r.body).get('grant_type'));
    expect(grants).toEqual(['password', 'refresh_token']);
  });

  it('answers UNAUTHENTICATED when the login is refused, and never calls get-ticket', async () => {
    const g = await start({ ...LOGIN_ENV, KELIWEB_OAUTH_PASSWORD: 'wrong' });
    const { data, errors } = await g
      .client()
      .rawRequest<{ ticket: null }>(QUERY, { number: g.sandbox.ticketNumbers('keliweb')[0]! });
    expect(data.ticket).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'Keliweb refused the configured OAuth login (invalid_grant)',
      extensions: { code: 'UNAUTHENTICATED', provider: 'keliweb', upstreamStatus: 400 },
    });
    expect(keliwebPaths(g)).toEqual(['/oauth/token']);
  });

  it('lets a request bring its own token instead, without a login', async () => {
    const g = await start(LOGIN_ENV);
    const { errors } = await g
      .client({ 'X-Keliweb-Api-Key': g.sandbox.keys.keliweb })
      .rawRequest(QUERY, { number: g.sandbox.ticketNumbers('keliweb')[0]! });
    expect(errors).toBeUndefined();
    expect(keliwebPaths(g)).toEqual(['/api/v2/keliweb/get-ticket']);
  });
});
