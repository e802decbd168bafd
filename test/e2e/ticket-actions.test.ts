import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeTicketId } from '../../src/domain/ids.js';
import { startGateway, type Gateway } from './harness.js';

/** The fields every action's result is read with. */
const RESULT = /* GraphQL */ `
  __typename
  ... on Ticket { number status statusText closedAt replies { body author { name isStaff } } raw }
  ... on Error { message }
  ... on ValidationError { field }
  ... on UpstreamError { code retryable }
`;

const REPLY = `mutation Reply($input: ReplyToTicketInput!) { replyToTicket(input: $input) { ${RESULT} } }`;
const CLOSE = `mutation Close($input: CloseTicketInput!) { closeTicket(input: $input) { ${RESULT} } }`;
const REOPEN = `mutation Reopen($input: ReopenTicketInput!) { reopenTicket(input: $input) { ${RESULT} } }`;

interface Result {
  __typename: string;
  number?: string;
  status?: string;
  statusText?: string | null;
  closedAt?: string | null;
  replies?: { body: string; author: { name: string | null; isStaff: boolean } | null }[];
  raw?: { task_details?: { substatusKey?: string }; history?: { conversations?: { message?: string }[] } };
  message?: string;
  field?: string;
  code?: string;
  retryable?: boolean;
}

// Open tickets of the sandbox's primary tenant (docs/providers/*.md, the seeded examples).
const SWEEPPEA_OPEN = '2650478';
const KELIWEB_OPEN = '516757';
const KAPTURE_OPEN = '713516551148';
const KAPTURE_UPDATE = '/update-ticket-from-other-source.html/v.2.0';
const KAPTURE_UPDATE_PATH = /^\/update-ticket-from-other-source\.html\/v\.2\.0$/;
const BODY = 'Risolto, grazie — ¡gracias! 🙏\nLine two';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ env: { UPSTREAM_TIMEOUT_MS: '1000' } });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

async function run(mutation: string, input: Record<string, unknown>): Promise<Result> {
  const { data, errors } = await gateway.client().rawRequest<Record<string, Result>>(mutation, { input });
  expect(errors).toBeUndefined();
  return Object.values(data)[0]!;
}

/** Requests the sandbox received for `provider` at `path`. */
const sent = (provider: 'sweeppea' | 'keliweb' | 'kapture', path: string) =>
  gateway.sandbox.requests.filter((request) => request.provider === provider && request.path.startsWith(path));

describe('closeTicket on Sweeppea', () => {
  it('closes an open ticket: a read, /tickets/resolve, a read back; a second close sends nothing', async () => {
    const closed = await run(CLOSE, { provider: 'SWEEPPEA', number: SWEEPPEA_OPEN });
    expect(closed).toMatchObject({ __typename: 'Ticket', number: SWEEPPEA_OPEN, status: 'CLOSED' });
    expect(closed.closedAt).not.toBeNull();
    expect(sent('sweeppea', '/tickets/resolve').map((request) => JSON.parse(request.body))).toEqual([
      { CaseId: SWEEPPEA_OPEN },
    ]);
    expect(gateway.sandbox.calls('sweeppea')).toBe(3);

    gateway.sandbox.keepRequests(true);
    const again = await run(CLOSE, { id: encodeTicketId({ provider: 'sweeppea', number: SWEEPPEA_OPEN }) });
    expect(again.__typename).toBe('TicketClosedError');
    expect(sent('sweeppea', '/tickets/resolve')).toHaveLength(1);
  });
});

describe('replyToTicket on Keliweb', () => {
  it('adds the reply through add-ticket-reply with the internal ticketid, and answers the thread read back', async () => {
    const result = await run(REPLY, { provider: 'KELIWEB', number: KELIWEB_OPEN, body: BODY });
    expect(result).toMatchObject({ __typename: 'Ticket', status: 'OPEN', statusText: 'Customer-Reply' });
    // Sent url-encoded, so its line break arrives as written (a multipart form would make it \r\n).
    expect(result.replies?.at(-1)).toMatchObject({ body: BODY, author: { isStaff: false } });
    const replies = sent('keliweb', '/api/v2/keliweb/add-ticket-reply');
    expect(replies).toHaveLength(1);
    expect(new URLSearchParams(replies[0]!.body).get('message')).toBe(BODY);
    // The current ticket read, the reply, the read back.
    expect(sent('keliweb', '/api/v2/keliweb/get-ticket')).toHaveLength(2);
  });
});

describe('Kapture actions', () => {
  it('replies with the ticket’s current sub-status, so its state stays as it was', async () => {
    const result = await run(REPLY, { provider: 'KAPTURE', number: KAPTURE_OPEN, body: BODY });
    expect(result).toMatchObject({ __typename: 'Ticket', status: 'OPEN', statusText: 'Pending' });
    expect(result.raw?.task_details?.substatusKey).toBe('PS');
    expect(result.raw?.history?.conversations?.at(-1)?.message).toBe(BODY);
    expect(sent('kapture', KAPTURE_UPDATE).map((request) => JSON.parse(request.body))).toEqual([
      [{ ticket_id: KAPTURE_OPEN, sub_status: 'PS', comment: BODY }],
    ]);
  });

  it('closes with CL and reopens with P, each read back', async () => {
    const closed = await run(CLOSE, { provider: 'KAPTURE', number: KAPTURE_OPEN });
    expect(closed).toMatchObject({ __typename: 'Ticket', status: 'CLOSED' });
    const reopened = await run(REOPEN, { provider: 'KAPTURE', number: KAPTURE_OPEN });
    expect(reopened).toMatchObject({ __typename: 'Ticket', status: 'OPEN', closedAt: null });
    expect(sent('kapture', KAPTURE_UPDATE).map((request) => JSON.parse(request.body))).toEqual([
      [{ ticket_id: KAPTURE_OPEN, sub_status: 'CL' }],
      [{ ticket_id: KAPTURE_OPEN, sub_status: 'P' }],
    ]);
  });

  it('never sends a write twice: a connection dropped once the update is read is not retryable', async () => {
    gateway.sandbox.setFault('kapture', { kind: 'reset', times: 1, path: KAPTURE_UPDATE_PATH });
    const result = await run(CLOSE, { provider: 'KAPTURE', number: KAPTURE_OPEN });
    expect(result).toMatchObject({ __typename: 'UpstreamError', code: 'UPSTREAM_ERROR', retryable: false });
    expect(result.message).toContain('the change may have been made');
    expect(sent('kapture', KAPTURE_UPDATE)).toHaveLength(1);
  });

  it('never sends a write twice: an answer that stalls past the deadline is UPSTREAM_TIMEOUT, not retryable', async () => {
    gateway.sandbox.setFault('kapture', { kind: 'stall', times: 1, path: KAPTURE_UPDATE_PATH });
    const result = await run(REPLY, { provider: 'KAPTURE', number: KAPTURE_OPEN, body: BODY });
    expect(result).toMatchObject({ __typename: 'UpstreamError', code: 'UPSTREAM_TIMEOUT', retryable: false });
    expect(sent('kapture', KAPTURE_UPDATE)).toHaveLength(1);
  });
});

describe('what the gateway refuses before sending anything', () => {
  it.each([
    ['an empty body', ''],
    ['a blank body', ' \n\t '],
    ['a body of 20,001 characters', 'b'.repeat(20_001)],
    ['a body with a NUL', 'a\u0000b'],
  ])('refuses %s as a ValidationError on body', async (_case, body) => {
    const result = await run(REPLY, { provider: 'KAPTURE', number: KAPTURE_OPEN, body });
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'body' });
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it('sends a body of exactly 20,000 characters', async () => {
    const result = await run(REPLY, { provider: 'KAPTURE', number: KAPTURE_OPEN, body: 'b'.repeat(20_000) });
    expect(result.__typename).toBe('Ticket');
    expect(sent('kapture', KAPTURE_UPDATE)).toHaveLength(1);
  });

  it('offers no provider that cannot do it: SWEEPPEA is not a ReplyableProvider', async () => {
    const { errors } = await gateway
      .client()
      .rawRequest(REPLY, { input: { provider: 'SWEEPPEA', number: SWEEPPEA_OPEN, body: BODY } })
      .catch((error: { response: { errors: unknown[] } }) => ({ errors: error.response.errors }));
    expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(gateway.sandbox.requests).toEqual([]);
  });

  it('answers UnsupportedError for the id of a ticket whose provider cannot do it', async () => {
    const result = await run(REOPEN, { id: encodeTicketId({ provider: 'sweeppea', number: SWEEPPEA_OPEN }) });
    expect(result).toMatchObject({ __typename: 'UnsupportedError' });
    expect(gateway.sandbox.requests).toEqual([]);
  });
});

describe('idempotency keys on actions', () => {
  it('sends a reply once for one key sent twice at once and once more later', async () => {
    const input = { provider: 'KELIWEB', number: KELIWEB_OPEN, body: BODY, idempotencyKey: 'reply-once-1' };
    const [first, second] = await Promise.all([run(REPLY, input), run(REPLY, input)]);
    expect(first).toEqual(second);
    expect(await run(REPLY, input)).toEqual(first);
    expect(sent('keliweb', '/api/v2/keliweb/add-ticket-reply')).toHaveLength(1);
  });

  it('refuses the key with other input, sending nothing', async () => {
    await run(CLOSE, { provider: 'KAPTURE', number: KAPTURE_OPEN, idempotencyKey: 'close-then-reply-1' });
    gateway.sandbox.reset();
    const result = await run(REPLY, {
      provider: 'KAPTURE',
      number: KAPTURE_OPEN,
      body: BODY,
      idempotencyKey: 'close-then-reply-1',
    });
    expect(result).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey' });
    expect(gateway.sandbox.requests).toEqual([]);
  });
});
