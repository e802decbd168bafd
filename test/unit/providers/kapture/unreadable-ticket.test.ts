import { describe, expect, it, vi } from 'vitest';
import { outcomeOf, useProviderHarness } from '../provider-harness.js';
import { KAPTURE, kaptureFixture } from './fixtures.js';

// A mapper that throws for one ticket stands in for a payload that passes its shape check and still
// cannot be read: the guard under test is the provider's, not the mapper's.
const UNREADABLE = '713516551149';
vi.mock('../../../../src/providers/kapture/mapper.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/providers/kapture/mapper.js')>();
  return {
    ...original,
    toTicket: (...args: Parameters<typeof original.toTicket>) => {
      if (String(args[0].task_details.ticketId) === UNREADABLE)
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return original.toTicket(...args);
    },
  };
});

describe('Kapture, a ticket its mapper cannot read', () => {
  const { answer, fetchTickets } = useProviderHarness(KAPTURE);

  it('fails that ticket alone as UPSTREAM_INVALID_RESPONSE; the rest of its chunk stands', async () => {
    const example = kaptureFixture('get-ticket.example.json')[0];
    const element = (ticketId: string) => ({ ...example, task_details: { ...example.task_details, ticketId } });
    answer(200, [element('713516551148'), element(UNREADABLE), element('713516551150')]);
    const results = await fetchTickets(['713516551148', UNREADABLE, '713516551150']);
    expect(results.map(outcomeOf)).toEqual(['713516551148', 'UPSTREAM_INVALID_RESPONSE', '713516551150']);
    expect(results[1]).toMatchObject({
      provider: 'kapture',
      message: 'The kapture answer could not be read (TypeError)',
    });
  });
});
