import { describe, expect, it } from 'vitest';
import { TicketStore, withCopies, type SeededTicket } from '../../../src/sandbox/ticket-store.js';

interface Fake {
  number: string;
  body: string;
}
const seed: SeededTicket<Fake>[] = [
  { owner: 'primary', ticket: { number: '1', body: 'first' } },
  { owner: 'other', ticket: { number: '2', body: 'theirs' } },
  { owner: 'primary', ticket: { number: '3', body: 'third' } },
];
const numberOf = (ticket: Fake) => ticket.number;
const renumber = (ticket: Fake, number: string) => {
  ticket.number = number;
};

describe('withCopies', () => {
  it("adds copies of the primary tenant's tickets in turn, under new numbers that skip taken ones", () => {
    const all = withCopies(seed, 3, numberOf, renumber, (index) => String(index + 2));
    expect(all.slice(0, 3)).toEqual(seed);
    expect(all.slice(3)).toEqual([
      { owner: 'primary', ticket: { number: '4', body: 'first' } },
      { owner: 'primary', ticket: { number: '5', body: 'third' } },
      { owner: 'primary', ticket: { number: '6', body: 'first' } },
    ]);
    // The seed's own objects are untouched.
    expect(seed[0]!.ticket.number).toBe('1');
  });

  it('adds nothing for a count of 0', () => {
    expect(withCopies(seed, 0, numberOf, renumber, String)).toEqual(seed);
  });

  it("keeps the copies across a store's reset, as seeded tickets", () => {
    const store = new TicketStore(
      withCopies(seed, 2, numberOf, renumber, (index) => `c${index}`),
      numberOf,
    );
    store.get('c0')!.ticket.body = 'changed';
    store.reset();
    expect(store.get('c0')!.ticket.body).toBe('first');
    expect(store.numbers('primary')).toEqual(['1', '3', 'c0', 'c1']);
  });
});
