import { describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  NotFoundError,
  UnauthenticatedError,
  UpstreamTimeoutError,
} from '../../../src/domain/errors.js';
import type { ProviderName, Ticket, TicketUpdate } from '../../../src/domain/model.js';
import type { Credential, CredentialSource, Provider } from '../../../src/providers/provider.js';
import { fixedCredential, type RegisteredProvider, type ProviderRegistry } from '../../../src/providers/registry.js';
import { createTicketLoader } from '../../../src/loading/ticket-loader.js';
import { CLOSED_CIRCUIT } from '../../../src/upstream/breaker.js';

const READ_ONLY = {
  updateTicket: false,
  replyToTicket: false,
  closeTicket: false,
  reopenTicket: false,
  listTickets: false,
  batchRead: false,
  maxBatch: 1,
};

interface FakeProvider extends Provider {
  readonly calls: { numbers: readonly string[]; secret: string }[];
}

function fakeProvider(name: ProviderName, batchRead: boolean, maxBatch: number): FakeProvider {
  const calls: FakeProvider['calls'] = [];
  return {
    name,
    displayName: name,
    capabilities: { ...READ_ONLY, batchRead, maxBatch },
    calls,
    parseNumber(number) {
      if (!/^\d+$/.test(number)) throw new BadUserInputError('digits only', { provider: name });
      return String(Number(number));
    },
    async fetchTickets(numbers: readonly string[], auth: Credential) {
      calls.push({ numbers, secret: auth.secret });
      return numbers.map((number) => {
        if (number === '404') return new NotFoundError('missing', { provider: name });
        if (auth.secret.startsWith('expired')) return new UnauthenticatedError('refused', { provider: name });
        return { provider: name, number } as Ticket;
      });
    },
  };
}

type EntryWithoutCircuit = Omit<RegisteredProvider, 'circuit'>;

function entry(
  provider: RegisteredProvider['provider'],
  enabled: boolean,
  secret: string | undefined,
): EntryWithoutCircuit {
  return { provider, enabled, credential: secret === undefined ? undefined : fixedCredential(secret) };
}

function registryOf(...given: EntryWithoutCircuit[]): Pick<ProviderRegistry, 'get'> {
  const entries = given.map((e): RegisteredProvider => ({ ...e, circuit: () => CLOSED_CIRCUIT }));
  return { get: (name) => entries.find((e) => e.provider.name === name)! };
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
    expect(hostup.calls).toEqual([{ numbers: ['5', '6'], secret: 'server' }]);
  });

  it('uses the request credential over the configured one', async () => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, true, 'server')), { hostup: 'mine' });
    await loader.load({ provider: 'hostup', number: '1' });
    expect(hostup.calls[0]?.secret).toBe('mine');
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
      {
        status: 'rejected',
        reason: expect.objectContaining({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' }),
      },
      {
        status: 'rejected',
        reason: expect.objectContaining({ code: 'UPSTREAM_INVALID_RESPONSE', provider: 'hostup' }),
      },
    ]);
  });

  it.each([
    ['a disabled provider', false, 'k', '1', 'PROVIDER_DISABLED'],
    ['no credential at all', true, undefined, '1', 'UNAUTHENTICATED'],
    ['a number the provider refuses', true, 'k', 'x', 'BAD_USER_INPUT'],
  ])('refuses %s without calling the provider', async (_case, enabled, secret, number, code) => {
    const hostup = fakeProvider('hostup', false, 1);
    const loader = createTicketLoader(registryOf(entry(hostup, enabled, secret)), {});
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
        current: async () => ({ secret: keys[refusals.length]! }),
        refused: (stale) => {
          refusals.push(stale.secret);
          return true;
        },
      };
    }

    it('reads the refused numbers once more with a new token, keeping the other results', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const source = tokens('expired-1', 'fresh');
      const loader = createTicketLoader(registryOf({ provider: hostup, enabled: true, credential: source }), {});
      const results = await Promise.allSettled(
        ['1', '404', '2'].map((number) => loader.load({ provider: 'hostup', number })),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(hostup.calls).toEqual([
        { numbers: ['1', '404', '2'], secret: 'expired-1' },
        { numbers: ['1', '2'], secret: 'fresh' },
      ]);
      expect(source.refusals).toEqual(['expired-1']);
    });

    it('tries a second token once only: refused again, the numbers are UNAUTHENTICATED', async () => {
      const hostup = fakeProvider('hostup', false, 1);
      const source = tokens('expired-1', 'expired-2', 'never-asked');
      const loader = createTicketLoader(registryOf({ provider: hostup, enabled: true, credential: source }), {});
      await expect(loader.load({ provider: 'hostup', number: '1' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(hostup.calls.map((call) => call.secret)).toEqual(['expired-1', 'expired-2']);
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

describe('TicketLoader.update', () => {
  /** A provider that can update: it records each write and answers the ticket with the change. */
  function updatable(name: ProviderName, refuse: (secret: string) => boolean = () => false) {
    const writes: { update: TicketUpdate; secret: string }[] = [];
    const provider: FakeProvider = {
      ...fakeProvider(name, false, 1),
      capabilities: { ...READ_ONLY, updateTicket: true, maxBatch: 1 },
      async updateTicket(update: TicketUpdate, auth: Credential) {
        writes.push({ update, secret: auth.secret });
        if (refuse(auth.secret)) throw new UnauthenticatedError('refused', { provider: name });
        return { provider: name, number: update.number, subject: update.title ?? null } as Ticket;
      },
    };
    return { provider, writes };
  }

  it('writes with the canonical number and keeps the result for later reads in the request', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await loader.load({ provider: 'hostup', number: '7' });
    await expect(loader.update({ provider: 'hostup', number: '007' }, { title: 'new' })).resolves.toMatchObject({
      subject: 'new',
    });
    expect(writes).toEqual([{ update: { number: '7', title: 'new' }, secret: 'k' }]);
    // The read before the update is not served stale, and no further call is made.
    await expect(loader.load({ provider: 'hostup', number: '7' })).resolves.toMatchObject({ subject: 'new' });
    expect(provider.calls).toHaveLength(1);
  });

  it('uses the credential the request brought', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, 'server')), { hostup: 'mine' });
    await loader.update({ provider: 'hostup', number: '1' }, { description: 'd' });
    expect(writes[0]?.secret).toBe('mine');
  });

  it('refuses a provider that cannot update with UnsupportedError', async () => {
    const provider = fakeProvider('kapture', true, 20);
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await expect(loader.update({ provider: 'kapture', number: '1' }, { title: 'x' })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(provider.calls).toEqual([]);
  });

  it('refuses a disabled provider that could update with UnsupportedError, writing nothing', async () => {
    const { provider, writes } = updatable('kapture');
    const loader = createTicketLoader(registryOf(entry(provider, false, 'k')), {});
    await expect(loader.update({ provider: 'kapture', number: '1' }, { title: 'x' })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(writes).toEqual([]);
  });

  it('refuses a number the provider can never have before writing', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await expect(loader.update({ provider: 'hostup', number: 'x' }, { title: 'x' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(writes).toEqual([]);
  });

  it('writes once more with a renewed token when the first was refused (a refused write made no change)', async () => {
    const { provider, writes } = updatable('hostup', (secret) => secret === 'expired');
    const keys = ['expired', 'fresh'];
    const source: CredentialSource = {
      current: async () => ({ secret: keys[0]! }),
      refused: () => {
        keys.shift();
        return true;
      },
    };
    const loader = createTicketLoader(registryOf({ provider, enabled: true, credential: source }), {});
    await expect(loader.update({ provider: 'hostup', number: '1' }, { title: 'x' })).resolves.toMatchObject({
      subject: 'x',
    });
    expect(writes.map((write) => write.secret)).toEqual(['expired', 'fresh']);
  });

  it('needs a credential', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, undefined)), {});
    await expect(loader.update({ provider: 'hostup', number: '1' }, { title: 'x' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(writes).toEqual([]);
  });
});
