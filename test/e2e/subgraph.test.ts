import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeTicketId } from '../../src/domain/ids.js';
import { PROVIDER_NAMES, type ProviderName } from '../../src/domain/model.js';
import { offeredProviders } from '../../src/providers/registry.js';
import { MAX_REPRESENTATIONS } from '../../src/graphql/index.js';
import { printSubgraphFor } from '../../src/graphql/print.js';
import { MAX_TICKETS_PER_REQUEST } from '../../src/loading/ticket-loader.js';
import { startGateway, type Gateway } from './harness.js';

/** What a federation router sends this subgraph for tickets it holds references to. */
const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Ticket { id provider number subject }
    }
  }
`;

interface EntitiesData {
  _entities: ({ __typename: string; id: string; provider: string; number: string; subject: string | null } | null)[];
}

const byKey = (provider: ProviderName, number: string) => ({
  __typename: 'Ticket',
  provider: provider.toUpperCase(),
  number,
});
const byId = (provider: ProviderName, number: string) => ({
  __typename: 'Ticket',
  id: encodeTicketId({ provider, number }),
});
/** Kapture ids no seeded ticket has: the search answers without them, so each is NOT_FOUND. */
const unknownKaptureIds = (count: number) =>
  Array.from({ length: count }, (_, index) => `9${String(index).padStart(11, '0')}`);

let gateway: Gateway;
beforeAll(async () => {
  // 100 tickets a provider: the seed's 26 and copies of them under new numbers.
  gateway = await startGateway({ sandbox: { copies: 74 } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

const entities = (representations: unknown[]) =>
  gateway.client().rawRequest<EntitiesData>(ENTITIES, { representations });
const totalCalls = () => PROVIDER_NAMES.reduce((sum, name) => sum + gateway.sandbox.calls(name), 0);

describe('_service', () => {
  it('serves the SDL in subgraph.graphql: Ticket keyed by id and by provider and number', async () => {
    const { data } = await gateway.client().rawRequest<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(data._service.sdl.trimEnd()).toBe(
      readFileSync(new URL('../../subgraph.graphql', import.meta.url), 'utf8').trimEnd(),
    );
  });

  it('describes the schema this gateway serves: no updateTicket when no enabled provider can update', async () => {
    const readOnly = await startGateway({
      adjust: (config) => ({
        ...config,
        providers: { ...config.providers, sweeppea: { ...config.providers.sweeppea, enabled: false } },
      }),
    });
    try {
      const { data } = await readOnly.client().rawRequest<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(data._service.sdl).toContain('@key(fields: "provider number")');
      expect(data._service.sdl).not.toMatch(/updateTicket\(|UpdatableProvider/);
      expect(data._service.sdl).toMatch(/replyToTicket\(/);
      // What `npm run subgraph:sdl` prints for that configuration.
      expect(data._service.sdl.trimEnd()).toBe(printSubgraphFor(offeredProviders(readOnly.app.providers)).trimEnd());
    } finally {
      await readOnly.close();
    }
  });
});

describe('_entities', () => {
  it(`reads 100 Kapture representations in ⌈100 / 20⌉ = 5 upstream calls, in the order sent`, async () => {
    const numbers = gateway.sandbox.ticketNumbers('kapture').slice(0, 100).reverse();
    expect(numbers).toHaveLength(100);
    const { data, errors } = await entities(numbers.map((number) => byKey('kapture', number)));
    expect(errors).toBeUndefined();
    expect(gateway.sandbox.calls('kapture')).toBe(5);
    expect(data._entities.map((ticket) => ticket?.number)).toEqual(numbers);
    expect(data._entities[0]).toMatchObject({
      __typename: 'Ticket',
      provider: 'KAPTURE',
      id: encodeTicketId({ provider: 'kapture', number: numbers[0]! }),
    });
  });

  it("reads the sandbox's copies of each provider's tickets under their new numbers", async () => {
    const representations = PROVIDER_NAMES.map((name) => byKey(name, gateway.sandbox.ticketNumbers(name).at(-1)!));
    const { data, errors } = await entities(representations);
    expect(errors).toBeUndefined();
    expect(data._entities.map((ticket) => [ticket?.provider, ticket?.number, typeof ticket?.subject])).toEqual(
      representations.map((representation) => [representation.provider, representation.number, 'string']),
    );
  });

  it('fails each unknown Kapture id alone, at its own index, in whichever batch it falls', async () => {
    const known = gateway.sandbox.ticketNumbers('kapture').slice(0, 27);
    const unknown = unknownKaptureIds(3);
    // 30 ids: two batches of 20 and 10, with unknown ids in each.
    const numbers = [known[0]!, unknown[0]!, ...known.slice(1, 22), unknown[1]!, ...known.slice(22), unknown[2]!];
    const { data, errors } = await entities(numbers.map((number) => byKey('kapture', number)));
    expect(data._entities.map((ticket) => ticket?.number ?? null)).toEqual(
      numbers.map((number) => (unknown.includes(number) ? null : number)),
    );
    const missing = numbers.flatMap((number, index) => (unknown.includes(number) ? [index] : []));
    expect(
      errors?.map((error) => [error.path?.[1], error.extensions?.code]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(missing.map((index) => [index, 'NOT_FOUND']));
    expect(gateway.sandbox.calls('kapture')).toBe(2);
  });

  it('resolves both keys through the same loaders: one call per provider for what one key of each asks, duplicates once', async () => {
    const representations = PROVIDER_NAMES.flatMap((name) => {
      const [first, second] = gateway.sandbox.ticketNumbers(name);
      return [byKey(name, first!), byId(name, first!), byId(name, second!), byKey(name, second!)];
    });
    const { data, errors } = await entities(representations);
    expect(errors).toBeUndefined();
    expect(data._entities.map((ticket) => [ticket?.provider, ticket?.number])).toEqual(
      PROVIDER_NAMES.flatMap((name) => {
        const [first, second] = gateway.sandbox.ticketNumbers(name);
        return [first, first, second, second].map((number) => [name.toUpperCase(), number]);
      }),
    );
    // Two distinct tickets per provider: Kapture reads both in one call, the others one call each.
    expect(Object.fromEntries(PROVIDER_NAMES.map((name) => [name, gateway.sandbox.calls(name)]))).toEqual({
      sweeppea: 2,
      hostup: 2,
      keliweb: 2,
      kapture: 1,
    });
  });

  it('fails each bad representation alone with BAD_USER_INPUT, before any upstream call for it', async () => {
    const good = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const bad: Record<string, unknown> = {
      'no key': { __typename: 'Ticket' },
      'an unknown type': { __typename: 'Customer', id: 'x' },
      'no __typename': { provider: 'HOSTUP', number: good },
      'a number': 42,
      'a string': 'Ticket',
      'a list': [{ __typename: 'Ticket' }],
      'an unknown provider': { __typename: 'Ticket', provider: 'JIRA', number: '1' },
      "the provider's internal name": { __typename: 'Ticket', provider: 'hostup', number: good },
      'a provider name in title case': { __typename: 'Ticket', provider: 'Hostup', number: good },
      'a provider name with a Kelvin sign for K': {
        __typename: 'Ticket',
        provider: '\u212AAPTURE',
        number: gateway.sandbox.ticketNumbers('kapture')[0]!,
      },
      'an id that names another ticket than its provider and number': {
        ...byId('hostup', good),
        provider: 'KAPTURE',
        number: good,
      },
      'a provider without a number': { __typename: 'Ticket', provider: 'HOSTUP' },
      'a malformed id': { __typename: 'Ticket', id: '!!not-an-id' },
      'an id of another type': { __typename: 'Ticket', id: Buffer.from('User:hostup:1').toString('base64url') },
      'a number with a path in it': { __typename: 'Ticket', provider: 'HOSTUP', number: '../../admin' },
      'an id with a hostile number': byId('hostup', '1?x=2'),
      'a number that is not a string': { __typename: 'Ticket', provider: 'HOSTUP', number: 616828 },
    };
    const representations = [byKey('hostup', good), ...Object.values(bad), byKey('hostup', good)];
    const { data, errors } = await entities(representations);
    expect(data._entities[0]?.number).toBe(good);
    expect(data._entities.at(-1)?.number).toBe(good);
    expect(data._entities.slice(1, -1)).toEqual(Object.keys(bad).map(() => null));
    expect(
      errors?.map((error) => [error.path?.[1], error.extensions?.code]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(Object.keys(bad).map((_, index) => [index + 1, 'BAD_USER_INPUT']));
    expect(gateway.sandbox.calls('hostup')).toBe(1);
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('accepts an id beside the provider and number it names, as a router may send both keys', async () => {
    const number = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const { data, errors } = await entities([{ ...byId('hostup', number), provider: 'HOSTUP', number }]);
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([expect.objectContaining({ provider: 'HOSTUP', number })]);
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });

  it(`refuses more than ${MAX_REPRESENTATIONS} representations at once, calling no upstream`, async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const { data, errors } = await entities(
      Array.from({ length: MAX_REPRESENTATIONS + 1 }, () => byKey('kapture', number)),
    );
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: expect.stringMatching(/at most 1000 entity representations/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(totalCalls()).toBe(0);
  });

  it(`counts representations over every _entities field of a request, aliases included`, async () => {
    const number = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const representations = Array.from({ length: 400 }, () => byKey('kapture', number));
    const aliased = `query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } c: _entities(representations: $r) { __typename } }`;
    const { data, errors } = await gateway
      .client()
      .rawRequest<Record<string, unknown>>(aliased, { r: representations });
    // The first two fit in 1000; the third is refused, and _entities being non-null, so is the answer.
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ path: ['c'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect(gateway.sandbox.calls('kapture')).toBe(1);
  });

  it(`reads at most ${MAX_TICKETS_PER_REQUEST} distinct tickets a request, as any query does`, async () => {
    const numbers = unknownKaptureIds(MAX_TICKETS_PER_REQUEST + 3);
    const { data, errors } = await entities(numbers.map((number) => byKey('kapture', number)));
    expect(data._entities).toHaveLength(numbers.length);
    const refused = errors?.filter((error) => error.extensions?.code === 'BAD_USER_INPUT') ?? [];
    expect(refused.map((error) => error.path?.[1])).toEqual([200, 201, 202]);
    expect(gateway.sandbox.calls('kapture')).toBe(MAX_TICKETS_PER_REQUEST / 20);
  });
});
