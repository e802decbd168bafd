import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SWEEPPEA_SEED } from '../../src/sandbox/sweeppea/seed.js';
import { startGateway, type Gateway } from './harness.js';

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      __typename
      ... on Ticket { number subject fetchedAt }
      ... on Error { message }
      ... on ValidationError { field }
    }
  }
`;

interface Result {
  __typename: string;
  number?: string;
  subject?: string;
  fetchedAt?: string;
  message?: string;
  field?: string;
}

const OPEN = SWEEPPEA_SEED.find((entry) => entry.owner === 'primary' && !entry.ticket.Status)!.ticket.CaseNumber;

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ env: { GATEWAY_API_KEYS: 'gateway-key-one,gateway-key-two' } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

async function update(input: Record<string, unknown>, gatewayKey = 'gateway-key-one'): Promise<Result> {
  const client = gateway.client({ authorization: `Bearer ${gatewayKey}` });
  const { data, errors } = await client.rawRequest<{ updateTicket: Result }>(UPDATE, { input });
  expect(errors).toBeUndefined();
  return data.updateTicket;
}

const sentUpdates = () => gateway.sandbox.requests.filter((request) => request.path === '/tickets/update');

describe('idempotency keys on updateTicket', () => {
  // Each test its own key: the gateway remembers keys across tests, as it would across requests.
  it('sends the update once for the same key sent three times at once, and answers each with its result', async () => {
    const input = { provider: 'SWEEPPEA', number: OPEN, title: 'Sent once', idempotencyKey: 'same-moment-1' };
    const results = await Promise.all([update(input), update(input), update(input)]);
    expect(results.map((result) => result.__typename)).toEqual(['Ticket', 'Ticket', 'Ticket']);
    expect(new Set(results.map((result) => result.fetchedAt)).size).toBe(1);
    expect(sentUpdates()).toHaveLength(1);
  });

  it('answers a later repeat with the first result, calling no provider', async () => {
    const input = { provider: 'SWEEPPEA', number: OPEN, title: 'First', idempotencyKey: 'later-1' };
    const first = await update(input);
    const calls = gateway.sandbox.calls('sweeppea');
    expect(await update(input)).toEqual(first);
    expect(gateway.sandbox.calls('sweeppea')).toBe(calls);
  });

  it('refuses the same key with other input as a ValidationError on idempotencyKey, sending nothing', async () => {
    await update({ provider: 'SWEEPPEA', number: OPEN, title: 'One', idempotencyKey: 'other-input-1' });
    gateway.sandbox.reset();
    const result = await update({ provider: 'SWEEPPEA', number: OPEN, title: 'Two', idempotencyKey: 'other-input-1' });
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey' });
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it('keeps callers with other gateway keys apart', async () => {
    const input = { provider: 'SWEEPPEA', number: OPEN, title: 'Apart', idempotencyKey: 'apart-1' };
    await update(input, 'gateway-key-one');
    await update(input, 'gateway-key-two');
    expect(sentUpdates()).toHaveLength(2);
  });

  it.each([[''], ['has space'], ['k'.repeat(256)]])('refuses the key %j before sending anything', async (key) => {
    const result = await update({ provider: 'SWEEPPEA', number: OPEN, title: 'x', idempotencyKey: key });
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey' });
    expect(gateway.sandbox.requests).toEqual([]);
  });
});
