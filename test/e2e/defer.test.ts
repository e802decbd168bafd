import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { ExecutionResult } from '@graphql-tools/utils';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

/** Long enough that a Kapture answer on loopback always comes first, short enough for a test. */
const SLOW_MS = 1000;

interface Incremental {
  readonly data?: Record<string, unknown>;
  readonly items?: unknown[];
  readonly path: (string | number)[];
  readonly label?: string;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
}
type Payload = ExecutionResult & { hasNext?: boolean; incremental?: Incremental[] };

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

/**
 * What a client holds after each part arrives, read by graphql-tools' HTTP executor: it merges
 * each incremental payload into one result and yields it, so each is snapshotted as it comes.
 */
async function snapshots(query: string, variables: Record<string, unknown> = {}): Promise<Payload[]> {
  const executor = buildHTTPExecutor({ endpoint: gateway.url });
  const result = await executor({ document: parse(query), variables });
  if (!(Symbol.asyncIterator in Object(result))) return [result as Payload];
  const all: Payload[] = [];
  for await (const payload of result as AsyncIterable<Payload>) all.push(structuredClone(payload));
  return all;
}

/** The raw parts of a multipart/mixed answer, each parsed as the JSON payload it carries. */
async function multipartParts(response: Response): Promise<Payload[]> {
  const type = response.headers.get('content-type') ?? '';
  expect(type).toMatch(/^multipart\/mixed;\s*boundary=/);
  const boundary = /boundary="?([^";]+)"?/.exec(type)![1]!;
  return (await response.text())
    .split(`--${boundary}`)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '--')
    .map((part) => {
      const [head, ...content] = part.split(/\r?\n\r?\n/);
      expect(head).toMatch(/content-type: application\/json/i);
      return JSON.parse(content.join('\n\n')) as Payload;
    });
}

const post = (query: string, accept: string) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });

describe('@defer', () => {
  it("shows a fast ticket first and a slow provider's ticket with its replies when it comes", async () => {
    gateway.sandbox.setLatency('sweeppea', SLOW_MS);
    const fast = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const slow = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const all = await snapshots(
      /* GraphQL */ `
        query TicketPage($fast: String!, $slow: String!) {
          fast: ticket(provider: KAPTURE, number: $fast) { number subject }
          ... @defer(label: "slow") {
            slow: ticket(provider: SWEEPPEA, number: $slow) { number subject replies { body } }
          }
        }
      `,
      { fast, slow },
    );
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]?.data).toEqual({ fast: { number: fast, subject: expect.any(String) } });
    expect(all.at(-1)?.data).toEqual({
      fast: { number: fast, subject: expect.any(String) },
      slow: { number: slow, subject: expect.any(String), replies: expect.any(Array) },
    });
    expect(all.at(-1)?.errors).toBeUndefined();
    expect(gateway.sandbox.calls('sweeppea')).toBe(1);
  });

  it("defers a ticket's replies inside the same ticket, read by one upstream call", async () => {
    const number = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const all = await snapshots(
      `query($n: String!) { ticket(provider: HOSTUP, number: $n) { number ... @defer { replies(order: DESC) { body createdAt } } } }`,
      { n: number },
    );
    expect(all[0]?.data).toEqual({ ticket: { number } });
    expect(all.at(-1)?.data).toEqual({ ticket: { number, replies: expect.any(Array) } });
    expect(gateway.sandbox.calls('hostup')).toBe(1);
  });

  it('keeps a deferred ticket that fails null at its path with its code, after the rest was sent', async () => {
    const fast = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const response = await post(
      `{ fast: ticket(provider: KAPTURE, number: "${fast}") { number } ... @defer { gone: ticket(provider: HOSTUP, number: "999999999") { number } } }`,
      'multipart/mixed',
    );
    const [first, ...rest] = await multipartParts(response);
    expect(first).toEqual({ data: { fast: { number: fast } }, hasNext: true });
    expect(rest.flatMap((payload) => payload.incremental ?? [])).toEqual([
      {
        data: { gone: null },
        path: [],
        errors: [expect.objectContaining({ path: ['gone'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
      },
    ]);
    expect(rest.at(-1)?.hasNext).toBe(false);
  });

  it('answers as a real multipart/mixed response, one JSON part per payload', async () => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const response = await post(`{ ticket(provider: KELIWEB, number: "${number}") { number ... @defer(label: "more") { subject } } }`, 'multipart/mixed');
    expect(response.status).toBe(200);
    const parts = await multipartParts(response);
    expect(parts[0]).toEqual({ data: { ticket: { number } }, hasNext: true });
    expect(parts.slice(1).flatMap((payload) => payload.incremental ?? [])).toEqual([{ label: 'more', path: ['ticket'], data: { subject: expect.any(String) } }]);
    expect(parts.at(-1)?.hasNext).toBe(false);
  });

  it.each(['application/graphql-response+json', 'application/json'])(
    'answers a client that accepts only %s with the whole result in one response',
    async (accept) => {
      const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
      const response = await post(`{ ticket(provider: KELIWEB, number: "${number}") { number ... @defer { subject } tags @stream } }`, accept);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')?.split(';')[0]).toBe(accept);
      expect(await response.json()).toEqual({ data: { ticket: { number, subject: expect.any(String), tags: expect.any(Array) } } });
      expect(gateway.sandbox.calls('keliweb')).toBe(1);
    },
  );
});

describe('@stream', () => {
  it('streams a list of tickets after the first, each as its provider answers', async () => {
    const refs = (['kapture', 'hostup', 'keliweb'] as const).map((name) => ({ provider: name.toUpperCase(), number: gateway.sandbox.ticketNumbers(name)[0]! }));
    const all = await snapshots(`query($refs: [TicketRef!]!) { tickets(refs: $refs) @stream(initialCount: 1) { provider number } }`, { refs });
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]?.data).toEqual({ tickets: [refs[0]] });
    expect(all.at(-1)?.data).toEqual({ tickets: refs });
  });
});
