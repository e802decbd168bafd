import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TicketsByRefDocument,
  TicketPageDocument,
  UpdateTicketDocument,
  type TicketsByRefQuery,
  type TicketPageQuery,
  type UpdateTicketMutation,
} from '../operations/generated/graphql.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inboxPage, renameTicket, ticketPage, ticketsByRef } from '../../examples/frontend.js';
import { startGateway, type Gateway } from './harness.js';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.sandbox.reset());

// The operations a frontend makes (test/operations/*.graphql), as GraphQL Code Generator types
// them: the client's result type is the generated one, so a schema change that breaks a frontend
// breaks the type-check here.
describe('typed operations from codegen', () => {
  it('loads a ticket page', async () => {
    const number = gateway.sandbox.ticketNumbers('keliweb')[0]!;
    const data: TicketPageQuery = await gateway.client().request(TicketPageDocument, { provider: 'KELIWEB', number });
    expect(data.ticket).toMatchObject({ provider: 'KELIWEB', number });
    expect(data.ticket?.replies.length).toBeGreaterThan(0);
    expect(gateway.sandbox.calls('keliweb')).toBe(1);
  });

  it('loads a list across providers', async () => {
    const refs = (['sweeppea', 'hostup', 'keliweb', 'kapture'] as const).map((name) => ({
      provider: name.toUpperCase() as 'SWEEPPEA' | 'HOSTUP' | 'KELIWEB' | 'KAPTURE',
      number: gateway.sandbox.ticketNumbers(name)[0]!,
    }));
    const data: TicketsByRefQuery = await gateway.client().request(TicketsByRefDocument, { refs });
    expect(data.tickets.map((ticket) => ticket?.provider)).toEqual(refs.map((ref) => ref.provider));
  });

  it('runs the update flow', async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    const data: UpdateTicketMutation = await gateway
      .client()
      .request(UpdateTicketDocument, { input: { provider: 'SWEEPPEA', number, title: 'Typed update' } });
    expect(data.updateTicket.__typename).toBe('Ticket');
    if (data.updateTicket.__typename === 'Ticket') expect(data.updateTicket.subject).toBe('Typed update');
  });
});

describe('examples/frontend.ts', () => {
  it('opens a ticket page, or null for a ticket that does not exist', async () => {
    const number = gateway.sandbox.ticketNumbers('hostup')[0]!;
    const page = await ticketPage(gateway.client(), 'HOSTUP', number);
    expect(page).toMatchObject({
      provider: 'HOSTUP',
      number,
      replies: expect.any(Array),
      notes: expect.any(Array),
      attachments: expect.any(Array),
    });
    expect(await ticketPage(gateway.client(), 'HOSTUP', '999999999')).toBeNull();
    expect(gateway.sandbox.calls('hostup')).toBe(2);
  });

  it('lists tickets across providers, a failed one in its place with its code', async () => {
    const kapture = gateway.sandbox.ticketNumbers('kapture')[0]!;
    const rows = await ticketsByRef(gateway.client(), [
      { provider: 'KAPTURE', number: kapture },
      { provider: 'HOSTUP', number: '999999999' },
    ]);
    expect(rows).toEqual([
      { ticket: expect.objectContaining({ provider: 'KAPTURE', number: kapture }) },
      { failure: { code: 'NOT_FOUND', message: expect.any(String) } },
    ]);
    expect({ kapture: gateway.sandbox.calls('kapture'), hostup: gateway.sandbox.calls('hostup') }).toEqual({
      kapture: 1,
      hostup: 1,
    });
  });

  it('shows an inbox a page at a time, each page costing the list calls alone', async () => {
    const pages = [];
    let next: string | null = null;
    do {
      const page = await inboxPage(gateway.client(), 'SWEEPPEA', { state: 'OPEN' }, next, 20);
      if (!('rows' in page)) throw new Error(page.failure.message);
      pages.push(page);
      next = page.next;
    } while (next !== null);
    expect(pages.map((page) => page.rows.length)).toEqual([20, 20, 5]);
    expect(pages[0]!.total).toBe(45);
    expect(pages[0]!.rows[0]).toMatchObject({ number: '2215230', status: 'OPEN' });
    const numbers = pages.flatMap((page) => page.rows.map((row) => row.number));
    expect(new Set(numbers).size).toBe(45);
    // fetchOpenTickets pages 1, 2 and 3; fetchSingleTicket only for subjects the list may have cut.
    const lists = gateway.sandbox.requests.filter((request) => request.path.endsWith('/fetchOpenTickets'));
    expect(lists.map((request) => JSON.parse(request.body).page)).toEqual([1, 2, 3]);
  });

  it('says why an inbox cannot be shown, with no upstream call', async () => {
    expect(await inboxPage(gateway.client(), 'KAPTURE', {})).toEqual({
      failure: {
        code: 'BAD_USER_INPUT',
        message:
          'Kapture CRM lists tickets only with `filter.createdAfter` and `filter.createdBefore`, at most 31 days apart',
      },
    });
    expect(gateway.sandbox.calls('kapture')).toBe(0);
  });

  it('renames a ticket, and says which field is wrong when the title is blank', async () => {
    const number = gateway.sandbox.ticketNumbers('sweeppea')[0]!;
    expect(await renameTicket(gateway.client(), 'SWEEPPEA', number, 'Renamed by the example')).toEqual({
      saved: { id: expect.any(String), subject: 'Renamed by the example' },
    });
    const calls = gateway.sandbox.calls('sweeppea');
    expect(await renameTicket(gateway.client(), 'SWEEPPEA', number, '   ')).toEqual({
      invalid: expect.any(String),
      field: 'title',
    });
    // A blank title is refused before anything is sent.
    expect(gateway.sandbox.calls('sweeppea')).toBe(calls);
  });

  it('runs as a script against a running gateway', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/frontend.ts'], {
      env: { ...process.env, GRAPHQL_URL: gateway.url },
      timeout: 15_000,
    });
    expect(stdout).toMatch(/replies, \d+ notes, \d+ files/);
    expect(stdout).toMatch(/failed: NOT_FOUND/);
    expect(stdout).toMatch(/Sweeppea inbox: 45 open tickets/);
    expect(stdout).toMatch(/Kapture, a week: 20 tickets/);
    expect(stdout).toMatch(/refused: BAD_USER_INPUT: Kapture CRM lists tickets only with/);
    expect(stdout).toMatch(/saved/);
    expect(stdout).toMatch(/invalid/);
    // It renames a ticket GraphiQL's opening query does not show, which reads as the README says.
    const opening = await gateway
      .client()
      .request<{ a: { subject: string }; b: { subject: string } }>(
        '{ a: ticket(provider: SWEEPPEA, number: "HYXTNJV") { subject } b: ticket(provider: SWEEPPEA, number: "2379095") { subject } }',
      );
    expect(opening).toEqual({
      a: { subject: 'Issue with sweepstakes configuration' },
      b: { subject: 'Renamed from examples/frontend.ts' },
    });
  });
});
