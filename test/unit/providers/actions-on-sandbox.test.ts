import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderName, Ticket } from '../../../src/domain/model.js';
import type { Credential, Provider } from '../../../src/providers/provider.js';
import { PROVIDER_FACTORIES } from '../../../src/providers/registry.js';
import { startSandbox, type Sandbox, type SandboxFault } from '../../../src/sandbox/index.js';
import { createUpstreamClient } from '../../../src/upstream/client.js';
import type { UpstreamClient } from '../../../src/upstream/types.js';

const ZONES: Record<ProviderName, string> = {
  sweeppea: 'UTC',
  hostup: 'Europe/Stockholm',
  keliweb: 'Europe/Rome',
  kapture: 'Asia/Kolkata',
};
const REPLY = 'Risolto, grazie — ¡gracias! 🙏';

/** One action on one ticket: what to call, and what the ticket read back must show. */
interface Action {
  readonly provider: ProviderName;
  readonly number: string;
  readonly act: (provider: Provider, current: Ticket, auth: Credential) => Promise<Ticket>;
  readonly shows: (ticket: Ticket) => void;
}

const ACTIONS: Record<string, Action> = {
  'Sweeppea closeTicket': {
    provider: 'sweeppea',
    number: '2650478',
    act: (provider, current, auth) => provider.closeTicket!(current, auth),
    shows: (ticket) => {
      expect(ticket).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
      expect(ticket.notes.at(-1)?.body).toBe('Ticket resolved by John Doe via the API.');
    },
  },
  'Keliweb replyToTicket': {
    provider: 'keliweb',
    number: '516757',
    act: (provider, current, auth) => provider.replyToTicket!(current, REPLY, auth),
    shows: (ticket) => {
      expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'Customer-Reply' });
      expect(ticket.replies.at(-1)).toMatchObject({ body: REPLY, author: { name: 'Cynthia Reilly', isStaff: false } });
    },
  },
  'Kapture replyToTicket': {
    provider: 'kapture',
    number: '713516551148',
    act: (provider, current, auth) => provider.replyToTicket!(current, REPLY, auth),
    shows: (ticket) => {
      expect(ticket).toMatchObject({ status: 'OPEN', statusText: 'Pending' });
      const raw = ticket.raw as { task_details: { substatusKey: string }; history: { conversations: unknown[] } };
      expect(raw.task_details.substatusKey).toBe('PS');
      expect(raw.history.conversations.at(-1)).toMatchObject({ message: REPLY });
    },
  },
  'Kapture closeTicket': {
    provider: 'kapture',
    number: '713516551148',
    act: (provider, current, auth) => provider.closeTicket!(current, auth),
    shows: (ticket) => expect(ticket).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) }),
  },
};

let sandbox: Sandbox;
const clients: UpstreamClient[] = [];
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await sandbox.close();
});
beforeEach(() => sandbox.reset());

/** The provider as the registry builds it, over the real upstream client, with retries on. */
function providerFor(name: ProviderName, timeoutMs = 5_000): Provider {
  const http = createUpstreamClient({
    provider: name,
    baseUrl: sandbox.urls[name],
    timeoutMs,
    maxConcurrency: 4,
    retries: 2,
  });
  clients.push(http);
  return PROVIDER_FACTORIES[name]({ http, timezone: ZONES[name], maxBatch: 20 });
}

/** The ticket as a request reads it before acting: `current`. */
async function currentOf(provider: Provider, number: string): Promise<Ticket> {
  const [ticket] = await provider.fetchTickets([number], { secret: sandbox.keys[provider.name] });
  if (!ticket || ticket instanceof Error) throw ticket;
  return ticket;
}

describe.each(Object.entries(ACTIONS))('%s against the sandbox', (_, action) => {
  const auth = () => ({ secret: sandbox.keys[action.provider] });

  it('makes the change in one write and reads the ticket back in one call, as later reads see it', async () => {
    const provider = providerFor(action.provider);
    const current = await currentOf(provider, action.number);
    const before = sandbox.calls(action.provider);
    const ticket = await action.act(provider, current, auth());
    expect(sandbox.calls(action.provider) - before).toBe(2);
    expect(ticket.number).toBe(action.number);
    action.shows(ticket);
    action.shows(await currentOf(provider, action.number));
  });

  it.each<[string, SandboxFault, string]>([
    ['the connection drops once the write is read', { kind: 'reset', times: 1 }, 'UPSTREAM_ERROR'],
    ['the answer stalls past the deadline', { kind: 'stall', times: 1 }, 'UPSTREAM_TIMEOUT'],
  ])('never sends the write again when %s, and says the change may have been made', async (_, fault, code) => {
    const provider = providerFor(action.provider, 400);
    const current = await currentOf(provider, action.number);
    const before = sandbox.calls(action.provider);
    sandbox.setFault(action.provider, fault);
    await expect(action.act(provider, current, auth())).rejects.toMatchObject({
      code,
      provider: action.provider,
      retryable: false,
      message: expect.stringContaining('the change may have been made'),
    });
    expect(sandbox.calls(action.provider) - before).toBe(1);
  });
});

describe('Kapture reopenTicket against the sandbox', () => {
  it('reopens a ticket closed there, and sends nothing for one that reads open', async () => {
    const provider = providerFor('kapture');
    const auth = { secret: sandbox.keys.kapture };
    const closed = await provider.closeTicket!(await currentOf(provider, '713516551148'), auth);
    const before = sandbox.calls('kapture');
    const reopened = await provider.reopenTicket!(closed, auth);
    expect(reopened).toMatchObject({ status: 'OPEN', closedAt: null });
    expect(sandbox.calls('kapture') - before).toBe(2);
    expect(await provider.reopenTicket!(reopened, auth)).toBe(reopened);
    expect(sandbox.calls('kapture') - before).toBe(2);
  });
});
