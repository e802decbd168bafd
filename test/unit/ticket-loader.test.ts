import { describe, expect, it } from 'vitest';
import { BadUserInputError, NotFoundError, UnauthenticatedError, UpstreamTimeoutError } from '../../src/errors.js';
import type { ProviderName, Ticket } from '../../src/model.js';
import type { Credential, CredentialSource, Provider } from '../../src/providers/provider.js';
import { fixedCredential, type RegisteredProvider, type Registry } from '../../src/providers/registry.js';
import { createTicketLoader } from '../../src/ticket-loader.js';

interface FakeProvider extends Provider {
  readonly calls: { numbers: readonly string[]; apiKey: string }[];
}

function fakeProvider(name: ProviderName, batchRead: boolean, maxBatch: number): FakeProvider {
  const calls: FakeProvider['calls'] = [];
  return {
    name,
    displayName: name,
    capabilities: { updateTicket: false, batchRead, maxBatch },
    calls,
    parseNumber(number) {
      if (!/^\d+$/.test(number)) throw new BadUserInputError('digits only', { provider: name });
      return String(Number(number));
    },
    async fetchTickets(numbers: readonly string[], auth: Credential) {
      calls.push({ numbers, apiKey: auth.apiKey });
      return numbers.map((number) => {
        if (number === '404') return new NotFoundError('missing', { provider: name });
        if (auth.apiKey.startsWith('expired')) return new UnauthenticatedError('refused', { provider: name });
        return { provider: name, number } as Ticket;
      });
    },
  };
}

function entry(provider: RegisteredProvider['provider'], enabled: boolean, apiKey: string | undefined): RegisteredProvider {
  return { provider, enabled, credential: apiKey === undefined ? undefined : fixedCredential(apiKey) };
}

function registryOf(...entries: RegisteredProvider[]): Registry {
  return { entries, get: (name) => entries.find((e) => e.provider.name === name)!, close: async () => {} };
}

describe('createTicketLoader', () => {
  it('batches a batch-capable provider in chunks of maxBatch and deduplicates canonical numbers', async () => {
    const kapture = fakeProvider('kapture', true, 3);
    const loader = createTicketLoader(registryOf(entry(kapture, true, 'server')), {});
    const numbers = ['1', '2', '3', '4', '5', '6', '7', '01', '007'];
    const tickets = await Promise.all(numbers.map((number) => loader.load({ provider: 'kapture', number })));
    expect(tickets.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '1', '7']);
    expect(kapture.calls.map((c) => c.numbers)).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
  });

  it('gives a non-batch provider every distinct number of a tick in one fetchTickets call', async () => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, true, 'server')), {});
    await Promise.all(['5', '6', '5'].map((number) => loader.load({ provider: 'hostup', number })));
    expect(hostup.calls).toEqual([{ numbers: ['5', '6'], apiKey: 'server' }]);
  });

  it('uses the request credential over the configured one', async () => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, true, 'server')), { hostup: 'mine' });
    await loader.load({ provider: 'hostup', number: '1' });
    expect(hostup.calls[0]?.apiKey).toBe('mine');
  });

  it('rejects one number with its own error and resolves the others', async () => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, true, 'k')), {});
    const results = await Promise.allSettled(['1', '404'].map((number) => loader.load({ provider: 'hostup', number })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('gives every number a gateway error when a provider throws instead of keeping failures in place', async () => {
    const broken: Provider = {
      ...fakeProvider('hostup', false, 1),
      fetchTickets: () => Promise.reject(new RangeError('Invalid time value')),
    };
    const loader = createTicketLoader(registryOf(entry(broken, true, 'k')), {});
    const results = await Promise.allSettled(['1', '2'].map((number) => loader.load({ provider: 'hostup', number })));
    expect(results).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' }) },
      { status: 'rejected', reason: expect.objectContaining({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' }) },
    ]);
  });

  it.each([
    ['a disabled provider', false, 'k', '1', 'PROVIDER_DISABLED'],
    ['no credential at all', true, undefined, '1', 'UNAUTHENTICATED'],
    ['a number the provider refuses', true, 'k', 'x', 'BAD_USER_INPUT'],
  ])('refuses %s without calling the provider', async (_case, enabled, apiKey, number, code) => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, enabled, apiKey)), {});
    await expect(loader.load({ provider: 'hostup', number })).rejects.toMatchObject({ code });
    expect(hostup.calls).toEqual([]);
  });

  it('serves a primed ticket without an upstream call', async () => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, true, 'k')), {});
    loader.prime({ provider: 'hostup', number: '9', subject: 'new' } as Ticket);
    await expect(loader.load({ provider: 'hostup', number: '0009' })).resolves.toMatchObject({ subject: 'new' });
    expect(hostup.calls).toEqual([]);
  });

  describe('with a credential source that renews (OAuth tokens)', () => {
    /** Hands out the tokens in turn; each refusal moves on to the next. */
    function tokens(...keys: string[]): CredentialSource & { refusals: string[] } {
      const refusals: string[] = [];
      return {
        refusals,
        current: async () => ({ apiKey: keys[refusals.length]! }),
        refused: (stale) => (refusals.push(stale.apiKey), true),
      };
    }

    it('reads the refused numbers once more with a new token, keeping the other results', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const source = tokens('expired-1', 'fresh');
      const loader = createTicketLoader(registryOf({ provider: hostup, enabled: true, credential: source }), {});
      const results = await Promise.allSettled(['1', '404', '2'].map((number) => loader.load({ provider: 'hostup', number })));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(hostup.calls).toEqual([
        { numbers: ['1', '404', '2'], apiKey: 'expired-1' },
        { numbers: ['1', '2'], apiKey: 'fresh' },
      ]);
      expect(source.refusals).toEqual(['expired-1']);
    });

    it('tries a second token once only: refused again, the numbers are UNAUTHENTICATED', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const source = tokens('expired-1', 'expired-2', 'never-asked');
      const loader = createTicketLoader(registryOf({ provider: hostup, enabled: true, credential: source }), {});
      await expect(loader.load({ provider: 'hostup', number: '1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(hostup.calls.map((call) => call.apiKey)).toEqual(['expired-1', 'expired-2']);
    });

    it('never retries a fixed key the upstream refused', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const loader = createTicketLoader(registryOf(entry(hostup, true, 'expired-key')), {});
      await expect(loader.load({ provider: 'hostup', number: '1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(hostup.calls).toHaveLength(1);
    });

    it('fails every number with the error of getting a token, without calling the provider', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const failing: CredentialSource = {
        current: () => Promise.reject(new UpstreamTimeoutError('token endpoint slow', { provider: 'hostup' })),
        refused: () => true,
      };
      const loader = createTicketLoader(registryOf({ provider: hostup, enabled: true, credential: failing }), {});
      const results = await Promise.allSettled(['1', '2'].map((number) => loader.load({ provider: 'hostup', number })));
      expect(results).toMatchObject([
        { status: 'rejected', reason: { code: 'UPSTREAM_TIMEOUT' } },
        { status: 'rejected', reason: { code: 'UPSTREAM_TIMEOUT' } },
      ]);
      expect(hostup.calls).toEqual([]);
    });
  });
});
