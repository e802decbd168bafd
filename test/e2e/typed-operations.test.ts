import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TicketListDocument,
  TicketPageDocument,
  UpdateTicketDocument,
  type TicketListQuery,
  type TicketPageQuery,
  type UpdateTicketMutation,
} from '../operations/generated/graphql.js';
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
    const data: TicketListQuery = await gateway.client().request(TicketListDocument, { refs });
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
