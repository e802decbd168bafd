import { DateTime } from 'luxon';
import { SeededRandom } from '../seeded-random.js';
import { seedInstants } from '../seed-timeline.js';
import type { SeededTicket } from '../ticket-store.js';
import { PRIMARY_PEOPLE } from './seed-text.js';
import { HOSTUP_SEED, type HostupTicket, hostupTicket } from './seed.js';

/**
 * The tickets seeded after the first thirty, from a stream of their own so those stay as every
 * older test knows them: enough of the primary tenant's for the v2 list to page through, every
 * v2 status among them (docs/providers/hostup.md, Lists).
 */

/**
 * HostBill statuses in turn, oldest first: seven of sixteen closed, and besides the words the
 * first thirty have, `On-Hold` and a status an admin made up (v2's `unknown`).
 */
const STATUS_TURNS = [
  'Closed',
  'Answered',
  'Closed',
  'Client-Reply',
  'Open',
  'Closed',
  'In-Progress',
  'On-Hold',
  'Closed',
  'Answered',
  'Closed',
  'Client-Reply',
  'Awaiting-Vendor',
  'Closed',
  'Open',
  'Closed',
] as const;
const COUNT = 64;
/** The place after the first thirty. */
const FIRST_INDEX = 30;
/** Numbers grow with time, about 65 a day from 594500 in January 2024, as the first thirty's do. */
const NUMBER_ORIGIN = { number: 594_500, at: Date.UTC(2024, 0, 8, 8, 0, 0), perDay: 65.6 };
/** One more, created in the same second as 612449, so the list's order must break a tie. */
const TIED_WITH = '612449';
const TIED_NUMBER = '612450';

const random = new SeededRandom(0x4058);

/** A number for a ticket created at `created`, not yet taken. */
function numberFor(created: number, taken: Set<string>): string {
  const days = (created - NUMBER_ORIGIN.at) / 86_400_000;
  let number = NUMBER_ORIGIN.number + Math.round(days * NUMBER_ORIGIN.perDay);
  while (taken.has(String(number))) number += 1;
  taken.add(String(number));
  return String(number);
}

/** When a seeded ticket was created, from its legacy `date`. */
function createdOf(ticket: HostupTicket): number {
  return DateTime.fromFormat(ticket.date, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Stockholm' }).toMillis();
}

function volume(): SeededTicket<HostupTicket>[] {
  const taken = new Set(HOSTUP_SEED.map((entry) => entry.ticket.number));
  const drafts = seedInstants(random, COUNT).map((created, turn) => ({
    created,
    status: STATUS_TURNS[turn % STATUS_TURNS.length]!,
    number: '',
  }));
  for (const draft of drafts) draft.number = numberFor(draft.created, taken);
  const tied = HOSTUP_SEED.find((entry) => entry.ticket.number === TIED_WITH)!.ticket;
  drafts.push({ created: createdOf(tied), status: 'Open', number: TIED_NUMBER });
  return drafts.map(({ created, status, number }, turn) => {
    const draft = {
      index: FIRST_INDEX + turn,
      owner: 'primary' as const,
      created,
      person: random.pick(PRIMARY_PEOPLE),
      closed: status === 'Closed',
      status,
    };
    return { owner: 'primary', ticket: hostupTicket(draft, number, random) };
  });
}

/** Every seeded HostUp ticket: the first thirty (seed.ts), then 65 more of the primary tenant's. */
export const HOSTUP_TICKETS: readonly SeededTicket<HostupTicket>[] = [...HOSTUP_SEED, ...volume()];
