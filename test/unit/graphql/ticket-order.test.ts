import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/loading/context.js';
import type { Note, Reply, Ticket } from '../../../src/domain/model.js';
import { PROVIDERS_THAT_CAN } from '../../../src/providers/catalog.js';
import { schemaFor } from '../../../src/graphql/index.js';

const schema = schemaFor(PROVIDERS_THAT_CAN);

const note = (id: string, createdAt: string | null): Note => ({ id, createdAt, body: id, author: null });
const reply = (id: string, createdAt: string | null): Reply => ({
  id,
  createdAt,
  body: id,
  bodyFormat: 'TEXT',
  author: null,
  attachments: [],
});

/** The schema run on one ticket, as a provider mapped it (in the provider's order). */
async function read(
  ticket: Partial<Ticket>,
): Promise<{ notes: { id: string }[]; asc: { id: string }[]; desc: { id: string }[] }> {
  const whole = { provider: 'hostup', number: '1', notes: [], replies: [], ...ticket } as Ticket;
  const contextValue = { tickets: { load: async () => whole } } as unknown as Context;
  const result = await graphql({
    schema,
    source:
      '{ ticket(provider: HOSTUP, number: "1") { notes { id } asc: replies { id } desc: replies(order: DESC) { id } } }',
    contextValue,
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { ticket: never }).ticket;
}

describe('Ticket.notes and Ticket.replies order', () => {
  it('puts notes oldest first by instant, whatever order and offsets the provider sent', async () => {
    const { notes } = await read({
      notes: [
        note('c', '2025-01-02T10:00:00+01:00'),
        note('a', '2025-01-01T23:30:00-05:00'),
        note('b', '2025-01-02T08:00:00Z'),
      ],
    });
    // a is 2025-01-02T04:30Z, b 08:00Z, c 09:00Z.
    expect(notes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it("keeps undated notes first, in the provider's order, and ties in the provider's order", async () => {
    const { notes } = await read({
      notes: [
        note('d1', '2025-01-01T00:00:00Z'),
        note('u1', null),
        note('d2', '2025-01-01T00:00:00Z'),
        note('u2', null),
      ],
    });
    expect(notes.map((n) => n.id)).toEqual(['u1', 'u2', 'd1', 'd2']);
  });

  it('orders replies by time sent, ASC by default and DESC on request', async () => {
    const { asc, desc } = await read({
      replies: [
        reply('late', '2025-03-01T12:00:00Z'),
        reply('undated', null),
        reply('early', '2025-02-01T12:00:00+02:00'),
      ],
    });
    expect(asc.map((r) => r.id)).toEqual(['undated', 'early', 'late']);
    expect(desc.map((r) => r.id)).toEqual(['late', 'early', 'undated']);
  });

  it("keeps the provider's order for ties and undated replies newest first, too", async () => {
    const { desc } = await read({
      replies: [
        reply('u1', null),
        reply('t1', '2025-03-01T12:00:00Z'),
        reply('t2', '2025-03-01T12:00:00Z'),
        reply('u2', null),
      ],
    });
    expect(desc.map((r) => r.id)).toEqual(['t1', 't2', 'u1', 'u2']);
  });
});
