import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { ExecutionResult } from '@graphql-tools/utils';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from './harness.js';

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

/** A multipart/mixed answer read part by part as it arrives, each part parsed as its JSON payload. */
function multipartReader(response: Response): { next(): Promise<Payload | undefined>; rest(): Promise<Payload[]> } {
  const type = response.headers.get('content-type') ?? '';
  expect(type).toMatch(/^multipart\/mixed;\s*boundary=/);
  const delimiter = `\r\n--${/boundary="?([^";]+)"?/.exec(type)![1]!}`;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  // A leading CRLF lets the first delimiter be found like the others.
  let buffer = '\r\n';
  let ended = false;
  async function next(): Promise<Payload | undefined> {
    for (;;) {
      const start = buffer.indexOf(delimiter);
      const end = start < 0 ? -1 : buffer.indexOf(delimiter, start + delimiter.length);
      if (end >= 0) {
        const part = buffer.slice(start + delimiter.length, end);
        buffer = buffer.slice(end);
        const [head = '', ...body] = part.replace(/^\r\n/, '').split('\r\n\r\n');
        expect(head).toMatch(/content-type: application\/json/i);
        return JSON.parse(body.join('\r\n\r\n')) as Payload;
      }
      if (ended) return undefined;
      const chunk = await reader.read();
      if (chunk.done) ended = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  return {
    next,
    async rest() {
      const parts: Payload[] = [];
      for (let part = await next(); part !== undefined; part = await next()) parts.push(part);
      return parts;
    },
  };
}

const post = (query: string, accept: string | null, variables: Record<string, unknown> = {}) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept !== null && { accept }) },
    body: JSON.stringify({ query, variables }),
  });

describe('@defer', () => {
  it("sends a fast ticket first, while a slow provider's ticket is still being read, and that one when it comes", async () => {
    const fast = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const slow = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const release = gateway.sandbox.hold('sweeppea');
    const response = await post(
      /* GraphQL */ `
        query TicketPage($fast: String!, $slow: String!) {
          fast: ticket(provider: KAPTURE, number: $fast) { number subject }
          ... @defer(label: "slow") {
            slow: ticket(provider: SWEEPPEA, number: $slow) { number subject replies { body } }
          }
        }
      `,
      'multipart/mixed',
      { fast, slow },
    );
    const parts = multipartReader(response);
    // Sweeppea cannot have answered yet: it is held until the first part is in.
    expect(await parts.next()).toEqual({
      data: { fast: { number: fast, subject: expect.any(String) } },
      hasNext: true,
    });
    release();
    const rest = await parts.rest();
    expect(rest.flatMap((payload) => payload.incremental ?? [])).toEqual([
      {
        label: 'slow',
        path: [],
        data: { slow: { number: slow, subject: expect.any(String), replies: expect.any(Array) } },
      },
    ]);
    expect(rest.at(-1)?.hasNext).toBe(false);
    expect({ kapture: gateway.sandbox.calls('kapture'), sweeppea: gateway.sandbox.calls('sweeppea') }).toEqual({
      kapture: 1,
      sweeppea: 1,
    });
  });

  it("is read by a GraphQL client (graphql-tools' HTTP executor) as a result that fills in", async () => {
    const fast = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const slow = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const all = await snapshots(
      `query($fast: String!, $slow: String!) { fast: ticket(provider: KAPTURE, number: $fast) { number } ... @defer { slow: ticket(provider: SWEEPPEA, number: $slow) { number } } }`,
      { fast, slow },
    );
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]?.data).toEqual({ fast: { number: fast } });
    expect(all.at(-1)?.data).toEqual({ fast: { number: fast }, slow: { number: slow } });
    expect({ kapture: gateway.sandbox.calls('kapture'), sweeppea: gateway.sandbox.calls('sweeppea') }).toEqual({
      kapture: 1,
      sweeppea: 1,
    });
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
    const parts = multipartReader(response);
    expect(await parts.next()).toEqual({ data: { fast: { number: fast } }, hasNext: true });
    const rest = await parts.rest();
    expect(rest.flatMap((payload) => payload.incremental ?? [])).toEqual([
      {
        data: { gone: null },
        path: [],
        errors: [
          expect.objectContaining({ path: ['gone'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
        ],
      },
    ]);
    expect(rest.at(-1)?.hasNext).toBe(false);
    expect({ kapture: gateway.sandbox.calls('kapture'), hostup: gateway.sandbox.calls('hostup') }).toEqual({
      kapture: 1,
      hostup: 1,
    });
  });

  it('answers as a real multipart/mixed response, one JSON part per payload', async () => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const response = await post(
      `{ ticket(provider: KELIWEB, number: "${number}") { number ... @defer(label: "more") { subject } } }`,
      'multipart/mixed',
    );
    expect(response.status).toBe(200);
    const parts = await multipartReader(response).rest();
    expect(parts[0]).toEqual({ data: { ticket: { number } }, hasNext: true });
    expect(parts.slice(1).flatMap((payload) => payload.incremental ?? [])).toEqual([
      { label: 'more', path: ['ticket'], data: { subject: expect.any(String) } },
    ]);
    expect(parts.at(-1)?.hasNext).toBe(false);
  });

  it.each([
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    [null, 'application/json'],
    ['multipart/mixed;q=0, application/json', 'application/json'],
  ])('answers a client whose Accept is %s with the whole result in one %s response', async (accept, answered) => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const response = await post(
      `{ ticket(provider: KELIWEB, number: "${number}") { number ... @defer { subject } tags @stream } }`,
      accept,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(answered);
    expect(await response.json()).toEqual({
      data: { ticket: { number, subject: expect.any(String), tags: expect.any(Array) } },
    });
    expect(gateway.sandbox.calls('keliweb')).toBe(1);
  });
});

describe('@stream', () => {
  it('sends the first tickets of a list at once and the rest after, in list order', async () => {
    const refs = (['kapture', 'hostup', 'keliweb'] as const).map((name) => ({
      provider: name.toUpperCase(),
      number: gateway.sandbox.ticketNumbers(name)[0]!,
    }));
    const all = await snapshots(
      `query($refs: [TicketRef!]!) { tickets(refs: $refs) @stream(initialCount: 1) { provider number } }`,
      { refs },
    );
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0]?.data).toEqual({ tickets: [refs[0]] });
    expect(all.at(-1)?.data).toEqual({ tickets: refs });
    expect(['kapture', 'hostup', 'keliweb'].map((name) => gateway.sandbox.calls(name as 'kapture'))).toEqual([1, 1, 1]);
  });
});
