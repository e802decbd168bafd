import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { credentialHeader } from '../../src/loading/credentials.js';
import { startGateway, type Gateway } from './harness.js';

const TICKETS = /* GraphQL */ `
  query Tickets($refs: [TicketRef!]!) { tickets(refs: $refs) { provider number subject } }
`;
type Data = { tickets: ({ provider: string; number: string; subject: string | null } | null)[] };

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

/** Each provider's first ticket of the primary tenant, then of the other tenant. */
function refs(): { provider: string; number: string }[] {
  return ['primary', 'other'].flatMap((owner) =>
    PROVIDER_NAMES.map((name) => ({
      provider: name.toUpperCase(),
      number: gateway.sandbox.ticketNumbers(name, owner as 'primary' | 'other')[0]!,
    })),
  );
}

/** Headers that bring the given tenant's key for every provider. */
function keysOf(owner: 'primary' | 'other'): Record<string, string> {
  const keys = owner === 'primary' ? gateway.sandbox.keys : gateway.sandbox.otherKeys;
  return Object.fromEntries(PROVIDER_NAMES.map((name: ProviderName) => [credentialHeader(name), keys[name]]));
}

describe('per-request upstream credentials', () => {
  it("never lets two concurrent requests with different keys see each other's tickets", async () => {
    // Latency makes the requests overlap in every provider's loader and connection pool.
    for (const name of PROVIDER_NAMES) gateway.sandbox.setLatency(name, 30);
    const asked = refs();
    const rounds = await Promise.all(
      Array.from({ length: 6 }, (_, index) => {
        const owner = index % 2 === 0 ? 'primary' : 'other';
        return gateway
          .client(keysOf(owner))
          .rawRequest<Data>(TICKETS, { refs: asked })
          .then(({ data }) => ({
            owner,
            seen: data.tickets.map((ticket) => (ticket ? `${ticket.provider}:${ticket.number}` : null)),
          }));
      }),
    );
    const own = (owner: string) =>
      asked.map((ref, index) =>
        index < PROVIDER_NAMES.length === (owner === 'primary') ? `${ref.provider}:${ref.number}` : null,
      );
    for (const { owner, seen } of rounds) expect(seen).toEqual(own(owner));
  });

  it('serves nothing from an earlier request: a bad key after a good one reads nothing', async () => {
    const ticket = { provider: 'HOSTUP', number: gateway.sandbox.ticketNumbers('hostup')[0]! };
    const good = await gateway.client(keysOf('primary')).rawRequest<Data>(TICKETS, { refs: [ticket] });
    expect(good.data.tickets[0]).not.toBeNull();
    const bad = await gateway
      .client({ [credentialHeader('hostup')]: 'hu_not_a_key' })
      .rawRequest<Data>(TICKETS, { refs: [ticket] });
    expect(bad.data.tickets[0]).toBeNull();
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'hostup' });
    expect(gateway.sandbox.calls('hostup')).toBe(2);
  });
});
