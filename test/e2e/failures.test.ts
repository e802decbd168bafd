import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startGateway, type Gateway } from './harness.js';

const ALL_FOUR = /* GraphQL */ `
  query AllFour($s: String!, $h: String!, $k: String!, $c: String!) {
    tickets(refs: [
      { provider: SWEEPPEA, number: $s }, { provider: HOSTUP, number: $h },
      { provider: KELIWEB, number: $k }, { provider: KAPTURE, number: $c }
    ]) { provider number }
  }
`;

type Data = { tickets: ({ provider: string; number: string } | null)[] };

function firstOfEach(gateway: Gateway) {
  const first = (name: 'sweeppea' | 'hostup' | 'keliweb' | 'kapture') => gateway.sandbox.ticketNumbers(name)[0]!;
  return { s: first('sweeppea'), h: first('hostup'), k: first('keliweb'), c: first('kapture') };
}

describe('partial failure', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());
  afterEach(() => gateway.sandbox.reset());

  it("returns the other providers' tickets when one answers 500", async () => {
    gateway.sandbox.setFault('hostup', { status: 500 });
    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(data.tickets.map((t) => t?.provider ?? null)).toEqual(['SWEEPPEA', null, 'KELIWEB', 'KAPTURE']);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['tickets', 1],
      extensions: { code: 'UPSTREAM_ERROR', provider: 'hostup', upstreamStatus: 500 },
    });
  });

  it('maps Kapture\'s "Invalid Auth Key" sent with HTTP 200 to UNAUTHENTICATED', async () => {
    const { data, errors } = await gateway
      .client({ 'X-Kapture-Api-Key': 'bm90OnZhbGlk' })
      .rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(data.tickets[3]).toBeNull();
    expect(errors![0]).toMatchObject({
      path: ['tickets', 3],
      extensions: { code: 'UNAUTHENTICATED', provider: 'kapture' },
    });
    expect(data.tickets.slice(0, 3).every(Boolean)).toBe(true);
  });

  it.each([
    [{ status: 404 }, { code: 'NOT_FOUND', retryable: false }, 'HostUp has no ticket'],
    [{ status: 401 }, { code: 'UNAUTHENTICATED', retryable: false }, 'HostUp rejected the API key'],
    [
      { status: 429, retryAfter: 30 },
      { code: 'RATE_LIMITED', retryable: true, retryAfter: 30 },
      'HostUp rate limit reached',
    ],
  ])(
    "reads HostUp's success: false sent with HTTP 200 (%j) as the error its `error` word names, read once",
    async (fault, extensions, message) => {
      gateway.sandbox.setFault('hostup', { ...fault, httpStatus: 200 });
      const refs = firstOfEach(gateway);
      const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, refs);
      expect(data.tickets.map((t) => t?.provider ?? null)).toEqual(['SWEEPPEA', null, 'KELIWEB', 'KAPTURE']);
      expect(errors).toEqual([
        {
          message: extensions.code === 'NOT_FOUND' ? `${message} ${refs.h}` : message,
          locations: [{ line: 3, column: 5 }],
          path: ['tickets', 1],
          extensions: { ...extensions, provider: 'hostup', upstreamStatus: 200 },
        },
      ]);
      expect(gateway.sandbox.calls('hostup')).toBe(1);
    },
  );

  it('answers RATE_LIMITED with retryAfter at once when Sweeppea asks for a wait past the cap', async () => {
    gateway.sandbox.setFault('sweeppea', { status: 429, retryAfter: 60 });
    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['tickets', 0],
      extensions: { code: 'RATE_LIMITED', provider: 'sweeppea', upstreamStatus: 429, retryable: true, retryAfter: 60 },
    });
    expect(data.tickets.slice(1).every(Boolean)).toBe(true);
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it.each([
    ['sweeppea', 503],
    ['hostup', 502],
    ['kapture', 504],
    ['keliweb', 429],
  ] as const)('reads %s again after a passing %i: the ticket arrives, two calls made', async (provider, status) => {
    gateway.sandbox.setFault(provider, { status, retryAfter: 0, times: 1 });
    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(errors).toBeUndefined();
    expect(data.tickets.every(Boolean)).toBe(true);
    expect(gateway.sandbox.calls(provider)).toBe(2);
  });

  it('gives up after UPSTREAM_RETRIES (2) further reads of a provider that stays at 503', async () => {
    gateway.sandbox.setFault('hostup', { status: 503 });
    const { errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(errors![0]).toMatchObject({
      path: ['tickets', 1],
      extensions: { code: 'UPSTREAM_ERROR', provider: 'hostup', upstreamStatus: 503, retryable: true },
    });
    expect(gateway.sandbox.calls('hostup')).toBe(3);
  });
});

describe('a provider that is down', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    gateway = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, keliweb: { ...config.providers.keliweb, baseUrl } },
      }),
    });
  });
  afterAll(() => gateway.close());

  it('answers UPSTREAM_ERROR for its tickets and serves the others', async () => {
    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(data.tickets.map((t) => t?.provider ?? null)).toEqual(['SWEEPPEA', 'HOSTUP', null, 'KAPTURE']);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['tickets', 2],
      extensions: { code: 'UPSTREAM_ERROR', provider: 'keliweb' },
    });
  });
});

describe('a provider that is not enabled', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, enabled: false } },
      }),
    });
  });
  afterAll(() => gateway.close());

  it('answers PROVIDER_DISABLED without calling it, and lists it as disabled', async () => {
    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(data.tickets[0]).toBeNull();
    expect(errors![0]).toMatchObject({
      path: ['tickets', 0],
      extensions: { code: 'PROVIDER_DISABLED', provider: 'sweeppea' },
    });
    expect(gateway.sandbox.calls('sweeppea')).toBe(0);
    const providers = await gateway.client().request<{
      providers: { name: string; enabled: boolean; capabilities: { batchRead: boolean; maxBatch: number } }[];
    }>('{ providers { name enabled capabilities { batchRead maxBatch } } }');
    expect(providers.providers).toEqual([
      { name: 'SWEEPPEA', enabled: false, capabilities: { batchRead: false, maxBatch: 1 } },
      { name: 'HOSTUP', enabled: true, capabilities: { batchRead: false, maxBatch: 1 } },
      { name: 'KELIWEB', enabled: true, capabilities: { batchRead: false, maxBatch: 1 } },
      { name: 'KAPTURE', enabled: true, capabilities: { batchRead: true, maxBatch: 20 } },
    ]);
  });
});

describe('an enabled provider with no key on the server', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, hostup: { ...config.providers.hostup, apiKey: undefined } },
      }),
    });
  });
  afterAll(() => gateway.close());

  it('answers UNAUTHENTICATED without an upstream call unless the request brings a key', async () => {
    const vars = firstOfEach(gateway);
    const without = await gateway.client().rawRequest<Data>(ALL_FOUR, vars);
    expect(without.errors![0]).toMatchObject({
      path: ['tickets', 1],
      extensions: { code: 'UNAUTHENTICATED', provider: 'hostup' },
    });
    expect(gateway.sandbox.calls('hostup')).toBe(0);
    const withKey = await gateway
      .client({ 'X-Hostup-Api-Key': gateway.sandbox.keys.hostup })
      .rawRequest<Data>(ALL_FOUR, vars);
    expect(withKey.errors).toBeUndefined();
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });
});

describe('Kapture batch size', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { KAPTURE_MAX_BATCH: '4' } });
  });
  afterAll(() => gateway.close());

  it('splits 10 Kapture tickets into ⌈10 / 4⌉ = 3 upstream calls', async () => {
    const numbers = gateway.sandbox.ticketNumbers('kapture').slice(0, 10);
    const query = `query($refs: [TicketRef!]!) { tickets(refs: $refs) { number } }`;
    const { data, errors } = await gateway.client().rawRequest<{ tickets: { number: string }[] }>(query, {
      refs: numbers.map((number) => ({ provider: 'KAPTURE', number })),
    });
    expect(errors).toBeUndefined();
    expect(data.tickets.map((t) => t.number)).toEqual(numbers);
    expect(gateway.sandbox.calls('kapture')).toBe(3);
  });
});

describe('an upstream that misbehaves below its API', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    // Five faults in a row would open Sweeppea's circuit; the breaker has tests of its own.
    gateway = await startGateway({ env: { UPSTREAM_TIMEOUT_MS: '500', UPSTREAM_BREAKER_FAILURES: '100' } });
  });
  afterAll(() => gateway.close());
  afterEach(() => gateway.sandbox.reset());

  it.each([
    ['drops the connection', 'UPSTREAM_ERROR', 3, { kind: 'reset' }],
    ['stalls after the first byte', 'UPSTREAM_TIMEOUT', 1, { kind: 'stall' }],
    ['sends JSON cut off', 'UPSTREAM_INVALID_RESPONSE', 1, { kind: 'malformed-json' }],
    ['sends an HTML page with 200', 'UPSTREAM_INVALID_RESPONSE', 1, { kind: 'html-page' }],
    ['sends a 50 MB body', 'UPSTREAM_INVALID_RESPONSE', 1, { kind: 'huge-body' }],
  ] as const)(
    'answers a Sweeppea that %s with %s at its path, the others served; %i call(s)',
    async (_case, code, calls, fault) => {
      gateway.sandbox.setFault('sweeppea', fault);
      const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
      expect(errors).toHaveLength(1);
      expect(errors![0]).toMatchObject({ path: ['tickets', 0], extensions: { code, provider: 'sweeppea' } });
      expect(data.tickets.map((ticket) => ticket?.provider ?? null)).toEqual([null, 'HOSTUP', 'KELIWEB', 'KAPTURE']);
      // A dropped connection may be tried again by a read (UPSTREAM_RETRIES = 2); nothing else is.
      expect(gateway.sandbox.calls('sweeppea')).toBe(calls);
    },
  );

  it('recovers once the fault passes: the next request reads the ticket', async () => {
    gateway.sandbox.setFault('sweeppea', { kind: 'malformed-json', times: 1 });
    await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    const { errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(errors).toBeUndefined();
  });
});

describe('the circuit breaker', () => {
  let gateway: Gateway;
  beforeAll(async () => {
    // A cool-down long enough that the queries meant to land in it do on a loaded machine.
    gateway = await startGateway({
      env: { UPSTREAM_BREAKER_FAILURES: '2', UPSTREAM_BREAKER_COOLDOWN_MS: '1500', UPSTREAM_RETRIES: '0' },
    });
  });
  afterAll(() => gateway.close());
  afterEach(() => gateway.sandbox.reset());

  const PROVIDERS = '{ providers { name circuit { state consecutiveFailures openUntil } } }';
  type Providers = {
    providers: { name: string; circuit: { state: string; consecutiveFailures: number; openUntil: string | null } }[];
  };
  const circuitOf = async (name: string) =>
    (await gateway.client().rawRequest<Providers>(PROVIDERS)).data.providers.find((provider) => provider.name === name)!
      .circuit;

  it('opens after repeated 5xx, then fails fast without calling, shows it, and closes after a healthy trial', async () => {
    gateway.sandbox.setFault('hostup', { status: 500 });
    for (let query = 0; query < 2; query += 1) await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(gateway.sandbox.calls('hostup')).toBe(2);
    expect(await circuitOf('HOSTUP')).toMatchObject({
      state: 'OPEN',
      consecutiveFailures: 2,
      openUntil: expect.any(String),
    });

    const { data, errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(gateway.sandbox.calls('hostup')).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      path: ['tickets', 1],
      extensions: { code: 'UPSTREAM_ERROR', provider: 'hostup', retryable: true, retryAfter: expect.any(Number) },
    });
    expect(data.tickets.filter(Boolean)).toHaveLength(3);

    gateway.sandbox.setFault('hostup', null);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await circuitOf('HOSTUP')).state).toBe('HALF_OPEN');
    const healed = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(healed.errors).toBeUndefined();
    expect(await circuitOf('HOSTUP')).toEqual({ state: 'CLOSED', consecutiveFailures: 0, openUntil: null });
  });

  it("never opens for 4xx answers: one tenant's bad key cannot cut everyone off", async () => {
    for (let query = 0; query < 4; query += 1) {
      await gateway.client({ 'X-Sweeppea-Api-Key': 'wrong-key' }).rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    }
    expect(await circuitOf('SWEEPPEA')).toMatchObject({ state: 'CLOSED', consecutiveFailures: 0 });
    const { errors } = await gateway.client().rawRequest<Data>(ALL_FOUR, firstOfEach(gateway));
    expect(errors).toBeUndefined();
  });
});
