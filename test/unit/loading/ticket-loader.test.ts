import { describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  NotFoundError,
  UnauthenticatedError,
  UpstreamFailedError,
  UpstreamTimeoutError,
} from '../../../src/domain/errors.js';
import type { ProviderName, Ticket, TicketUpdate } from '../../../src/domain/model.js';
import type { Credential, CredentialSource, Provider } from '../../../src/providers/provider.js';
import { fixedCredential, type RegisteredProvider, type ProviderRegistry } from '../../../src/providers/registry.js';
import { createMemoryIdempotencyStore } from '../../../src/loading/idempotency.js';
import { createTicketLoader } from '../../../src/loading/ticket-loader.js';
import { CLOSED_CIRCUIT } from '../../../src/upstream/breaker.js';
import type { CallTrace } from '../../../src/upstream/types.js';

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

type EntryWithoutCircuit = Omit<RegisteredProvider, 'circuit' | 'listing'> &
  Partial<Pick<RegisteredProvider, 'listing'>>;

function entry(
  provider: RegisteredProvider['provider'],
  enabled: boolean,
  secret: string | undefined,
): EntryWithoutCircuit {
  return { provider, enabled, credential: secret === undefined ? undefined : fixedCredential(secret) };
}

function registryOf(...given: EntryWithoutCircuit[]): Pick<ProviderRegistry, 'get'> {
  const entries = given.map((e): RegisteredProvider => ({ listing: undefined, ...e, circuit: () => CLOSED_CIRCUIT }));
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
    await expect(
      loader.act({ provider: 'hostup', number: '007' }, { action: 'updateTicket', change: { title: 'new' } }),
    ).resolves.toMatchObject({
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
    await loader.act({ provider: 'hostup', number: '1' }, { action: 'updateTicket', change: { description: 'd' } });
    expect(writes[0]?.secret).toBe('mine');
  });

  it('refuses a provider that cannot update with UnsupportedError', async () => {
    const provider = fakeProvider('kapture', true, 20);
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await expect(
      loader.act({ provider: 'kapture', number: '1' }, { action: 'updateTicket', change: { title: 'x' } }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(provider.calls).toEqual([]);
  });

  it('refuses a disabled provider that could update with UnsupportedError, writing nothing', async () => {
    const { provider, writes } = updatable('kapture');
    const loader = createTicketLoader(registryOf(entry(provider, false, 'k')), {});
    await expect(
      loader.act({ provider: 'kapture', number: '1' }, { action: 'updateTicket', change: { title: 'x' } }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(writes).toEqual([]);
  });

  it('refuses a number the provider can never have before writing', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await expect(
      loader.act({ provider: 'hostup', number: 'x' }, { action: 'updateTicket', change: { title: 'x' } }),
    ).rejects.toMatchObject({
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
    await expect(
      loader.act({ provider: 'hostup', number: '1' }, { action: 'updateTicket', change: { title: 'x' } }),
    ).resolves.toMatchObject({
      subject: 'x',
    });
    expect(writes.map((write) => write.secret)).toEqual(['expired', 'fresh']);
  });

  it('needs a credential', async () => {
    const { provider, writes } = updatable('hostup');
    const loader = createTicketLoader(registryOf(entry(provider, true, undefined)), {});
    await expect(
      loader.act({ provider: 'hostup', number: '1' }, { action: 'updateTicket', change: { title: 'x' } }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(writes).toEqual([]);
  });
});

describe('TicketLoader.act', () => {
  /** A provider that can reply: it records each reply with the ticket it was given. */
  function replyable(failWith?: Error) {
    const replies: { current: Ticket; body: string; secret: string }[] = [];
    const provider: FakeProvider = {
      ...fakeProvider('keliweb', false, 1),
      capabilities: { ...READ_ONLY, replyToTicket: true },
      async replyToTicket(current: Ticket, body: string, auth: Credential, trace?: CallTrace) {
        replies.push({ current, body, secret: auth.secret });
        // As the upstream client reports a write it sends.
        trace?.attempted({
          provider: 'keliweb',
          method: 'POST',
          path: '/reply',
          status: 200,
          outcome: 'answered',
          seconds: 0,
          requestId: trace.requestId,
          write: true,
        });
        if (failWith) throw failWith;
        return { ...current, subject: `replied: ${body}` };
      },
    };
    return { provider, replies };
  }

  const scope = (gatewayKey?: string) => ({
    store: createMemoryIdempotencyStore(),
    secret: 'test-secret',
    gatewayKey,
  });

  it('hands the provider the ticket as the request reads it, read once through the loader', async () => {
    const { provider, replies } = replyable();
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    const ticket = await loader.act({ provider: 'keliweb', number: '005' }, { action: 'replyToTicket', body: 'hi' });
    await loader.load({ provider: 'keliweb', number: '5' });
    expect(ticket).toMatchObject({ number: '5', subject: 'replied: hi' });
    expect(replies).toEqual([{ current: { provider: 'keliweb', number: '5' }, body: 'hi', secret: 'k' }]);
    expect(provider.calls).toHaveLength(1);
    await expect(loader.load({ provider: 'keliweb', number: '5' })).resolves.toMatchObject({ subject: 'replied: hi' });
  });

  it('refuses an action the provider cannot do, before reading or sending anything', async () => {
    const { provider, replies } = replyable();
    const loader = createTicketLoader(registryOf(entry(provider, true, 'k')), {});
    await expect(loader.act({ provider: 'keliweb', number: '5' }, { action: 'closeTicket' })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: 'keliweb tickets cannot be closed through this gateway',
    });
    expect(provider.calls).toEqual([]);
    expect(replies).toEqual([]);
  });

  it('sends a keyed action once for the same key and input, also when the repeats arrive at once', async () => {
    const { provider, replies } = replyable();
    const shared = scope('gateway-key');
    const request = () => createTicketLoader(registryOf(entry(provider, true, 'k')), {}, { idempotency: shared });
    const act = () =>
      request().act({ provider: 'keliweb', number: '5' }, { action: 'replyToTicket', body: 'hi' }, 'K1');
    const answers = await Promise.all([act(), act(), act()]);
    expect(answers.map((ticket) => ticket.subject)).toEqual(['replied: hi', 'replied: hi', 'replied: hi']);
    await act();
    expect(replies).toHaveLength(1);
    await expect(
      request().act({ provider: 'keliweb', number: '5' }, { action: 'replyToTicket', body: 'other' }, 'K1'),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(replies).toHaveLength(1);
  });

  it('tells callers apart by gateway key and by the credential they bring', async () => {
    const { provider, replies } = replyable();
    const store = createMemoryIdempotencyStore();
    const as = (gatewayKey: string, brought: Record<string, string> = {}) =>
      createTicketLoader(registryOf(entry(provider, true, 'k')), brought, {
        idempotency: { store, secret: 's', gatewayKey },
      }).act({ provider: 'keliweb', number: '5' }, { action: 'replyToTicket', body: 'hi' }, 'K');
    await as('one');
    await as('two');
    await as('one', { keliweb: 'theirs' });
    await as('one');
    expect(replies.map((reply) => reply.secret)).toEqual(['k', 'k', 'theirs']);
  });

  it('forgets a keyed failure that made no change, so the same key may be sent again', async () => {
    const refused = replyable(new UpstreamFailedError('refused', { provider: 'keliweb', retryable: true }));
    const shared = scope();
    const act = () =>
      createTicketLoader(registryOf(entry(refused.provider, true, 'k')), {}, { idempotency: shared }).act(
        { provider: 'keliweb', number: '5' },
        { action: 'replyToTicket', body: 'hi' },
        'K',
      );
    await expect(act()).rejects.toMatchObject({ retryable: true });
    await expect(act()).rejects.toMatchObject({ retryable: true });
    expect(refused.replies).toHaveLength(2);
  });

  it('remembers nothing for a keyed action that sent no write, so the key is not spent', async () => {
    const replies: string[] = [];
    const provider: FakeProvider = {
      ...fakeProvider('kapture', false, 1),
      capabilities: { ...READ_ONLY, reopenTicket: true },
      // Open already: answered as it stands, nothing sent (as Kapture and HostUp do).
      async reopenTicket(current: Ticket) {
        replies.push(current.number);
        return current;
      },
    };
    const shared = scope();
    const act = () =>
      createTicketLoader(registryOf(entry(provider, true, 'k')), {}, { idempotency: shared }).act(
        { provider: 'kapture', number: '5' },
        { action: 'reopenTicket' },
        'K',
      );
    await act();
    await act();
    expect(replies).toEqual(['5', '5']);
  });
});
